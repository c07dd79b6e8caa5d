/**
 * A worker killed with SIGKILL while executions are in flight. DocuSign (the simulator) takes 8 s
 * to answer each create, so the killed worker's executions have created their envelopes but never
 * learn it. What n8n 2.41.1 does then (asserted or reported below):
 * - it does not re-queue a stalled job (Bull's maxStalledCount is 0): the surviving worker's Bull
 *   fails it ("job stalled more than maxStalledCount"), main marks the execution error or crashed;
 * - main replaces the stalled execution's data with that error, so n8n's own retry (the editor's
 *   "Retry", REST POST /rest/executions/:id/retry), a new execution (new id, retryOf = the old
 *   one), mostly has nothing left to run and fails at once without sending (19 of the first 20
 *   seen here; a retry that does run is a new execution too, covered by the same check);
 * - what does re-run the work is the caller sending the request again (or the user re-running it
 *   with the same input): a new execution, so the marker the node derives from workflow,
 *   execution, node and item differs, and only the node's "Idempotency Key" option (here the
 *   request id the caller sent) finds the envelope the killed run had sent.
 * Two workflows run side by side: with the key (asserted: no request sent twice) and without it
 * (the duplicates are reported).
 */
import { check, checkEqual } from '../../e2e/lib/check';
import type { CredentialFixture } from '../../e2e/lib/n8n';
import { waitFor } from '../../e2e/lib/server';
import { fixedId } from '../../e2e/lib/workflows';
import { postJson, tally } from '../lib/load';
import { countersSince, defineScenario, duplicateMarkers, envelopesSince, jwtAlice, seconds, simMark } from '../lib/scenario';
import { outputOf, type ExecutionRow } from '../lib/stack';
import { base64ToFile, chain, docuSign, setFields, webhook } from '../lib/workflows';
import { PDF_BASE64 } from './1-load';

const WF_KEY = fixedId('wfQueueKillKey');
const WF_DERIVED = fixedId('wfQueueKillDer');
const PER_WORKFLOW = 12;
const CREATE_DELAY_MS = 8_000;

function workflow(id: string, path: string, name: string, jwt: CredentialFixture, idempotencyKey?: string) {
	return chain(id, name, [
		webhook(path, 'onReceived'),
		setFields('Prepare', { requestId: '={{ $json.body.requestId }}', pdf: PDF_BASE64 }),
		base64ToFile('PDF', 'pdf', 'Service Agreement.pdf', 'application/pdf'),
		docuSign('DocuSign', jwt, {
			resource: 'envelope',
			operation: 'create',
			emailSubject: "=Please sign: agreement {{ $('Prepare').item.json.requestId }}",
			documents: { document: [{ binaryPropertyName: 'data' }] },
			signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1 }] },
			status: 'sent',
			options: idempotencyKey ? { idempotencyKey } : {},
		}),
		setFields('Result', {
			executionId: '={{ $execution.id }}',
			requestId: "={{ $('Prepare').item.json.requestId }}",
			envelopeId: '={{ $json.envelopeId }}',
			alreadyExisted: '={{ $json.alreadyExisted }}',
		}),
	]);
}

const settled = (rows: ExecutionRow[]) => rows.every((r) => r.status !== 'new' && r.status !== 'running');

