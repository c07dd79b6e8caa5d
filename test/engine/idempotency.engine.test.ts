/**
 * At most one envelope per marker: the user's key (a hidden custom field) finds an earlier
 * envelope without a create; an ambiguous failure is resolved by a transactionId lookup instead of
 * a second create. Lookups ask for every status by name, drafts included.
 */
import { chain, runWorkflow, startNode, CredentialStore, type RunResult } from './harness';

import nock from 'nock';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import {
	apiRequest,
	clearAccountCache,
	clock,
	createEnvelopeOnce,
	envelopeMarker,
	EVERY_ENVELOPE_STATUS,
	MARKER_FIELD,
	resolveAccount,
	withMarker,
} from '../../nodes/DocuSign/transport';
import { validateAgainstSpec } from '../simulator/specValidation';
import { makeKeyPair } from '../helpers/keys';

const AUTH = 'https://auth.idempotency.test';
const REST = 'https://na3.idempotency.test';
const ACCOUNT = '0a0a0a0a-1111-2222-3333-444444444444';
const PATH = `/restapi/v2.1/accounts/${ACCOUNT}`;
const keys = makeKeyPair();
const realClock = { ...clock };

/** A create through createEnvelopeOnce, as the create operations do it. */
class CreateProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Create Probe',
		name: 'createProbe',
		group: ['output'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Create' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'docuSignJwtApi' }],
		properties: [
			{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'jwt' },
			{ displayName: 'Key', name: 'idempotencyKey', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const account = await resolveAccount.call(this, itemIndex);
			const marker = envelopeMarker(this, itemIndex, this.getNodeParameter('idempotencyKey', itemIndex) as string);
			const definition = withMarker({ emailSubject: `Contract ${itemIndex}`, status: 'sent' }, marker);
			const result = await createEnvelopeOnce.call(this, {
				marker,
				itemIndex,
				account,
				send: async () =>
					(await apiRequest.call(this, 'POST', '/envelopes', { body: definition, itemIndex, account, action: 'create the envelope' })) as IDataObject,
			});
			out.push({ json: { ...result, marker: marker.transactionId, userKey: marker.userKey }, pairedItem: { item: itemIndex } });
		}
		return [out];
	}
}

async function create(items: number, idempotencyKey = ''): Promise<RunResult> {
	const node: INode = {
		id: 'create-node',
		name: 'Create',
		type: 'test.createProbe',
		typeVersion: 1,
		position: [0, 0],
		parameters: { idempotencyKey },
		credentials: { docuSignJwtApi: { id: 'cred', name: 'cred' } },
	};
	const store = new CredentialStore();
	await store.put('cred', {
		type: 'docuSignJwtApi',
		name: 'cred',
		data: {
			environment: 'custom',
			customAuthServer: AUTH,
			integrationKey: '11111111-2222-3333-4444-555555555555',
			userId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
			privateKey: keys.pkcs1Pem,
			accountId: '',
			accessToken: 'stored-token',
		},
	});
	return await runWorkflow({
		nodes: [startNode(), node],
		connections: chain('Start', 'Create'),
		nodeTypes: { 'test.createProbe': new CreateProbe() },
		credentialTypes: [new DocuSignJwtApi(), new DocuSignOAuth2Api()],
		store,
		inputItems: Array.from({ length: items }, (_, i) => ({ json: { i } })),
	});
}

/**
 * A DocuSign-shaped account whose envelopes can be found by transactionId or custom field; like
 * DocuSign it lists drafts only when `status` names "created".
 */
