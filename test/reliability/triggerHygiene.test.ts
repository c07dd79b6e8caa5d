/**
 * Secret hygiene of the DocuSign Trigger's failing deliveries: a Connect message with a forged or
 * missing signature, or a credential without a usable key, is refused, and the Connect HMAC keys
 * never show in the HTTP answer, the node's result or error, n8n's logger or the console.
 */
import { startWebhookServer, type TriggerSetup, type WebhookServer } from '../trigger/triggerHarness';

import { createHmac, randomBytes } from 'node:crypto';
import nock from 'nock';

import { clearDeliveryMemory } from '../../nodes/DocuSign/trigger/dedupe';
import { SEED_IDS, startSimulator, type Simulator } from '../simulator';
import { http } from '../simulator/testHelpers';
import { LogCapture, findLeaks } from './kit';

const WEBHOOK_ID = '5b0c7a53-93a1-4f0e-9f3c-1f2a6f5d0007';
const ACCOUNT = SEED_IDS.accounts.acmeNa;

let sim: Simulator;
let server: WebhookServer;
let accountKey: string;
const otherKey = randomBytes(32).toString('base64');

const setup = (keys: { hmacSecret?: string; additionalHmacSecrets?: string } = {}): TriggerSetup => ({
	webhookId: WEBHOOK_ID,
	parameters: { registration: 'manual', events: ['envelope-completed'] },
	credentials: { docuSignConnectHmacApi: { hmacSecret: accountKey, ...keys } },
});

const body = JSON.stringify({
	event: 'envelope-completed',
	apiVersion: 'v2.1',
	uri: `/restapi/v2.1/accounts/${ACCOUNT}/envelopes/5a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b`,
	retryCount: 0,
	configurationId: 10001,
	generatedDateTime: '2026-03-01T10:00:00Z',
	data: { accountId: ACCOUNT, userId: SEED_IDS.users.alice, recipientId: '', envelopeId: '5a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b', envelopeSummary: { status: 'completed' } },
});
const sign = (key: string) => createHmac('sha256', key).update(body).digest('base64');

const cases: Array<[string, () => TriggerSetup, () => Record<string, string>]> = [
	['forged signature', () => setup(), () => ({ 'X-DocuSign-Signature-1': sign(otherKey) })],
	['no signature header', () => setup(), () => ({})],
	['signed with a key the credential lacks', () => setup({ hmacSecret: otherKey }), () => ({ 'X-DocuSign-Signature-1': sign(accountKey) })],
	['credential without a usable key', () => setup({ hmacSecret: '   ', additionalHmacSecrets: '\n' }), () => ({ 'X-DocuSign-Signature-1': sign('') })],
];

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sim = await startSimulator({ allowHttpListeners: true });
	accountKey = sim.addHmacKey(ACCOUNT);
	server = await startWebhookServer(setup());
});
afterAll(async () => {
	await server.close();
	await sim.close();
});

describe('secret hygiene of refused Connect deliveries', () => {
	it.each(cases)('%s: refused, and no HMAC key shows anywhere', async (_name, makeSetup, headers) => {
		server.setup = makeSetup();
		server.deliveries = [];
		server.executions = [];
		clearDeliveryMemory();
		const logs = new LogCapture().start();
		let answer;
		try {
			answer = await http.post(`${server.baseUrl}/${WEBHOOK_ID}/webhook`, body, {
				headers: { 'Content-Type': 'application/json', ...headers() },
				transformResponse: (data: unknown) => data,
			});
		} finally {
			logs.stop();
		}
		expect(answer.status).toBe(401);
		expect(server.executions).toHaveLength(0);
		const [delivery] = server.deliveries;
		const surfaces = {
			answer: `${JSON.stringify(answer.headers)} ${String(answer.data)}`,
			result: JSON.stringify(delivery.result ?? null),
			error: JSON.stringify({ message: delivery.error?.message, stack: delivery.error?.stack }),
			logs: logs.lines.join('\n'),
		};
		expect(findLeaks(surfaces, [accountKey, otherKey])).toEqual([]);
	});
});
