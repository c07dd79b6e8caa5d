import type {
	IBinaryKeyData,
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { RECIPIENT_GROUPS } from '../../../helpers/recipients';
import { apiRequest, MARKER_FIELD, resolveAccount } from '../../../transport';
import type { ConnectMessage } from '../../../trigger/payload';
import { listRecipients } from '../envelopeData';
import type { FinalStatus, ResumeState } from './resume';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const orNull = (value: unknown): string | null =>
	(typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : null;

function summaryOf(message: ConnectMessage): IDataObject {
	const data = isObject(message.data) ? message.data : {};
	return isObject(data.envelopeSummary) ? data.envelopeSummary : {};
}

export function envelopeIdOf(message: ConnectMessage): string {
	const data = isObject(message.data) ? message.data : {};
	return orNull(data.envelopeId) ?? orNull(summaryOf(message).envelopeId) ?? '';
}

// DocuSign keeps a transactionId "in the DocuSign system for 7 days" (spec
// envelopeDefinition.transactionId); a wait can last months, so later events may lack it.
const TRANSACTION_ID_MS = 7 * 86_400_000;
// The create happens right after the resume URL is signed; retries and rate-limit waits included.
const CREATE_WINDOW_MS = 15 * 60_000;

/**
 * Whether the event is about the envelope this execution created: its transactionId, which
 * Connect messages carry in the envelope summary (connect.schema-v2.json), or, for executions
 * that started waiting before the node set transactionIds, the hidden marker custom field. Once
 * the transactionId may have expired (7 days), an event without one is recognised by the
 * envelope's creation time, which must fall right after this execution signed its resume URL.
 */
export function isAboutEnvelope(message: ConnectMessage, state: ResumeState, now: number): boolean {
	const summary = summaryOf(message);
	const transactionId = orNull(summary.transactionId);
	if (transactionId) return transactionId === state.marker;
	const customFields = summary.customFields;
	const fields = isObject(customFields) && Array.isArray(customFields.textCustomFields) ? customFields.textCustomFields : [];
	const marker = (fields as unknown[]).find((field) => isObject(field) && field.name === MARKER_FIELD) as IDataObject | undefined;
	if (marker && orNull(marker.value) === state.marker) return true;
	if (state.createdAt === undefined) return false;
	const created = Date.parse(String(summary.createdDateTime ?? ''));
	return (
		Number.isFinite(created) &&
		now - created >= TRANSACTION_ID_MS &&
		created >= state.createdAt - 60_000 &&
		created <= state.createdAt + CREATE_WINDOW_MS
	);
}

/** The envelope's outcome as the terminal Connect event reports it; nothing is read from DocuSign. */
export function completionJson(message: ConnectMessage, status: FinalStatus): IDataObject {
	const data = isObject(message.data) ? message.data : {};
	const summary = summaryOf(message);
	const recipients = listRecipients(summary.recipients).map((recipient) => ({
		recipientId: recipient.recipientId,
		recipientType: RECIPIENT_GROUPS[recipient.group],
		name: recipient.name,
		email: recipient.email,
		status: recipient.status,
		routingOrder: Number(recipient.data.routingOrder ?? 1),
		signedDateTime: orNull(recipient.data.signedDateTime),
		...(recipient.status === 'declined'
			? { declinedDateTime: orNull(recipient.data.declinedDateTime), declinedReason: orNull(recipient.data.declinedReason) }
			: {}),
	}));
	const decliner = recipients.find((recipient) => recipient.status === 'declined');
	return {
		status,
		event: message.event,
		envelopeId: envelopeIdOf(message),
		accountId: orNull(data.accountId),
		emailSubject: orNull(summary.emailSubject),
		sentDateTime: orNull(summary.sentDateTime),
		completedDateTime: orNull(summary.completedDateTime),
		declinedDateTime: orNull(summary.declinedDateTime) ?? decliner?.declinedDateTime ?? null,
		voidedDateTime: orNull(summary.voidedDateTime),
		...(status === 'declined' ? { declinedReason: decliner?.declinedReason ?? null } : {}),
		...(status === 'voided' ? { voidedReason: orNull(summary.voidedReason) } : {}),
		statusChangedDateTime: orNull(summary.statusChangedDateTime),
		eventDateTime: orNull(message.generatedDateTime),
		recipients,
		payload: message,
	};
}

/** What the node puts out when the wait limit passes: n8n runs no node code then (see waitingState.ts). */
export function timeoutJson(envelope: IDataObject, waitTill: Date): IDataObject {
	return {
		status: 'timeout',
		envelopeId: orNull(envelope.envelopeId),
		accountId: orNull(envelope.accountId),
		emailSubject: orNull(envelope.emailSubject),
		sentDateTime: orNull(envelope.statusDateTime),
		waitedUntil: waitTill.toISOString(),
	};
}

/**
 * Transport takes execute, load-options and hook contexts. A webhook context offers every member
 * it uses: getNodeParameter by name, getCredentials, getNode and helpers.httpRequestWithAuthentication.
 */
const asTransportContext = (context: IWebhookFunctions) => context as unknown as IHookFunctions;

const DOWNLOADS = [
	{ field: 'combined', documentId: 'combined', qs: { certificate: false }, action: 'download the completed envelope as one PDF' },
	{ field: 'certificate', documentId: 'certificate', qs: {}, action: 'download the certificate of completion' },
] as const;

/**
 * The combined PDF (without the certificate) and the certificate of completion: two GETs, after
 * completion, in the account the event names (where the envelope was sent, whatever the node's
 * Account expression gives in this webhook call), else the node's.
 */
export async function downloadCompletedDocuments(this: IWebhookFunctions, envelopeId: string, accountId?: string): Promise<IBinaryKeyData> {
	const context = asTransportContext(this);
	const account = await resolveAccount.call(context, 0, accountId || undefined);
	const binary: IBinaryKeyData = {};
	for (const download of DOWNLOADS) {
		const body = (await apiRequest.call(context, 'GET', `/envelopes/${envelopeId}/documents/${download.documentId}`, {
			qs: download.qs,
			encoding: 'arraybuffer',
			account,
			action: download.action,
		})) as Buffer | ArrayBuffer;
		const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
		binary[download.field] = await this.helpers.prepareBinaryData(bytes, `${envelopeId}_${download.field}.pdf`, 'application/pdf');
	}
	return binary;
}

export function pairedToInput(json: IDataObject): INodeExecutionData {
	return { json, pairedItem: { item: 0 } };
}
