/**
 * `npm run dev` (started by run.sh once Node 24 + n8n are installed): the DocuSign simulator, or a real
 * DocuSign account from DOCUSIGN_* variables; n8n on 127.0.0.1 with the package installed from dist/,
 * rebuilt and reloaded on change; the dev owner, two credentials and the example workflow. Runs until
 * Ctrl-C, then stops every process group it started.
 * Env from run.sh: DEV_NODE24_BIN, DEV_N8N_SCRIPT, DEV_T0 (its start, ms).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CredentialFixture, WorkflowFixture } from '../e2e/lib/n8n';
import { tail } from '../e2e/lib/n8n';
import { killAllNow, stopAll } from '../e2e/lib/proc';
import { fixedId } from '../e2e/lib/workflows';
import { banner } from './banner';
import { DEV_DIR, REPO, realAccountFromEnv, realCredentials, type RealAccount } from './config';
import { EXAMPLE_NAME, exampleWorkflow } from './example';
import { DevN8n, installPackage, packageJsonChanged, since, syncPackage, type Runtime } from './n8nDev';
import { startDevSimulator, type DevSimulator } from './simulator';
import { buildAssets, startTsc, watchBuild } from './watch';

const t0 = Number(process.env.DEV_T0) || Date.now();
const say = (line: string) => console.log(`[dev ${since(t0).padStart(7)}] ${line}`);
const LOGS = join(DEV_DIR, 'logs');
const STATE_FILE = join(DEV_DIR, 'dev-state.json');
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

let stopping = 0;
let stopWatching: () => void = () => undefined;
/** What Ctrl-C stops, for the message (empty before anything started). */
let running = '';

async function shutdown(code: number): Promise<void> {
	if (stopping) {
		// The same Ctrl-C often arrives twice (npm, timeout and the terminal all pass it on): only a
		// second one a few seconds later means "stop now".
		if (Date.now() - stopping < 3_000) return;
		say('stopping now (SIGKILL)');
		killAllNow();
		process.exit(code || 130);
	}
	stopping = Date.now();
	stopWatching();
	if (running) say(`stopping ${running}…`);
	await stopAll();
	if (running) say('stopped');
	process.exit(code);
}

/** Whether the package wires Envelope → Send and Wait for Completion (the example then uses it). */
function hasSendAndWait(): boolean {
	const resource = join(REPO, 'nodes/DocuSign/actions/envelope/Envelope.resource.ts');
	return existsSync(resource) && /from '\.\/sendAndWait\.operation'/.test(readFileSync(resource, 'utf8'));
}

function example(simulator: DevSimulator | undefined, real: RealAccount | undefined, credential: CredentialFixture): WorkflowFixture {
	return exampleWorkflow({
		id: fixedId(simulator ? 'devExampleSim' : 'devExampleReal'),
		name: simulator ? EXAMPLE_NAME : `${EXAMPLE_NAME} (DocuSign ${real!.environment})`,
		credential,
		signerName: simulator ? 'Ada Lovelace' : real!.signerName,
		signerEmail: simulator ? 'ada@example.com' : real!.signerEmail,
		sendAndWait: hasSendAndWait(),
		howToSign: simulator
			? `the simulator e-mails nobody: open its signer's inbox at [${simulator.url}/](${simulator.url}/), find *Please sign: Service agreement* and click **Sign** (or **Decline**, with a reason).`
			: 'DocuSign e-mails the signer in *Contract details* (put your own address there, or set DOCUSIGN_SIGNER_EMAIL).',
		howToResume: simulator
			? 'The simulator reports to n8n on localhost at once.'
			: 'DocuSign must reach n8n: start `npm run dev` with WEBHOOK_URL set to a public https URL that forwards to localhost:5678 (a tunnel).',
	});
}

interface State {
	/** Hash of what was last imported, per credential/workflow id (a new database starts over). */
	imported: Record<string, string>;
}

function readState(): State {
	if (!existsSync(join(DEV_DIR, '.n8n', 'database.sqlite')) || !existsSync(STATE_FILE)) return { imported: {} };
	return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as State;
}

/**
 * Simulator tokens die with the simulator, so its credentials are imported at every start; a real
 * account's only when their settings change (the OAuth2 one keeps the tokens of "Connect my account").
 * The example is imported when test/dev changes it (which overwrites edits made to it in the editor).
 */