export default defineScenario({
	name: '5 Worker killed mid-run (SIGKILL): re-runs send no envelope twice',
	fixtures(ctx) {
		const jwt = jwtAlice(ctx);
		return {
			credentials: [jwt],
			workflows: [
				workflow(WF_KEY, 'queue-kill-key', 'queue: kill, Idempotency Key = request id', jwt, "={{ $('Prepare').item.json.requestId }}"),
				workflow(WF_DERIVED, 'queue-kill-derived', 'queue: kill, derived marker only', jwt),
			],
		};
	},
	async run({ stack, simulator, log }) {
		for (const [id, path] of [[WF_KEY, 'queue-kill-key'], [WF_DERIVED, 'queue-kill-derived']]) {
			await stack.activate(id);
			await stack.waitForWebhook(path);
		}
		const mark = simMark(simulator);
		simulator.faults.add({ kind: 'slow', count: -1, match: { endpoint: 'POST envelopes' }, delayMs: CREATE_DELAY_MS });
		const startedAlready = new Set(stack.executionsByWorker('started').keys());
		const calls = [];
		for (let i = 0; i < PER_WORKFLOW; i++) {
			calls.push(postJson(`${stack.main!.url}/webhook/queue-kill-key`, { requestId: `kill-key-${i}` }));
			calls.push(postJson(`${stack.main!.url}/webhook/queue-kill-derived`, { requestId: `kill-derived-${i}` }));
		}
		const answers = await Promise.all(calls);
		checkEqual(tally(answers, (a) => String(a.status)), { '200': 2 * PER_WORKFLOW }, 'webhook answers (respond immediately)');

		// Kill the worker with the most executions in flight once the creates are with DocuSign.
		// Every worker slot (--concurrency=10 each) has sent its create, or no more come for 3 s.
		let seen = { count: 0, at: Date.now() };
		await waitFor('creates in flight', async () => {
			const count = countersSince(simulator, mark)['POST envelopes'] ?? 0;
			if (count !== seen.count) seen = { count, at: Date.now() };
			return count >= stack.workers.length * 10 || (count >= 10 && Date.now() - seen.at > 3_000) ? true : undefined;
		}, 90_000, 100);
		const started = stack.executionsByWorker('started');
		const finished = stack.executionsByWorker('finished');
		const inFlight = (name: string) => [...started].filter(([id, w]) => w === name && !finished.has(id) && !startedAlready.has(id)).map(([id]) => id);
		const victim = [...stack.workers].filter((w) => w.process.child.exitCode === null).sort((a, b) => inFlight(b.name).length - inFlight(a.name).length)[0];
		const killedIds = inFlight(victim.name);
		const killedAt = Date.now();
		await stack.killWorker(victim);
		simulator.faults.clear();
		log(`SIGKILL ${victim.name} (pid ${victim.pid}) with ${killedIds.length} executions in flight (${killedIds.join(', ')}); ${countersSince(simulator, mark)['POST envelopes'] ?? 0} creates had reached DocuSign`);

		// n8n's side: Bull fails the stalled jobs, main's queue recovery marks the executions crashed.
		const rowsOf = async () => [...(await stack.executions(WF_KEY)), ...(await stack.executions(WF_DERIVED))];
		const afterKill = await waitFor('every execution to finish or be marked crashed', async () => {
			const rows = await rowsOf();
			return rows.length === 2 * PER_WORKFLOW && settled(rows) ? rows : undefined;
		}, 180_000, 1_000);
		const failed = afterKill.filter((r) => r.status !== 'success');
		log(`after ${seconds(Date.now() - killedAt)}: ${JSON.stringify(tally(afterKill, (r) => r.status))} (crashed: marked by main's queue recovery; error: "job stalled more than maxStalledCount")`);
		checkEqual(failed.map((r) => r.id).sort(), [...killedIds].sort(), 'executions that did not succeed = those in flight on the killed worker');
		const rerun = [...stack.executionsByWorker('started')].filter(([id, w]) => killedIds.includes(id) && w !== victim.name);
		checkEqual(rerun.length, 0, 'executions n8n re-queued by itself (2.41: none, a stalled job is failed)');

		// The user's re-run, 1: n8n's own retry (the editor's "Retry"; REST POST /rest/executions/:id/retry).
		const beforeRetries = envelopesSince(simulator, mark).length;
		const retries: Array<{ original: ExecutionRow; retryId: string }> = [];
		for (const row of failed) {
			const { body } = await stack.main!.rest<{ data: { id: string } }>('POST', `/rest/executions/${row.id}/retry`, { loadWorkflow: false });
			retries.push({ original: row, retryId: String(body.data.id) });
		}
		const retryRows = await waitFor('the retries to finish', async () => {
			const rows = (await rowsOf()).filter((r) => r.retryOf);
			return rows.length === retries.length && settled(rows) ? rows : undefined;
		}, 120_000, 500);
		log(`n8n retry of ${retries.length} failed executions: ${retries.map((r) => `${r.original.id}→${r.retryId}`).join(', ')} (a retry is a new execution with a new id: ${retries.every((r) => r.retryId !== r.original.id)})`);
		const retryErrors = new Set<string>();
		for (const row of retryRows.filter((r) => r.status !== 'success')) {
			retryErrors.add((await stack.runData(row.id))?.resultData.error?.message?.slice(0, 90) ?? '?');
		}
		log(`  retries: ${JSON.stringify(tally(retryRows, (r) => r.status))}, ${envelopesSince(simulator, mark).length - beforeRetries} envelopes created${retryErrors.size ? `; errors: ${[...retryErrors].join(' | ')}` : ''}`);

		// The user's re-run, 2: the caller sends again every request that did not complete (same request id).
		const done = new Set<string>();
		for (const row of await rowsOf()) {
			if (row.status !== 'success') continue;
			const data = await stack.runData(row.id);
			const requestId = data && outputOf(data, 'Result')[0]?.requestId;
			if (typeof requestId === 'string') done.add(requestId);
		}
		const missing = [...Array(PER_WORKFLOW).keys()].flatMap((i) => [`kill-key-${i}`, `kill-derived-${i}`]).filter((r) => !done.has(r));
		const beforeResend = new Set((await rowsOf()).map((r) => r.id));
		for (const requestId of missing) {
			const path = requestId.startsWith('kill-key-') ? 'queue-kill-key' : 'queue-kill-derived';
			const answer = await postJson(`${stack.main!.url}/webhook/${path}`, { requestId });
			checkEqual(answer.status, 200, `re-sent ${requestId}`);
		}
		const resent = await waitFor('the re-sent requests to finish', async () => {
			const rows = (await rowsOf()).filter((r) => !beforeResend.has(r.id));
			return rows.length === missing.length && settled(rows) ? rows : undefined;
		}, 120_000, 500);
		checkEqual(tally(resent, (r) => r.status), missing.length ? { success: missing.length } : {}, 're-sent requests');
		let reused = 0;
		for (const row of resent.filter((r) => r.workflowId === WF_KEY)) {
			const data = await stack.runData(row.id);
			if (data && outputOf(data, 'Result')[0]?.alreadyExisted === 'true') reused++;
		}

		// The simulator's side: one envelope per request with the key; the derived marker's re-runs, reported.
		const envelopes = envelopesSince(simulator, mark);
		const perRequest = tally(envelopes, (e) => String(e.emailSubject).replace('Please sign: agreement ', ''));
		const keyed = Object.entries(perRequest).filter(([r]) => r.startsWith('kill-key-'));
		const derived = Object.entries(perRequest).filter(([r]) => r.startsWith('kill-derived-'));
		const keyedMissing = missing.filter((r) => r.startsWith('kill-key-'));
		log(`caller re-sent ${missing.length} requests that did not complete (${keyedMissing.length} with the key): all succeeded; ${reused} of ${keyedMissing.length} keyed re-runs found the envelope the killed run had sent (alreadyExisted: true)`);
		log(`with the Idempotency Key: ${keyed.length} requests → ${keyed.reduce((s, [, n]) => s + n, 0)} envelopes (no request sent twice)`);
		log(`derived marker only: ${derived.length} requests → ${derived.reduce((s, [, n]) => s + n, 0)} envelopes; ${derived.filter(([, n]) => n > 1).length} requests sent twice (a re-run is a new execution, so the derived marker differs)`);
		checkEqual(keyed.length, PER_WORKFLOW, 'requests with the key that have an envelope');
		checkEqual(keyed.filter(([, n]) => n !== 1), [], 'requests with the key sent more than once');
		checkEqual(duplicateMarkers(envelopes.filter((e) => String(e.emailSubject).includes('kill-key-'))), {}, 'markers on more than one envelope (with the key)');
		check(failed.length > 0, 'the kill left failed executions to re-run');
		check(reused > 0, 'a keyed re-run found an envelope the killed run had sent (the case the key is for)');
		await stack.deactivate(WF_KEY);
		await stack.deactivate(WF_DERIVED);
	},
});
