/**
 * Proves the engine harness: a tiny node that calls `httpRequestWithAuthentication` runs inside
 * n8n-core's WorkflowExecute, and n8n-core's own auth paths (OAuth2 refresh, preAuthentication
 * re-mint) work against our ICredentialsHelper and persist what they obtain.
 */
import { chain, runWorkflow, startNode, type RunResult } from './harness';

import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestHelper,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IAuthenticateGeneric,
} from 'n8n-workflow';

const AUTH = 'https://auth.engine.test';
const API = 'https://api.engine.test';

// ------------------------------------------------------------------------------------------
// Test-only credential types and node
// ------------------------------------------------------------------------------------------

/** OAuth2 (authorization code) credential whose URLs are computed from a field, like ours. */
class TestOAuth2Api implements ICredentialType {
	name = 'testOAuth2Api';

	displayName = 'Test OAuth2 API';

	extends = ['oAuth2Api'];

	properties: INodeProperties[] = [
		{ displayName: 'Auth Server', name: 'authServer', type: 'string', default: AUTH },
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{ $self["authServer"] + "/oauth/auth" }}',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{ $self["authServer"] + "/oauth/token" }}',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'signature' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
	];
}

/** Token-minting credential: `preAuthentication` fills the expirable `sessionToken`. */
class TestMintApi implements ICredentialType {
	name = 'testMintApi';

	displayName = 'Test Mint API';

