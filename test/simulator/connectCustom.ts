/** Control API Connect messages: custom bodies, forged or missing signatures, repeats, re-sends. */
import { randomBytes } from 'node:crypto';
import { hmacHeaders, jsonPayload } from './connectPayload';
import type { SimCore } from './core';
import type { DeliveryRecord } from './types';
import { guid } from './util';

export interface CustomDelivery {
	/** Where to POST (loopback only); defaults to the URL of `deliveryId`. */
	url?: string;
	event?: string;
	envelopeId?: string;
	accountId?: string;
	/** Raw body (sent byte for byte) or an object (JSON-encoded); default: a payload for envelopeId. */
	body?: string | Record<string, unknown>;
	/** valid (default when keys exist): sign with the account's keys; invalid: forged signature; none. */
	hmac?: 'valid' | 'invalid' | 'none';
	hmacKeys?: string[];
	headers?: Record<string, string>;
	/** Send the identical message this many times (duplicate delivery). */
	repeat?: number;
	maxAttempts?: number;
	retryCount?: number;
	/** Send the same body and headers as an earlier delivery. */
	deliveryId?: string;
}

/** A custom, forged or repeated message. Resolves with the records once all are done. */
export async function deliverCustom(core: SimCore, o: CustomDelivery): Promise<DeliveryRecord[]> {
	const earlier = o.deliveryId ? core.state.deliveries.find((d) => d.deliveryId === o.deliveryId) : undefined;
	if (o.deliveryId && !earlier) throw new Error(`No delivery ${o.deliveryId}`);
	const url = o.url ?? earlier?.url;
	if (!url) throw new Error('url is required');
	const env = o.envelopeId ? core.state.envelopes.get(o.envelopeId) : undefined;
	if (o.envelopeId && !env) throw new Error(`No envelope ${o.envelopeId}`);
	const event = o.event ?? earlier?.event ?? 'envelope-completed';
	let body = earlier?.body ?? '';
	if (!earlier) {
		body = typeof o.body === 'string' ? o.body
			: o.body ? JSON.stringify(o.body)
			: env ? JSON.stringify(jsonPayload(core, env, undefined, { event, configurationId: 0, retryCount: o.retryCount ?? 0, includeData: ['recipients', 'custom_fields'] }))
			: JSON.stringify({ event, apiVersion: 'v2.1', uri: '', retryCount: o.retryCount ?? 0, configurationId: 0, generatedDateTime: new Date().toISOString(), data: { accountId: o.accountId ?? '', userId: '', recipientId: '', envelopeId: guid(), envelopeSummary: {} } });
	}
	const accountId = o.accountId ?? env?.accountId ?? core.seed.accounts[0].accountId;
	const keys = o.hmacKeys ?? core.state.hmacKeys.get(accountId) ?? [];
	const signing = o.hmac === 'none' ? [] : o.hmac === 'invalid' ? [randomBytes(32).toString('base64')] : keys;
	const headers = earlier && !o.headers ? earlier.headers : { 'Content-Type': 'application/json; charset=utf-8', ...hmacHeaders(body, signing), ...o.headers };
	const records: DeliveryRecord[] = [];
	for (let i = 0; i < Math.max(1, o.repeat ?? 1); i++) {
		const record = core.connect.newRecord(event, url, 'custom', { envelopeId: env?.envelopeId });
		records.push(record);
		await core.connect.schedule(record, () => ({ body, headers }), o.maxAttempts ?? 1);
	}
	return records;
}
