/**
 * Automatic registration against the local DocuSign simulator (account-level Connect, admins only,
 * bodies validated against the spec), with checkExists / create / delete run in n8n-core's
 * HookContext as n8n runs them on activation, deactivation and test listening.
 */
import { hookRunner, startWebhookServer, type HookRunner, type TriggerSetup, type WebhookServer } from './triggerHarness';

import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { clearDeliveryMemory } from '../../nodes/DocuSign/trigger/dedupe';
import { clearAccountCache, clock } from '../../nodes/DocuSign/transport';
import { SEED_IDS, startSimulator, validateAgainstSpec, type Simulator } from '../simulator';
import { bearer, envelopeDefinition, http, jwtToken } from '../simulator/testHelpers';

const ACCOUNT = SEED_IDS.accounts.acmeNa;
const WEBHOOK_ID = '5b0c7a53-93a1-4f0e-9f3c-1f2a6f5d0001';
const realSleep = clock.sleep;

let sim: Simulator;
let server: WebhookServer;
let accountKey: string;

function jwtCredential(userId: string, accountId = '') {
	return {
		environment: 'custom',
		customAuthServer: sim.url,
		integrationKey: SEED_IDS.integrationKey,
		userId,
		privateKey: sim.seed.integrationKeys[0].privateKeyPkcs8,
		accountId,
		scopes: 'signature impersonation',
	};
}

function setup(parameters: IDataObject = {}, userId: string = SEED_IDS.users.alice, accountId = ''): TriggerSetup {
	return {
		webhookId: WEBHOOK_ID,
		webhookBaseUrl: server.baseUrl,
		parameters: {
			registration: 'automatic',
			authentication: 'jwt',
			events: ['envelope-completed', 'recipient-completed'],
			...parameters,
		},
		credentials: {
			docuSignJwtApi: jwtCredential(userId, accountId),
			docuSignConnectHmacApi: { hmacSecret: accountKey },
		},
	};
}

const configs = () => [...sim.state.connectConfigs.values()];
const logged = (endpoint: string) => sim.requestLog.filter((entry) => entry.endpoint === endpoint);

async function activated(extra: IDataObject = {}): Promise<HookRunner> {
	const runner = await hookRunner(setup(extra));
	expect(await runner.checkExists()).toBe(false);
	expect(await runner.create()).toBe(true);
	return runner;
}

beforeAll(async () => {
	sim = await startSimulator({ allowHttpListeners: true });
	server = await startWebhookServer({ parameters: {} });
});

afterAll(async () => {
	await server.close();
	await sim.close();
});

beforeEach(() => {
	sim.reset();
	sim.config.connect.retryDelayMs = 10;
	clearAccountCache();
	clearDeliveryMemory();
	clock.sleep = realSleep;
	accountKey = sim.addHmacKey(ACCOUNT);
	server.deliveries = [];
	server.executions = [];
	server.savedStaticData = {};
});

describe('create', () => {
	it('registers a spec-valid account configuration for this node\'s URL and keeps its id', async () => {
		const runner = await activated();

		const [post] = logged('POST connect');
		expect(validateAgainstSpec('connectCustomConfiguration', post.body)).toMatchObject({ valid: true });
		expect(post.body).toEqual({
			configurationType: 'custom',
			name: 'n8n: Contracts signed (wf-connect-1)',
			urlToPublishTo: `${server.baseUrl}/${WEBHOOK_ID}/webhook`,
			allUsers: 'true',
			allowEnvelopePublish: 'true',
			enableLog: 'true',
			includeHMAC: 'true',
			requiresAcknowledgement: 'true',
			deliveryMode: 'SIM',
			events: ['envelope-completed', 'recipient-completed'],
			eventData: { version: 'restv2.1', format: 'json', includeData: ['custom_fields', 'recipients'] },
		});
		expect(configs()).toHaveLength(1);
		expect(runner.nodeStaticData()).toEqual({ connectId: configs()[0].connectId, accountId: ACCOUNT });
		expect(await runner.checkExists()).toBe(true);
	});

	it('makes DocuSign deliver signed events that start one execution per selected event', async () => {
		const runner = await activated();
		server.setup = setup();
		const token = await jwtToken(sim);
		const created = await http.post(`${sim.restBase(ACCOUNT)}/envelopes`, envelopeDefinition(), bearer(token));
		sim.sign(created.data.envelopeId, '1');
		sim.sign(created.data.envelopeId, '2');
		await sim.connectIdle();

		const sent = sim.deliveries().filter((delivery) => delivery.source === 'account');
		expect(sent.length).toBeGreaterThan(0);
		expect(sent.every((delivery) => delivery.lastStatus === 200 && delivery.url === runner.webhookUrl())).toBe(true);
		const events = server.executions.map(([item]) => `${item.json.event}:${item.json.recipientId}`);
		expect(events.sort()).toEqual(['envelope-completed:', 'recipient-completed:1', 'recipient-completed:2', 'recipient-completed:3']);
		expect(server.executions.every(([item]) => item.json.envelopeId === created.data.envelopeId)).toBe(true);

		const completed = sent.find((delivery) => delivery.event === 'envelope-completed')!;
		await sim.deliverConnect({ deliveryId: completed.deliveryId });
		expect(server.executions).toHaveLength(4);
	});

	it('refuses an empty event list before calling DocuSign', async () => {
		const runner = await hookRunner(setup({ events: [] }));

		await expect(runner.create()).rejects.toThrow('Select at least one event');
		expect(logged('POST connect')).toHaveLength(0);
	});

	it('registers the test URL, marked as a test, while the editor listens', async () => {
		const runner = await hookRunner(setup(), 'manual');
		expect(await runner.checkExists()).toBe(false);
		await runner.create();

		const [config] = configs();
		expect(config.config.urlToPublishTo).toBe(`${server.baseUrl.replace(/\/webhook$/, '/webhook-test')}/${WEBHOOK_ID}/webhook`);
		expect(config.config.name).toBe('n8n: Contracts signed (wf-connect-1) [test]');
		expect(await runner.checkExists()).toBe(true);
		await runner.delete();
		expect(configs()).toHaveLength(0);
	});
});

