import type { INode } from 'n8n-workflow';

import { toDocuSignError } from '../../nodes/DocuSign/transport/errors';

const node: INode = {
	id: 'n',
	name: 'DocuSign',
	type: 'n8n-nodes-docusign.docuSign',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The shape n8n-core throws for an HTTP error: a wrapper whose cause is axios' error. */
function httpError(status: number, data: unknown, headers: Record<string, string> = {}) {
	const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data, headers },
		config: { headers: { Authorization: 'Bearer very-secret-token' } },
	});
	return Object.assign(new Error('wrapped'), { cause: axiosError });
}

describe('DocuSign errors become actionable NodeApiErrors', () => {
	it.each([
		['INVALID_USERID', 400, /not a member of the account, or the account ID is wrong/],
		['USER_LACKS_MEMBERSHIP', 400, /Account → List operation shows them/],
		['USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT', 400, /another base URI/],
		['PARTNER_AUTHENTICATION_FAILED', 401, /Environment \(developer vs production\)/],
		['ACCOUNT_LACKS_PERMISSIONS', 400, /administrator to enable it/],
		['ENVELOPE_DOES_NOT_EXIST', 404, /Check the envelope ID/],
		['HOURLY_APIINVOCATION_LIMIT_EXCEEDED', 400, /3,000 API calls/],
		['BURST_APIINVOCATION_LIMIT_EXCEEDED', 429, /fewer requests in parallel/],
	])('%s', (errorCode, status, hint) => {
		const error = toDocuSignError(node, httpError(status, { errorCode, message: 'DocuSign says so.' }), {
			action: 'read the envelope',
			itemIndex: 3,
		});
		expect(error.message).toBe(`DocuSign could not read the envelope: ${errorCode} – DocuSign says so.`);
		expect(error.description).toMatch(hint);
		expect(error.httpCode).toBe(String(status));
		expect(error.context.itemIndex).toBe(3);
		expect(JSON.stringify(error)).not.toContain('very-secret-token');
		expect(error.cause).toBeUndefined();
	});

	it('reads an error body that came back as bytes (document downloads)', () => {
		const body = Buffer.from(JSON.stringify({ errorCode: 'ENVELOPE_DOES_NOT_EXIST', message: 'The envelope specified either does not exist or you have no rights to it.' }));
		const error = toDocuSignError(node, httpError(404, body), { action: 'download the document' });
		expect(error.message).toMatch(/^DocuSign could not download the document: ENVELOPE_DOES_NOT_EXIST/);
	});

	it('names the HTTP status when the body is not DocuSign-shaped', () => {
		const error = toDocuSignError(node, httpError(502, '<html>Bad gateway</html>'), { action: 'send the envelope' });
		expect(error.message).toBe('DocuSign could not send the envelope: HTTP 502');
		expect(error.description).toMatch(/temporary problem/);
	});

	it.each([
		['USER_AUTHENTICATION_FAILED', { errorCode: 'USER_AUTHENTICATION_FAILED', message: 'Invalid access token' }],
		['AUTHORIZATION_INVALID_TOKEN', { errorCode: 'AUTHORIZATION_INVALID_TOKEN', message: 'The access token provided is expired, revoked or malformed.' }],
		['internal_server_error', { error: 'internal_server_error', reference_id: 'r-1' }],
	])('a 401 (%s) came after n8n\'s fresh token: "reconnect this credential", never the raw refusal', (code, body) => {
		const error = toDocuSignError(node, httpError(401, body), { action: 'create the envelope', itemIndex: 1 });
		expect(error.message).toBe(`DocuSign refused the credential even after a fresh token (${code}): reconnect this credential`);
		expect(error.description).toMatch(/^n8n got a new access token and DocuSign refused it too, so it could not create the envelope\. OAuth2: open the credential and reconnect it/);
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain('very-secret-token');
	});

	it('a 401 PARTNER_AUTHENTICATION_FAILED still points at the environment', () => {
		const error = toDocuSignError(node, httpError(401, { errorCode: 'PARTNER_AUTHENTICATION_FAILED', message: 'x' }), { action: 'list envelopes' });
		expect(error.message).toBe('DocuSign could not list envelopes: PARTNER_AUTHENTICATION_FAILED – x');
		expect(error.description).toMatch(/Environment \(developer vs production\)/);
	});

	it.each(['ECONNABORTED', 'ETIMEDOUT'])('explains a timeout (%s) as no answer in time', (code) => {
		const cause = Object.assign(new Error('timeout of 60000ms exceeded'), { code });
		const error = toDocuSignError(node, Object.assign(new Error('wrapped'), { cause }), { action: 'create the envelope' });
		expect(error.message).toBe('DocuSign did not answer in time to create the envelope');
		expect(error.description).toMatch(new RegExp(`^No answer within the node's "Request Timeout" \\(${code}\\); DocuSign may still have done it\\.`));
	});

	it('passes n8n\'s own "needs to be reconnected" through instead of calling it a network failure', () => {
		const reconnect = Object.assign(new Error('The credential "Acme" needs to be reconnected.'), {
			name: 'NodeOperationError',
			description: 'Access could not be refreshed because the connected account has revoked access. Open the credential and reconnect it to continue.',
		});
		const wrapped = Object.assign(new Error(reconnect.message), { name: 'NodeApiError', httpCode: null, cause: reconnect });
		const error = toDocuSignError(node, wrapped, { action: 'read the envelope', itemIndex: 2 });
		expect(error.message).toBe('The credential "Acme" needs to be reconnected.');
		expect(error.description).toBe(reconnect.description);
		expect(error.context.itemIndex).toBe(2);
	});

	it('explains a network failure without a response', () => {
		const cause = Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' });
		const error = toDocuSignError(node, Object.assign(new Error('wrapped'), { cause }), { action: 'list envelopes' });
		expect(error.message).toBe('Could not reach DocuSign to list envelopes');
		expect(error.description).toMatch(/^The connection failed \(ECONNRESET\)/);
	});
});
