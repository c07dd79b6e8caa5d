import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	envelopeRLC,
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		default: [],
		description: 'What to return along with the envelope, in the same single call',
		hint: 'To react when an envelope is signed, use the DocuSign Trigger or Status Notifications instead of reading it on a schedule: DocuSign allows one read per envelope every 15 minutes.',
		options: [
			{ name: 'Attachments', value: 'attachments', description: 'Files the signers attached' },
			{ name: 'Custom Fields', value: 'custom_fields', description: 'The envelope custom fields (text and list)' },
			{ name: 'Documents', value: 'documents', description: 'The documents, with their IDs and names' },
			{ name: 'E-Mail Settings', value: 'extensions', description: 'Reply-to and BCC e-mail settings' },
			{ name: 'Folders', value: 'folders', description: 'The folders the envelope is in' },
			{ name: 'Recipients', value: 'recipients', description: 'Every recipient with their status and dates' },
			{
				name: 'Tabs',
				value: 'tabs',
				description: 'The fields of each recipient, with the values they entered. Adds recipients too.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const include = new Set(this.getNodeParameter('include', itemIndex, []) as string[]);
	// Tabs come back inside the recipients.
	if (include.has('tabs')) include.add('recipients');
	const envelope = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}`, {
		qs: include.size ? { include: [...include].sort().join(',') } : undefined,
		itemIndex,
		action: 'read the envelope',
	})) as IDataObject;
	return [{ json: envelope }];
}
