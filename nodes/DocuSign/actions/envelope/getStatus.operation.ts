import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { listRecipients } from './envelopeData';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		hint: 'One DocuSign call per item. To wait for signatures, use the DocuSign Trigger or Status Notifications rather than a loop: DocuSign allows one read per envelope every 15 minutes.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['getStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const orNull = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const envelope = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}`, {
		qs: { include: 'recipients' },
		itemIndex,
		action: 'read the envelope status',
	})) as IDataObject;
	return [
		{
			json: {
				envelopeId: orNull(envelope.envelopeId) ?? envelopeId,
				status: orNull(envelope.status),
				statusChangedDateTime: orNull(envelope.statusChangedDateTime),
				completedDateTime: orNull(envelope.completedDateTime),
				recipients: listRecipients(envelope.recipients).map((recipient) => ({
					name: recipient.name,
					email: recipient.email,
					status: recipient.status,
					signedDateTime: orNull(recipient.data.signedDateTime),
				})),
			},
		},
	];
}
