import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customFieldValues, readEnvelopeCustomFields } from './customFields';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description: 'The envelope whose custom fields (metadata such as an order number, set by the sender) to read',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['getCustomFields'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const fields = await readEnvelopeCustomFields.call(this, envelopeId, itemIndex);
	return [{ json: { envelopeId, values: customFieldValues(fields), customFields: fields } }];
}
