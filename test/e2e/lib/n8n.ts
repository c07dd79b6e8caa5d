/**
 * One n8n instance of the suite: a fresh user folder (SQLite DB, settings) with the packed package
 * installed as a community package, driven through n8n's own CLI (`import:*`, `execute`, `export:*`)
 * or started as a server (`n8n start`) for the editor.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractJsonObject } from './json';
import { freePort, run, start, type Background, type RunResult } from './proc';

export const PACKAGE_NAME = 'n8n-nodes-docusign';

export interface N8nRuntime {
	/** Folder with Node 24's `node`. */
	nodeBinDir: string;
	/** n8n's bin script (`…/node_modules/n8n/bin/n8n`). */
	n8nScript: string;
	/** `npm pack` output of the package under test. */
	tarball: string;
}

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowFixture {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface ExecutionError {
	message?: string;
	description?: string | null;
	[key: string]: unknown;
}

export interface Execution {
	workflowId: string;
	/** The process' exit code (0 = success, 1 = a node failed), null when it died by a signal. */
	code: number | null;
	signal: NodeJS.Signals | null;
	/**
	 * n8n 2.41.1's CLI sometimes segfaults in isolated-vm's teardown at process.exit, after it printed
	 * the complete result. Then the printed result decides, and the suite reports how often it happened.
	 */
	crashedAtExit: boolean;
	/** The run data n8n printed (`IRun`), when it printed one. */
	run?: {
		status?: string;
		finished?: boolean;
		data: {
			resultData: {
				error?: ExecutionError;
				runData: Record<string, Array<{ error?: ExecutionError; data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
			};
		};
	};
	stdout: string;
	stderr: string;
	ms: number;
}

export const executionStats = { runs: 0, crashedAtExit: 0 };

/** Whether the execution succeeded, by exit code and by the result n8n printed. */
export function succeeded(e: Execution): boolean {
	const exitOk = e.code === 0 || e.crashedAtExit;
	return exitOk && e.run?.status === 'success' && !e.run.data.resultData.error;
}

/** Whether the execution failed the way a node error fails it: exit code 1 and an error in the result. */
export function failed(e: Execution): boolean {
	const exitFailed = e.code === 1 || e.crashedAtExit;
	return exitFailed && e.run !== undefined && e.run.status !== 'success' && !!e.run.data.resultData.error;
}

/** The items a node output on its first run (main output 0). */
export function nodeOutput(e: Execution, nodeName: string): Array<Record<string, unknown>> {
	const runs = e.run?.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(e.run?.data.resultData.runData ?? {}).join(', ') || 'nothing'})`);
	const items = runs[0].data?.main[0] ?? [];
	return items.map((item) => item.json);
}

/** The execution's error (top level and per node) as text, for assertions on what a user would read. */
export function errorText(e: Execution): string {
	const parts: string[] = [];
	const add = (err?: ExecutionError) => {
		if (!err) return;
		for (const key of ['message', 'description']) {
			const value = err[key];
			if (typeof value === 'string' && value) parts.push(value);
		}
	};
	add(e.run?.data.resultData.error);
	for (const runs of Object.values(e.run?.data.resultData.runData ?? {})) for (const r of runs) add(r.error);
	return [...new Set(parts)].join('\n');
}

/** A short account of an execution, for failure messages. */
export function describe(e: Execution): string {
	const how = e.signal ? `signal ${e.signal}` : `exit code ${e.code}`;
	const err = errorText(e);
	return `n8n execute --id=${e.workflowId}: ${how}, status ${e.run?.status ?? '(no result printed)'}${err ? `, error: ${err}` : ''}`;
}

export class N8n {
	readonly userFolder: string;
	readonly encryptionKey = randomBytes(24).toString('hex');
	private brokerPort = 0;

	private constructor(
		private readonly runtime: N8nRuntime,
		readonly label: string,
	) {
		this.userFolder = mkdtempSync(join(tmpdir(), `n8n-e2e-${label}-`));
	}

	/** A fresh user folder with the package unpacked at `.n8n/nodes/node_modules/n8n-nodes-docusign`. */
	static async create(runtime: N8nRuntime, label: string): Promise<N8n> {
		const n8n = new N8n(runtime, label);
		const target = join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		mkdirSync(target, { recursive: true });
		const tar = await run('tar', ['-xzf', runtime.tarball, '-C', target, '--strip-components=1']);
		if (tar.code !== 0) throw new Error(`could not unpack ${runtime.tarball}: ${tar.stderr}`);
		// What n8n's own installer leaves beside node_modules.
		writeFileSync(
			join(n8n.userFolder, '.n8n', 'nodes', 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: 'file' } }, null, 2),
		);
		n8n.brokerPort = await freePort();
		return n8n;
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		// Not the npm_* variables of `npm run test:e2e` (the repo's npm config): n8n is no npm script.
		const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
		return {
			...inherited,
			PATH: `${this.runtime.nodeBinDir}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			// The MCP server registry refresh would call api.n8n.io: nothing here may leave loopback.
			N8N_DISABLED_MODULES: 'mcp-registry',
			// Outbound calls only go to the simulator on loopback; no proxy in between.
			HTTP_PROXY: '',
			HTTPS_PROXY: '',
			http_proxy: '',
			https_proxy: '',
			NO_PROXY: '127.0.0.1,localhost',
			...extra,
		};
	}

	/** Runs `n8n <args>` under Node 24. */
	async cli(args: string[], timeoutMs = 120_000): Promise<RunResult> {
		return await run(join(this.runtime.nodeBinDir, 'node'), [this.runtime.n8nScript, ...args], {
			env: this.env(),
			cwd: this.userFolder,
			timeoutMs,
		});
	}

	private async cliOk(args: string[], what: string): Promise<RunResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(`${what} failed (n8n ${args.join(' ')}: exit ${result.code ?? result.signal}):\n${tail(result.stdout + result.stderr)}`);
		}
		return result;
	}

	async importCredentials(credentials: CredentialFixture[]): Promise<void> {
		if (!credentials.length) return;
		const file = join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		try {
			await this.cliOk(['import:credentials', `--input=${file}`], 'importing credentials');
		} finally {
			rmSync(file, { force: true });
		}
	}

	async importWorkflows(workflows: WorkflowFixture[]): Promise<void> {
		if (!workflows.length) return;
		const file = join(this.userFolder, `workflows-${Date.now()}.json`);
		const full = workflows.map((w) => ({ active: false, settings: {}, pinData: {}, ...w }));
		writeFileSync(file, JSON.stringify(full, null, 2));
		await this.cliOk(['import:workflow', `--input=${file}`], 'importing workflows');
	}

	/** `n8n execute --id=… --rawOutput`; never throws for a failed execution (callers assert). */
	async execute(workflowId: string): Promise<Execution> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const printed = (extractJsonObject(result.stdout) ?? extractJsonObject(result.stderr)) as Execution['run'];
		const runData = printed && typeof printed === 'object' && 'data' in printed ? printed : undefined;
		const crashedAtExit = result.signal === 'SIGSEGV' && runData !== undefined;
		executionStats.runs++;
		if (crashedAtExit) executionStats.crashedAtExit++;
		return {
			workflowId,
			code: result.code,
			signal: result.signal,
			crashedAtExit,
			run: runData,
			stdout: result.stdout,
			stderr: result.stderr,
			ms: result.ms,
		};
	}

	/** The credentials as n8n stores them, decrypted (`n8n export:credentials --all --decrypted`). */
	async exportCredentials(): Promise<CredentialFixture[]> {
		const file = join(this.userFolder, `export-${Date.now()}.json`);
		try {
			await this.cliOk(['export:credentials', '--all', '--decrypted', `--output=${file}`], 'exporting credentials');
			return JSON.parse(readFileSync(file, 'utf8')) as CredentialFixture[];
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** `n8n start` on a free loopback port; resolves once /healthz/readiness answers 200. */
	async startServer(): Promise<{ url: string; process: Background }> {
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const proc = start(join(this.runtime.nodeBinDir, 'node'), [this.runtime.n8nScript, 'start'], {
			env: this.env({ N8N_PORT: String(port), N8N_HOST: '127.0.0.1', N8N_EDITOR_BASE_URL: url, WEBHOOK_URL: `${url}/` }),
			cwd: this.userFolder,
		});
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
				throw new Error(`n8n start exited (${proc.child.exitCode ?? proc.child.signalCode}):\n${tail(proc.output())}`);
			}
			try {
				const res = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2_000) });
				if (res.status === 200) return { url, process: proc };
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) {
				await proc.stop();
				throw new Error(`n8n start not ready within 120 s:\n${tail(proc.output())}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	remove(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