	properties: INodeProperties[] = [
		{ displayName: 'Server', name: 'server', type: 'string', default: AUTH },
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	static mints = 0;

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		TestMintApi.mints++;
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.server as string}/session`,
			body: { key: credentials.apiKey },
			json: true,
		})) as { token: string };
		return { sessionToken: response.token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
	};
}

/** Mint credential whose preAuthentication fails (e.g. consent missing). */
class TestFailingMintApi extends TestMintApi {
	name = 'testFailingMintApi';

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<{ sessionToken: string }> {
		if (credentials.apiKey === 'http-400') {
			// The token endpoint refuses: the helper throws its HTTP error.
			await this.helpers.httpRequest({ method: 'POST', url: `${credentials.server as string}/session`, json: true });
		}
		throw Object.assign(new Error('consent_required: grant consent for this integration key first'), {
			description: 'Open the consent URL once as the impersonated user',
		});
	}
}

class TestFetcher implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Fetcher',
		name: 'testFetcher',
		group: ['transform'],
		version: 1,
		description: 'GETs a URL with the chosen credential',
		defaults: { name: 'Fetch' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [
			{ name: 'testOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'testMintApi', required: true, displayOptions: { show: { authentication: ['mint'] } } },
			{ name: 'testFailingMintApi', required: true, displayOptions: { show: { authentication: ['failingMint'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'OAuth2', value: 'oAuth2' },
					{ name: 'Mint', value: 'mint' },
					{ name: 'Failing Mint', value: 'failingMint' },
				],
				default: 'oAuth2',
			},
			{ displayName: 'URL', name: 'url', type: 'string', default: `${API}/me` },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const authentication = this.getNodeParameter('authentication', 0) as string;
		const type = { oAuth2: 'testOAuth2Api', mint: 'testMintApi', failingMint: 'testFailingMintApi' }[authentication]!;
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const url = this.getNodeParameter('url', i) as string;
			const json = await this.helpers.httpRequestWithAuthentication.call(this, type, { method: 'GET', url, json: true });
			out.push({ json, pairedItem: { item: i } });
		}
		return [out];
	}
}

const FETCHER = 'n8n-nodes-engine-test.testFetcher';

function fetchNode(authentication: string, credentials: INode['credentials']): INode {
	return {
		id: 'fetch',
		name: 'Fetch',
		type: FETCHER,
		typeVersion: 1,
		position: [200, 0],
		parameters: { authentication, url: `${API}/me` },
		credentials,
	};
}

async function run(
	authentication: string,
	credentialType: string,
	data: ICredentialDataDecryptedObject,
	items = 1,
): Promise<RunResult> {
	return await runWorkflow({
		nodes: [startNode(), fetchNode(authentication, { [credentialType]: { id: 'cred-1', name: 'My account' } })],
		connections: chain('Start', 'Fetch'),
		nodeTypes: { [FETCHER]: new TestFetcher() },
		credentialTypes: [new TestOAuth2Api(), new TestMintApi(), new TestFailingMintApi()],
		credentials: { 'cred-1': { type: credentialType, name: 'My account', data } },
		inputItems: Array.from({ length: items }, (_, i) => ({ json: { i } })),
	});
}

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});

afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});

afterAll(() => {
	nock.enableNetConnect();
});

// ------------------------------------------------------------------------------------------
// OAuth2
// ------------------------------------------------------------------------------------------

describe('OAuth2 credential (extends oAuth2Api) in the real engine', () => {
	const stored = {
		clientId: 'client-id',
		clientSecret: 'client-secret',
		oauthTokenData: {
			access_token: 'old-access',
			refresh_token: 'old-refresh',
			token_type: 'Bearer',
			expires_in: 28800,
			n8n_expires_at: String(Date.now() - 60_000),
		},
	};
	const basic = `Basic ${Buffer.from('client-id:client-secret').toString('base64')}`;

	it('refreshes on 401 with the refresh_token grant, retries, and persists the rotated tokens', async () => {
		const tokenBodies: string[] = [];
		nock(API).get('/me').matchHeader('authorization', 'Bearer old-access').reply(401, { error: 'invalid_token' });
		nock(AUTH)
			.post('/oauth/token', (body) => {
				tokenBodies.push(new URLSearchParams(body as unknown as string).toString());
				return true;
			})
			.matchHeader('authorization', basic)
			.matchHeader('content-type', /application\/x-www-form-urlencoded/)
			.reply(200, { access_token: 'new-access', refresh_token: 'new-refresh', token_type: 'Bearer', expires_in: 28800 });
		nock(API).get('/me').times(2).matchHeader('authorization', 'Bearer new-access').reply(200, { name: 'Ada' });

		const result = await run('oAuth2', 'testOAuth2Api', stored, 2);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Fetch').map((i) => i.json)).toEqual([{ name: 'Ada' }, { name: 'Ada' }]);
		expect(result.outputOf('Fetch').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);

		// One refresh, with exactly the refresh_token grant (client auth in the Basic header).
		expect(tokenBodies).toHaveLength(1);
		expect(Object.fromEntries(new URLSearchParams(tokenBodies[0]))).toEqual({
			grant_type: 'refresh_token',
			refresh_token: 'old-refresh',
		});

		// Persisted once through updateCredentialsOauthTokenData; the rest of the row untouched.
		const saved = await result.store.get('cred-1');
		expect(saved.clientId).toBe('client-id');
		expect(saved.clientSecret).toBe('client-secret');
		expect(saved.oauthTokenData).toMatchObject({ access_token: 'new-access', refresh_token: 'new-refresh' });
		expect(Number((saved.oauthTokenData as { n8n_expires_at: string }).n8n_expires_at)).toBeGreaterThan(Date.now());
		expect(result.store.writes.map((w) => w.via)).toEqual(['updateCredentialsOauthTokenData']);

		// The OAuth2 path never calls preAuthentication(); it calls runPreAuthentication() (no
		// expirable guard, no persistence) before each request and again after the refresh.
		const stats = result.credentialsHelper.stats;
		expect(stats.preAuthenticationCalls).toEqual([]);
		expect(stats.runPreAuthenticationCalls).toBe(3);
	});

	it('keeps the old refresh token when the token endpoint does not rotate it', async () => {
		nock(API).get('/me').reply(401, {});
		nock(AUTH).post('/oauth/token').reply(200, { access_token: 'new-access', token_type: 'Bearer', expires_in: 3600 });
		nock(API).get('/me').matchHeader('authorization', 'Bearer new-access').reply(200, { ok: true });

		const result = await run('oAuth2', 'testOAuth2Api', stored);

		expect(result.error).toBeUndefined();
		expect((await result.store.get('cred-1')).oauthTokenData).toMatchObject({
			access_token: 'new-access',
			refresh_token: 'old-refresh',
		});
	});

	it('does not refresh proactively: an expired token is sent as long as the API accepts it', async () => {
		nock(API).get('/me').matchHeader('authorization', 'Bearer old-access').reply(200, { ok: true });

		const result = await run('oAuth2', 'testOAuth2Api', stored);

		expect(result.error).toBeUndefined();
		expect(result.store.writes).toEqual([]);
	});

	it('refreshes once only: a 401 after the refresh fails the node', async () => {
		nock(API).get('/me').reply(401, { error: 'invalid_token' });
		nock(AUTH).post('/oauth/token').reply(200, { access_token: 'new-access', token_type: 'Bearer' });
		nock(API).get('/me').matchHeader('authorization', 'Bearer new-access').reply(401, { message: 'still no' });

		const result = await run('oAuth2', 'testOAuth2Api', stored);

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Authorization failed - please check your credentials');
		expect(result.error?.description).toBe('still no');
		// The refreshed token was still persisted before the retry.
		expect((await result.store.get('cred-1')).oauthTokenData).toMatchObject({ access_token: 'new-access' });
	});

	it('a revoked refresh token (invalid_grant) becomes "needs to be reconnected"', async () => {
		nock(API).get('/me').reply(401, {});
		nock(AUTH).post('/oauth/token').reply(400, { error: 'invalid_grant', error_description: 'expired' });

		const result = await run('oAuth2', 'testOAuth2Api', stored);

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('The credential "My account" needs to be reconnected.');
		expect(result.store.writes).toEqual([]);
	});

	it('resolves the hidden $self expressions of the credential type (token URL from a field)', async () => {
		nock(API).get('/me').reply(401, {});
		nock('https://other-auth.engine.test').post('/oauth/token').reply(200, { access_token: 'x', token_type: 'Bearer' });
		nock(API).get('/me').matchHeader('authorization', 'Bearer x').reply(200, {});

		const result = await run('oAuth2', 'testOAuth2Api', {
			...stored,
			authServer: 'https://other-auth.engine.test',
			// A stale stored URL is ignored: n8n takes hidden OAuth URLs from the type.
			accessTokenUrl: 'https://stale.engine.test/oauth/token',
		});
		expect(result.error).toBeUndefined();
	});

	it('getDecrypted returns type defaults and resolved expressions', async () => {
		const result = await runWorkflow({
			nodes: [startNode()],
			connections: {},
			nodeTypes: {},
			credentialTypes: [new TestOAuth2Api()],
			credentials: { c: { type: 'testOAuth2Api', name: 'c', data: { clientId: 'id' } } },
		});
		const decrypted = await result.credentialsHelper.getDecrypted(
			result.additionalData,
			{ id: 'c', name: 'c' },
			'testOAuth2Api',
			'manual',
		);
		expect(decrypted).toMatchObject({
			authServer: AUTH,
			grantType: 'authorizationCode',
			authUrl: `${AUTH}/oauth/auth`,
			accessTokenUrl: `${AUTH}/oauth/token`,
			clientId: 'id',
			clientSecret: '',
			scope: 'signature',
			authentication: 'header',
		});
		expect(result.credentialsHelper.getParentTypes('testOAuth2Api')).toEqual(['oAuth2Api']);
	});
});

// ------------------------------------------------------------------------------------------
// preAuthentication (token minting)
// ------------------------------------------------------------------------------------------

describe('token-minting credential (preAuthentication + expirable) in the real engine', () => {
	beforeEach(() => {
		TestMintApi.mints = 0;
	});

	it('mints once for N items, re-mints exactly once on a mid-run 401 and retries', async () => {
		const sessionBodies: unknown[] = [];
		nock(AUTH)
			.post('/session', (body) => {
				sessionBodies.push(body);
				return true;
			})
			.reply(200, { token: 'tok-1' })
			.post('/session')
			.reply(200, { token: 'tok-2' });
		const api = nock(API);
		api.get('/me').matchHeader('authorization', 'Bearer tok-1').reply(200, { n: 1 });
		api.get('/me').matchHeader('authorization', 'Bearer tok-1').reply(401, { error: 'expired' });
		api.get('/me').times(2).matchHeader('authorization', 'Bearer tok-2').reply(200, { n: 2 });

		const result = await run('mint', 'testMintApi', { apiKey: 'k', sessionToken: '' }, 3);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Fetch').map((i) => i.json)).toEqual([{ n: 1 }, { n: 2 }, { n: 2 }]);
		expect(TestMintApi.mints).toBe(2);
		expect(sessionBodies[0]).toEqual({ key: 'k' });

		const stats = result.credentialsHelper.stats;
		expect(stats.preAuthenticationMints).toBe(2);
		// n8n-core asks before every request (expired=false) and once after the 401 (expired=true).
		expect(stats.preAuthenticationCalls.map((c) => [c.credentialsExpired, c.minted])).toEqual([
			[false, true],
			[false, false],
			[true, true],
			[false, false],
		]);

		expect(result.store.writes.map((w) => [w.via, w.data.sessionToken])).toEqual([
			['updateCredentials', 'tok-1'],
			['updateCredentials', 'tok-2'],
		]);
		expect(await result.store.get('cred-1')).toEqual({ apiKey: 'k', sessionToken: 'tok-2' });
	});

	it('re-mints once only: a second 401 fails the node', async () => {
		nock(AUTH).post('/session').reply(200, { token: 'tok-1' }).post('/session').reply(200, { token: 'tok-2' });
		nock(API).get('/me').times(2).reply(401, { message: 'user not authorized' });

		const result = await run('mint', 'testMintApi', { apiKey: 'k', sessionToken: '' });

		expect(TestMintApi.mints).toBe(2);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Authorization failed - please check your credentials');
		expect(result.error?.description).toBe('user not authorized');
	});

	it('a stored token is used without minting', async () => {
		nock(API).get('/me').matchHeader('authorization', 'Bearer stored').reply(200, {});

		const result = await run('mint', 'testMintApi', { apiKey: 'k', sessionToken: 'stored' });

		expect(result.error).toBeUndefined();
		expect(TestMintApi.mints).toBe(0);
		expect(result.store.writes).toEqual([]);
	});

	it('preAuthentication throwing a plain Error: NodeApiError that keeps message and description', async () => {
		const result = await run('failingMint', 'testFailingMintApi', { apiKey: 'k', sessionToken: '' });

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('consent_required: grant consent for this integration key first');
		expect(result.error?.description).toBe('Open the consent URL once as the impersonated user');
		expect((result.error as unknown as { httpCode: unknown }).httpCode).toBeNull();
		expect(result.credentialsHelper.stats.preAuthenticationCalls).toHaveLength(1);
		expect(result.store.writes).toEqual([]);
	});

	it('preAuthentication letting its HTTP 400 escape: generic status text, the body only in context', async () => {
		nock(AUTH).post('/session').reply(400, { error: 'consent_required' });

		const result = await run('failingMint', 'testFailingMintApi', { apiKey: 'http-400', sessionToken: '' });

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Bad request - please check your parameters');
		expect(result.error?.description).toBe('Request failed with status code 400');
		expect(result.error?.context).toEqual({ data: { error: 'consent_required' } });
	});

	it('preAuthentication whose own HTTP call gets 401: n8n-core calls preAuthentication a second time', async () => {
		nock(AUTH).post('/session').times(2).reply(401, { error: 'invalid_client' });

		const result = await run('failingMint', 'testFailingMintApi', { apiKey: 'http-400', sessionToken: '' });

		expect(result.credentialsHelper.stats.preAuthenticationCalls.map((c) => c.credentialsExpired)).toEqual([
			false,
			true,
		]);
		expect(result.error?.message).toBe('Authorization failed - please check your credentials');
	});
});
