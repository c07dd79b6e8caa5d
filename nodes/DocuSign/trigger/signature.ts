import { createHmac, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Request headers as Node gives them: lower-case names, repeated ones as arrays. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** DocuSign keeps at most 100 HMAC keys per account and signs each message once per active key. */
export const MAX_HMAC_KEYS = 100;

const SIGNATURE_HEADER = /^x-docusign-signature-\d+$/i;

/** The keys of a "DocuSign Connect HMAC" credential: the main key, then the extra ones (one per line). */
export function readHmacKeys(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	const main = String(credentials?.hmacSecret ?? '').trim();
	const more = String(credentials?.additionalHmacSecrets ?? '')
		.split(/[\s,;]+/)
		.map((key) => key.trim());
	return [...new Set([main, ...more].filter((key) => key !== ''))];
}

/** Why a set of keys cannot be right, in words that never contain a key; undefined when it can. */
export function hmacKeysProblem(keys: string[]): string | undefined {
	if (keys.length === 0) return 'Enter at least one HMAC key.';
	if (keys.length > MAX_HMAC_KEYS) return `DocuSign allows at most ${MAX_HMAC_KEYS} HMAC keys per account; ${keys.length} were entered.`;
	const short = keys.findIndex((key) => key.length < 16);
	if (short !== -1) {
		return `Key ${short + 1} is too short to be a DocuSign HMAC key (they are about 44 characters). Copy it again from DocuSign Admin → Connect → Connect Keys.`;
	}
	return undefined;
}

/** Every X-DocuSign-Signature-N value of a request, whatever N is. */
export function signatureHeaderValues(headers: RequestHeaders): string[] {
	const values: string[] = [];
	for (const [name, value] of Object.entries(headers)) {
		if (!SIGNATURE_HEADER.test(name) || value === undefined) continue;
		// A proxy may fold repeated headers into one "a, b"; base64 never contains a comma.
		for (const entry of (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(','))) {
			if (entry.trim() !== '') values.push(entry.trim());
		}
	}
	return values;
}

/**
 * True when one of the signatures is base64(HMAC-SHA256(key, body)) for one of the keys. The HMAC
 * covers the raw request bytes exactly as received: re-serialised JSON would never match.
 */
export function isSignedByAnyKey(rawBody: Buffer, signatures: string[], keys: string[]): boolean {
	if (signatures.length === 0 || keys.length === 0) return false;
	const received = signatures.map((signature) => Buffer.from(signature, 'utf8'));
	for (const key of keys) {
		const expected = Buffer.from(createHmac('sha256', key).update(rawBody).digest('base64'), 'utf8');
		for (const candidate of received) {
			if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return true;
		}
	}
	return false;
}
