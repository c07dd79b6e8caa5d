import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { RECIPIENT_GROUPS } from '../../helpers/recipients';
import { apiRequest } from '../../transport';
import { listRecipients } from './envelopeData';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	envelopeRLC,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'perRecipient',
		options: [
			{
				name: 'One Item per Recipient',
				value: 'perRecipient',
				description:
					'Each recipient as an item with envelopeId, recipientType, status and dates; ready for an If or Filter node',
			},
			{
				name: 'One Item With All Recipients',
				value: 'grouped',
				description: 'DocuSign\'s answer as is: signers, carbonCopies and the other recipient lists',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Extended Details',
				name: 'includeExtended',
				type: 'boolean',
				default: false,
				description: 'Whether to add the extended recipient properties, such as the recipient\'s authentication settings',
			},
			{
				displayName: 'Include Tabs',
				name: 'includeTabs',
				type: 'boolean',
				default: false,
				description: 'Whether to add each recipient\'s fields (tabs) with the values they entered',
			},
		],
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['getRecipients'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const output = this.getNodeParameter('output', itemIndex, 'perRecipient') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.includeTabs) qs.include_tabs = true;
	if (options.includeExtended) qs.include_extended = true;

	const recipients = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/recipients`, {
		qs,
		itemIndex,
		action: 'read the recipients of the envelope',
	})) as IDataObject;

	if (output === 'grouped') return [{ json: { envelopeId, ...recipients } }];
	return listRecipients(recipients).map((recipient) => ({
		// Our recipientType is set for every recipient and spelt like the node's other outputs
		// (DocuSign's own, when present, is lower case: "carboncopy").
		json: { envelopeId, ...recipient.data, recipientType: RECIPIENT_GROUPS[recipient.group] },
	}));
}
