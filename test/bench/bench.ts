/**
 * `npm run bench`: what the DocuSign node costs, against the local DocuSign simulator and in n8n's
 * real engine, side by side in one run. Writes test/bench/RESULTS.md (between its markers).
 *
 *   npm run bench                          # 500 items, 5 alternating runs, 10 ms latency
 *   npm run bench -- --smoke               # or BENCH_SMOKE=1: 20 items, 1 run, no file written
 *   npm run bench -- --items 200 --runs 3 --latency 5
 *
 * Figure 6 runs n8n's HTTP Request node from the n8n runtime test/e2e/setup.sh installs (bench.sh
 * runs it and passes the folder in BENCH_N8N_MODULES).
 *
 * The simulator runs in a process of its own (test/bench/simulatorProcess.ts) with its limits
 * raised, so that neither client waits for the other's CPU work or for DocuSign's burst limit
 * (figure 3b puts the real limit back). Timings are wall-clock medians of runs that alternate
 * between the node and the raw loop; ratios compare medians.
 */
import {
	checkCreateOutput,
	createItems,
	createParameters,
	delta,
	jwtCredential,
	median,
	newStore,
	oauth2Credential,
	prebuildBodies,
	rawLoop,
	restCalls,
	runNode,
	startSimulatorProcess,
	tokenCalls,
	tokenOf,
	type Auth,
	type SimulatorHandle,
} from './benchKit';
import { range, report, seconds, writeResults, type FigureRow } from './benchReport';
import { httpRequestFigure } from './httpRequestFigure';
import { bulkSend, memory } from './memoryAndBulk';

import { clearAccountCache } from '../../nodes/DocuSign/transport';

import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IDataObject } from 'n8n-workflow';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): number | undefined => {
	const i = argv.indexOf(`--${name}`);
	const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
	return value === undefined ? undefined : Number(value);
};
const smoke = flag('smoke') || ['1', 'true'].includes(String(process.env.BENCH_SMOKE ?? ''));

const settings = {
	smoke,
	items: option('items') ?? (smoke ? 20 : 500),
	runs: option('runs') ?? (smoke ? 1 : 5),
	latencyMs: option('latency') ?? Number(process.env.BENCH_LATENCY_MS ?? 10),
	parallelLatencyMs: option('parallel-latency') ?? 20,
	parallel: 4,
	executions: smoke ? 3 : 10,
	bulkRecipients: option('bulk') ?? (smoke ? 20 : 1000),
	bulkRuns: smoke ? 1 : 3,
	pacingItems: 260,
	memoryMb: smoke ? 2 : 25,
	memoryRuns: smoke ? 1 : 3,
	/** `--only 1`: figure 1 alone (its three variants); nothing is written to RESULTS.md. */
	only: option('only'),
};

const UNLIMITED = { rateLimits: { hourlyLimit: 1e9, burstLimit: 1e9, burstWindowSeconds: 30 } };

const log = (line: string) => process.stdout.write(`${line}\n`);
const rows: FigureRow[] = [];
const loadAtStart = loadavg();
const details: string[] = [];

// ---------------------------------------------------------------------------------------------
// 0. The node and the raw loop send the same request
// ---------------------------------------------------------------------------------------------

