/** Connect message bodies (JSON SIM per connect.schema-v2.json, or legacy XML) and HMAC headers. */
import { createHmac } from 'node:crypto';
import type { SimCore } from './core';
import { documentsJson, envelopeJson } from './envelopeJson';
import type { EnvelopeRecord, RecipientRecord } from './types';

export interface PayloadOptions {
	event: string;
	configurationId: number;
	retryCount: number;
	/** eventData.includeData: recipients, tabs, custom_fields, documents… */
	includeData: string[];
}

/** `{event, apiVersion, uri, retryCount, configurationId, generatedDateTime, data: {…}}`. */
export function jsonPayload(core: SimCore, env: EnvelopeRecord, recipient: RecipientRecord | undefined, o: PayloadOptions): Record<string, unknown> {
	const include = new Set(o.includeData.map((s) => s.toLowerCase()));
	const envelopeSummary = envelopeJson(core, env, include);
	if (include.has('documents')) {
		envelopeSummary.envelopeDocuments = documentsJson(env).map((d) => {
			const doc = env.documents.find((x) => x.documentId === d.documentId);
			return doc ? { ...d, PDFBytes: doc.bytes.toString('base64') } : d;
		});
	}
	return {
		event: o.event,
		apiVersion: 'v2.1',
		uri: `/restapi/v2.1/accounts/${env.accountId}/envelopes/${env.envelopeId}`,
		retryCount: o.retryCount,
		configurationId: o.configurationId,
		generatedDateTime: new Date().toISOString(),
		data: {
			accountId: env.accountId,
			userId: env.senderUserId,
			recipientId: recipient?.recipientId ?? '',
			envelopeId: env.envelopeId,
			envelopeSummary,
		},
	};
}

const xmlEscape = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a configuration without eventData {version: "restv2.1", format: "json"} gets: legacy XML. */
export function xmlPayload(env: EnvelopeRecord): string {
	const recipients = env.recipients
		.map((r) => `<RecipientStatus><Type>${capital(r.type.replace(/s$/, ''))}</Type><Email>${xmlEscape(r.email ?? '')}</Email><UserName>${xmlEscape(r.name ?? '')}</UserName><RoutingOrder>${r.routingOrder}</RoutingOrder><Status>${capital(r.status)}</Status><RecipientId>${r.recipientIdGuid}</RecipientId></RecipientStatus>`)
		.join('');
	return `<?xml version="1.0" encoding="utf-8"?><DocuSignEnvelopeInformation xmlns="http://www.docusign.net/API/3.0"><EnvelopeStatus><RecipientStatuses>${recipients}</RecipientStatuses><EnvelopeID>${env.envelopeId}</EnvelopeID><Subject>${xmlEscape(env.emailSubject ?? '')}</Subject><Status>${capital(env.status)}</Status><Created>${env.createdDateTime}</Created></EnvelopeStatus></DocuSignEnvelopeInformation>`;
}

/** X-DocuSign-Signature-1..N: base64(HMAC-SHA256(key, raw body bytes)), one per key, in key order. */
export function hmacHeaders(body: string, keys: string[]): Record<string, string> {
	const headers: Record<string, string> = {};
	keys.forEach((key, i) => {
		headers[`X-DocuSign-Signature-${i + 1}`] = createHmac('sha256', key).update(Buffer.from(body, 'utf8')).digest('base64');
	});
	return headers;
}
