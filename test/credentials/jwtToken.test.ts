import nock from 'nock';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { requestHelper } from '../helpers/httpRequestShim';
import { keyFragments, makeKeyPair } from '../helpers/keys';

const AUTH = 'https://account-d.docusign.com';
const keys = makeKeyPair();
const credentials = {
	environment: 'developer',
	integrationKey: '11111111-2222-3333-4444-555555555555',
	userId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
	privateKey: keys.pkcs1Pem,
	scopes: 'signature impersonation',
	redirectUri: 'https://app.example.com/callback',
	accountId: '',
	accessToken: '',
};
const credential = new DocuSignJwtApi();

async function mint(overrides: Record<string, string> = {}) {
	return await credential.preAuthentication.call(requestHelper(), { ...credentials, ...overrides });
}

async function mintError(overrides: Record<string, string> = {}): Promise<Error & { description?: string }> {
	try {
		await mint(overrides);
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the token request to fail');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('JWT credential preAuthentication', () => {
	it('exchanges a signed assertion at /oauth/token and returns only the access token', async () => {
		let form: Record<string, string> = {};
		const scope = nock(AUTH)
			.post('/oauth/token', (body) => {
				form = { ...(body as Record<string, string>) };
				return true;
			})
			.matchHeader('content-type', /application\/x-www-form-urlencoded/)
			.reply(200, { access_token: 'minted-token', token_type: 'Bearer', expires_in: 3600 });
		await expect(mint()).resolves.toEqual({ accessToken: 'minted-token' });
		expect(scope.isDone()).toBe(true);
		expect(form.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
		expect(form.assertion.split('.')).toHaveLength(3);
	});

	it('consent_required gives the exact consent URL to open once', async () => {
		nock(AUTH).post('/oauth/token').reply(400, { error: 'consent_required' });
		const error = await mintError();
		expect(error.message).toContain(
			'https://account-d.docusign.com/oauth/auth?response_type=code&scope=signature%20impersonation&client_id=11111111-2222-3333-4444-555555555555&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback',
		);
		expect(error.message).toMatch(/has not yet given consent/);
	});

	it('consent_required without a Redirect URI gives no link to a stand-in address, but says to set one', async () => {
		nock(AUTH).post('/oauth/token').reply(400, { error: 'consent_required' });
		const error = await mintError({ redirectUri: '' });
		expect(error.message).toBe(
			'DocuSign user aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee has not yet given consent to integration key 11111111-2222-3333-4444-555555555555, and the credential has no Redirect URI to build the consent link with',
		);
		expect(error.message).not.toContain('docusign.com/oauth/auth');
		expect(error.description).toMatch(/Set "Redirect URI" in the credential to one of the redirect URIs registered for the integration key/);
	});

	it.each([
		['invalid_grant/issuer_not_found', /unknown at the https:\/\/account-d\.docusign\.com auth server/, /environment/],
		['invalid_grant/no_valid_keys_or_signatures', /rejected the JWT signature/, /does not belong to this integration key/],
		['invalid_grant', /refused the JWT Grant/, /user ID, the key pair or the environment/],
	])('%s becomes an actionable message', async (code, message, description) => {
		let assertion = '';
		nock(AUTH)
			.post('/oauth/token', (body) => {
				assertion = (body as Record<string, string>).assertion;
				return true;
			})
			.reply(400, { error: code.split('/')[0], error_description: code.split('/')[1] });
		const error = await mintError();
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(description);
		expect(assertion.length).toBeGreaterThan(100);
		expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(assertion);
	});

	it('refuses a malformed key before calling DocuSign, naming the problem and not the key', async () => {
		const scope = nock(AUTH).post('/oauth/token').reply(200, { access_token: 'never' });
		const mangled = keys.pkcs1Pem.replace('-----END RSA PRIVATE KEY-----', '');
		const error = await mintError({ privateKey: mangled });
		expect(error.message).toMatch(/no matching "-----END/);
		for (const fragment of keyFragments(keys.pkcs1Pem)) expect(error.message).not.toContain(fragment);
		expect(scope.isDone()).toBe(false);
	});

	it('refuses a user ID that is not a GUID before calling DocuSign', async () => {
		const scope = nock(AUTH).post('/oauth/token').reply(200, { access_token: 'never' });
		const error = await mintError({ userId: 'jane@example.com' });
		expect(error.message).toMatch(/user ID in the DocuSign JWT credential is not a GUID/);
		expect(scope.isDone()).toBe(false);
	});

	it('says the auth server is unreachable without echoing the request', async () => {
		nock(AUTH).post('/oauth/token').replyWithError('connect ECONNREFUSED');
		const error = await mintError();
		expect(error.message).toBe('Could not reach the DocuSign auth server https://account-d.docusign.com');
	});
});
