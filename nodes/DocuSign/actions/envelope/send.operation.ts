import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getEnvelopeId, envelopeRLC } from './envelopeLocator';
import { changeEnvelopeStatus } from './statusChange';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The draft envelope to send. Only a draft (status "created", e.g. from Create with Status "Save as Draft") can be sent; its recipients get their e-mails in routing order.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['send'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	await changeEnvelopeStatus.call(this, envelopeId, { status: 'sent' }, itemIndex, 'send the draft envelope');
	return [{ json: { envelopeId, status: 'sent' } }];
}
