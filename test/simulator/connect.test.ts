import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { SEED_IDS, startSimulator, type Simulator } from './index';
import { bearer, envelopeDefinition, http, jwtToken } from './testHelpers';

interface Received {
	headers: Record<string, string | string[] | undefined>;
	raw: Buffer;
	json: Record<string, any>;
}

let sim: Simulator;
let receiver: Server;
let hookUrl: string;
let received: Received[] = [];
let answers: number[] = [];
let token: string;
let base: string;

beforeAll(async () => {
	sim = await startSimulator({ allowHttpListeners: true });
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			received.push({ headers: req.headers, raw, json: JSON.parse(raw.toString()) });
			res.writeHead(answers.shift() ?? 200).end();
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	const address = receiver.address();
	hookUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhook`;
});
afterAll(async () => {
	await sim.close();
	await new Promise((r) => receiver.close(r));
});
beforeEach(async () => {
	sim.reset();
	sim.config.connect.retryDelayMs = 20;
	received = [];
	answers = [];
	token = await jwtToken(sim);
	base = sim.restBase(SEED_IDS.accounts.acmeNa);
});

const sign = (key: string, raw: Buffer) => createHmac('sha256', key).update(raw).digest('base64');
const eventNotification = (extra: Record<string, unknown> = {}) => ({
	url: hookUrl, includeHMAC: 'true', requireAcknowledgment: 'true', loggingEnabled: 'true',
	eventData: { version: 'restv2.1', format: 'json', includeData: ['recipients', 'custom_fields'] },
	envelopeEvents: [{ envelopeEventStatusCode: 'sent' }, { envelopeEventStatusCode: 'completed' }],
	recipientEvents: [{ recipientEventStatusCode: 'Completed' }],
	...extra,
});

describe('Connect', () => {
	it('delivers per-envelope eventNotification messages in order, HMAC-signed with every key', async () => {
		const k1 = sim.addHmacKey(SEED_IDS.accounts.acmeNa);
		const k2 = (await http.post(`${sim.url}/__sim/connect/keys`, { accountId: SEED_IDS.accounts.acmeNa, key: 'second-key' })).data.key;
		const res = await http.post(`${base}/envelopes`, envelopeDefinition({ eventNotification: eventNotification() }), bearer(token));
		expect(res.status).toBe(201);
		const id = res.data.envelopeId;
		sim.sign(id, '1');
		sim.sign(id, '2');
		await sim.connectIdle();
		expect(received.map((r) => r.json.event)).toEqual(['envelope-sent', 'recipient-completed', 'recipient-completed', 'recipient-completed', 'envelope-completed']);
		for (const r of received) {
			expect(r.headers['x-docusign-signature-1']).toBe(sign(k1, r.raw));
			expect(r.headers['x-docusign-signature-2']).toBe(sign(k2, r.raw));
		}
		const first = received[0].json;
		expect(first).toMatchObject({ apiVersion: 'v2.1', retryCount: 0, uri: `/restapi/v2.1/accounts/${SEED_IDS.accounts.acmeNa}/envelopes/${id}` });
		expect(first.data).toMatchObject({ accountId: SEED_IDS.accounts.acmeNa, userId: SEED_IDS.users.alice, envelopeId: id, recipientId: '' });
		expect(first.data.envelopeSummary).toMatchObject({ status: 'sent', envelopeId: id });
		expect(first.data.envelopeSummary.recipients.signers).toHaveLength(2);
		expect(first.data.envelopeSummary.customFields.textCustomFields[0].value).toBe('A-1001');
		expect(received[1].json.data.recipientId).toBe('1');
		expect(received.at(-1)!.json.data.envelopeSummary.status).toBe('completed');
		expect(sim.counters()['connect:delivered']).toBe(5);
	});

	it('retries non-2xx answers with a growing retryCount, bounded', async () => {
		sim.addHmacKey();
		answers = [500, 503];
		await http.post(`${base}/envelopes`, envelopeDefinition({ eventNotification: eventNotification({ envelopeEvents: [{ envelopeEventStatusCode: 'sent' }], recipientEvents: [] }) }), bearer(token));
		await sim.connectIdle();
		expect(received.map((r) => r.json.retryCount)).toEqual([0, 1, 2]);
		// Nothing documents that a retry keeps generatedDateTime: the simulator gives each attempt its own.
		expect(new Set(received.map((r) => r.json.generatedDateTime)).size).toBe(3);
		expect(new Set(received.map((r) => JSON.stringify(r.json.data))).size).toBe(1);
		const [delivery] = sim.deliveries();
		expect(delivery).toMatchObject({ state: 'delivered', lastStatus: 200, source: 'envelope' });
		expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);

		received = [];
		answers = [500, 500, 500, 500];
		await http.post(`${base}/envelopes`, envelopeDefinition({ eventNotification: eventNotification({ envelopeEvents: [{ envelopeEventStatusCode: 'sent' }], recipientEvents: [] }) }), bearer(token));
		await sim.connectIdle();
		expect(received).toHaveLength(3);
		expect(sim.deliveries()[1].state).toBe('failed');
	});

	it('publishes account-level configurations (admins only) with Connect 2.0 events', async () => {
		const key = sim.addHmacKey(SEED_IDS.accounts.acmeNa);
		const config = {
			configurationType: 'custom', name: 'n8n', urlToPublishTo: hookUrl, allUsers: 'true', allowEnvelopePublish: 'true',
			includeHMAC: 'true', deliveryMode: 'SIM', events: ['envelope-sent', 'envelope-voided'],
			eventData: { version: 'restv2.1', format: 'json', includeData: ['recipients'] },
		};
		const created = await http.post(`${base}/connect`, config, bearer(token));
		expect(created.status).toBe(201);
		const connectId = created.data.connectId;
		expect((await http.get(`${base}/connect`, bearer(token))).data).toMatchObject({ totalRecords: '1', configurations: [expect.objectContaining({ connectId })] });
		const id = (await http.post(`${base}/envelopes`, envelopeDefinition(), bearer(token))).data.envelopeId;
		await http.put(`${base}/envelopes/${id}`, { status: 'voided', voidedReason: 'test' }, bearer(token));
		await sim.connectIdle();
		expect(received.map((r) => [r.json.event, r.json.configurationId])).toEqual([['envelope-sent', Number(connectId)], ['envelope-voided', Number(connectId)]]);
		expect(received[0].headers['x-docusign-signature-1']).toBe(sign(key, received[0].raw));
		expect((await http.delete(`${base}/connect/${connectId}`, bearer(token))).status).toBe(200);
		expect((await http.get(`${base}/connect/${connectId}`, bearer(token))).status).toBe(400);

		const carol = await jwtToken(sim, SEED_IDS.users.carol);
		const denied = await http.post(`${base}/connect`, config, bearer(carol));
		expect(denied.data.errorCode).toBe('USER_LACKS_PERMISSIONS');
	});

	it('sends custom, forged and repeated messages through the control API; never leaves loopback', async () => {
		const key = sim.addHmacKey();
		const id = (await http.post(`${base}/envelopes`, envelopeDefinition(), bearer(token))).data.envelopeId;
		const valid = await http.post(`${sim.url}/__sim/connect/deliver`, { url: hookUrl, envelopeId: id, event: 'envelope-completed', repeat: 2 });
		expect(valid.data).toHaveLength(2);
		expect(received[0].raw.equals(received[1].raw)).toBe(true);
		expect(received[0].headers['x-docusign-signature-1']).toBe(sign(key, received[0].raw));
		await sim.deliverConnect({ url: hookUrl, body: '{"event":"envelope-completed"}', hmac: 'invalid' });
		expect(received[2].raw.toString()).toBe('{"event":"envelope-completed"}');
		expect(received[2].headers['x-docusign-signature-1']).not.toBe(sign(key, received[2].raw));
		await sim.deliverConnect({ deliveryId: valid.data[0].deliveryId });
		expect(received[3].raw.equals(received[0].raw)).toBe(true);

		await http.post(`${base}/envelopes`, envelopeDefinition({ eventNotification: eventNotification({ url: 'http://example.invalid/hook' }) }), bearer(token));
		await sim.connectIdle();
		const blocked = (await http.get(`${sim.url}/__sim/connect/deliveries?wait=1`)).data.filter((d: { url: string }) => d.url.includes('example.invalid'));
		expect(blocked[0]).toMatchObject({ state: 'blocked', attempts: [] });
	});
});