describe('checkExists', () => {
	it('is false without a stored id, without calling DocuSign', async () => {
		const runner = await hookRunner(setup());

		expect(await runner.checkExists()).toBe(false);
		expect(sim.requestLog.filter((entry) => entry.endpoint.includes('connect'))).toHaveLength(0);
	});

	it('is false and forgets the id when the configuration was deleted in DocuSign', async () => {
		const runner = await activated();
		sim.state.connectConfigs.clear();

		expect(await runner.checkExists()).toBe(false);
		expect(runner.nodeStaticData().connectId).toBeUndefined();
	});

	it('takes a 404 for a deleted configuration', async () => {
		const runner = await activated();
		sim.faults.failNext(1, { status: 404, errorCode: 'RESOURCE_NOT_FOUND', match: { endpoint: 'GET connect/config' } });

		expect(await runner.checkExists()).toBe(false);
		expect(runner.nodeStaticData().connectId).toBeUndefined();
	});

	it('is false when the configuration now publishes elsewhere, and leaves that configuration alone', async () => {
		const runner = await activated();
		configs()[0].config.urlToPublishTo = 'https://other.example.com/hook';

		expect(await runner.checkExists()).toBe(false);
		expect(runner.nodeStaticData().connectId).toBeUndefined();
		expect(configs()).toHaveLength(1);
		expect(logged('DELETE connect/config')).toHaveLength(0);
	});

	it('rethrows a refusal it cannot read as "gone" and keeps the id', async () => {
		const runner = await activated();
		const { connectId } = runner.nodeStaticData();
		sim.faults.failNext(1, { status: 400, errorCode: 'UNSPECIFIED_ERROR', match: { endpoint: 'GET connect/config' } });

		await expect(runner.checkExists()).rejects.toThrow('UNSPECIFIED_ERROR');
		expect(runner.nodeStaticData().connectId).toBe(connectId);
	});

	it('rethrows server errors and keeps the id', async () => {
		const runner = await activated();
		clock.sleep = async () => {};
		sim.faults.failNext(-1, { status: 503, match: { endpoint: 'GET connect/config' } });

		await expect(runner.checkExists()).rejects.toThrow('HTTP 503');
		expect(runner.nodeStaticData().connectId).toBeDefined();
	});
});

describe('delete', () => {
	it('removes exactly the configuration this node created', async () => {
		const token = await jwtToken(sim);
		const other = await http.post(
			`${sim.restBase(ACCOUNT)}/connect`,
			{ configurationType: 'custom', name: 'Someone else', urlToPublishTo: 'https://crm.example.com/docusign', allUsers: 'true', allowEnvelopePublish: 'true' },
			bearer(token),
		);
		const runner = await activated();
		const ours = String(runner.nodeStaticData().connectId);

		expect(await runner.delete()).toBe(true);

		expect(logged('DELETE connect/config').map((entry) => entry.path)).toEqual([
			expect.stringMatching(new RegExp(`/connect/${ours}$`)),
		]);
		expect(configs().map((config) => config.connectId)).toEqual([String(other.data.connectId)]);
		expect(runner.nodeStaticData()).toEqual({});
		expect(await runner.delete()).toBe(true);
		expect(logged('DELETE connect/config')).toHaveLength(1);
	});

	it('counts a configuration that is already gone as deleted', async () => {
		const runner = await activated();
		sim.state.connectConfigs.clear();

		expect(await runner.delete()).toBe(true);
		expect(runner.nodeStaticData().connectId).toBeUndefined();
	});

	it('rethrows other errors and keeps the id, so the configuration is not forgotten', async () => {
		const runner = await activated();
		sim.faults.failNext(1, { status: 400, errorCode: 'USER_LACKS_PERMISSIONS', match: { endpoint: 'DELETE connect/config' } });

		await expect(runner.delete()).rejects.toThrow('not an administrator');
		expect(runner.nodeStaticData().connectId).toBe(configs()[0].connectId);
		expect(configs()).toHaveLength(1);
	});
});