async function sameRequests(sim: SimulatorHandle): Promise<void> {
	const store = await newStore(jwtCredential(sim), 'jwt');
	await runNode(store, 'jwt', createParameters(1), createItems(1));
	await rawLoop(sim.restBase, await tokenOf(store, 'jwt'), await prebuildBodies(1, 'identity'));
	const creates = await sim.log('POST envelopes');
	const [node, raw] = creates.slice(-2).map((entry) => entry.body?.parts ?? []);
	const strip = (parts: Array<{ json?: IDataObject; size: number }>) =>
		JSON.stringify(parts.map(({ json, size }) => ({ json: json && JSON.parse(JSON.stringify(json).replace(/"[rk]-[0-9a-f]{40}"|"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g, '"marker"')), size })));
	if (strip(node) !== strip(raw)) {
		throw new Error(`the raw loop would not send what the node sends:\nnode ${strip(node)}\nraw  ${strip(raw)}`);
	}
	details.push(
		'Before timing, one create from each side is compared at the simulator: the JSON definition and the document part are identical (only the idempotency marker\'s value and the multipart boundary differ).',
	);
}

// ---------------------------------------------------------------------------------------------
// 1. Calls per envelope
// ---------------------------------------------------------------------------------------------

/**
 * Figure 1. With `pickedAccountId`, the node's Account parameter names that account (From List)
 * while the credential has no Account ID: every envelope must still cost one call.
 */
async function callsPerEnvelope(sim: SimulatorHandle, auth: Auth, pickedAccountId?: string): Promise<void> {
	const label = `${auth === 'jwt' ? 'JWT' : 'OAuth2'}${pickedAccountId ? ', Account parameter set' : ''}`;
	clearAccountCache();
	const credential = auth === 'jwt' ? jwtCredential(sim) : await oauth2Credential(sim);
	const store = await newStore(credential, auth);
	const { items, executions, parallel } = settings;
	const parameters = {
		...createParameters(parallel),
		...(pickedAccountId ? { accountSource: 'node', account: { __rl: true, mode: 'list', value: pickedAccountId } } : {}),
	};
	const perExecution: Array<Record<string, number>> = [];
	let ms = 0;
	for (let e = 0; e < executions; e++) {
		const before = await sim.counters();
		const run = await runNode(store, auth, parameters, createItems(items));
		checkCreateOutput(run.output, items);
		const wrong = pickedAccountId ? run.output.filter((item) => item.json.accountId !== pickedAccountId).length : 0;
		if (wrong) throw new Error(`${wrong} envelope(s) were not created in the picked account ${pickedAccountId}`);
		perExecution.push(delta(before, await sim.counters()));
		ms += run.ms;
	}
	const first = perExecution[0];
	const sum = (key: (counts: Record<string, number>) => number) => perExecution.reduce((total, counts) => total + key(counts), 0);
	const envelopesFirst = (first['POST envelopes'] ?? 0) / items;
	const restFirst = restCalls(first) / items;
	const restAll = sum(restCalls) / (items * executions);
	const tokensFirst = tokenCalls(first);
	const tokensAll = sum(tokenCalls);
	const userinfoFirst = first['GET /oauth/userinfo'] ?? 0;
	const userinfoAll = sum((counts) => counts['GET /oauth/userinfo'] ?? 0);
	const fig = `1. Calls per envelope, ${label}`;
	rows.push(
		{ figure: fig, measure: `DocuSign calls per envelope, ${items} creates`, value: `${restFirst.toFixed(2)} (POST /envelopes: ${envelopesFirst.toFixed(2)})`, target: '1.00', met: restFirst === 1 },
		{ figure: fig, measure: `token / userinfo calls, one execution`, value: `${tokensFirst} / ${userinfoFirst}`, target: '≤ 1 / ≤ 1', met: tokensFirst <= 1 && userinfoFirst <= 1 },
		{
			figure: fig,
			measure: `token / userinfo calls, ${executions} executions; calls per envelope`,
			value: `${tokensAll} / ${userinfoAll}; ${restAll.toFixed(2)}`,
			target: '≤ 1 / ≤ 1; 1.00',
			met: tokensAll <= 1 && userinfoAll <= 1 && restAll === 1,
		},
	);
	details.push(
		`Figure 1, ${label}: ${executions} consecutive executions of ${items} items in one n8n process, Requests in Parallel ${parallel} (the calls do not depend on it), a fresh credential and an empty account cache before the first.${pickedAccountId ? ` The node's Account parameter picked ${pickedAccountId} (Alice's account on another site than her default) while the credential has no Account ID; every output item was checked to be in that account.` : ''} Counters moved per execution: ${perExecution.map((counts) => JSON.stringify(counts)).join(' · ')}.${auth === 'oAuth2' ? ' The OAuth2 credential was connected once before (GET /oauth/auth + one authorization_code token call), as in n8n\'s editor; its access token lasts 8 h, so no execution refreshed it.' : ''} Node time for all executions: ${seconds(ms)}.`,
	);
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. Node against the raw loop
// ---------------------------------------------------------------------------------------------

type Side = 'raw' | 'node' | 'nodeFixed';

interface Comparison {
	latency: number;
	parallel: number;
	items: number;
	runs: number;
	sides: Side[];
}

/** Alternating runs of the raw loop and the node (the order rotates every run); medians in ms. */
async function compare(sim: SimulatorHandle, plan: Comparison): Promise<Record<Side, number[]>> {
	await sim.configure({ latencyMs: plan.latency });
	clearAccountCache();
	const store = await newStore(jwtCredential(sim), 'jwt');
	const items = createItems(plan.items);
	// Warm up every side (JIT, connections, token, account cache).
	await runNode(store, 'jwt', createParameters(plan.parallel), createItems(20));
	await runNode(store, 'jwt', createParameters(plan.parallel, true), createItems(20));
	const token = await tokenOf(store, 'jwt');
	const bodies = await prebuildBodies(plan.items, `latency-${plan.latency}`);
	await rawLoop(sim.restBase, token, bodies.slice(0, 20));

	const ms: Record<Side, number[]> = { raw: [], node: [], nodeFixed: [] };
	for (let r = 0; r < plan.runs; r++) {
		const order = [...plan.sides.slice(r % plan.sides.length), ...plan.sides.slice(0, r % plan.sides.length)];
		for (const side of order) {
			if (side === 'raw') {
				ms.raw.push(await rawLoop(sim.restBase, token, bodies));
				continue;
			}
			const before = await sim.counters();
			const run = await runNode(store, 'jwt', createParameters(plan.parallel, side === 'nodeFixed'), items);
			if (side === 'node') checkCreateOutput(run.output, plan.items);
			const moved = delta(before, await sim.counters());
			if (restCalls(moved) !== plan.items) throw new Error(`node run made ${restCalls(moved)} REST calls for ${plan.items} items`);
			ms[side].push(run.ms);
		}
	}
	return ms;
}

const perItem = (ms: number, items: number) => `${(ms / items).toFixed(2)} ms`;

async function overhead(sim: SimulatorHandle): Promise<void> {
	const { items, runs, latencyMs: latency } = settings;
	const ms = await compare(sim, { latency, parallel: 1, items, runs, sides: ['raw', 'node', 'nodeFixed'] });
	const raw = median(ms.raw);
	const node = median(ms.node);
	const fixed = median(ms.nodeFixed);
	rows.push(
		{
			figure: '2. Overhead against a raw loop',
			measure: `node (sequential) ÷ raw axios loop, ${items} creates, ${latency} ms latency`,
			value: `${(node / raw).toFixed(3)}× (${seconds(node)} vs ${seconds(raw)}; +${perItem(node - raw, items)} per item)`,
			target: '≤ 1.10×',
			met: node / raw <= 1.1,
		},
		{
			figure: '2. Overhead against a raw loop',
			measure: 'the same without expressions (fixed subject and signer)',
			value: `${(fixed / raw).toFixed(3)}× (+${perItem(fixed - raw, items)} per item)`,
			target: '(reported)',
		},
	);
	details.push(
		`Figure 2: ${runs} runs of ${items} creates at ${latency} ms simulator latency, the order of the three sides rotating every run. Raw axios loop (sequential, prebuilt multipart bodies, the node's token and base URI, keep-alive): median ${seconds(raw)} (${perItem(raw, items)} per item), range ${range(ms.raw)}. Node, Requests in Parallel 1, whole workflow execution in n8n's engine, subject and signer from each item by expression: median ${seconds(node)} (${perItem(node, items)} per item), range ${range(ms.node)}. Node with fixed subject and signer: median ${seconds(fixed)} (${perItem(fixed, items)} per item), range ${range(ms.nodeFixed)}.`,
	);
	if (settings.smoke) return;
	const slow = { latency: 100, items: Math.min(items, 100), runs: 3 };
	const far = await compare(sim, { ...slow, parallel: 1, sides: ['raw', 'node'] });
	const ratio = median(far.node) / median(far.raw);
	rows.push({
		figure: '2. Overhead against a raw loop',
		measure: `the same at ${slow.latency} ms latency (${slow.items} creates, ${slow.runs} runs)`,
		value: `${ratio.toFixed(3)}× (+${perItem(median(far.node) - median(far.raw), slow.items)} per item)`,
		target: '≤ 1.10×',
		met: ratio <= 1.1,
	});
	details.push(
		`Figure 2 at ${slow.latency} ms (closer to DocuSign's own answer times): raw median ${seconds(median(far.raw))}, range ${range(far.raw)}; node median ${seconds(median(far.node))}, range ${range(far.node)}.`,
	);
}

async function concurrency(sim: SimulatorHandle): Promise<void> {
	const { items, runs, parallel, parallelLatencyMs: latency } = settings;
	const ms = await compare(sim, { latency, parallel, items, runs, sides: ['raw', 'node'] });
	const speedup = median(ms.raw) / median(ms.node);
	rows.push({
		figure: '3. Concurrency',
		measure: `raw sequential loop ÷ node at ${parallel} in parallel, ${items} creates, ${latency} ms latency; order and pairedItem`,
		value: `${speedup.toFixed(2)}× faster (${seconds(median(ms.node))} vs ${seconds(median(ms.raw))}); kept in every run`,
		target: '≥ 3×, kept',
		met: speedup >= 3,
	});
	details.push(
		`Figure 3: ${runs} alternating runs of ${items} creates at ${latency} ms latency. Node at Requests in Parallel ${parallel}: median ${seconds(median(ms.node))} (${perItem(median(ms.node), items)} per item), range ${range(ms.node)}; every run's output checked: ${items} items, item n paired with input n and carrying its own subject. Raw sequential loop: median ${seconds(median(ms.raw))} (${perItem(median(ms.raw), items)} per item), range ${range(ms.raw)}.`,
	);
}

// ---------------------------------------------------------------------------------------------
// 3b. Parallel items under DocuSign's real burst limit
// ---------------------------------------------------------------------------------------------

async function underBurstLimit(sim: SimulatorHandle): Promise<void> {
	const count = settings.pacingItems;
	await sim.configure({ latencyMs: settings.latencyMs, rateLimits: { burstLimit: 200, burstWindowSeconds: 30 } });
	try {
		clearAccountCache();
		// Alice's second account: a burst window nothing else has used yet.
		const store = await newStore(jwtCredential(sim, sim.otherAccountId), 'jwt');
		const before = await sim.counters();
		const run = await runNode(store, 'jwt', createParameters(settings.parallel), createItems(count));
		checkCreateOutput(run.output, count);
		const moved = delta(before, await sim.counters());
		const refused = (moved['POST envelopes'] ?? 0) - count;
		rows.push({
			figure: '3b. Burst limit (demo: 200 per 30 s)',
			measure: `${count} creates at ${settings.parallel} in parallel: refused with 429; time`,
			value: `${refused} refused; ${seconds(run.ms)}`,
			target: '0 refused (no target set)',
			met: refused === 0,
		});
		details.push(
			`Figure 3b: ${count} creates at Requests in Parallel ${settings.parallel} against the simulator's demo burst limit (200 calls per sliding 30 s) on an account no earlier figure used. The transport's pacing keeps 10 % of the allowance in reserve and then waits for earlier calls to leave the window; ${refused} calls were refused. DocuSign allows no faster: ${count} calls need more than 30 s.`,
		);
	} finally {
		await sim.configure(UNLIMITED);
	}
}

async function main(): Promise<void> {
	const startedAt = new Date();
	const t0 = performance.now();
	log(`DocuSign node benchmark${smoke ? ' (smoke)' : ''}: ${JSON.stringify(settings)}`);
	const sim = await startSimulatorProcess(settings.latencyMs);
	try {
		await sim.configure(UNLIMITED);
		const step = async (name: string, work: () => Promise<void>) => {
			const t = performance.now();
			log(`\n== ${name}`);
			await work();
			log(`   done in ${seconds(performance.now() - t)}`);
		};
		await step('same requests from node and raw loop', () => sameRequests(sim));
		await step('1. calls per envelope (JWT)', () => callsPerEnvelope(sim, 'jwt'));
		await step('1. calls per envelope (OAuth2)', () => callsPerEnvelope(sim, 'oAuth2'));
		await step('1. calls per envelope (OAuth2, Account parameter)', () => callsPerEnvelope(sim, 'oAuth2', sim.pickedAccountId));
		if (settings.only === 1) {
			log(`\n${report({ rows, details, command: `npm run bench -- ${argv.join(' ')}`, summary: 'figure 1 only (--only 1); RESULTS.md left as it is.', startedAt, ms: performance.now() - t0, loadAtStart })}`);
			return;
		}
		await step('2. overhead against a raw loop', () => overhead(sim));
		await step('3. concurrency', () => concurrency(sim));
		if (!smoke) await step('3b. under the burst limit', () => underBurstLimit(sim));
		await step('5. bulk send', async () => {
			const figure = await bulkSend(sim, settings);
			rows.push(...figure.rows);
			details.push(...figure.details);
		});
		await step('6. what users pick instead: HTTP Request node', async () => {
			await sim.configure(UNLIMITED);
			const figure = await httpRequestFigure(sim, settings);
			rows.push(...figure.rows);
			details.push(...figure.details);
		});
	} finally {
		await sim.stop();
	}
	log('\n== 4. memory (test/bench/multipartMemory)');
	const memoryFigure = await memory(settings);
	rows.push(...memoryFigure.rows);
	details.push(...memoryFigure.details);

	const generated = report({
		rows,
		details,
		command: smoke ? 'npm run bench -- --smoke' : `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
		summary: `${settings.items} items, ${settings.runs} alternating runs, simulator latency ${settings.latencyMs} ms (figure 3: ${settings.parallelLatencyMs} ms), simulator in its own process.`,
		startedAt,
		ms: performance.now() - t0,
		loadAtStart,
	});
	log(`\n${generated}`);
	if (!smoke) writeResults(generated);
	rmSync(process.env.N8N_USER_FOLDER ?? join(tmpdir(), 'none'), { recursive: true, force: true });
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
