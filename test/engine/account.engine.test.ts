/**
 * The DocuSign node and credentials inside n8n's real engine: Start → DocuSign (Account → Get).
 * n8n-core does the OAuth2 refresh / JWT pre-authentication; nock plays DocuSign's auth server.
 */
import { chain, runWorkflow, startNode, type RunResult } from './harness';

import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import nock from 'nock';
import type { ICredentialDataDecryptedObject, INode, INodeExecutionData } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../nodes/DocuSign/DocuSign.node';
import { clearAccountCache } from '../../nodes/DocuSign/transport';

const AUTH_HOST = 'ds-auth.engine.test';
const AUTH = `https://${AUTH_HOST}`;
const NODE_TYPE = 'n8n-nodes-docusign.docuSign';
const IK = '11111111-2222-3333-4444-555555555555';
const USER = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const ACCOUNT_DEFAULT = '0f0f0f0f-1111-2222-3333-444444444444';
const ACCOUNT_OTHER = '9e9e9e9e-1111-2222-3333-444444444444';

const userinfo = {
	sub: USER,
	name: 'Ada Lovelace',
	given_name: 'Ada',
	family_name: 'Lovelace',
	created: '2024-01-01T00:00:00.000',
	email: 'ada@example.com',
	accounts: [
		{
			account_id: ACCOUNT_OTHER,
			is_default: false,
			account_name: 'Side Account',
			base_uri: 'https://eu.docusign.net',
		},
		{
			account_id: ACCOUNT_DEFAULT,
			is_default: true,
			account_name: 'Main Account',
			base_uri: 'https://demo.docusign.net/',
		},
	],
};

function docuSignNode(authentication: 'oAuth2' | 'jwt', credentialId = 'ds-cred'): INode {
	const type = authentication === 'jwt' ? 'docuSignJwtApi' : 'docuSignOAuth2Api';
	return {
		id: 'docusign',
		name: 'DocuSign',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: { authentication, resource: 'account', operation: 'get' },
		credentials: { [type]: { id: credentialId, name: 'Ada @ DocuSign' } },
	};
}

async function runAccountGet(
	authentication: 'oAuth2' | 'jwt',
	data: ICredentialDataDecryptedObject,
	inputItems: INodeExecutionData[] = [{ json: {} }],
): Promise<RunResult> {
	return await runWorkflow({
		nodes: [startNode(), docuSignNode(authentication)],
		connections: chain('Start', 'DocuSign'),
		nodeTypes: { [NODE_TYPE]: new DocuSign() },
		credentialTypes: [new DocuSignOAuth2Api(), new DocuSignJwtApi()],
		credentials: {
			'ds-cred': {
				type: authentication === 'jwt' ? 'docuSignJwtApi' : 'docuSignOAuth2Api',
				name: 'Ada @ DocuSign',
				data,
			},
		},
		inputItems,
	});
}

const expectedDefaultAccount = {
	accountId: ACCOUNT_DEFAULT,
	accountName: 'Main Account',
	baseUri: 'https://demo.docusign.net',
	restBaseUrl: `https://demo.docusign.net/restapi/v2.1/accounts/${ACCOUNT_DEFAULT}`,
	isDefault: true,
	userId: USER,
	userName: 'Ada Lovelace',
	email: 'ada@example.com',
};

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});

beforeEach(() => {
	clearAccountCache();
});

afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});

afterAll(() => {
	nock.enableNetConnect();
});

describe('DocuSign Account → Get with the OAuth2 credential, in the real engine', () => {
	const credential = {
		environment: 'custom',
		customAuthServer: `${AUTH}/`,
		clientId: IK,
		clientSecret: 'ik-secret',
		accountId: '',
		scope: 'signature extended',
		oauthTokenData: {
			access_token: 'expired-access',
			refresh_token: 'refresh-1',
			token_type: 'Bearer',
			expires_in: 28800,
			n8n_expires_at: String(Date.now() - 3_600_000),
		},
	};

	it('refreshes the expired token, persists it, calls userinfo once for all items and outputs the account', async () => {
		const grants: Array<Record<string, string>> = [];
		const auth = nock(AUTH);
		auth.get('/oauth/userinfo').matchHeader('authorization', 'Bearer expired-access').reply(401, {
			error: 'invalid_token',
		});
		auth
			.post('/oauth/token', (body) => {
				grants.push(Object.fromEntries(new URLSearchParams(body as unknown as string)));
				return true;
			})
			.matchHeader('authorization', `Basic ${Buffer.from(`${IK}:ik-secret`).toString('base64')}`)
			.reply(200, {
				access_token: 'fresh-access',
				token_type: 'Bearer',
				refresh_token: 'refresh-2',
				expires_in: 28800,
			});
		// Exactly once: the account resolution is cached for the other items.
		auth.get('/oauth/userinfo').once().matchHeader('authorization', 'Bearer fresh-access').reply(200, userinfo);

		const result = await runAccountGet('oAuth2', credential, [{ json: { n: 1 } }, { json: { n: 2 } }]);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('DocuSign').map((item) => item.json)).toEqual([
			expectedDefaultAccount,
			expectedDefaultAccount,
		]);
		expect(result.outputOf('DocuSign').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);

		expect(grants).toEqual([{ grant_type: 'refresh_token', refresh_token: 'refresh-1' }]);
		const saved = await result.store.get('ds-cred');
		expect(saved.oauthTokenData).toMatchObject({ access_token: 'fresh-access', refresh_token: 'refresh-2' });
		expect(saved.clientSecret).toBe('ik-secret');
		expect(result.store.writes.map((write) => write.via)).toEqual(['updateCredentialsOauthTokenData']);
	});

	it('resolves the hidden token URL from the environment (custom auth server)', async () => {
		const { credentialsHelper, additionalData } = await runWorkflow({
			nodes: [startNode()],
			connections: {},
			nodeTypes: {},
			credentialTypes: [new DocuSignOAuth2Api()],
			credentials: { c: { type: 'docuSignOAuth2Api', name: 'c', data: credential } },
		});
		const decrypted = await credentialsHelper.getDecrypted(
			additionalData,
			{ id: 'c', name: 'c' },
			'docuSignOAuth2Api',
			'manual',
		);
		expect(decrypted).toMatchObject({
			grantType: 'authorizationCode',
			authUrl: `${AUTH}/oauth/auth`,
			accessTokenUrl: `${AUTH}/oauth/token`,
			authentication: 'header',
		});
	});

	it('names the accounts the user does belong to when the credential asks for another one', async () => {
		nock(AUTH).get('/oauth/userinfo').reply(200, userinfo);

		const result = await runAccountGet('oAuth2', {
			...credential,
			accountId: '12345678-0000-0000-0000-000000000000',
			oauthTokenData: { ...credential.oauthTokenData, access_token: 'good' },
		});

		expect(result.error?.message).toContain('is not a member of account 12345678-0000-0000-0000-000000000000');
		expect(result.error?.description).toContain(ACCOUNT_DEFAULT);
		expect(result.error?.description).toContain(ACCOUNT_OTHER);
	});
});