describe('permissions', () => {
	it('tells a non-admin user that Automatic needs an admin, and names Manual mode and per-envelope notifications', async () => {
		const runner = await hookRunner(setup({}, SEED_IDS.users.carol, ACCOUNT));

		const error = (await runner.create().catch((caught: unknown) => caught)) as NodeApiError;

		expect(logged('POST connect')[0].status).toBe(400);
		expect(error.message).toBe(
			'DocuSign refused to create the Connect configuration: the connected DocuSign user is not an administrator of the account (USER_LACKS_PERMISSIONS)',
		);
		expect(error.description).toContain('set Registration to Manual');
		expect(error.description).toContain('per-envelope notifications (eventNotification)');
		expect(configs()).toHaveLength(0);
		expect(runner.nodeStaticData()).toEqual({});
	});

	it('tells when Connect is not enabled on the account\'s plan', async () => {
		const runner = await hookRunner(setup());
		sim.faults.failNext(1, { status: 400, errorCode: 'ACCOUNT_LACKS_PERMISSIONS', match: { endpoint: 'POST connect' } });

		await expect(runner.create()).rejects.toThrow(
			'DocuSign refused to create the Connect configuration: Connect is not enabled for this DocuSign account (its plan may not include it) (ACCOUNT_LACKS_PERMISSIONS)',
		);
	});
});

describe('manual registration', () => {
	it('makes no DocuSign calls and needs no DocuSign credential', async () => {
		const runner = await hookRunner({
			webhookId: WEBHOOK_ID,
			webhookBaseUrl: server.baseUrl,
			parameters: { registration: 'manual', events: ['envelope-completed'] },
			credentials: { docuSignConnectHmacApi: { hmacSecret: accountKey } },
		});

		expect(await runner.checkExists()).toBe(true);
		expect(await runner.create()).toBe(true);
		expect(await runner.delete()).toBe(true);
		expect(sim.requestLog).toHaveLength(0);
	});
});

describe('Account parameter', () => {
	const pick = (accountId: string) => ({ accountSource: 'node', account: { __rl: true, mode: 'list', value: accountId } });
	const EU = SEED_IDS.accounts.acmeEu;
	// Alice administers Acme Corp (na3) and Acme Europe (eu1).
	const NA = SEED_IDS.accounts.acmeNa;

	it("registers in the picked account, at that account's base URI, and remembers the account", async () => {
		const runner = await activated(pick(EU));

		expect(configs().map((config) => config.accountId)).toEqual([EU]);
		expect(logged('POST connect').map((entry) => entry.path)).toEqual([`/eu1/restapi/v2.1/accounts/${EU}/connect`]);
		expect(runner.nodeStaticData()).toEqual({ connectId: configs()[0].connectId, accountId: EU });
		const { connectId } = configs()[0];
		expect(await runner.checkExists()).toBe(true);
		expect(await runner.delete()).toBe(true);
		expect(configs()).toEqual([]);
		expect(logged('DELETE connect/config').map((entry) => entry.path)).toEqual([`/eu1/restapi/v2.1/accounts/${EU}/connect/${connectId}`]);
	});

	it('after the Account changes, retires the configuration in the old account and registers in the new one', async () => {
		const staticData: IDataObject = {};
		const first = await hookRunner(setup(pick(EU)), 'webhook', staticData);
		expect(await first.checkExists()).toBe(false);
		await first.create();
		const [old] = configs();

		const second = await hookRunner(setup(pick(NA)), 'webhook', staticData);
		expect(await second.checkExists()).toBe(false);
		expect(configs()).toEqual([]);
		expect(logged('DELETE connect/config').map((entry) => entry.path)).toEqual([`/eu1/restapi/v2.1/accounts/${EU}/connect/${old.connectId}`]);
		await second.create();
		expect(configs().map((config) => config.accountId)).toEqual([NA]);
		expect(second.nodeStaticData()).toMatchObject({ accountId: NA });
		expect(await second.checkExists()).toBe(true);
	});

	it('a configuration registered before accounts were remembered is looked up in the current account', async () => {
		const runner = await activated();
		delete runner.nodeStaticData().accountId;

		expect(await runner.checkExists()).toBe(true);
		expect(await runner.delete()).toBe(true);
		expect(configs()).toEqual([]);
	});
});
