import type { IDataObject } from 'n8n-workflow';

/** A Connect 2.0 JSON SIM message (connect.schema-v2.json): `{event, …, data: {…, envelopeSummary}}`. */
export interface ConnectMessage extends IDataObject {
	event: string;
	generatedDateTime?: string;
	data?: IDataObject;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The message in a raw body, or undefined when the body is not Connect JSON (e.g. legacy XML). */
export function parseConnectMessage(rawBody: Buffer): ConnectMessage | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(rawBody.toString('utf8').replace(/^\uFEFF/, ''));
	} catch {
		return undefined;
	}
	return asConnectMessage(parsed);
}

export function asConnectMessage(value: unknown): ConnectMessage | undefined {
	if (!isObject(value) || typeof value.event !== 'string' || value.event === '') return undefined;
	return value as ConnectMessage;
}

/** The recipient a recipient event is about, searched in every recipient list of the summary. */
function findRecipient(summary: IDataObject, recipientId: string): IDataObject | undefined {
	if (!recipientId || !isObject(summary.recipients)) return undefined;
	for (const list of Object.values(summary.recipients)) {
		if (!Array.isArray(list)) continue;
		const match = list.find((entry) => isObject(entry) && text(entry.recipientId) === recipientId);
		if (match) return match as IDataObject;
	}
	return undefined;
}

/** The fields workflows use most, at the top level, with the whole message under `payload`. */
export function flattenConnectMessage(message: ConnectMessage): IDataObject {
	const data = isObject(message.data) ? message.data : {};
	const summary = isObject(data.envelopeSummary) ? data.envelopeSummary : {};
	const sender = isObject(summary.sender) ? summary.sender : {};
	const recipientId = text(data.recipientId);
	const recipient = findRecipient(summary, recipientId);
	return {
		event: message.event,
		envelopeId: text(data.envelopeId ?? summary.envelopeId),
		status: text(summary.status),
		accountId: text(data.accountId),
		userId: text(data.userId),
		recipientId,
		generatedDateTime: text(message.generatedDateTime),
		emailSubject: text(summary.emailSubject),
		senderName: text(sender.userName),
		senderEmail: text(sender.email),
		...(recipient
			? {
					recipientName: text(recipient.name),
					recipientEmail: text(recipient.email),
					recipientStatus: text(recipient.status),
					recipientType: text(recipient.recipientType),
				}
			: {}),
		completedDateTime: text(summary.completedDateTime),
		configurationId: text(message.configurationId),
		retryCount: Number(message.retryCount ?? 0) || 0,
		payload: message,
	};
}
