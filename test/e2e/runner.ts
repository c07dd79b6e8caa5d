/**
 * End-to-end suite: the packed package inside a real n8n 2.41.1 (Node 24), against the DocuSign
 * simulator. Started by run.sh (npm run test:e2e), which installs the runtime and builds everything.
 * Env: E2E_NODE24_BIN, E2E_N8N_SCRIPT, E2E_TARBALL (from run.sh), E2E_KEEP=1 keeps the n8n user folders.
 * Arguments: substrings of scenario or case names to run only those.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSimulator, type Simulator } from '../simulator';
import { CheckError } from './lib/check';
import { executionStats, N8n, type CredentialFixture, type Execution, type N8nRuntime, type WorkflowFixture } from './lib/n8n';
import { killAllNow, stopAll } from './lib/proc';
import type { Context, Scenario } from './lib/scenario';
import { SimClient } from './lib/sim';

// Compiled to test/e2e/.build/test/e2e/runner.js.
const REPO = resolve(__dirname, '..', '..', '..', '..', '..');
const ARTIFACTS = join(REPO, 'test', 'e2e', 'artifacts');

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: start the suite with npm run test:e2e`);
	return value;
}

interface CaseResult {
	label: string;
	ok: boolean;
	ms: number;
	error?: string;
}

function loadScenarios(filters: string[]): Array<{ file: string; scenario: Scenario; cases: string[] }> {
	const dir = join(__dirname, 'scenarios');
	const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
	const loaded = [];
	for (const file of files) {
		const scenario = (require(join(dir, file)) as { default: Scenario }).default;
		if (!scenario?.cases) throw new Error(`scenarios/${file} has no default export made with defineScenario()`);
		const all = Object.keys(scenario.cases);
		const match = (text: string) => filters.some((f) => text.toLowerCase().includes(f.toLowerCase()));
		const cases = !filters.length || match(`${file} ${scenario.name}`) ? all : all.filter(match);
		if (cases.length) loaded.push({ file, scenario, cases });
	}
	return loaded;
}

async function main(): Promise<number> {
	const suiteStart = Date.now();
	const runtime: N8nRuntime = {
		nodeBinDir: required('E2E_NODE24_BIN'),
		n8nScript: required('E2E_N8N_SCRIPT'),
		tarball: required('E2E_TARBALL'),
	};
	mkdirSync(ARTIFACTS, { recursive: true });
	const scenarios = loadScenarios(process.argv.slice(2));
	if (!scenarios.length) throw new Error(`no scenario matches ${process.argv.slice(2).join(' ')}`);

	const instances: N8n[] = [];
	let simulator: Simulator | undefined;
	const results: CaseResult[] = [];
	try {
		simulator = await startSimulator({ port: 0, allowHttpListeners: true });
		const sim = new SimClient(simulator.url);
		const seed = await sim.seed();
		console.log(`[e2e] simulator on ${simulator.url}`);

		const n8n = await N8n.create(runtime, 'main');
		instances.push(n8n);
		console.log(`[e2e] n8n user folder ${n8n.userFolder}`);

		// Every scenario's fixtures go in with one import per kind: each n8n CLI start costs seconds.
		const credentials: CredentialFixture[] = [];
		const workflows: WorkflowFixture[] = [];
		const fixtureErrors = new Map<string, string>();
		for (const { file, scenario } of scenarios) {
			if (!scenario.fixtures) continue;
			try {
				const f = await scenario.fixtures({ sim, seed });
				credentials.push(...(f.credentials ?? []));
				workflows.push(...(f.workflows ?? []));
			} catch (error) {
				fixtureErrors.set(file, `fixtures failed: ${(error as Error).stack ?? error}`);
			}
		}
		for (const [kind, list] of [['credential', credentials], ['workflow', workflows]] as const) {
			const seen = new Set<string>();
			for (const { id } of list) {
				if (seen.has(id)) throw new Error(`two ${kind} fixtures share the id ${id}`);
				seen.add(id);
			}
		}
		let importError: string | undefined;
		try {
			const t = Date.now();
			await n8n.importCredentials(credentials);
			await n8n.importWorkflows(workflows);
			console.log(`[e2e] imported ${credentials.length} credentials, ${workflows.length} workflows (${((Date.now() - t) / 1000).toFixed(1)} s)`);
		} catch (error) {
			importError = `import failed: ${(error as Error).message}`;
		}

		for (const { file, scenario, cases } of scenarios) {
			console.log(`\n${scenario.name} (scenarios/${file.replace(/\.js$/, '.ts')})`);
			for (const caseName of cases) {
				const label = `${scenario.name} › ${caseName}`;
				const executions: Execution[] = [];
				const notes: string[] = [];
				const ctx: Context = {
					sim,
					seed,
					n8n,
					runtime,
					artifactsDir: ARTIFACTS,
					execute: async (id) => {
						const e = await n8n.execute(id);
						executions.push(e);
						return e;
					},
					newN8n: async (name) => {
						const other = await N8n.create(runtime, name);
						instances.push(other);
						return other;
					},
					log: (message) => {
						notes.push(message);
						console.log(`    ${message}`);
					},
				};
				const started = Date.now();
				let error: string | undefined = fixtureErrors.get(file) ?? (scenario.fixtures ? importError : undefined);
				if (!error) {
					try {
						await scenario.cases[caseName](ctx);
					} catch (e) {
						error = e instanceof CheckError ? e.message : ((e as Error)?.stack ?? String(e));
					}
				}
				const ms = Date.now() - started;
				results.push({ label, ok: !error, ms, error });
				console.log(`  ${error ? '✗ FAIL' : '✓ pass'}  ${caseName}  (${(ms / 1000).toFixed(1)} s)`);
				if (error) {
					console.log(error.split('\n').map((l) => `      ${l}`).join('\n'));
					const log = join(ARTIFACTS, `${file.replace(/\.js$/, '')}--${caseName.replace(/[^A-Za-z0-9]+/g, '-')}.log`);
					writeFileSync(
						log,
						[error, ...notes, ...executions.map((e) => `--- n8n execute --id=${e.workflowId} (exit ${e.code ?? e.signal})\n${e.stdout}\n--- stderr\n${e.stderr}`)].join('\n\n'),
					);
					console.log(`      log: ${log}`);
				}
			}
		}
	} finally {
		await stopAll();
		await simulator?.close();
		if (process.env.E2E_KEEP === '1') console.log(`[e2e] kept: ${instances.map((i) => i.userFolder).join(' ')}`);
		else for (const instance of instances) instance.remove();
	}

	const passed = results.filter((r) => r.ok).length;
	const failedCount = results.length - passed;
	console.log('');
	if (failedCount) for (const r of results.filter((x) => !x.ok)) console.log(`failed: ${r.label}`);
	if (executionStats.crashedAtExit) {
		console.log(
			`note: ${executionStats.crashedAtExit} of ${executionStats.runs} \`n8n execute\` runs segfaulted at exit after printing their result (isolated-vm teardown in n8n 2.41.1 on Node 24); their printed result was used.`,
		);
	}
	console.log(`[e2e] ${results.length} cases in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
	console.log(`${passed} passed, ${failedCount} failed`);
	return failedCount ? 1 : 0;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		console.error(`\n[e2e] ${signal}: stopping every process the suite started`);
		void stopAll().finally(() => process.exit(130));
	});
}
process.on('exit', killAllNow);

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`[e2e] suite error: ${error?.stack ?? error}`);
		console.log('0 passed, 1 failed');
		void stopAll().finally(() => process.exit(1));
	},
);
