/**
 * Account and base-URI resolution through the transport, in the real engine: which account is
 * used, which base URI each call goes to, and how often userinfo and the token endpoint are hit.
 */
import { chain, runWorkflow, startNode, CredentialStore, type RunResult } from './harness';

import nock from 'nock';
import type { INode, INodeExecutionData } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../nodes/DocuSign/DocuSign.node';
import { clearAccountCache } from '../../nodes/DocuSign/transport';
import { makeKeyPair } from '../helpers/keys';
import { TransportProbe } from '../helpers/transportProbe';

const AUTH = 'https://auth.resolution.test';
const NA = 'https://na3.docusign.test';
const EU = 'https://eu1.docusign.test';
const IK = '11111111-2222-3333-4444-555555555555';
const USER = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const ACCOUNT_NA = '0a0a0a0a-1111-2222-3333-444444444444';
const ACCOUNT_EU = '0e0e0e0e-1111-2222-3333-444444444444';
const keys = makeKeyPair();

const userinfo = {
	sub: USER,
	name: 'Grace Hopper',
	email: 'grace@example.com',
	accounts: [
		{ account_id: ACCOUNT_EU, is_default: 'false', account_name: 'Europe', base_uri: EU },
		{ account_id: ACCOUNT_NA, is_default: 'true', account_name: 'Americas', base_uri: `${NA}/` },
	],
};

const jwtData = (accountId = '') => ({
	environment: 'custom',
	customAuthServer: AUTH,
	integrationKey: IK,
	userId: USER,
	privateKey: keys.pkcs1Pem,
	accountId,
	accessToken: '',
});

function probeNode(name: string, credentialId: string): INode {
	return {
		id: name,
		name,
		type: 'test.probe',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'jwt' },
		credentials: { docuSignJwtApi: { id: credentialId, name: credentialId } },
	};
}

function docuSignNode(operation: string, credentialId = 'cred-na'): INode {
	return {
		id: 'docusign',
		name: 'DocuSign',
		type: 'n8n-nodes-docusign.docuSign',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'jwt', resource: 'account', operation },
		credentials: { docuSignJwtApi: { id: credentialId, name: credentialId } },
	};
}

const nodeTypes = { 'test.probe': new TransportProbe(), 'n8n-nodes-docusign.docuSign': new DocuSign() };
const credentialTypes = [new DocuSignJwtApi(), new DocuSignOAuth2Api()];

/** Counts the requests nock answered, by "METHOD host/path". */
function countRequests() {
	const seen: string[] = [];
	const listener = (req: { method: string; options: { host?: string; hostname?: string }; path: string }) =>
		seen.push(`${req.method} ${req.options.hostname ?? req.options.host}${req.path.replace(/\?.*$/, '')}`);
	nock.emitter.on('no match', () => seen.push('NO MATCH'));
	return {
		seen,
		count: (what: string) => seen.filter((entry) => entry === what).length,
		attach: (scope: nock.Scope) => scope.on('request', listener),
	};
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => clearAccountCache());
afterEach(() => {
	nock.cleanAll();
	nock.emitter.removeAllListeners('no match');
});
afterAll(() => nock.enableNetConnect());

async function run(nodes: INode[], store: CredentialStore, inputItems?: INodeExecutionData[]): Promise<RunResult> {
	const names = nodes.map((node) => node.name);
	return await runWorkflow({
		nodes: [startNode(), ...nodes],
		connections: chain('Start', ...names),
		nodeTypes,
		credentialTypes,
		store,
		inputItems,
	});
}

