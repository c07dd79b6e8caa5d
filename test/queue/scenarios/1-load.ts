/**
 * Load: Webhook → Edit Fields (the request id, a one-page PDF as base64) → Convert to File →
 * DocuSign Envelope → Create (JWT, send now) → Edit Fields (execution id, envelope). 200 calls,
 * 8 at a time; n8n's queue spreads them over both workers.
 */
import { makePdf } from '../../simulator/pdf';
import { check, checkEqual } from '../../e2e/lib/check';
import { fixedId } from '../../e2e/lib/workflows';
import { callWebhooks, tally } from '../lib/load';
import { countersSince, defineScenario, duplicateMarkers, envelopesSince, jwtAlice, markerOf, seconds, simMark } from '../lib/scenario';
import { base64ToFile, chain, docuSign, setFields, webhook } from '../lib/workflows';

const WF = fixedId('wfQueueLoad');
const PATH = 'queue-load';
const CALLS = 200;
const CONCURRENCY = 8;

export const PDF_BASE64 = makePdf([['Service Agreement', 'Signed through n8n queue mode.']], 'Service Agreement').toString('base64');

export default defineScenario({
	name: '1 Load: 200 webhook calls → 200 envelopes over two workers',
	fixtures(ctx) {
		const jwt = jwtAlice(ctx);
		return {
			credentials: [jwt],
			workflows: [
				chain(WF, 'queue: webhook → envelope', [
					webhook(PATH, 'lastNode'),
					setFields('Prepare', { requestId: '={{ $json.body.requestId }}', pdf: PDF_BASE64 }),
					base64ToFile('PDF', 'pdf', 'Service Agreement.pdf', 'application/pdf'),
					docuSign('DocuSign', jwt, {
						resource: 'envelope',
						operation: 'create',
						emailSubject: "=Please sign: agreement {{ $('Prepare').item.json.requestId }}",
						documents: { document: [{ binaryPropertyName: 'data' }] },
						signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1 }] },
						status: 'sent',
						options: {},
					}),
					setFields('Result', {
						executionId: '={{ $execution.id }}',
						envelopeId: '={{ $json.envelopeId }}',
						status: '={{ $json.status }}',
						requestId: "={{ $('Prepare').item.json.requestId }}",
					}),
				]),
			],
		};
	},
	async run({ stack, simulator, sim, log }) {
		// DocuSign's real limits are per account (3000/h, burst 500/30 s); the simulator's burst default
		// (200/30 s) would make this a rate-limit test instead, which the reliability suite covers.
		await sim.config({ rateLimits: { hourlyLimit: 100_000, burstLimit: 100_000 } });
		await stack.activate(WF);
		await stack.waitForWebhook(PATH);
		const url = `${stack.main!.url}/webhook/${PATH}`;
		const mark = simMark(simulator);
		const started = Date.now();
		const results = await callWebhooks(url, CALLS, CONCURRENCY, (i) => ({ requestId: `load-${i}` }));
		const loadMs = Date.now() - started;

		const bad = results.filter((r) => r.status !== 200 || !(r.body as Record<string, unknown>)?.envelopeId);
		check(bad.length === 0, `${bad.length} webhook calls did not answer 200 with an envelope, e.g. ${JSON.stringify(bad.slice(0, 3))}`);
		const bodies = results.map((r) => r.body as { executionId: string; envelopeId: string; requestId: string; status: string });
		log(`${CALLS} calls, ${CONCURRENCY} at a time: ${seconds(loadMs)} (${(CALLS / (loadMs / 1000)).toFixed(1)} executions/s); median answer ${median(results.map((r) => r.ms))} ms`);

		// The simulator's side: exactly one envelope per call, each with its own marker.
		const envelopes = envelopesSince(simulator, mark);
		const counters = countersSince(simulator, mark);
		checkEqual(envelopes.length, CALLS, 'envelopes created');
		checkEqual(duplicateMarkers(envelopes), {}, 'markers on more than one envelope');
		check(envelopes.every((e) => markerOf(e)), 'every envelope carries its idempotency marker (transactionId)');
		checkEqual(new Set(envelopes.map((e) => e.emailSubject)).size, CALLS, 'distinct envelopes per request id');
		check(envelopes.every((e) => e.status === 'sent'), 'every envelope was sent');
		checkEqual(counters['POST envelopes'] ?? 0, CALLS, 'POST /envelopes calls');
		checkEqual(new Set(bodies.map((b) => b.envelopeId)).size, CALLS, 'distinct envelope ids answered');

		// n8n's side: 200 successful executions, all run by workers, both of them.
		const executions = await stack.executions(WF);
		checkEqual(executions.length, CALLS, 'executions recorded');
		const byStatus = tally(executions, (e) => e.status);
		checkEqual(byStatus, { success: CALLS }, 'execution statuses');
		const ran = stack.executionsByWorker();
		const split = tally(executions, (e) => ran.get(e.id) ?? 'not on a worker');
		log(`worker split: ${JSON.stringify(split)} (from the workers' "Worker finished execution N" lines)`);
		check(!split['not on a worker'], `executions without a worker: ${split['not on a worker']}`);
		check(stack.workers.every((w) => (split[w.name] ?? 0) > 0), `both workers ran executions: ${JSON.stringify(split)}`);
		check(bodies.every((b) => executions.some((e) => e.id === String(b.executionId))), 'every answer names a recorded execution');

		// Auth: tokens and userinfo are per process at most.
		const grants = counters['POST /oauth/token:jwt'] ?? 0;
		const userinfo = counters['GET /oauth/userinfo'] ?? 0;
		log(`simulator counters: ${JSON.stringify(counters)}`);
		log(`JWT grants ${grants}, userinfo calls ${userinfo} for ${stack.workers.length} worker processes`);
		check(grants <= stack.workers.length, `JWT token grants: ${grants} > 1 per worker process`);
		check(userinfo <= stack.workers.length, `userinfo calls: ${userinfo} > 1 per worker process`);
		await stack.deactivate(WF);
	},
});

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
