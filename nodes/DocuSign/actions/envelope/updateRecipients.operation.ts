import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { isEmail } from '../../helpers/email';
import { RECIPIENT_GROUPS, type RecipientGroup } from '../../helpers/recipients';
import { apiRequest } from '../../transport';
import { checkUpdateSummary, describeRecipient, listRecipients } from './envelopeData';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

/** Recipients who finished cannot be corrected any more. */
const FINISHED = new Set(['completed', 'signed', 'declined']);

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The envelope whose recipients to correct. It must still be in progress (sent or delivered) or a draft.',
	},
	{
		displayName: 'Corrections',
		name: 'corrections',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Correction',
		default: { recipients: [{ recipientId: '', name: '', email: '' }] },
		description: 'The recipients to correct. Recipients who already signed or declined cannot be changed.',
		options: [
			{
				displayName: 'Recipient',
				name: 'recipients',
				values: [
					{
						displayName: 'Recipient Name or ID',
						name: 'recipientId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getEnvelopeRecipients', loadOptionsDependsOn: ['envelopeId.value'] },
						default: '',
						required: true,
						description:
							'The recipient to correct, by their recipient ID in the envelope ("1", "2", …). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'New Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Ada Lovelace',
						description: 'The corrected full name. Leave empty to keep the current name.',
					},
					{
						displayName: 'New Email',
						name: 'email',
						type: 'string',
						placeholder: 'e.g. name@email.com',
						default: '',
						description:
							'The corrected e-mail address. Leave empty to keep the current one. A new address gets the signing e-mail when the envelope is resent.',
					},
				],
			},
		],
	},
	{
		displayName: 'Resend Envelope',
		name: 'resendEnvelope',
		type: 'boolean',
		default: true,
		description:
			'Whether DocuSign e-mails the corrected recipients again right away, when it is their turn to sign. Turn off to correct silently.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['updateRecipients'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface Correction {
	recipientId: string;
	name: string;
	email: string;
}

function readCorrections(this: IExecuteFunctions, itemIndex: number): Correction[] {
	const raw = this.getNodeParameter('corrections.recipients', itemIndex, []) as IDataObject[];
	const fail = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex, description });
	const corrections = raw.map((entry) => ({
		recipientId: String(entry.recipientId ?? '').trim(),
		name: String(entry.name ?? '').trim(),
		email: String(entry.email ?? '').trim(),
	}));
	if (!corrections.length) {
		throw fail('Corrections: add at least one recipient to correct', 'Choose the recipient and enter the new name, e-mail or both.');
	}
	const seen = new Set<string>();
	corrections.forEach((correction, index) => {
		const label = `Corrections, recipient ${index + 1}`;
		if (!correction.recipientId) {
			throw fail(`${label}: no recipient chosen`, 'Choose the recipient to correct, or map their recipient ID ("1", "2", …).');
		}
		if (seen.has(correction.recipientId)) {
			throw fail(
				`${label}: recipient ${correction.recipientId} is corrected twice`,
				'Put all changes of one recipient in one entry.',
			);
		}
		seen.add(correction.recipientId);
		if (!correction.name && !correction.email) {
			throw fail(`${label}: enter a New Name, a New Email or both`, 'An empty correction would change nothing.');
		}
		if (correction.email && !isEmail(correction.email)) {
			throw fail(`${label}: "${correction.email}" is not a valid e-mail address`, 'Enter an address such as name@example.com.');
		}
	});
	return corrections;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const corrections = readCorrections.call(this, itemIndex);
	const resendEnvelope = this.getNodeParameter('resendEnvelope', itemIndex, true) as boolean;

	// The recipient's type decides which list of the request it goes in, and a typo is caught here.
	const current = listRecipients(
		await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/recipients`, {
			itemIndex,
			action: 'read the recipients of the envelope',
		}),
	);
	const body: Partial<Record<RecipientGroup, IDataObject[]>> = {};
	const changes: IDataObject[] = [];
	for (const correction of corrections) {
		const recipient = current.find((candidate) => candidate.recipientId === correction.recipientId);
		if (!recipient) {
			throw new NodeOperationError(
				this.getNode(),
				`Corrections: envelope ${envelopeId} has no recipient with ID "${correction.recipientId}"`,
				{
					itemIndex,
					description: current.length
						? `Its recipients are: ${current.map(describeRecipient).join('; ')}.`
						: 'The envelope has no recipients.',
				},
			);
		}
		if (FINISHED.has(recipient.status.toLowerCase())) {
			throw new NodeOperationError(
				this.getNode(),
				`Corrections: recipient ${recipient.recipientId} (${recipient.name || recipient.email}) is ${recipient.status} and can no longer be corrected`,
				{ itemIndex, description: 'Only recipients who have not finished yet can be corrected. Void the envelope and send a new one instead.' },
			);
		}
		const inPerson = recipient.group === 'inPersonSigners';
		const update: IDataObject = { recipientId: recipient.recipientId };
		if (correction.name) update[inPerson ? 'signerName' : 'name'] = correction.name;
		if (correction.email) update[inPerson ? 'signerEmail' : 'email'] = correction.email;
		(body[recipient.group] ??= []).push(update);
		changes.push({
			recipientId: recipient.recipientId,
			recipientType: RECIPIENT_GROUPS[recipient.group],
			name: correction.name || recipient.name,
			email: correction.email || recipient.email,
			previousName: recipient.name,
			previousEmail: recipient.email,
		});
	}

	const summary = (await apiRequest.call(this, 'PUT', `/envelopes/${envelopeId}/recipients`, {
		qs: resendEnvelope ? { resend_envelope: true } : undefined,
		body,
		itemIndex,
		action: 'correct the recipients',
	})) as IDataObject;
	checkUpdateSummary.call(this, summary, itemIndex, 'correct the recipients');
	return [{ json: { envelopeId, resent: resendEnvelope, recipients: changes } }];
}