describe('account resolution', () => {
	it('calls each account at its own base URI: two credentials, one user, two regions', async () => {
		const counter = countRequests();
		counter.attach(nock(AUTH).persist().post('/oauth/token').reply(200, { access_token: 'jwt-token', expires_in: 3600 }));
		counter.attach(nock(AUTH).persist().get('/oauth/userinfo').reply(200, userinfo));
		counter.attach(nock(NA).persist().get(`/restapi/v2.1/accounts/${ACCOUNT_NA}/probe`).reply(200, { region: 'na' }));
		counter.attach(nock(EU).persist().get(`/restapi/v2.1/accounts/${ACCOUNT_EU}/probe`).reply(200, { region: 'eu' }));
		const store = new CredentialStore();
		await store.put('cred-na', { type: 'docuSignJwtApi', name: 'default account', data: jwtData() });
		await store.put('cred-eu', { type: 'docuSignJwtApi', name: 'EU account', data: jwtData(ACCOUNT_EU) });

		const result = await run([probeNode('Default', 'cred-na'), probeNode('Europe', 'cred-eu')], store);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Default')[0].json).toEqual({ region: 'na' });
		expect(result.outputOf('Europe')[0].json).toEqual({ region: 'eu' });
		expect(counter.count(`GET na3.docusign.test/restapi/v2.1/accounts/${ACCOUNT_NA}/probe`)).toBe(1);
		expect(counter.count(`GET eu1.docusign.test/restapi/v2.1/accounts/${ACCOUNT_EU}/probe`)).toBe(1);
		expect(counter.seen).not.toContain('NO MATCH');
	});

	it('N items and several executions: one token and one userinfo call per credential', async () => {
		const counter = countRequests();
		counter.attach(nock(AUTH).persist().post('/oauth/token').reply(200, { access_token: 'jwt-token', expires_in: 3600 }));
		counter.attach(nock(AUTH).persist().get('/oauth/userinfo').reply(200, userinfo));
		counter.attach(nock(NA).persist().get(`/restapi/v2.1/accounts/${ACCOUNT_NA}/probe`).reply(200, { ok: true }));
		const store = new CredentialStore();
		await store.put('cred-na', { type: 'docuSignJwtApi', name: 'default account', data: jwtData() });
		const items = Array.from({ length: 25 }, (_, i) => ({ json: { i } }));

		for (let execution = 0; execution < 4; execution++) {
			const result = await run([probeNode('Default', 'cred-na')], store, items);
			expect(result.error).toBeUndefined();
			expect(result.outputOf('Default')).toHaveLength(25);
		}

		expect(counter.count('POST auth.resolution.test/oauth/token')).toBe(1);
		expect(counter.count('GET auth.resolution.test/oauth/userinfo')).toBe(1);
		expect(counter.count(`GET na3.docusign.test/restapi/v2.1/accounts/${ACCOUNT_NA}/probe`)).toBe(100);
	});

	it('Account → Get Many lists every account of the user, the default first', async () => {
		nock(AUTH).post('/oauth/token').reply(200, { access_token: 'jwt-token', expires_in: 3600 });
		nock(AUTH).get('/oauth/userinfo').reply(200, userinfo);
		const store = new CredentialStore();
		await store.put('cred-na', { type: 'docuSignJwtApi', name: 'default account', data: jwtData() });

		const result = await run([docuSignNode('getAll')], store);

		expect(result.error).toBeUndefined();
		const output = result.outputOf('DocuSign');
		expect(output.map((item) => [item.json.accountId, item.json.baseUri, item.json.isDefault])).toEqual([
			[ACCOUNT_NA, NA, true],
			[ACCOUNT_EU, EU, false],
		]);
		expect(output.every((item) => item.json.email === 'grace@example.com')).toBe(true);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('a user who is not a member is told which accounts they have, before any REST call', async () => {
		nock(AUTH).post('/oauth/token').reply(200, { access_token: 'jwt-token', expires_in: 3600 });
		nock(AUTH).get('/oauth/userinfo').reply(200, userinfo);
		const rest = nock(NA).get(/.*/).reply(200, {});
		const store = new CredentialStore();
		await store.put('cred-x', {
			type: 'docuSignJwtApi',
			name: 'wrong account',
			data: jwtData('99999999-9999-9999-9999-999999999999'),
		});

		const result = await run([probeNode('Wrong', 'cred-x')], store);

		expect(result.error?.message).toBe(
			'DocuSign user Grace Hopper <grace@example.com> (aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee) is not a member of account 99999999-9999-9999-9999-999999999999',
		);
		expect(result.error?.description).toBe(
			`The user belongs to: "Americas" (${ACCOUNT_NA}, default); "Europe" (${ACCOUNT_EU}). Set the credential's Account ID to one of these API account IDs, or leave it empty to use the default account.`,
		);
		expect(rest.isDone()).toBe(false);
	});

	it('continueOnFail gives an error item per failing input item, with pairedItem', async () => {
		nock(AUTH).post('/oauth/token').reply(200, { access_token: 'jwt-token', expires_in: 3600 });
		nock(AUTH).get('/oauth/userinfo').reply(200, userinfo);
		const store = new CredentialStore();
		await store.put('cred-x', { type: 'docuSignJwtApi', name: 'x', data: jwtData('99999999-9999-9999-9999-999999999999') });
		const node = { ...docuSignNode('get', 'cred-x'), continueOnFail: true };

		const result = await run([node], store, [{ json: {} }, { json: {} }]);

		expect(result.error).toBeUndefined();
		const output = result.outputOf('DocuSign');
		expect(output).toHaveLength(2);
		expect(output[1].json.error).toMatch(/is not a member of account/);
		expect(output[1].json.description).toMatch(/The user belongs to/);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('DocuSign saying the user left the account drops the cached userinfo', async () => {
		const counter = countRequests();
		counter.attach(nock(AUTH).persist().post('/oauth/token').reply(200, { access_token: 'jwt-token', expires_in: 3600 }));
		counter.attach(nock(AUTH).persist().get('/oauth/userinfo').reply(200, userinfo));
		nock(NA)
			.get(`/restapi/v2.1/accounts/${ACCOUNT_NA}/probe`)
			.reply(400, { errorCode: 'USER_LACKS_MEMBERSHIP', message: 'The UserID does not have a valid membership in this Account.' })
			.get(`/restapi/v2.1/accounts/${ACCOUNT_NA}/probe`)
			.reply(200, { ok: true });
		const store = new CredentialStore();
		await store.put('cred-na', { type: 'docuSignJwtApi', name: 'default account', data: jwtData() });

		const failed = await run([probeNode('Default', 'cred-na')], store);
		expect(failed.error?.message).toBe(
			'DocuSign could not probe: USER_LACKS_MEMBERSHIP – The UserID does not have a valid membership in this Account.',
		);
		expect(failed.error?.description).toMatch(/not a member of this account/);
		const retried = await run([probeNode('Default', 'cred-na')], store);
		expect(retried.error).toBeUndefined();
		expect(counter.count('GET auth.resolution.test/oauth/userinfo')).toBe(2);
	});
});
