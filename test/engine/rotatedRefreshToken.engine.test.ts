/**
 * An OAuth2 connection used by several n8n processes at once (queue-mode workers): when another
 * process has just refreshed the token, DocuSign refuses the refresh token this process holds
 * (`invalid_grant`, refresh tokens rotate) and n8n-core fails with "needs to be reconnected"
 * although the credential now holds working tokens. The transport sends the request once more,
 * which n8n signs with the stored tokens. Real n8n-core OAuth2 path; nock plays DocuSign, and the
 * "other worker" writes the credential store the moment it rotates the refresh token.
 */
import { chain, runWorkflow, startNode, CredentialStore, type RunResult } from './harness';

import nock from 'nock';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { clearAccountCache, clearRateLimits } from '../../nodes/DocuSign/transport';
import { isRefreshTokenRefused } from '../../nodes/DocuSign/transport/rotatedToken';
import { TransportProbe } from '../helpers/transportProbe';

const AUTH = 'https://auth.rotation.test';
const REST = 'https://na3.rotation.test';
const ACCOUNT = '0a0a0a0a-1111-2222-3333-555555555555';
const PATH = `/restapi/v2.1/accounts/${ACCOUNT}`;
const IK = '11111111-2222-3333-4444-555555555555';

const userinfo = {
	sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
	name: 'Ada',
	email: 'ada@example.com',
	accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Main', base_uri: REST }],
};

const credential = (accessToken: string, refreshToken: string): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	customAuthServer: AUTH,
	clientId: IK,
	clientSecret: 'ik-secret',
	accountId: '',
	scope: 'signature extended',
	oauthTokenData: { access_token: accessToken, refresh_token: refreshToken, token_type: 'Bearer', expires_in: 28800 },
});

/** What the other worker stores when it wins the refresh. */
const OTHER_WORKERS_TOKENS = credential('fresh-from-other-worker', 'refresh-2');

async function run(store: CredentialStore): Promise<RunResult> {
	const node: INode = {
		id: 'probe',
		name: 'Probe',
		type: 'test.probe',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'oAuth2', method: 'POST', path: '/envelopes', body: '{"emailSubject":"x"}' },
		credentials: { docuSignOAuth2Api: { id: 'cred', name: 'cred' } },
	};
	return await runWorkflow({
		nodes: [startNode(), node],
		connections: chain('Start', 'Probe'),
		nodeTypes: { 'test.probe': new TransportProbe() },
		credentialTypes: [new DocuSignJwtApi(), new DocuSignOAuth2Api()],
		store,
		mode: 'webhook',
	});
}

async function storeWith(data: ICredentialDataDecryptedObject): Promise<CredentialStore> {
	const store = new CredentialStore();
	await store.put('cred', { type: 'docuSignOAuth2Api', name: 'cred', data });
	return store;
}

