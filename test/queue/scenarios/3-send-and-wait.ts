/**
 * Send and Wait for Completion in queue mode: 20 executions send an envelope each and wait (n8n
 * saves them as "waiting"; no worker holds them). The simulator then completes or declines the
 * envelopes in random order; DocuSign's event goes to each execution's signed resume URL on main,
 * and main hands the resumed execution to a worker. Each must resume exactly once, with its own
 * envelope's outcome, and nothing may read an envelope while they wait.
 * Skipped (not counted as passed) when the package has no Send and Wait operation.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_IDS } from '../../simulator';
import { check, checkEqual } from '../../e2e/lib/check';
import { waitFor } from '../../e2e/lib/server';
import { fixedId } from '../../e2e/lib/workflows';
import { callWebhooks, tally } from '../lib/load';
import { countersSince, defineScenario, envelopesSince, HMAC_KEY, hmacCredential, jwtAlice, seconds, simMark, Skip } from '../lib/scenario';
import { outputOf } from '../lib/stack';
import { base64ToFile, chain, docuSign, setFields, webhook } from '../lib/workflows';
import { PDF_BASE64 } from './1-load';

const WF = fixedId('wfQueueWait');
const PATH = 'queue-wait';
const COUNT = 20;
const DECLINED = 5;
// Compiled to test/queue/.build/test/queue/scenarios/: the repo is six folders up.
const OPERATION = join(__dirname, '..', '..', '..', '..', '..', '..', 'nodes', 'DocuSign', 'actions', 'envelope', 'sendAndWait.operation.ts');

export default defineScenario({
	name: '3 Send and Wait: 20 waiting executions resume once each, on any worker',
	fixtures(ctx) {
		const jwt = jwtAlice(ctx);
		const hmac = hmacCredential();
		const node = docuSign('DocuSign', jwt, {
			resource: 'envelope',
			operation: 'sendAndWait',
			source: 'documents',
			emailSubject: "=Please sign and wait: {{ $('Prepare').item.json.requestId }}",
			documents: { document: [{ binaryPropertyName: 'data' }] },
			signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1 }] },
			options: {},
			waitOptions: {},
		});
		node.credentials = { ...node.credentials, docuSignConnectHmacApi: { id: hmac.id, name: hmac.name } };
		node.webhookId = 'a6c1f3e2-0d4b-4a57-9c1e-3f5b7d9e1a20';
		return {
			credentials: [jwt, hmac],
			workflows: [
				chain(WF, 'queue: send and wait', [
					webhook(PATH, 'onReceived'),
					setFields('Prepare', { requestId: '={{ $json.body.requestId }}', pdf: PDF_BASE64 }),
					base64ToFile('PDF', 'pdf', 'Service Agreement.pdf', 'application/pdf'),
					node,
					setFields('Result', {
						executionId: '={{ $execution.id }}',
						requestId: "={{ $('Prepare').item.json.requestId }}",
						envelopeId: '={{ $json.envelopeId }}',
						status: '={{ $json.status }}',
					}),
				]),
			],
		};
	},
	async run({ stack, simulator, log }) {
		if (!existsSync(OPERATION)) throw new Skip('nodes/DocuSign/actions/envelope/sendAndWait.operation.ts does not exist');
		simulator.addHmacKey(SEED_IDS.accounts.acmeNa, HMAC_KEY);
		await stack.activate(WF);
		await stack.waitForWebhook(PATH);

		const mark = simMark(simulator);
		const started = Date.now();
		const answers = await callWebhooks(`${stack.main!.url}/webhook/${PATH}`, COUNT, 8, (i) => ({ requestId: `wait-${i}` }));
		checkEqual(tally(answers, (a) => String(a.status)), { '200': COUNT }, 'webhook answers');
		const waiting = await waitFor(`${COUNT} executions waiting`, async () => {
			const rows = await stack.executions(WF);
			return rows.length === COUNT && rows.every((r) => r.status === 'waiting' || r.status === 'success' || r.status === 'error' || r.status === 'crashed') ? rows : undefined;
		}, 120_000, 500);
		checkEqual(tally(waiting, (r) => r.status), { waiting: COUNT }, 'executions after sending');
		const envelopes = envelopesSince(simulator, mark);
		checkEqual(envelopes.length, COUNT, 'envelopes sent');
		const sentBy = stack.executionsByWorker('started');
		log(`${COUNT} executions sent their envelope and wait (${seconds(Date.now() - started)}); first runs on ${JSON.stringify(tally(waiting, (r) => sentBy.get(r.id) ?? '?'))}`);

		// Whose envelope is whose: each envelope reports to its execution's own resume URL.
		const executionOf = new Map<string, string>();
		for (const e of envelopes) {
			const url = String(e.eventNotification?.url ?? '');
			const match = /\/webhook-waiting\/(\d+)\//.exec(url);
			check(match && url.startsWith(`${stack.main!.url}/`), `envelope ${e.envelopeId} reports to a resume URL on main (${url})`);
			executionOf.set(e.envelopeId, match[1]);
		}
		checkEqual(new Set(executionOf.values()).size, COUNT, 'one envelope per waiting execution');

		// The signer completes or declines, in random order, a few at a time.
		const whileWaiting = simMark(simulator);
		const order = [...envelopes].sort(() => Math.random() - 0.5);
		const outcome = new Map<string, 'completed' | 'declined'>();
		order.forEach((e, i) => outcome.set(e.envelopeId, i < DECLINED ? 'declined' : 'completed'));
		const signer = (envelopeId: string) => simulator.state.envelopes.get(envelopeId)!.recipients.find((r) => r.type === 'signers')!.recipientId;
		const resumeStart = Date.now();
		for (const e of order) {
			if (outcome.get(e.envelopeId) === 'declined') simulator.decline(e.envelopeId, signer(e.envelopeId), 'Not this time');
			else simulator.sign(e.envelopeId, signer(e.envelopeId));
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		await simulator.connectIdle(60_000);
		const finished = await waitFor('every execution to resume and finish', async () => {
			const rows = await stack.executions(WF);
			return rows.every((r) => r.status !== 'waiting' && r.status !== 'running' && r.status !== 'new') ? rows : undefined;
		}, 120_000, 500);
		const counters = countersSince(simulator, whileWaiting);
		log(`resumed in ${seconds(Date.now() - resumeStart)}: ${JSON.stringify(tally(finished, (r) => r.status))}; simulator while waiting and after: ${JSON.stringify(counters)}`);
		checkEqual(tally(finished, (r) => r.status), { success: COUNT }, 'executions after the outcomes');
		checkEqual(counters['GET envelope'] ?? 0, 0, 'envelope GETs while waiting');
		checkEqual(counters['GET envelopes'] ?? 0, 0, 'envelope list calls while waiting');

		// Each resumed once (two worker runs in all: the send, the resume), with its own outcome.
		const starts = stack.startsPerExecution();
		checkEqual(finished.filter((r) => starts.get(r.id)?.length !== 2).map((r) => `${r.id}: ${starts.get(r.id)?.join(',') ?? 'none'}`), [], 'executions not run exactly twice on workers (send + one resume)');
		// The resume ran where the send did not, or on the same worker when both starts are there.
		const resumedBy = (id: string) => {
			const runs = [...(starts.get(id) ?? [])];
			runs.splice(runs.indexOf(sentBy.get(id) ?? ''), 1);
			return runs[0] ?? '?';
		};
		const moved = finished.filter((r) => resumedBy(r.id) !== sentBy.get(r.id)).length;
		log(`resumes per worker ${JSON.stringify(tally(finished, (r) => resumedBy(r.id)))}; ${moved} of ${COUNT} resumed on the other worker than the one that sent`);
		const wrong: string[] = [];
		for (const row of finished) {
			const data = await stack.runData(row.id);
			const result = data ? outputOf(data, 'Result') : [];
			const envelopeId = [...executionOf].find(([, id]) => id === row.id)?.[0];
			if (result.length !== 1 || result[0].envelopeId !== envelopeId || result[0].status !== outcome.get(envelopeId ?? '')) {
				wrong.push(`${row.id}: ${JSON.stringify(result)} (expected ${envelopeId} ${outcome.get(envelopeId ?? '')})`);
			}
		}
		checkEqual(wrong, [], 'executions whose output is not their own envelope and outcome');
		log(`${COUNT - DECLINED} completed and ${DECLINED} declined, each execution with its own envelope's final status`);
		await stack.deactivate(WF);
	},
});