async function importFixtures(n8n: DevN8n, credentials: CredentialFixture[], workflow: WorkflowFixture, always: boolean): Promise<void> {
	const state = readState();
	const fresh = credentials.filter((c) => always || state.imported[c.id] !== hash(c));
	if (fresh.length) {
		say(`importing ${fresh.map((c) => `"${c.name}"`).join(', ')}`);
		await n8n.importCredentials(fresh);
		for (const c of fresh) state.imported[c.id] = hash(c);
	}
	if (state.imported[workflow.id] !== hash(workflow)) {
		say(`importing the example workflow "${workflow.name}"`);
		await n8n.importWorkflow(workflow);
		state.imported[workflow.id] = hash(workflow);
	}
	writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

async function main(): Promise<void> {
	const runtime: Runtime = { nodeBinDir: process.env.DEV_NODE24_BIN ?? '', n8nScript: process.env.DEV_N8N_SCRIPT ?? '' };
	if (!runtime.nodeBinDir || !runtime.n8nScript) throw new Error('start it with npm run dev (run.sh sets DEV_NODE24_BIN and DEV_N8N_SCRIPT)');
	const real = realAccountFromEnv();
	mkdirSync(LOGS, { recursive: true });

	say(real ? `building the package (tsc --watch); DocuSign ${real.environment} account, no simulator` : 'building the package (tsc --watch), starting the DocuSign simulator');
	const tsc = startTsc(say);
	running = real ? 'tsc and n8n' : 'tsc, n8n and the simulator';
	const simulator = real ? undefined : await startDevSimulator(join(LOGS, 'simulator.log'));
	const credentials = simulator ? simulator.credentials : realCredentials(real!);
	const workflow = example(simulator, real, credentials[0]);
	const n8n = await DevN8n.create(runtime, !!real);
	// The imports only touch n8n's database: they run while tsc compiles.
	await importFixtures(n8n, credentials, workflow, !!simulator);
	const errors = await tsc.firstBuild;
	await buildAssets();
	installPackage(runtime);
	say(`package built${errors ? ` with ${errors} tsc error(s), see above` : ''} and installed into .n8n-dev/; starting n8n`);

	const n8nLog = join(LOGS, 'n8n.log');
	let reloaded = false;
	const onN8nLine = (line: string) => {
		if (/Hot reload triggered/.test(line)) {
			reloaded = true;
			say('n8n reloaded the package');
		} else if (/Hot reload failed|Failed to load package|Skipping package/i.test(line)) {
			say(`n8n: ${line.trim()} (more in ${relative(REPO, n8nLog)})`);
		}
	};
	let restarting = false;
	const startN8n = async () => {
		const proc = await n8n.start(n8nLog, onN8nLine);
		proc.child.once('exit', (code, signal) => {
			if (stopping || restarting) return;
			say(`n8n exited on its own (${code ?? signal}); the end of ${relative(REPO, n8nLog)}:\n${tail(proc.output(), 20)}`);
			void shutdown(1);
		});
	};
	await startN8n();
	const owner = await n8n.ensureOwner();

	/** Stops n8n, runs `whileStopped` (e.g. copies the new package), starts it again. */
	const restart = async (why: string, whileStopped: () => void = () => undefined) => {
		say(`${why}: restarting n8n`);
		restarting = true;
		await n8n.server?.stop();
		restarting = false;
		whileStopped();
		const t = Date.now();
		await startN8n();
		say(`n8n restarted in ${since(t)}`);
	};
	const copied = (changed: string[]) => say(`dist/ changed (${changed.length} file${changed.length > 1 ? 's' : ''}), copied into .n8n-dev/`);
	stopWatching = watchBuild(say, async () => {
		// n8n reads package.json (the list of nodes and credentials) only at start.
		if (packageJsonChanged()) return await restart('package.json changed', () => copied(syncPackage()));
		reloaded = false;
		const changed = syncPackage();
		if (!changed.length) return;
		copied(changed);
		const deadline = Date.now() + 15_000;
		while (!reloaded && Date.now() < deadline && !stopping) await new Promise((r) => setTimeout(r, 250));
		if (!reloaded && !stopping) await restart('n8n did not hot-reload the package');
	});

	console.log(banner({ ready: since(t0), owner, workflow, credentials, simulator, real, logs: relative(REPO, LOGS) }));
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
process.on('exit', () => killAllNow());

main().catch(async (error: Error) => {
	// After Ctrl-C, whatever main() was waiting for fails because its process was stopped: say nothing.
	if (!stopping) console.error(`[dev] ${error.message}`);
	await shutdown(1);
});
