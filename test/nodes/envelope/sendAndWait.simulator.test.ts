/**
 * Send and Wait for Completion against the local DocuSign simulator: the node creates the envelope
 * (JWT credential of Alice), the simulator keeps its eventNotification and, when a signer signs or
 * declines or the envelope is voided, posts the HMAC-signed Connect message to the execution's
 * resume URL, served by the waiting host (n8n-core's real engine and WebhookContext). The
 * simulator counts every envelope read: none while waiting.
 */
import { startNode, type StoredCredentialInput } from '../../engine/harness';
import { memoryBinary } from '../../engine/binaryData';
import type { WaitingExecution } from '../../engine/waitingExecutions';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { clock } from '../../../nodes/DocuSign/transport';
import { SEED_IDS, TEMPLATE_IDS } from '../../simulator';
import { JWT_CREDENTIAL, aliceJwtCredential, runOnSimulator, sim, simulatorNode, store, useSimulator } from '../simulatorKit';
import { binaryBytes } from './createFixtures';
import { byId } from './envelopeKit';
import { HMAC_CREDENTIAL, after, connections, host, sendAndWaitNode, useWaitingHost } from './sendAndWaitKit';

useSimulator();
useWaitingHost();

const ACCOUNT = SEED_IDS.accounts.acmeNa;
let hmacKey: string;

beforeEach(() => {
	hmacKey = sim.addHmacKey(ACCOUNT);
});

const fromDocuments: INodeParameters = {
	source: 'documents',
	emailSubject: 'Please sign: Service Agreement',
	documents: { document: [{ binaryPropertyName: 'contract' }] },
	signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com' }] },
	carbonCopies: { carbonCopy: [{ name: 'Legal', email: 'legal@example.com', routingOrder: 2 }] },
};

const inputItem = (n = 1): INodeExecutionData => ({
	json: { deal: n },
	binary: { contract: memoryBinary(binaryBytes(30_000, n), { fileName: `Agreement-${n}.pdf`, mimeType: 'application/pdf' }) },
});

function credentials(): Record<string, StoredCredentialInput> {
	return {
		...(store.has(JWT_CREDENTIAL.id) ? {} : { [JWT_CREDENTIAL.id]: aliceJwtCredential() }),
		[HMAC_CREDENTIAL.id]: { type: 'docuSignConnectHmacApi', name: HMAC_CREDENTIAL.name, data: { hmacSecret: hmacKey } },
	};
}

async function sendAndWait(parameters: INodeParameters = fromDocuments, inputItems = [inputItem()]): Promise<WaitingExecution> {
	const execution = await host.run({
		nodes: [
			startNode(),
			sendAndWaitNode({ authentication: 'jwt', ...parameters }, { docuSignJwtApi: JWT_CREDENTIAL, docuSignConnectHmacApi: HMAC_CREDENTIAL }),
			after(),
		],
		connections: connections(true),
		credentials: credentials(),
		store,
		inputItems,
	});
	expect(execution.error?.message).toBeUndefined();
	expect(execution.status).toBe('waiting');
	return execution;
}

const envelopeIdOf = (execution: WaitingExecution) => String(execution.outputOf('DocuSign')[0].json.envelopeId);

/** Waits until the simulator has delivered everything it queued and the resumed run is done. */
async function connectDone(execution: WaitingExecution): Promise<void> {
	await sim.connectIdle();
	await host.handled();
	await execution.settled();
}

const envelopeReads = () => sim.counters()['GET envelope'] ?? 0;

