/**
 * Connect operations against the local DocuSign simulator in n8n's real engine: an account
 * configuration whose receiver fails, the failure in Get Delivery Failures, Republish Envelope
 * Events once the receiver is back, the failure gone; and the refusal for a non-administrator.
 */
import { createServer, type Server } from 'node:http';

import { SEED_IDS } from '../../simulator';
import { bearer, envelopeDefinition, http, jwtToken } from '../../simulator/testHelpers';
import { aliceJwtCredential, runOnSimulator, sim, simulatorNode, store, useSimulator } from '../simulatorKit';
import { runDocuSignNodes } from '../kit';

useSimulator();

let receiver: Server;
let hookUrl: string;
let answer = 500;
let received = 0;

beforeAll(async () => {
	receiver = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			received++;
			res.writeHead(answer).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	const address = receiver.address();
	hookUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/docusign`;
});
afterAll(async () => await new Promise((resolve) => receiver.close(resolve)));
beforeEach(() => {
	answer = 500;
	received = 0;
	sim.config.connect.retryDelayMs = 10;
});

const connectNode = (operation: string, parameters: Record<string, unknown> = {}) =>
	simulatorNode('DocuSign', { resource: 'connect', operation, ...parameters });

const output = (result: Awaited<ReturnType<typeof runOnSimulator>>) => result.outputOf('DocuSign').map((item) => item.json);

async function configurationAndSentEnvelope(): Promise<{ connectId: string; envelopeId: string }> {
	const token = await jwtToken(sim);
	const base = sim.restBase(SEED_IDS.accounts.acmeNa);
	const config = await http.post(
		`${base}/connect`,
		{
			configurationType: 'custom',
			name: 'CRM',
			urlToPublishTo: hookUrl,
			allUsers: 'true',
			allowEnvelopePublish: 'true',
			deliveryMode: 'SIM',
			events: ['envelope-sent'],
			eventData: { version: 'restv2.1', format: 'json' },
		},
		bearer(token),
	);
	expect(config.status).toBe(201);
	const envelope = await http.post(`${base}/envelopes`, envelopeDefinition(), bearer(token));
	expect(envelope.status).toBe(201);
	await sim.connectIdle();
	return { connectId: config.data.connectId, envelopeId: envelope.data.envelopeId };
}

describe('Connect operations on the simulator', () => {
	it('lists the configuration, shows the failed delivery, republishes it and the failure is gone', async () => {
		const { connectId, envelopeId } = await configurationAndSentEnvelope();
		expect(received).toBe(sim.config.connect.maxAttempts);

		const configurations = await runOnSimulator([connectNode('getConfigurations')]);
		expect(configurations.error).toBeUndefined();
		expect(output(configurations)).toEqual([expect.objectContaining({ connectId, name: 'CRM', urlToPublishTo: hookUrl })]);

		const failures = await runOnSimulator([connectNode('getFailures', { filters: { fromDate: new Date(Date.now() - 60_000).toISOString() } })]);
		expect(failures.error).toBeUndefined();
		expect(output(failures)).toEqual([
			expect.objectContaining({ envelopeId, connectId, configUrl: hookUrl, status: 'Sent', failureReason: 'The remote server returned an error: (500).', retryCount: String(sim.config.connect.maxAttempts - 1) }),
		]);

		answer = 200;
		const republished = await runOnSimulator([
			connectNode('republishEnvelope', { envelopeId: { __rl: true, mode: 'id', value: envelopeId } }),
		]);
		expect(republished.error).toBeUndefined();
		expect(output(republished)).toEqual([
			{ envelopeId, republished: 1, retryQueue: [expect.objectContaining({ configId: connectId, configUrl: hookUrl, envelopeId })] },
		]);
		await sim.connectIdle();
		const deliveries = sim.deliveries().filter((d) => d.envelopeId === envelopeId && d.source === 'account');
		expect(deliveries.map((d) => d.state)).toEqual(['failed', 'delivered']);

		const after = await runOnSimulator([connectNode('getFailures')]);
		expect(after.error).toBeUndefined();
		expect(output(after)).toEqual([]);
		expect(sim.counters()['GET connect/failures']).toBe(2);
		expect(sim.counters()['PUT connect/envelope/retry_queue']).toBe(1);
	});

	it('leaves failures before From Date out', async () => {
		await configurationAndSentEnvelope();
		const result = await runOnSimulator([connectNode('getFailures', { filters: { fromDate: new Date(Date.now() + 60_000).toISOString() } })]);
		expect(result.error).toBeUndefined();
		expect(output(result)).toEqual([]);
	});

	it('a user who is not an administrator of the account gets DocuSign\'s refusal, readable', async () => {
		// Alice is a member of Globex, not its administrator.
		const credential = aliceJwtCredential();
		const result = await runDocuSignNodes([connectNode('getFailures')], {
			credentials: { 'ds-jwt': { ...credential, data: { ...credential.data, accountId: SEED_IDS.accounts.globexAu } } },
			store,
		});
		expect(result.error?.message).toBe(
			'DocuSign refused to list the Connect delivery failures: the connected DocuSign user is not an administrator of the account (USER_LACKS_PERMISSIONS)',
		);
	});

	it('republishing an envelope of another account is ENVELOPE_DOES_NOT_EXIST', async () => {
		const result = await runOnSimulator([
			connectNode('republishEnvelope', { envelopeId: { __rl: true, mode: 'id', value: '93be49ab-4e2f-4c1b-9a4e-f752070d71ec' } }),
		]);
		expect(result.error?.message).toContain('ENVELOPE_DOES_NOT_EXIST');
	});
});
