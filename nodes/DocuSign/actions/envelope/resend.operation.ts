import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';
import { checkUpdateSummary } from './envelopeData';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The envelope to resend. DocuSign e-mails again the recipients whose turn it is (status sent or delivered); the envelope must still be in progress.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['resend'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const summary = (await apiRequest.call(this, 'PUT', `/envelopes/${envelopeId}`, {
		qs: { resend_envelope: true },
		// DocuSign wants a JSON body on this PUT; n8n's HTTP helper drops an empty object, so send the text.
		body: '{}',
		headers: { 'Content-Type': 'application/json' },
		itemIndex,
		action: 'resend the envelope',
		// A second resend only repeats the e-mails: safe to retry after a lost answer.
		idempotent: true,
	})) as IDataObject;
	checkUpdateSummary.call(this, summary, itemIndex, 'resend the envelope');
	return [{ json: { envelopeId, resent: true } }];
}