describe('DocuSign Account → Get with the JWT credential, in the real engine', () => {
	let publicKey: KeyObject;
	let privatePem: string;

	beforeAll(() => {
		const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
		publicKey = pair.publicKey;
		privatePem = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
	});

	const credential = (): ICredentialDataDecryptedObject => ({
		environment: 'custom',
		customAuthServer: AUTH,
		integrationKey: IK,
		userId: USER,
		privateKey: privatePem,
		accountId: ACCOUNT_OTHER,
		accessToken: '',
	});

	it('mints once through preAuthentication, persists the token and outputs the configured account', async () => {
		const assertions: string[] = [];
		nock(AUTH)
			.post('/oauth/token', (body) => {
				const form = new URLSearchParams(body as unknown as string);
				if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return false;
				assertions.push(form.get('assertion') ?? '');
				return true;
			})
			.reply(200, { access_token: 'jwt-access-1', token_type: 'Bearer', expires_in: 3600 });
		nock(AUTH).get('/oauth/userinfo').matchHeader('authorization', 'Bearer jwt-access-1').reply(200, userinfo);

		const result = await runAccountGet('jwt', credential(), [{ json: {} }, { json: {} }, { json: {} }]);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('DocuSign').map((item) => item.json.accountId)).toEqual([
			ACCOUNT_OTHER,
			ACCOUNT_OTHER,
			ACCOUNT_OTHER,
		]);
		expect(result.credentialsHelper.stats.preAuthenticationMints).toBe(1);
		expect(assertions).toHaveLength(1);
		await jwtVerify(assertions[0], publicKey, { issuer: IK, subject: USER, audience: AUTH_HOST });
		expect(decodeJwt(assertions[0]).scope).toBe('signature impersonation');

		const saved = await result.store.get('ds-cred');
		expect(saved.accessToken).toBe('jwt-access-1');
		expect(saved.privateKey).toBe(privatePem);
	});

	it('a stored token that DocuSign refuses is re-minted once and the call retried', async () => {
		nock(AUTH)
			.get('/oauth/userinfo')
			.matchHeader('authorization', 'Bearer stale')
			.reply(401, { error: 'invalid_token' })
			.post('/oauth/token')
			.reply(200, { access_token: 'jwt-access-2', token_type: 'Bearer', expires_in: 3600 })
			.get('/oauth/userinfo')
			.matchHeader('authorization', 'Bearer jwt-access-2')
			.reply(200, userinfo);

		const result = await runAccountGet('jwt', { ...credential(), accessToken: 'stale' });

		expect(result.error).toBeUndefined();
		expect(result.outputOf('DocuSign')[0].json.accountId).toBe(ACCOUNT_OTHER);
		expect(result.credentialsHelper.stats.preAuthenticationMints).toBe(1);
		expect((await result.store.get('ds-cred')).accessToken).toBe('jwt-access-2');
	});

	it('missing consent surfaces the consent URL, without the key or the assertion', async () => {
		nock(AUTH).post('/oauth/token').reply(400, { error: 'consent_required' });

		// The link needs a redirect URI registered for the key; without one the node says to set it.
		const result = await runAccountGet('jwt', { ...credential(), redirectUri: 'https://app.example.com/callback' });

		expect(result.error?.message).toContain('has not yet given consent');
		expect(result.error?.message).toContain(`${AUTH}/oauth/auth?response_type=code`);
		const serialized = JSON.stringify(result.run.data.resultData);
		const keyLine = privatePem.split('\n')[1];
		expect(serialized).not.toContain(keyLine);
		expect(serialized).not.toContain('eyJ'); // no JWT (assertion) anywhere in the run data
		expect(result.store.writes).toEqual([]);
	});
});
