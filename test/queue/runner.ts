/**
 * Queue-mode suite: the packed package in n8n 2.41.1's scale-out engine (main + two workers, Redis,
 * PostgreSQL 15) against the DocuSign simulator, all on loopback. Started by run.sh (npm run
 * test:queue), which installs the runtime and the services and builds everything.
 * Env: E2E_NODE24_BIN, E2E_N8N_SCRIPT, E2E_TARBALL, QUEUE_PG_BIN (from run.sh); QUEUE_KEEP=1 keeps
 * the temp folders. Arguments: substrings of scenario names to run only those.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSimulator, type Simulator } from '../simulator';
import { CheckError } from '../e2e/lib/check';
import type { CredentialFixture, N8nRuntime, WorkflowFixture } from '../e2e/lib/n8n';
import { killAllNow, stopAll } from '../e2e/lib/proc';
import { SimClient } from '../e2e/lib/sim';
import { Skip, type Context, type QueueScenario } from './lib/scenario';
import { serviceDirs, startPostgres, startRedis, type Service } from './lib/services';
import { QueueStack } from './lib/stack';

// Compiled to test/queue/.build/test/queue/runner.js.
const REPO = resolve(__dirname, '..', '..', '..', '..', '..');
const ARTIFACTS = join(REPO, 'test', 'queue', 'artifacts');
const WORKERS = 2;

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: start the suite with npm run test:queue`);
	return value;
}

interface Result {
	name: string;
	outcome: 'pass' | 'fail' | 'skip';
	ms: number;
	detail?: string;
	notes: string[];
}

function loadScenarios(filters: string[]): Array<{ file: string; scenario: QueueScenario }> {
	const dir = join(__dirname, 'scenarios');
	const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
	const all = files.map((file) => {
		const scenario = (require(join(dir, file)) as { default: QueueScenario }).default;
		if (!scenario?.run) throw new Error(`scenarios/${file} has no default export made with defineScenario()`);
		return { file, scenario };
	});
	if (!filters.length) return all;
	return all.filter(({ file, scenario }) => filters.some((f) => `${file} ${scenario.name}`.toLowerCase().includes(f.toLowerCase())));
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
	const suiteStart = Date.now();
	const keep = process.env.QUEUE_KEEP === '1';
	const runtime: N8nRuntime = {
		nodeBinDir: required('E2E_NODE24_BIN'),
		n8nScript: required('E2E_N8N_SCRIPT'),
		tarball: required('E2E_TARBALL'),
	};
	const pgBin = required('QUEUE_PG_BIN');
	mkdirSync(ARTIFACTS, { recursive: true });
	const scenarios = loadScenarios(process.argv.slice(2));
	if (!scenarios.length) throw new Error(`no scenario matches ${process.argv.slice(2).join(' ')}`);

	let simulator: Simulator | undefined;
	const services: Service[] = [];
	let stack: QueueStack | undefined;
	const results: Result[] = [];
	let failedEarly = false;
	try {
		simulator = await startSimulator({ port: 0, allowHttpListeners: true });
		const sim = new SimClient(simulator.url);
		const seed = await sim.seed();
		console.log(`[queue] simulator on ${simulator.url}`);

		let t = Date.now();
		const [pg, redis] = await Promise.all([startPostgres(pgBin, keep), startRedis(keep)]);
		services.push(redis, pg);
		console.log(`[queue] postgres on 127.0.0.1:${pg.port}, redis on 127.0.0.1:${redis.port} (${secs(Date.now() - t)})`);

		stack = await QueueStack.create(runtime, pg, redis);
		userFolder = stack.n8n.userFolder;
		console.log(`[queue] user folder ${stack.n8n.userFolder}; redis prefix ${stack.redisPrefix}, bull prefix ${stack.bullPrefix}`);

		// One import per kind (each n8n CLI start costs seconds; the first one migrates the database).
		const credentials = new Map<string, CredentialFixture>();
		const workflows = new Map<string, WorkflowFixture>();
		for (const { file, scenario } of scenarios) {
			const f = (await scenario.fixtures?.({ sim, seed, simulator })) ?? {};
			for (const c of f.credentials ?? []) {
				const same = credentials.get(c.id);
				if (same && JSON.stringify(same) !== JSON.stringify(c)) throw new Error(`${file}: two different credentials share the id ${c.id}`);
				credentials.set(c.id, c);
			}
			for (const w of f.workflows ?? []) {
				if (workflows.has(w.id)) throw new Error(`${file}: two workflows share the id ${w.id}`);
				workflows.set(w.id, w);
			}
		}
		t = Date.now();
		await stack.importFixtures([...credentials.values()], [...workflows.values()]);
		console.log(`[queue] imported ${credentials.size} credentials, ${workflows.size} workflows into PostgreSQL (${secs(Date.now() - t)})`);

		t = Date.now();
		await stack.startMain();
		console.log(`[queue] main ready on ${stack.main!.url} (${secs(Date.now() - t)})`);
		t = Date.now();
		const started = await Promise.all(Array.from({ length: WORKERS }, (_, i) => stack!.startWorker(`worker-${i + 1}`)));
		console.log(`[queue] ${started.map((w) => `${w.name} (pid ${w.pid}, runner broker :${w.brokerPort})`).join(', ')} ready (${secs(Date.now() - t)})`);
		console.log(`[queue] stack up after ${secs(Date.now() - suiteStart)}; memory (MB, with task runners) ${JSON.stringify(stack.memoryMb())}`);

		for (const { file, scenario } of scenarios) {
			console.log(`\n${scenario.name} (scenarios/${file.replace(/\.js$/, '.ts')})`);
			const notes: string[] = [];
			const ctx: Context = {
				sim,
				simulator,
				seed,
				stack,
				log: (message) => {
					notes.push(message);
					console.log(`    ${message}`);
				},
			};
			const begun = Date.now();
			let outcome: Result['outcome'] = 'pass';
			let detail: string | undefined;
			try {
				await scenario.run(ctx);
			} catch (error) {
				if (error instanceof Skip) {
					outcome = 'skip';
					detail = error.message;
				} else {
					outcome = 'fail';
					detail = error instanceof CheckError ? error.message : ((error as Error)?.stack ?? String(error));
				}
			}
			const ms = Date.now() - begun;
			results.push({ name: scenario.name, outcome, ms, detail, notes });
			const mark = outcome === 'pass' ? '✓ pass' : outcome === 'skip' ? '- SKIP' : '✗ FAIL';
			console.log(`  ${mark}  ${scenario.name}  (${secs(ms)})`);
			if (detail) console.log(detail.split('\n').map((l) => `      ${l}`).join('\n'));
			// Whatever a scenario changed in the simulator's settings ends with it.
			simulator.faults.clear();
		}
	} catch (error) {
		failedEarly = true;
		console.log(`[queue] stack error: ${(error as Error)?.stack ?? error}`);
	} finally {
		if (stack?.main) console.log(`\n[queue] memory after the scenarios (MB, with task runners) ${JSON.stringify(stack.memoryMb())}`);
		const anyFailed = failedEarly || results.some((r) => r.outcome === 'fail');
		if (stack && (anyFailed || keep)) {
			for (const [name, text] of Object.entries(stack.logs())) writeFileSync(join(ARTIFACTS, `${name}.log`), text);
			console.log(`[queue] process logs in ${ARTIFACTS}`);
		}
		const t = Date.now();
		await stack?.stop();
		for (const service of services) await service.stop();
		await stopAll();
		await simulator?.close();
		if (stack && !keep) stack.n8n.remove();
		console.log(`[queue] stack stopped (${secs(Date.now() - t)})${keep && stack ? `; kept ${stack.n8n.userFolder}` : ''}`);
	}

	const passed = results.filter((r) => r.outcome === 'pass').length;
	const failed = results.filter((r) => r.outcome === 'fail').length + (failedEarly ? 1 : 0);
	const skipped = results.filter((r) => r.outcome === 'skip').length;
	console.log('\nScenario wall times:');
	for (const r of results) console.log(`  ${r.outcome.toUpperCase().padEnd(4)}  ${secs(r.ms).padStart(7)}  ${r.name}${r.outcome === 'skip' ? ` — ${r.detail}` : ''}`);
	for (const r of results.filter((x) => x.outcome === 'fail')) console.log(`failed: ${r.name}`);
	console.log(`[queue] ${results.length} scenarios in ${secs(Date.now() - suiteStart)}`);
	console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	return failed ? 1 : 0;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		console.error(`\n[queue] ${signal}: stopping every process the suite started`);
		void stopAll().finally(() => process.exit(130));
	});
}
let userFolder: string | undefined;
process.on('exit', () => {
	killAllNow();
	if (process.env.QUEUE_KEEP === '1') return;
	for (const dir of [...serviceDirs, ...(userFolder ? [userFolder] : [])]) rmSync(dir, { recursive: true, force: true });
});

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`[queue] suite error: ${error?.stack ?? error}`);
		console.log('0 passed, 1 failed');
		void stopAll().finally(() => process.exit(1));
	},
);
