import { createPrivateKey, type KeyObject } from 'crypto';

/** Thrown for a key that cannot be used; the message says what is wrong, never what the key is. */
export class PrivateKeyError extends Error {
	constructor(problem: string) {
		super(
			`The RSA private key in the DocuSign JWT credential is not usable: ${problem}. Paste the whole key DocuSign generated for the integration key, from "-----BEGIN RSA PRIVATE KEY-----" to "-----END RSA PRIVATE KEY-----" (PKCS#8 "BEGIN PRIVATE KEY" works too).`,
		);
		this.name = 'PrivateKeyError';
	}
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/**
 * Rebuilds a PEM that lost its shape on the way into a form field: literal "\n", CRLF,
 * surrounding quotes, or body lines joined by spaces.
 */
export function normalizePem(raw: string): string {
	const text = raw
		.trim()
		.replace(/^["']|["']$/g, '')
		.replace(/\\r\\n|\\n|\\r/g, '\n')
		.replace(/\r\n?/g, '\n');
	const block = PEM_BLOCK.exec(text);
	if (!block) {
		if (/-----BEGIN /.test(text)) {
			throw new PrivateKeyError('the "-----BEGIN …-----" line has no matching "-----END …-----" line');
		}
		const body = text.replace(/\s+/g, '');
		if (!body) throw new PrivateKeyError('the field is empty');
		if (!/^[A-Za-z0-9+/]+=*$/.test(body)) {
			throw new PrivateKeyError('it has no "-----BEGIN … PRIVATE KEY-----" line and is not base64');
		}
		// A bare base64 body: DocuSign's keys are PKCS#1, other tools write PKCS#8.
		return toPem(body.startsWith('MIIE') && isPkcs8Der(body) ? 'PRIVATE KEY' : 'RSA PRIVATE KEY', body);
	}
	const label = block[1];
	if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' || label === 'CERTIFICATE') {
		throw new PrivateKeyError(
			`it is a ${label.toLowerCase()}, not a private key (DocuSign shows both; use the private one)`,
		);
	}
	if (label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(block[2])) {
		throw new PrivateKeyError('it is encrypted with a passphrase; export it without one');
	}
	if (label !== 'RSA PRIVATE KEY' && label !== 'PRIVATE KEY') {
		throw new PrivateKeyError(`its "-----BEGIN ${label}-----" block is not an RSA private key`);
	}
	const body = block[2].replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]+=*$/.test(body)) {
		throw new PrivateKeyError('the text between the BEGIN and END lines is not base64');
	}
	return toPem(label, body);
}

function toPem(label: string, body: string): string {
	const lines = body.match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function tryCreatePrivateKey(pem: string): KeyObject | undefined {
	try {
		return createPrivateKey({ key: pem, format: 'pem' });
	} catch {
		return undefined;
	}
}

function isPkcs8Der(body: string): boolean {
	try {
		createPrivateKey({ key: Buffer.from(body, 'base64'), format: 'der', type: 'pkcs8' });
		return true;
	} catch {
		return false;
	}
}

/** Parses the credential's key field into an RSA KeyObject, or throws a PrivateKeyError. */
export function parseRsaPrivateKey(raw: string): KeyObject {
	const key = tryCreatePrivateKey(normalizePem(raw));
	if (!key) {
		throw new PrivateKeyError(
			'its base64 body does not decode to a private key (a character is missing or the text was cut)',
		);
	}
	if (key.asymmetricKeyType !== 'rsa') {
		throw new PrivateKeyError(`it is a ${key.asymmetricKeyType ?? 'non-RSA'} key; DocuSign signs with RSA`);
	}
	const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
	if (bits < 2048) {
		throw new PrivateKeyError(`it has ${bits} bits; DocuSign needs an RSA key of at least 2048 bits`);
	}
	return key;
}