function fakeAccount() {
	const envelopes: Array<{ envelopeId: string; transactionId?: string; userKey?: string; status: string }> = [];
	const posts: IDataObject[] = [];
	const userKeyOf = (body: IDataObject) =>
		(((body.customFields as IDataObject | undefined)?.textCustomFields ?? []) as IDataObject[]).find((f) => f.name === MARKER_FIELD)
			?.value as string | undefined;
	const createdReply = (body: IDataObject) => {
		const envelopeId = `env-${envelopes.length + 1}`;
		const status = String(body.status ?? 'sent');
		envelopes.push({ envelopeId, transactionId: body.transactionId as string | undefined, userKey: userKeyOf(body), status });
		return { envelopeId, status, statusDateTime: '2026-11-28T10:00:00Z', uri: `/envelopes/${envelopeId}` };
	};
	const lookups: string[] = [];
	const lookup = (uri: string) => {
		const query = new URL(uri, REST).searchParams;
		const statuses = (query.get('status') ?? '').split(',');
		const transactionId = query.get('transaction_ids');
		const [, userKey] = (query.get('custom_field') ?? '').split('=');
		lookups.push(transactionId ?? userKey);
		const found = envelopes
			.filter((e) => (transactionId ? e.transactionId === transactionId : e.userKey === userKey))
			.filter((e) => e.status !== 'created' || statuses.includes('created'))
			.map((e) => ({ envelopeId: e.envelopeId, status: e.status }));
		return { resultSetSize: String(found.length), envelopes: found };
	};
	return { envelopes, posts, createdReply, lookup, lookups };
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	clearAccountCache();
	clock.sleep = async () => undefined;
	nock(AUTH)
		.get('/oauth/userinfo')
		.reply(200, { sub: 'u', accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Main', base_uri: REST }] });
});
afterEach(() => nock.cleanAll());
afterAll(() => {
	Object.assign(clock, realClock);
	nock.enableNetConnect();
});

describe('envelope creates are idempotent', () => {
	it('marks every create with its own transactionId and sends no custom fields, valid for the spec', async () => {
		const account = fakeAccount();
		nock(REST)
			.persist()
			.post(`${PATH}/envelopes`, (body) => account.posts.push(body) > 0)
			.reply(201, (_uri, body) => account.createdReply(body as IDataObject));
		const result = await create(3);
		expect(result.error).toBeUndefined();
		expect(account.posts).toHaveLength(3);
		// No customFields: DocuSign gives the envelope the account's own custom fields and their defaults.
		expect(account.posts.every((body) => body.customFields === undefined)).toBe(true);
		const ids = account.posts.map((body) => String(body.transactionId));
		expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))).toBe(true);
		expect(new Set(ids).size).toBe(3);
		for (const body of account.posts) expect(validateAgainstSpec('envelopeDefinition', body)).toMatchObject({ valid: true });
		expect(account.lookups).toEqual([]);
	});

	it('a lost response (connection reset after DocuSign created it) is recovered by lookup, not a second create', async () => {
		const account = fakeAccount();
		nock(REST)
			.post(`${PATH}/envelopes`, (body) => {
				account.createdReply(body as IDataObject);
				return true;
			})
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		nock(REST).persist().get(`${PATH}/envelopes`).query(true).reply(200, (uri) => account.lookup(uri));

		const result = await create(1);

		expect(result.error).toBeUndefined();
		expect(account.envelopes).toHaveLength(1);
		const output = result.outputOf('Create')[0].json as IDataObject;
		expect(output).toMatchObject({ recovered: true, alreadyExisted: false, attempts: 1 });
		expect((output.envelope as IDataObject).envelopeId).toBe('env-1');
		expect(account.lookups).toEqual([output.marker]);
	});

	it('a lost response of a draft create is found too: the lookup names every status, "created" included', async () => {
		const account = fakeAccount();
		nock(REST)
			.post(`${PATH}/envelopes`, (body) => {
				account.createdReply({ ...(body as IDataObject), status: 'created' });
				return true;
			})
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const queries: URLSearchParams[] = [];
		nock(REST)
			.persist()
			.get(`${PATH}/envelopes`)
			.query(true)
			.reply(200, (uri) => {
				queries.push(new URL(uri, REST).searchParams);
				return account.lookup(uri);
			});

		const result = await create(1);

		expect(result.error).toBeUndefined();
		expect(account.envelopes).toHaveLength(1);
		expect(result.outputOf('Create')[0].json).toMatchObject({ recovered: true, envelope: { envelopeId: 'env-1', status: 'created' } });
		expect(queries.map((q) => [q.get('transaction_ids'), q.get('status')])).toEqual([[account.envelopes[0].transactionId, EVERY_ENVELOPE_STATUS]]);
		expect(EVERY_ENVELOPE_STATUS.split(',')).toContain('created');
	});

	it('a 503 that created nothing: the lookup finds none and the create is sent again, once', async () => {
		const account = fakeAccount();
		nock(REST).post(`${PATH}/envelopes`).reply(503, 'unavailable');
		nock(REST).post(`${PATH}/envelopes`).reply(201, (_uri, body) => account.createdReply(body as IDataObject));
		nock(REST).persist().get(`${PATH}/envelopes`).query(true).reply(200, (uri) => account.lookup(uri));

		const result = await create(1);

		expect(result.error).toBeUndefined();
		expect(account.envelopes).toHaveLength(1);
		expect(result.outputOf('Create')[0].json).toMatchObject({ recovered: false, attempts: 2 });
		expect(account.lookups).toHaveLength(1);
	});

	it('with the user\'s key, a re-run returns the earlier envelope flagged alreadyExisted, without a create', async () => {
		const account = fakeAccount();
		nock(REST).persist().get(`${PATH}/envelopes`).query(true).reply(200, (uri) => account.lookup(uri));
		nock(REST).post(`${PATH}/envelopes`).reply(201, (_uri, body) => account.createdReply(body as IDataObject));

		const first = await create(1, 'crm-record-42');
		clearAccountCache();
		nock(AUTH)
			.get('/oauth/userinfo')
			.reply(200, { sub: 'u', accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Main', base_uri: REST }] });
		const rerun = await create(1, 'crm-record-42');

		expect(first.outputOf('Create')[0].json).toMatchObject({ alreadyExisted: false, attempts: 1 });
		expect(rerun.outputOf('Create')[0].json).toMatchObject({ alreadyExisted: true, attempts: 0, envelope: { envelopeId: 'env-1' } });
		expect(account.envelopes).toHaveLength(1);
		expect(account.lookups).toHaveLength(2);
	});

	it('a timeout: DocuSign may still be working, so the marker is looked up again later and the create never resent', async () => {
		const account = fakeAccount();
		let lateBody: IDataObject | undefined;
		nock(REST)
			.post(`${PATH}/envelopes`, (body) => {
				lateBody = body as IDataObject; // DocuSign finishes this create only after we gave up
				return true;
			})
			.replyWithError(Object.assign(new Error('timeout of 60000ms exceeded'), { code: 'ECONNABORTED' }));
		nock(REST)
			.persist()
			.get(`${PATH}/envelopes`)
			.query(true)
			.reply(200, (uri) => {
				if (account.lookups.length === 1 && lateBody) account.createdReply(lateBody);
				return account.lookup(uri);
			});

		const result = await create(1);

		expect(result.error).toBeUndefined();
		expect(account.envelopes).toHaveLength(1);
		expect(result.outputOf('Create')[0].json).toMatchObject({ recovered: true, attempts: 1 });
		expect(account.lookups).toHaveLength(2);
	});

	it('a timeout whose envelope never shows up fails clearly instead of risking a second contract', async () => {
		const account = fakeAccount();
		const posts = nock(REST)
			.post(`${PATH}/envelopes`)
			.replyWithError(Object.assign(new Error('timeout of 60000ms exceeded'), { code: 'ECONNABORTED' }));
		nock(REST).persist().get(`${PATH}/envelopes`).query(true).reply(200, (uri) => account.lookup(uri));

		const result = await create(1);

		expect(posts.isDone()).toBe(true);
		expect(account.lookups).toHaveLength(3);
		expect(result.error?.message).toBe('DocuSign did not confirm the envelope in time, and it may still be created');
		expect(result.error?.description).toMatch(/was not sent again.*Idempotency Key/);
	});

	it('a plain DocuSign refusal (400) is neither looked up nor retried', async () => {
		const account = fakeAccount();
		nock(REST).post(`${PATH}/envelopes`).reply(400, { errorCode: 'INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', message: 'bad e-mail' });
		nock(REST).persist().get(`${PATH}/envelopes`).query(true).reply(200, (uri) => account.lookup(uri));
		const result = await create(1);
		expect(result.error?.message).toBe('DocuSign could not create the envelope: INVALID_EMAIL_ADDRESS_FOR_RECIPIENT – bad e-mail');
		expect(account.lookups).toEqual([]);
	});
});
