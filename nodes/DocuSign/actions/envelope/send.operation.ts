import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';
import { checkUpdateSummary } from './envelopeData';

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
	const summary = (await apiRequest.call(this, 'PUT', `/envelopes/${envelopeId}`, {
		body: { status: 'sent' },
		itemIndex,
		action: 'send the draft envelope',
	})) as IDataObject;
	checkUpdateSummary.call(this, summary, itemIndex, 'send the draft envelope');
	return [{ json: { envelopeId, status: 'sent' } }];
}