/** The token endpoint: each refresh token works once; `onRefresh` runs as the grant arrives. */
function tokenEndpoint(grants: string[], answer: (refreshToken: string) => [number, object]) {
	nock(AUTH)
		.post('/oauth/token')
		.times(5)
		.reply((_uri, body) => {
			const refreshToken = new URLSearchParams(String(body)).get('refresh_token') ?? '';
			grants.push(refreshToken);
			return answer(refreshToken);
		});
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	clearAccountCache();
	clearRateLimits();
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('OAuth2 refresh token already rotated by another n8n process', () => {
	it('userinfo: retries once and uses the tokens the other process stored', async () => {
		const store = await storeWith(credential('expired', 'refresh-1'));
		const grants: string[] = [];
		tokenEndpoint(grants, () => {
			// The other worker used refresh-1 a moment ago and now saves what it got.
			void store.replace('cred', OTHER_WORKERS_TOKENS, 'updateCredentialsOauthTokenData');
			return [400, { error: 'invalid_grant' }];
		});
		const seen: string[] = [];
		nock(AUTH)
			.get('/oauth/userinfo')
			.times(3)
			.reply(function () {
				const auth = String(this.req.headers.authorization);
				seen.push(auth);
				return auth === 'Bearer fresh-from-other-worker' ? [200, userinfo] : [401, { error: 'invalid_token' }];
			});
		nock(REST).post(`${PATH}/envelopes`).matchHeader('authorization', 'Bearer fresh-from-other-worker').reply(201, { envelopeId: 'e-1' });

		const result = await run(store);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Probe')[0].json).toEqual({ envelopeId: 'e-1' });
		expect(grants).toEqual(['refresh-1']);
		expect(seen).toEqual(['Bearer expired', 'Bearer fresh-from-other-worker']);
		// This process wrote nothing over the other worker's tokens.
		expect(store.writes.map((w) => w.data.oauthTokenData)).toEqual([OTHER_WORKERS_TOKENS.oauthTokenData]);
	});

	it('REST call (a create): sent again after the refused refresh, with the stored token', async () => {
		const store = await storeWith(credential('valid-then-expired', 'refresh-1'));
		const grants: string[] = [];
		tokenEndpoint(grants, () => {
			void store.replace('cred', OTHER_WORKERS_TOKENS, 'updateCredentialsOauthTokenData');
			return [400, { error: 'invalid_grant' }];
		});
		nock(AUTH).get('/oauth/userinfo').reply(200, userinfo);
		const posts: string[] = [];
		nock(REST)
			.post(`${PATH}/envelopes`)
			.times(3)
			.reply(function () {
				const auth = String(this.req.headers.authorization);
				posts.push(auth);
				return auth === 'Bearer fresh-from-other-worker' ? [201, { envelopeId: 'e-2' }] : [401, { errorCode: 'USER_AUTHENTICATION_FAILED' }];
			});

		const result = await run(store);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Probe')[0].json).toEqual({ envelopeId: 'e-2' });
		expect(grants).toEqual(['refresh-1']);
		// The first POST was refused (401: DocuSign did nothing), the second one made the envelope.
		expect(posts).toEqual(['Bearer valid-then-expired', 'Bearer fresh-from-other-worker']);
	});

	it('a refresh token that is really revoked still fails with n8n\'s "reconnect" error, after one more attempt', async () => {
		const store = await storeWith(credential('valid-then-expired', 'refresh-revoked'));
		const grants: string[] = [];
		tokenEndpoint(grants, () => [400, { error: 'invalid_grant' }]);
		nock(AUTH).get('/oauth/userinfo').reply(200, userinfo);
		const posts: string[] = [];
		nock(REST)
			.post(`${PATH}/envelopes`)
			.times(3)
			.reply(function () {
				posts.push(String(this.req.headers.authorization));
				return [401, { errorCode: 'USER_AUTHENTICATION_FAILED' }];
			});

		const result = await run(store);

		expect(result.error?.message).toMatch(/needs to be reconnected/);
		expect(grants).toEqual(['refresh-revoked', 'refresh-revoked']);
		expect(posts).toHaveLength(2);
		expect(store.writes).toEqual([]);
	});
});

describe('isRefreshTokenRefused', () => {
	const node: INode = { id: 'n', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };
	const reconnect = () =>
		new NodeOperationError(node, 'The credential "x" needs to be reconnected.', { failure: { cause: 'credential-invalid' } } as never);

	it("recognises n8n's reconnect error, also wrapped in NodeApiError", () => {
		expect(isRefreshTokenRefused(reconnect())).toBe(true);
		expect(isRefreshTokenRefused(new NodeApiError(node, reconnect() as never))).toBe(true);
	});

	it('ignores other failures', () => {
		expect(isRefreshTokenRefused(new NodeApiError(node, { message: 'Bad Request', httpCode: '400' }))).toBe(false);
		expect(isRefreshTokenRefused(new Error('socket hang up'))).toBe(false);
		expect(isRefreshTokenRefused(undefined)).toBe(false);
	});
});
