/**
 * The Create / Create From Template tests' account and answers, on the shared node kit (../kit.ts):
 * the DocuSign node with an OAuth2 credential, DocuSign's userinfo and envelope responses, and a
 * reader for the requests nock captured.
 */
import { BASE, docuSignKit, type RunOptions } from '../kit';
import type { RunResult } from '../../engine/harness';

import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { parseMultipart, type MultipartPart } from '../../simulator/multipart';

export const AUTH = 'https://ds-auth.create.test';
export const BASE_URI = BASE;
export const ACCOUNT_ID = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export const userinfo = {
	sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
	name: 'Ada Lovelace',
	email: 'ada@example.com',
	accounts: [{ account_id: ACCOUNT_ID, is_default: true, account_name: 'Main', base_uri: BASE_URI }],
};

export const oauthCredential = (accessToken = 'good-token', expiresAt = Date.now() + 3_600_000): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	customAuthServer: AUTH,
	clientId: 'ik-1',
	clientSecret: 'ik-secret',
	accountId: '',
	scope: 'signature extended',
	oauthTokenData: {
		access_token: accessToken,
		refresh_token: 'refresh-1',
		token_type: 'Bearer',
		expires_in: 28800,
		n8n_expires_at: String(expiresAt),
	},
});

const kit = docuSignKit({
	auth: AUTH,
	accountId: ACCOUNT_ID,
	userinfo,
	defaults: { resource: 'envelope' },
	credentialName: 'Ada @ DocuSign',
	credentialData: () => oauthCredential(),
});

export const REST_PATH = kit.rest;

export async function runDocuSign(
	parameters: INodeParameters,
	inputItems: INodeExecutionData[] = [{ json: {} }],
	options: Pick<RunOptions, 'node' | 'credential' | 'store'> = {},
): Promise<RunResult> {
	return await kit.runNode(parameters, { ...options, inputItems });
}

export function nockUserinfo(times = 1): nock.Scope {
	return nock(AUTH).get('/oauth/userinfo').times(times).reply(200, userinfo);
}

/** The transactionId transport gives every create (derived from run, node and item): GUID-shaped. */
export const derivedTransactionId = () => expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** The hidden custom field that carries a user's Idempotency Key. */
export const userKeyMarker = () => ({
	name: 'n8nIdempotencyKey',
	value: expect.stringMatching(/^k-[0-9a-f]{40}$/),
	show: 'false',
	required: 'false',
});

/** The account's admin-defined envelope custom fields (GET /custom_fields), sent along whenever a create sends custom fields. */
export const accountCustomFields = {
	textCustomFields: [{ fieldId: '11', name: 'Cost Center', value: 'CC-100', show: 'true', required: 'false' }],
	listCustomFields: [
		{ fieldId: '12', name: 'Region', value: 'EMEA', show: 'true', required: 'true', listItems: ['EMEA', 'AMER'], errorDetails: { errorCode: 'SUCCESS' } },
	],
};

/** The account's fields as a create carries them (answer-only errorDetails dropped). */
export const accountFieldsSent = () => ({
	text: accountCustomFields.textCustomFields,
	list: accountCustomFields.listCustomFields.map(({ errorDetails: _e, ...field }) => field),
});

export function nockAccountCustomFields(times = 1): nock.Scope {
	return nock(BASE_URI).get(`${REST_PATH}/custom_fields`).times(times).reply(200, accountCustomFields);
}

export interface CapturedRequest {
	headers: Record<string, string | string[] | undefined>;
	/** The raw body bytes. */
	bytes: Buffer;
}

/**
 * nock hands a request body over as UTF-8 text, or as hex when the bytes are not valid UTF-8.
 * A multipart or JSON body always has characters outside [0-9a-f], so all-hex text means hex.
 */
export function bodyBytes(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	// A character class, not a repeated group: V8 recurses per group repetition and a 3 MB body overflowed its stack.
	return text.length % 2 === 0 && /^[0-9a-f]+$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'utf8');
}

/** A DocuSign-like envelope create response, numbered per call. */
export function envelopeSummary(n: number, status = 'sent'): IDataObject {
	return {
		envelopeId: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		status,
		statusDateTime: '2025-01-02T03:04:05.0000000Z',
		uri: `/envelopes/e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
	};
}

/** Intercepts `times` envelope creations, records each request, answers like DocuSign (201). */
export function nockCreateEnvelope(captured: CapturedRequest[], times = 1): nock.Scope {
	return nock(BASE_URI)
		.post(`${REST_PATH}/envelopes`)
		.times(times)
		.reply(function (_uri, body) {
			const bytes = bodyBytes(body);
			captured.push({ headers: this.req.headers, bytes });
			const status = /"status":"created"/.test(bytes.toString('latin1')) ? 'created' : 'sent';
			return [201, envelopeSummary(captured.length, status)];
		});
}

export interface ParsedMultipart {
	contentType: string;
	definition: IDataObject;
	jsonPart: MultipartPart;
	documentParts: MultipartPart[];
}

/** Reads a captured multipart request back: the JSON definition first, then the documents. */
export function readMultipart(request: CapturedRequest): ParsedMultipart {
	const contentType = String(request.headers['content-type'] ?? '');
	const [jsonPart, ...documentParts] = parseMultipart(request.bytes, contentType);
	return { contentType, definition: JSON.parse(jsonPart.data.toString('utf8')) as IDataObject, jsonPart, documentParts };
}

export function readJson(request: CapturedRequest): IDataObject {
	return JSON.parse(request.bytes.toString('utf8')) as IDataObject;
}

/** Bytes that are not valid UTF-8 (so nock hands them over as hex) and contain CRLF and "--". */
export function binaryBytes(size: number, seed = 1): Buffer {
	const bytes = Buffer.alloc(size);
	let x = seed;
	for (let i = 0; i < size; i++) {
		x = (x * 1103515245 + 12345) & 0x7fffffff;
		bytes[i] = x >> 16;
	}
	bytes.write('%PDF-1.4\r\n--\r\n', 0, 'latin1');
	bytes[20] = 0xff;
	return bytes;
}

export function installNockLifecycle(): void {
	beforeAll(() => {
		nock.disableNetConnect();
	});
	afterEach(() => {
		nock.cleanAll();
	});
	afterAll(() => {
		nock.enableNetConnect();
	});
}

/** The error of a run: the node's error, whatever way the engine reports it. */
export function runError(result: RunResult): { message: string; description?: string | null } | undefined {
	return result.error ?? (result.taskOf('DocuSign')?.error as { message: string } | undefined);
}
