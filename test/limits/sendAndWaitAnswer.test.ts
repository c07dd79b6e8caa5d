/**
 * Send and Wait for Completion with "Download Completed Documents" answers DocuSign's delivery of
 * envelope-completed before it downloads the documents. DocuSign asks listeners to answer within
 * five seconds and sends the event again otherwise; the simulator gives up on an answer after
 * config.connect.timeoutMs (5 s) and retries. Here each document download takes 3 s (the time a
 * 25 MB PDF takes at about 8 MB/s), so answering after the downloads would take over 6 s.
 */
import { startNode } from '../engine/harness';
import { memoryBinary } from '../engine/binaryData';
import type { WaitingExecution } from '../engine/waitingExecutions';

import type { INodeParameters } from 'n8n-workflow';

import { SEED_IDS } from '../simulator';
import { binaryBytes } from '../nodes/envelope/createFixtures';
import { HMAC_CREDENTIAL, after, connections, host, sendAndWaitNode, useWaitingHost } from '../nodes/envelope/sendAndWaitKit';
import { JWT_CREDENTIAL, aliceJwtCredential, sim, store, useSimulator } from '../nodes/simulatorKit';

useSimulator();
useWaitingHost();

const DOCUMENT_BYTES = 25 * 1024 * 1024;
const DOWNLOAD_MS = 3000;

const parameters: INodeParameters = {
	authentication: 'jwt',
	source: 'documents',
	emailSubject: 'Please sign: 25 MB contract',
	documents: { document: [{ binaryPropertyName: 'contract' }] },
	signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com' }] },
	waitOptions: { downloadDocuments: true },
};

const endOf = (at: string, durationMs = 0) => Date.parse(at) + durationMs;

/** Send and Wait with Download Completed Documents for one PDF of this size, HMAC-signed events. */
async function sendAndWaitFor(documentBytes: number): Promise<WaitingExecution> {
	const hmacKey = sim.addHmacKey(SEED_IDS.accounts.acmeNa);
	return await host.run({
		nodes: [startNode(), sendAndWaitNode(parameters, { docuSignJwtApi: JWT_CREDENTIAL, docuSignConnectHmacApi: HMAC_CREDENTIAL }), after()],
		connections: connections(true),
		credentials: {
			[JWT_CREDENTIAL.id]: aliceJwtCredential(),
			[HMAC_CREDENTIAL.id]: { type: 'docuSignConnectHmacApi', name: HMAC_CREDENTIAL.name, data: { hmacSecret: hmacKey } },
		},
		store,
		inputItems: [{ json: {}, binary: { contract: memoryBinary(binaryBytes(documentBytes), { fileName: 'Contract.pdf', mimeType: 'application/pdf' }) } }],
	});
}

it('answers the envelope-completed delivery at once, then downloads the documents and resumes with them', async () => {
	const execution = await sendAndWaitFor(DOCUMENT_BYTES);
	expect(execution.error?.message).toBeUndefined();
	const envelopeId = String(execution.outputOf('DocuSign')[0].json.envelopeId);
	expect((sim.envelope(envelopeId) as { documents: Array<{ size: number }> }).documents[0].size).toBe(DOCUMENT_BYTES);

	sim.faults.slow(DOWNLOAD_MS, 2, { endpoint: 'GET envelope/document' });
	sim.sign(envelopeId, '1');
	await sim.connectIdle(30_000);
	await host.handled();
	await execution.settled();

	const [delivery] = sim.deliveries().filter((record) => record.source === 'envelope');
	expect(delivery.attempts.map((attempt) => attempt.status ?? attempt.error)).toEqual([200]);
	const answeredAt = endOf(delivery.attempts[0].at, delivery.attempts[0].durationMs);
	const downloads = sim.requestLog.filter((entry) => entry.endpoint === 'GET envelope/document');
	expect(downloads).toHaveLength(2);
	expect(answeredAt).toBeLessThanOrEqual(Math.min(...downloads.map((entry) => endOf(entry.at, entry.durationMs))));
	// The figure for the README and the report (not asserted: it depends on the machine).
	console.info(
		`DocuSign waited ${delivery.attempts[0].durationMs} ms for the answer; the downloads took ${downloads.map((entry) => entry.durationMs).join(' + ')} ms`,
	);

	expect(execution.status).toBe('success');
	const [item] = execution.outputOf('After');
	expect(item.json).toMatchObject({ status: 'completed', envelopeId });
	expect(item.json.documentsError).toBeUndefined();
	expect(Object.keys(item.binary ?? {}).sort()).toEqual(['certificate', 'combined']);
});

it('resumes with the outcome and a documentsError when a download fails after DocuSign got its answer', async () => {
	const execution = await sendAndWaitFor(30_000);
	const envelopeId = String(execution.outputOf('DocuSign')[0].json.envelopeId);
	sim.faults.failNext(1, { status: 400, errorCode: 'DOCUMENT_DOES_NOT_EXIST', match: { endpoint: 'GET envelope/document' } });
	sim.sign(envelopeId, '1');
	await sim.connectIdle(30_000);
	await host.handled();
	await execution.settled();

	const [delivery] = sim.deliveries().filter((record) => record.source === 'envelope');
	expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([200]);
	expect(execution.status).toBe('success');
	const [item] = execution.outputOf('After');
	expect(item.json.status).toBe('completed');
	expect(item.json.documentsError).toMatchObject({
		message: expect.stringMatching(/^DocuSign could not download the completed envelope as one PDF: DOCUMENT_DOES_NOT_EXIST/),
		description: expect.stringMatching(/Envelope → Download Document/),
	});
	expect(item.binary).toBeUndefined();
});
