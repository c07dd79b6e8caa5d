/**
 * Connect deliveries through the trigger's webhook(), in n8n-core's real WebhookContext behind a
 * real HTTP server (see triggerHarness). The local DocuSign simulator sends the messages and
 * signs them with its own HMAC code, so signing and verifying are independent implementations.
 */
import { startWebhookServer, type TriggerSetup, type WebhookServer } from './triggerHarness';

import { createHmac, randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { clearDeliveryMemory } from '../../nodes/DocuSign/trigger/dedupe';
import { SEED_IDS, startSimulator, type CustomDelivery, type DeliveryRecord, type Simulator } from '../simulator';
import { bearer, envelopeDefinition, http, jwtToken } from '../simulator/testHelpers';

const ACCOUNT = SEED_IDS.accounts.acmeNa;
const WEBHOOK_ID = '5b0c7a53-93a1-4f0e-9f3c-1f2a6f5d0001';

let sim: Simulator;
let server: WebhookServer;
let hookUrl: string;
let envelopeId: string;
let accountKey: string;

const newKey = () => randomBytes(32).toString('base64');
const sign = (key: string, body: string) => createHmac('sha256', key).update(Buffer.from(body, 'utf8')).digest('base64');

function setup(parameters: IDataObject = {}, keys: { hmacSecret?: string; additionalHmacSecrets?: string } = {}): TriggerSetup {
	const verify = parameters.verifySignature !== false;
	return {
		webhookId: WEBHOOK_ID,
		parameters: { registration: 'manual', events: ['envelope-completed', 'recipient-completed'], ...parameters },
		credentials: verify ? { docuSignConnectHmacApi: { hmacSecret: accountKey, ...keys } } : {},
	};
}

/** A Connect 2.0 JSON SIM message for the test envelope (connect.schema-v2.json). */
function message(
	overrides: { event?: string; generatedDateTime?: string; retryCount?: number; recipientId?: string; statusChangedDateTime?: string } = {},
) {
	return {
		event: overrides.event ?? 'envelope-completed',
		apiVersion: 'v2.1',
		uri: `/restapi/v2.1/accounts/${ACCOUNT}/envelopes/${envelopeId}`,
		retryCount: overrides.retryCount ?? 0,
		configurationId: 10001,
		generatedDateTime: overrides.generatedDateTime ?? '2026-03-01T10:00:00.1234567Z',
		data: {
			accountId: ACCOUNT,
			userId: SEED_IDS.users.alice,
			recipientId: overrides.recipientId ?? '',
			envelopeId,
			envelopeSummary: {
				status: 'completed',
				statusChangedDateTime: overrides.statusChangedDateTime ?? '2026-03-01T09:59:59.9000000Z',
				emailSubject: 'Please sign the NDA',
				sender: { userName: 'Alice Example', email: 'alice@acme.example' },
				recipients: {
					signers: [{ recipientId: '1', name: 'Signer One', email: 'signer.one@example.com', status: 'completed', recipientType: 'signer' }],
					carbonCopies: [{ recipientId: '3', name: 'Carbon Copy', email: 'cc@example.com', status: 'completed', recipientType: 'carboncopy' }],
				},
			},
		},
	};
}

async function deliver(delivery: Partial<CustomDelivery>): Promise<DeliveryRecord[]> {
	return await sim.deliverConnect({ url: hookUrl, envelopeId, hmacKeys: [accountKey], ...delivery });
}

const statuses = (records: DeliveryRecord[]) => records.map((record) => record.lastStatus);

beforeAll(async () => {
	sim = await startSimulator({ allowHttpListeners: true });
	accountKey = sim.addHmacKey(ACCOUNT);
	server = await startWebhookServer(setup());
	hookUrl = `${server.baseUrl}/${WEBHOOK_ID}/webhook`;
	const token = await jwtToken(sim);
	const created = await http.post(`${sim.restBase(ACCOUNT)}/envelopes`, envelopeDefinition(), bearer(token));
	expect(created.status).toBe(201);
	envelopeId = created.data.envelopeId;
});

afterAll(async () => {
	await server.close();
	await sim.close();
});

beforeEach(() => {
	server.setup = setup();
	server.deliveries = [];
	server.executions = [];
	server.savedStaticData = {};
	server.parseBody = true;
	server.mode = 'webhook';
	server.dropsStaticDataOfStartedRuns = true;
	clearDeliveryMemory();
});

describe('HMAC signature', () => {
	it('accepts a message signed with the account key and starts one execution with the flattened event', async () => {
		const [record] = await deliver({ event: 'envelope-completed' });

		expect(record.lastStatus).toBe(200);
		expect(record.headers['X-DocuSign-Signature-1']).toBeDefined();
		expect(server.executions).toHaveLength(1);
		const [item] = server.executions[0];
		const sent = JSON.parse(record.body);
		expect(item.json).toMatchObject({
			event: 'envelope-completed',
			envelopeId,
			accountId: ACCOUNT,
			userId: SEED_IDS.users.alice,
			recipientId: '',
			status: sent.data.envelopeSummary.status,
			emailSubject: 'Please sign the NDA',
			generatedDateTime: sent.generatedDateTime,
		});
		expect(item.json.payload).toEqual(sent);
	});

	it('answers a forged signature with 401, starts nothing and does not echo the key', async () => {
		const records = await deliver({ hmac: 'invalid', body: JSON.stringify(message()) });

		expect(statuses(records)).toEqual([401]);
		expect(server.executions).toHaveLength(0);
		expect(server.deliveries[0].result).toEqual({ noWebhookResponse: true });
		expect(JSON.stringify(server.deliveries)).not.toContain(accountKey);
	});

	it('answers a message without any X-DocuSign-Signature header with 401', async () => {
		const records = await deliver({ hmac: 'none', body: JSON.stringify(message()) });

		expect(statuses(records)).toEqual([401]);
		expect(server.executions).toHaveLength(0);
	});

	it('accepts a signature made with the second of the configured keys, and only because of it', async () => {
		const body = JSON.stringify(message());
		server.setup = setup({}, { hmacSecret: newKey(), additionalHmacSecrets: `${newKey()}\n${accountKey}\n` });
		expect(statuses(await deliver({ body }))).toEqual([200]);

		server.setup = setup({}, { hmacSecret: newKey(), additionalHmacSecrets: newKey() });
		expect(statuses(await deliver({ body: JSON.stringify(message({ statusChangedDateTime: '2026-03-01T10:00:01Z' })) }))).toEqual([401]);
		expect(server.executions).toHaveLength(1);
	});

	it('finds the matching signature in X-DocuSign-Signature-2 when -1 was made with another key', async () => {
		const records = await deliver({ hmacKeys: [newKey(), accountKey], body: JSON.stringify(message()) });
		expect(Object.keys(records[0].headers).filter((name) => name.startsWith('X-DocuSign-Signature'))).toEqual([
			'X-DocuSign-Signature-1',
			'X-DocuSign-Signature-2',
		]);
		expect(statuses(records)).toEqual([200]);

		const body = JSON.stringify(message({ statusChangedDateTime: '2026-03-01T10:00:02Z' }));
		const onlySecond = await deliver({ hmac: 'none', body, headers: { 'X-DocuSign-Signature-2': sign(accountKey, body) } });
		expect(statuses(onlySecond)).toEqual([200]);
		expect(server.executions).toHaveLength(2);
	});

	it('rejects a body re-serialised with different whitespace, and accepts those same bytes when they were signed', async () => {
		const compact = JSON.stringify(message());
		const pretty = JSON.stringify(message(), null, 2);

		const reserialised = await deliver({ hmac: 'none', body: pretty, headers: { 'X-DocuSign-Signature-1': sign(accountKey, compact) } });
		expect(statuses(reserialised)).toEqual([401]);
		expect(server.executions).toHaveLength(0);

		const signedPretty = await deliver({ hmac: 'none', body: pretty, headers: { 'X-DocuSign-Signature-1': sign(accountKey, pretty) } });
		expect(statuses(signedPretty)).toEqual([200]);
		expect(server.executions[0][0].json.payload).toEqual(message());
	});

	it('fails closed when the credential holds no usable key', async () => {
		server.setup = setup({}, { hmacSecret: '   ', additionalHmacSecrets: '\n' });
		const body = JSON.stringify(message());

		const records = await deliver({ hmac: 'none', body, headers: { 'X-DocuSign-Signature-1': sign('', body) } });

		expect(statuses(records)).toEqual([401]);
		expect(server.executions).toHaveLength(0);
	});

	it('reads the raw body itself when n8n has not parsed the request', async () => {
		server.parseBody = false;

		expect(statuses(await deliver({ body: JSON.stringify(message()) }))).toEqual([200]);
		expect(server.executions).toHaveLength(1);
	});

	it('answers a signed message that is not Connect JSON (legacy XML) with 400 and starts nothing', async () => {
		const xml = '<?xml version="1.0"?><DocuSignEnvelopeInformation><EnvelopeStatus/></DocuSignEnvelopeInformation>';

		const records = await deliver({ body: xml, headers: { 'Content-Type': 'text/xml' } });

		expect(statuses(records)).toEqual([400]);
		expect(server.executions).toHaveLength(0);
	});

	it('with verification off, starts the workflow for an unsigned message', async () => {
		server.setup = setup({ verifySignature: false });

		expect(statuses(await deliver({ hmac: 'none', body: JSON.stringify(message()) }))).toEqual([200]);
		expect(server.executions).toHaveLength(1);
	});
});

describe('delivery', () => {
	it('starts no second execution for a replayed message', async () => {
		const records = await deliver({ body: JSON.stringify(message()), repeat: 2 });
		const resent = await deliver({ deliveryId: records[0].deliveryId });

		expect(statuses([...records, ...resent])).toEqual([200, 200, 200]);
		expect(server.executions).toHaveLength(1);
	});

	it('after a restart, still recognises a message whose key the static data kept', async () => {
		server.dropsStaticDataOfStartedRuns = false;
		const body = JSON.stringify(message());
		await deliver({ body });
		expect(server.savedStaticData['node:DocuSign Trigger']).toEqual({ recentDeliveries: [expect.any(String)] });

		clearDeliveryMemory();
		await deliver({ body });
		expect(server.executions).toHaveLength(1);
	});

	it('takes a DocuSign retry for the same event even when its retryCount and generatedDateTime differ; new content is a new event', async () => {
		await deliver({ body: JSON.stringify(message({ retryCount: 0 })) });
		await deliver({ body: JSON.stringify(message({ retryCount: 1, generatedDateTime: '2026-03-01T10:05:00.0000000Z' })) });
		await deliver({ body: JSON.stringify(message({ retryCount: 2, generatedDateTime: '2026-03-02T08:00:00Z' })) });
		expect(server.executions).toHaveLength(1);

		await deliver({ body: JSON.stringify(message({ statusChangedDateTime: '2026-03-01T11:30:00Z' })) });
		expect(server.executions).toHaveLength(2);
	});

	it('runs once per recipient when two recipient events share a timestamp', async () => {
		await deliver({ body: JSON.stringify(message({ event: 'recipient-completed', recipientId: '1' })) });
		await deliver({ body: JSON.stringify(message({ event: 'recipient-completed', recipientId: '3' })) });

		expect(server.executions.map(([item]) => [item.json.recipientId, item.json.recipientEmail])).toEqual([
			['1', 'signer.one@example.com'],
			['3', 'cc@example.com'],
		]);
	});

	it('answers an unselected event with 200, starts nothing and does not remember it', async () => {
		const records = await deliver({ body: JSON.stringify(message({ event: 'envelope-sent' })) });

		expect(statuses(records)).toEqual([200]);
		expect(server.deliveries[0].result).toEqual({});
		expect(server.executions).toHaveLength(0);
		expect(server.savedStaticData).toEqual({});
	});

	it('works for the test URL while the editor listens, even for an event production already took', async () => {
		const body = JSON.stringify(message());
		await deliver({ body });
		server.mode = 'manual';

		expect(statuses(await deliver({ body }))).toEqual([200]);
		expect(server.executions).toHaveLength(2);
		expect(statuses(await deliver({ body }))).toEqual([200]);
		expect(server.executions).toHaveLength(2);
	});
});
