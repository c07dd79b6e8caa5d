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
		['USER_AUTHENTICATION_FAILED', 401, /Reconnect the credential/],
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

	it('explains a network failure without a response', () => {
		const cause = Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' });
		const error = toDocuSignError(node, Object.assign(new Error('wrapped'), { cause }), { action: 'list envelopes' });
		expect(error.message).toBe('Could not reach DocuSign to list envelopes');
		expect(error.description).toMatch(/^The connection failed \(ECONNRESET\)/);
	});
});