it('a signer signs: the signed envelope-completed resumes the execution with the outcome and the documents, and nothing polled', async () => {
	const execution = await sendAndWait({ ...fromDocuments, waitOptions: { downloadDocuments: true } });
	const envelopeId = envelopeIdOf(execution);
	const stored = sim.envelope(envelopeId) as {
		status: string;
		eventNotification: IDataObject;
		transactionId: string;
		textCustomFields: IDataObject[];
		listCustomFields: IDataObject[];
	};
	expect(stored.status).toBe('sent');
	// The account's admin-defined envelope custom fields stay on the envelope, with their defaults.
	expect([...stored.listCustomFields, ...stored.textCustomFields].map(({ name, value }) => [name, value])).toEqual([
		['Department', 'Sales'],
		['Cost Center', 'CC-100'],
	]);
	expect(String(stored.eventNotification.url)).toContain(`envelope=${stored.transactionId}&`);
	expect(String(stored.eventNotification.url)).toMatch(
		new RegExp(`^${host.waitingBaseUrl}/${execution.id}/[0-9a-f-]{36}\\?envelope=[0-9a-f-]{36}&documents=true&created=\\d+&signature=[0-9a-f]{64}$`),
	);

	sim.view(envelopeId, '1');
	await connectDone(execution);
	expect(execution.status).toBe('waiting');
	expect(envelopeReads()).toBe(0);

	sim.sign(envelopeId, '1');
	await connectDone(execution);

	const deliveries = sim.deliveries().filter((delivery) => delivery.source === 'envelope');
	expect(deliveries.map(({ event, state, lastStatus }) => ({ event, state, lastStatus }))).toEqual([
		{ event: 'envelope-completed', state: 'delivered', lastStatus: 200 },
	]);
	expect(deliveries[0].headers['X-DocuSign-Signature-1']).toBeDefined();
	expect(execution.status).toBe('success');
	const [item] = execution.outputOf('After');
	expect(item.json).toMatchObject({
		status: 'completed',
		event: 'envelope-completed',
		envelopeId,
		accountId: ACCOUNT,
		emailSubject: 'Please sign: Service Agreement',
		completedDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
	});
	expect((item.json.recipients as IDataObject[]).map(({ name, recipientType, status }) => ({ name, recipientType, status }))).toEqual([
		{ name: 'Jane Doe', recipientType: 'signer', status: 'completed' },
		{ name: 'Legal', recipientType: 'carbonCopy', status: 'completed' },
	]);
	expect(Buffer.from(item.binary!.certificate.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(Buffer.from(item.binary!.combined.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(envelopeReads()).toBe(0);
	expect(sim.counters()['GET envelope/document']).toBe(2);
});

it('a signer declines: the execution finishes with status declined and the reason', async () => {
	const execution = await sendAndWait();
	const envelopeId = envelopeIdOf(execution);

	sim.decline(envelopeId, '1', 'The price is wrong');
	await connectDone(execution);

	expect(execution.status).toBe('success');
	expect(execution.outputOf('After')[0].json).toMatchObject({ status: 'declined', envelopeId, declinedReason: 'The price is wrong' });
	expect(envelopeReads()).toBe(0);
});

it('the sender voids the envelope: the execution finishes with status voided and the reason', async () => {
	const execution = await sendAndWait();
	const envelopeId = envelopeIdOf(execution);

	const voided = await runOnSimulator([
		simulatorNode('Void', { resource: 'envelope', operation: 'voidEnvelope', envelopeId: byId(envelopeId), voidedReason: 'Superseded by v2' }),
	]);
	expect(voided.error?.message).toBeUndefined();
	await connectDone(execution);

	expect(execution.status).toBe('success');
	expect(execution.outputOf('After')[0].json).toMatchObject({ status: 'voided', envelopeId, voidedReason: 'Superseded by v2' });
});

it('forged, unsigned and other-envelope deliveries get 401 and the execution keeps waiting', async () => {
	const execution = await sendAndWait();
	const envelopeId = envelopeIdOf(execution);
	const url = String((sim.envelope(envelopeId) as { eventNotification: IDataObject }).eventNotification.url);
	const other = await runOnSimulator([simulatorNode('Create', { resource: 'envelope', operation: 'create', ...fromDocuments })], {
		inputItems: [inputItem(2)],
	});
	const otherId = String(other.outputOf('Create')[0].json.envelopeId);

	const forged = await sim.deliverConnect({ url, envelopeId, event: 'envelope-completed', hmac: 'invalid' });
	const unsigned = await sim.deliverConnect({ url, envelopeId, event: 'envelope-completed', hmac: 'none' });
	const otherEnvelope = await sim.deliverConnect({ url, envelopeId: otherId, event: 'envelope-completed', hmac: 'valid' });
	await execution.settled();

	expect([...forged, ...unsigned, ...otherEnvelope].map((delivery) => delivery.lastStatus)).toEqual([401, 401, 401]);
	expect(execution.status).toBe('waiting');

	const genuine = await sim.deliverConnect({ url, envelopeId, event: 'envelope-voided', hmac: 'valid' });
	await execution.settled();
	expect(genuine[0].lastStatus).toBe(200);
	expect(execution.status).toBe('success');
});

it('an envelope signed after the 7 days a transactionId lasts still resumes its execution, and no other envelope does', async () => {
	const execution = await sendAndWait();
	const envelopeId = envelopeIdOf(execution);
	const url = String((sim.envelope(envelopeId) as { eventNotification: IDataObject }).eventNotification.url);
	const other = await runOnSimulator([simulatorNode('Create', { resource: 'envelope', operation: 'create', ...fromDocuments })], { inputItems: [inputItem(2)] });
	const otherRecord = sim.state.envelopes.get(String(other.outputOf('Create')[0].json.envelopeId))!;
	// Another envelope, made an hour before this execution, whose message reaches this URL.
	otherRecord.createdDateTime = new Date(Date.parse(otherRecord.createdDateTime) - 3_600_000).toISOString();

	// Eight days later: DocuSign no longer reports the transactionIds.
	sim.config.transactionIdValidMs = 0;
	const realNow = clock.now;
	clock.now = () => realNow() + 8 * 86_400_000;
	try {
		const otherEnvelope = await sim.deliverConnect({ url, envelopeId: otherRecord.envelopeId, event: 'envelope-completed', hmac: 'valid' });
		await execution.settled();
		expect(otherEnvelope[0].lastStatus).toBe(401);
		expect(execution.status).toBe('waiting');

		sim.sign(envelopeId, '1');
		await connectDone(execution);
		const completed = sim.deliveries().find((d) => d.envelopeId === envelopeId && d.event === 'envelope-completed')!;
		expect(JSON.parse(String(completed.body)).data.envelopeSummary.transactionId).toBeUndefined();
	} finally {
		clock.now = realNow;
	}
	expect(execution.status).toBe('success');
	expect(execution.outputOf('After')[0].json).toMatchObject({ status: 'completed', envelopeId });
});

it('from a template, filling its roles', async () => {
	const execution = await sendAndWait(
		{
			source: 'template',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
			templateRoles: {
				role: [
					{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com' },
					{ roleName: 'CC', name: 'Legal', email: 'legal@example.com' },
				],
			},
		},
		[{ json: {} }],
	);
	const envelopeId = envelopeIdOf(execution);
	const signer = (sim.envelope(envelopeId) as { recipients: Array<{ recipientId: string; email: string }> }).recipients.find(
		(recipient) => recipient.email === 'jane@example.com',
	);

	sim.sign(envelopeId, signer!.recipientId);
	await connectDone(execution);

	expect(execution.outputOf('After')[0].json).toMatchObject({ status: 'completed', envelopeId });
});

describe('compositeTemplates in Options → Advanced (JSON)', () => {
	const composite = {
		compositeTemplates: [
			{ compositeTemplateId: '1', inlineTemplates: [{ sequence: '1', recipients: { carbonCopies: [{ name: 'Audit', email: 'audit@example.com', recipientId: '9' }] } }] },
		],
	};
	const withComposite = (options: IDataObject): INodeParameters => ({
		...fromDocuments,
		carbonCopies: {},
		options: { advancedJson: JSON.stringify(composite), ...options },
	});

	it('resume works: the transactionId is envelope-level, so the Connect message names the envelope', async () => {
		const execution = await sendAndWait(withComposite({}));
		const envelopeId = envelopeIdOf(execution);
		const stored = sim.envelope(envelopeId) as { transactionId?: string; recipients: Array<{ recipientId: string; email: string }> };
		expect(stored.transactionId).toMatch(/^[0-9a-f-]{36}$/);

		sim.sign(envelopeId, stored.recipients.find((recipient) => recipient.email === 'jane@example.com')!.recipientId);
		await connectDone(execution);

		expect(execution.outputOf('After')[0].json).toMatchObject({ status: 'completed', envelopeId });
	});

	it('an Idempotency Key is refused before any DocuSign call: DocuSign ignores envelope-level custom fields there', async () => {
		const execution = await host.run({
			nodes: [
				startNode(),
				sendAndWaitNode(
					{ authentication: 'jwt', ...withComposite({ idempotencyKey: 'deal-9' }) },
					{ docuSignJwtApi: JWT_CREDENTIAL, docuSignConnectHmacApi: HMAC_CREDENTIAL },
				),
				after(),
			],
			connections: connections(true),
			credentials: credentials(),
			store,
			inputItems: [inputItem()],
		});

		expect(execution.error?.message).toBe('Item 1: Idempotency Key cannot be used with compositeTemplates in Options → Advanced (JSON)');
		expect(sim.requestLog.filter((entry) => entry.path.includes('/restapi/'))).toEqual([]);
		expect(sim.state.envelopes.size).toBe(0);
	});
});

it('ten envelopes, ten waiting executions: each resumes with its own envelope, and DocuSign counted no envelope read', async () => {
	const executions: WaitingExecution[] = [];
	for (let n = 1; n <= 10; n++) executions.push(await sendAndWait(fromDocuments, [inputItem(n)]));
	const ids = executions.map(envelopeIdOf);
	expect(new Set(ids).size).toBe(10);

	for (const id of ids) sim.sign(id, '1');
	await sim.connectIdle();
	for (const execution of executions) await execution.settled();

	expect(executions.map((execution) => execution.outputOf('After')[0]?.json.envelopeId)).toEqual(ids);
	expect(executions.every((execution) => execution.status === 'success')).toBe(true);
	expect(envelopeReads()).toBe(0);
	expect(sim.counters()['POST envelopes']).toBe(10);
});
