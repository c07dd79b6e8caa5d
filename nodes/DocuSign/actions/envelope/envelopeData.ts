import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { RECIPIENT_GROUPS, recipientEntries, type RecipientGroup } from '../../helpers/recipients';

export interface EnvelopeRecipient {
	group: RecipientGroup;
	/** DocuSign's recipient object, as returned. */
	data: IDataObject;
	recipientId: string;
	name: string;
	email: string;
	status: string;
	clientUserId?: string;
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/**
 * Every recipient of an EnvelopeRecipients object, in routing order (DocuSign's group order
 * within one routing order). In-person signers are named by the person who signs, not the host.
 */
export function listRecipients(recipients: unknown): EnvelopeRecipient[] {
	const all = recipientEntries(recipients).map(({ group, data }): EnvelopeRecipient => {
		const clientUserId = text(data.clientUserId);
		return {
			group,
			data,
			recipientId: text(data.recipientId),
			name: text(data.signerName) || text(data.name),
			email: text(data.signerEmail) || text(data.email),
			status: text(data.status),
			...(clientUserId ? { clientUserId } : {}),
		};
	});
	const order = (recipient: EnvelopeRecipient) => Number(recipient.data.routingOrder ?? Number.MAX_SAFE_INTEGER);
	return all
		.map((recipient, index) => ({ recipient, index }))
		.sort((a, b) => order(a.recipient) - order(b.recipient) || a.index - b.index)
		.map(({ recipient }) => recipient);
}

/** "Ada Lovelace <ada@example.com> (recipient 1, signer, sent)" for messages and dropdowns. */
export function describeRecipient(recipient: EnvelopeRecipient): string {
	const who = [recipient.name, recipient.email && `<${recipient.email}>`].filter(Boolean).join(' ') || '(no name)';
	const details = [
		`recipient ${recipient.recipientId}`,
		RECIPIENT_GROUPS[recipient.group],
		recipient.status,
		recipient.clientUserId !== undefined ? `client user ID "${recipient.clientUserId}"` : '',
	].filter(Boolean);
	return `${who} (${details.join(', ')})`;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** DocuSign error details that are a real failure ("SUCCESS" is DocuSign's all-clear). */
export function failureOf(details: unknown): { errorCode: string; message: string } | undefined {
	if (!details || typeof details !== 'object') return undefined;
	const errorCode = text((details as IDataObject).errorCode);
	if (!errorCode || errorCode.toUpperCase() === 'SUCCESS') return undefined;
	return { errorCode, message: text((details as IDataObject).message) };
}

/**
 * DocuSign answers some updates with HTTP 200 and the failure inside the summary
 * (envelopeUpdateSummary / recipientsUpdateSummary): raise those as errors too.
 */
export function checkUpdateSummary(
	this: IExecuteFunctions,
	summary: IDataObject | undefined,
	itemIndex: number,
	action: string,
): void {
	const failures: string[] = [];
	const envelopeFailure = failureOf(summary?.errorDetails);
	if (envelopeFailure) failures.push(`${envelopeFailure.errorCode}${envelopeFailure.message ? ` – ${envelopeFailure.message}` : ''}`);
	const results = Array.isArray(summary?.recipientUpdateResults) ? (summary.recipientUpdateResults as IDataObject[]) : [];
	for (const result of results) {
		const failure = failureOf(result.errorDetails);
		if (failure) {
			failures.push(`recipient ${text(result.recipientId)}: ${failure.errorCode}${failure.message ? ` – ${failure.message}` : ''}`);
		}
	}
	if (!failures.length) return;
	throw new NodeApiError(this.getNode(), (summary ?? {}) as JsonObject, {
		message: `DocuSign could not ${action}: ${failures.join('; ')}`,
		description: 'DocuSign accepted the request but reported the failure above. Check the envelope\'s status and recipients in DocuSign.',
		itemIndex,
	});
}
