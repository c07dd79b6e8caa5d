/**
 * Failing runs must not carry secrets: private key, access or refresh token, client secret or the
 * signed assertion never appear in the error message, description, stack or anywhere in the run.
 */
import { chain, runWorkflow, startNode, CredentialStore, type RunResult } from './harness';

import nock from 'nock';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../nodes/DocuSign/DocuSign.node';
import { clearAccountCache } from '../../nodes/DocuSign/transport';
import { keyFragments, makeKeyPair } from '../helpers/keys';

const AUTH = 'https://auth.secrets.test';
const IK = '11111111-2222-3333-4444-555555555555';
const USER = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const CLIENT_SECRET = 'client-secret-5f2b9c1e7a';
const ACCESS = 'access-token-d41d8cd98f';
const REFRESH = 'refresh-token-9e107d9d37';
const MINTED = 'minted-token-e4d909c290';
const keys = makeKeyPair();

const oauthData = (): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	customAuthServer: AUTH,
	clientId: IK,
	clientSecret: CLIENT_SECRET,
	accountId: '',
	oauthTokenData: { access_token: ACCESS, refresh_token: REFRESH, token_type: 'Bearer', expires_in: 28800 },
});

const jwtData = (extra: Record<string, string> = {}): ICredentialDataDecryptedObject => ({
	environment: 'custom',
	customAuthServer: AUTH,
	integrationKey: IK,
	userId: USER,
	privateKey: keys.pkcs1Pem,
	accountId: '',
	accessToken: '',
	...extra,
});

async function runAccountGet(authentication: 'jwt' | 'oAuth2', data: ICredentialDataDecryptedObject): Promise<RunResult> {
	const type = authentication === 'jwt' ? 'docuSignJwtApi' : 'docuSignOAuth2Api';
	const node: INode = {
		id: 'docusign',
		name: 'DocuSign',
		type: 'n8n-nodes-docusign.docuSign',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication, resource: 'account', operation: 'get' },
		credentials: { [type]: { id: 'cred', name: 'cred' } },
	};
	const store = new CredentialStore();
	await store.put('cred', { type, name: 'cred', data });
	return await runWorkflow({
		nodes: [startNode(), node],
		connections: chain('Start', 'DocuSign'),
		nodeTypes: { 'n8n-nodes-docusign.docuSign': new DocuSign() },
		credentialTypes: [new DocuSignJwtApi(), new DocuSignOAuth2Api()],
		store,
	});
}

const secrets = [CLIENT_SECRET, ACCESS, REFRESH, MINTED, ...keyFragments(keys.pkcs1Pem), 'eyJhbGciOiJSUzI1NiIs'];

const cases: Array<[string, 'jwt' | 'oAuth2', () => ICredentialDataDecryptedObject, () => void]> = [
	['JWT consent missing', 'jwt', jwtData, () => nock(AUTH).post('/oauth/token').reply(400, { error: 'consent_required' })],
	['JWT key of another integration key', 'jwt', jwtData, () => nock(AUTH).post('/oauth/token').reply(400, { error: 'no_valid_keys_or_signatures' })],
	['JWT unknown integration key', 'jwt', jwtData, () => nock(AUTH).post('/oauth/token').reply(400, { error: 'issuer_not_found' })],
	['JWT malformed key', 'jwt', () => jwtData({ privateKey: keys.pkcs1Pem.slice(0, 900) }), () => undefined],
	['JWT user ID not a GUID', 'jwt', () => jwtData({ userId: 'grace@example.com' }), () => undefined],
	[
		'JWT token refused twice',
		'jwt',
		jwtData,
		() => {
			nock(AUTH).post('/oauth/token').times(2).reply(200, { access_token: MINTED, expires_in: 3600 });
			nock(AUTH).get('/oauth/userinfo').times(2).reply(401, { errorCode: 'USER_AUTHENTICATION_FAILED', message: 'bad token' });
		},
	],
	[
		'OAuth2 refresh token revoked',
		'oAuth2',
		oauthData,
		() => {
			nock(AUTH).get('/oauth/userinfo').reply(401, { error: 'invalid_token' });
			nock(AUTH).post('/oauth/token').reply(400, { error: 'invalid_grant', error_description: 'refresh token expired' });
		},
	],
	[
		'OAuth2 refreshed token refused too',
		'oAuth2',
		oauthData,
		() => {
			nock(AUTH).get('/oauth/userinfo').reply(401, { error: 'invalid_token' });
			nock(AUTH).post('/oauth/token').reply(200, { access_token: MINTED, refresh_token: `${REFRESH}-2`, expires_in: 28800 });
			nock(AUTH).get('/oauth/userinfo').reply(401, { error: 'invalid_token' });
		},
	],
	[
		'OAuth2 auth server unreachable',
		'oAuth2',
		oauthData,
		() => nock(AUTH).get('/oauth/userinfo').replyWithError('connect ECONNREFUSED'),
	],
];

beforeAll(() => nock.disableNetConnect());
beforeEach(() => clearAccountCache());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('secret hygiene of failing runs', () => {
	it.each(cases)('%s: the run fails and carries no secret', async (_name, authentication, data, arrange) => {
		arrange();
		const result = await runAccountGet(authentication, data());
		expect(result.error).toBeDefined();
		const error = result.error!;
		const surfaces = [
			error.message,
			String(error.description ?? ''),
			String(error.stack ?? ''),
			JSON.stringify(result.run.data.resultData),
		];
		for (const surface of surfaces) {
			for (const secret of secrets) expect(surface).not.toContain(secret);
		}
	});
});
