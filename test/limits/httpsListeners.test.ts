/**
 * DocuSign delivers Connect and eventNotification messages to https:// listeners only. The simulator
 * refuses http listener URLs as DocuSign does (unless started with allowHttpListeners, the test
 * switch for n8n's Custom environment on loopback); the node refuses an http n8n webhook or resume
 * URL, or an http Status Notifications URL, in the Developer and Production environments before
 * any call, naming the URL and n8n's WEBHOOK_URL setting.
 */
import { startNode, type StoredCredentialInput } from '../engine/harness';
import { hookRunner, startWebhookServer, type WebhookServer } from '../trigger/triggerHarness';

import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED_IDS, startSimulator, type Simulator } from '../simulator';
import { bearer, envelopeDefinition, http, jwtToken, samplePdf } from '../simulator/testHelpers';
import { JWT_CREDENTIAL, aliceJwtCredential, runOnSimulator, sim as kitSim, simulatorNode, store, useSimulator } from '../nodes/simulatorKit';
import { connections, host, sendAndWaitNode, useWaitingHost } from '../nodes/envelope/sendAndWaitKit';

const ACCOUNT = SEED_IDS.accounts.acmeNa;

describe('simulator without the Custom-environment switch (as DocuSign)', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => {
		await sim.close();
	});

	it('refuses an envelope whose eventNotification.url is http: 400 HTTPS_REQUIRED_FOR_CONNECT_LISTENER, nothing created', async () => {
		const token = await jwtToken(sim);
		const definition = envelopeDefinition({ eventNotification: { url: 'http://n8n.example.com/webhook-waiting/1', events: ['envelope-completed'] } });
		const response = await http.post(`${sim.restBase(ACCOUNT)}/envelopes`, definition, bearer(token));
		expect(response.status).toBe(400);
		expect(response.data).toEqual({ errorCode: 'HTTPS_REQUIRED_FOR_CONNECT_LISTENER', message: 'HTTPS required for Connect listener communication.' });
		expect(sim.state.envelopes.size).toBe(0);
		const https = envelopeDefinition({ eventNotification: { url: 'https://n8n.example.com/webhook-waiting/1', events: ['envelope-completed'] } });
		expect((await http.post(`${sim.restBase(ACCOUNT)}/envelopes`, https, bearer(token))).status).toBe(201);
	});

	it('refuses a Connect configuration with an http urlToPublishTo', async () => {
		const token = await jwtToken(sim);
		const body = { configurationType: 'custom', name: 'x', urlToPublishTo: 'http://n8n.example.com/webhook/x', allUsers: 'true', events: ['envelope-completed'] };
		const response = await http.post(`${sim.restBase(ACCOUNT)}/connect`, body, bearer(token));
		expect(response.data.errorCode).toBe('HTTPS_REQUIRED_FOR_CONNECT_LISTENER');
		expect(sim.state.connectConfigs.size).toBe(0);
	});
});

describe('the node, Developer environment, http n8n URLs', () => {
	useSimulator();
	useWaitingHost();

	beforeAll(() => {
		nock.disableNetConnect();
		nock.enableNetConnect('127.0.0.1');
	});
	afterAll(() => nock.enableNetConnect());

	/** Alice's JWT credential pointed at DocuSign's developer environment: any call would leave loopback and fail. */
	const developerCredential = (): StoredCredentialInput => {
		const credential = aliceJwtCredential();
		return { ...credential, data: { ...credential.data, environment: 'developer', customAuthServer: '' } };
	};

	it('Send and Wait refuses its http resume URL before any call', async () => {
		const execution = await host.run({
			nodes: [
				startNode(),
				sendAndWaitNode(
					{
						authentication: 'jwt',
						source: 'documents',
						emailSubject: 'Please sign',
						documents: { document: [{ binaryPropertyName: 'contract' }] },
						signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com' }] },
					},
					{ docuSignJwtApi: JWT_CREDENTIAL },
				),
			],
			connections: connections(false),
			credentials: { [JWT_CREDENTIAL.id]: developerCredential() },
			store,
			inputItems: [{ json: {}, binary: { contract: { data: samplePdf().toString('base64'), mimeType: 'application/pdf', fileName: 'a.pdf' } } }],
		});
		expect(execution.error?.message).toMatch(
			new RegExp(`^DocuSign only delivers events to https:// addresses, and this execution's resume URL is ${host.waitingBaseUrl}/${execution.id}/`),
		);
		expect(JSON.stringify(execution.error)).toContain('WEBHOOK_URL');
		expect(kitSim.requestLog).toHaveLength(0);
	});

	it('Create refuses an http Status Notifications URL (option or Advanced JSON) before any call; Custom may use http', async () => {
		const run = async (options: IDataObject, credential?: StoredCredentialInput) => {
			if (credential) await store.put(JWT_CREDENTIAL.id, credential);
			return await runOnSimulator(
				[
					simulatorNode('DocuSign', {
						resource: 'envelope',
						operation: 'createFromTemplate',
						templateId: { __rl: true, mode: 'id', value: '00000000-0000-0000-0000-000000000000' },
						options,
					} as INodeParameters),
				],
			);
		};
		const webhook = { url: 'http://n8n.example.com/webhook/docusign', events: ['envelope-completed'] };
		let result = await run({ statusNotification: { webhook } }, developerCredential());
		expect(result.error?.message).toBe(
			'DocuSign only delivers events to https:// addresses, and the URL of Options → Status Notifications is http://n8n.example.com/webhook/docusign',
		);
		expect(result.error?.description).toMatch(/WEBHOOK_URL/);
		result = await run({ advancedJson: JSON.stringify({ eventNotification: { url: 'http://x.example/', events: ['envelope-sent'] } }) });
		expect(result.error?.message).toMatch(/eventNotification\.url in Options → Advanced \(JSON\) is http:\/\/x\.example\//);
		expect(kitSim.requestLog).toHaveLength(0);

		await store.put(JWT_CREDENTIAL.id, aliceJwtCredential());
		result = await run({ statusNotification: { webhook } });
		expect(result.error?.message).not.toMatch(/https/);
		expect(kitSim.requestLog.length).toBeGreaterThan(0);
	});
});

describe('the trigger, Developer environment', () => {
	let server: WebhookServer;
	beforeAll(async () => {
		nock.disableNetConnect();
		nock.enableNetConnect('127.0.0.1');
		server = await startWebhookServer({ parameters: {} });
	});
	afterAll(async () => {
		nock.enableNetConnect();
		await server.close();
	});

	it('refuses to register its http webhook URL, before any call', async () => {
		const runner = await hookRunner({
			webhookId: '5b0c7a53-93a1-4f0e-9f3c-1f2a6f5d0002',
			webhookBaseUrl: server.baseUrl,
			parameters: { registration: 'automatic', authentication: 'jwt', events: ['envelope-completed'] },
			credentials: {
				docuSignJwtApi: {
					environment: 'developer',
					integrationKey: SEED_IDS.integrationKey,
					userId: SEED_IDS.users.alice,
					privateKey: 'not needed: nothing is called',
					accountId: '',
				},
			},
		});
		await expect(runner.create()).rejects.toThrow(
			`DocuSign only delivers events to https:// addresses, and this trigger's webhook URL is ${server.baseUrl}/5b0c7a53-93a1-4f0e-9f3c-1f2a6f5d0002/webhook`,
		);
	});
});
