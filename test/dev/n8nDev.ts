/**
 * The dev n8n: user folder .n8n-dev/ (kept between runs), the package installed there as a community
 * package, its CLI for imports, `n8n start` on 127.0.0.1, and the owner login.
 *
 * The package folder holds a *copy* of dist/ (synced on every change), not a symlink: Node resolves a
 * symlinked file to its real path, so the package's `require('n8n-workflow')` would find the repo's
 * node_modules/n8n-workflow, a second copy beside n8n's own (n8n-core's `instanceof NodeApiError`
 * checks then fail), and n8n's hot reload, which clears the require cache under the package folder,
 * would keep running the old code. The copy resolves n8n-workflow through a link to n8n's own copy.
 */
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { CredentialFixture, WorkflowFixture } from '../e2e/lib/n8n';
import { PACKAGE_NAME, tail } from '../e2e/lib/n8n';
import { freePort, run, start, type Background } from '../e2e/lib/proc';
import { DEV_DIR, EDITOR_URL, N8N_PORT, OWNER, REPO } from './config';

export const NODES_DIR = join(DEV_DIR, '.n8n', 'nodes');
export const PACKAGE_DIR = join(NODES_DIR, 'node_modules', PACKAGE_NAME);

export interface Runtime {
	nodeBinDir: string;
	n8nScript: string;
}

/** Files of a folder, relative path → content, skipping nothing (dist is small). */
function listFiles(root: string, dir = root, out = new Map<string, string>()): Map<string, string> {
	if (!existsSync(dir)) return out;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) listFiles(root, full, out);
		else if (entry.isFile()) out.set(relative(root, full), full);
	}
	return out;
}

/**
 * Makes the installed package equal to the repo's package.json + dist/: copies what differs, deletes
 * what dist no longer has. Returns the changed paths (empty when nothing changed, so no reload).
 */
export function syncPackage(): string[] {
	const changed: string[] = [];
	const put = (from: string, to: string, rel: string) => {
		const data = readFileSync(from);
		if (existsSync(to) && readFileSync(to).equals(data)) return;
		mkdirSync(dirname(to), { recursive: true });
		writeFileSync(to, data);
		changed.push(rel);
	};
	put(join(REPO, 'package.json'), join(PACKAGE_DIR, 'package.json'), 'package.json');
	const source = listFiles(join(REPO, 'dist'));
	const target = listFiles(join(PACKAGE_DIR, 'dist'));
	for (const [rel, from] of source) put(from, join(PACKAGE_DIR, 'dist', rel), `dist/${rel}`);
	for (const [rel, to] of target) {
		if (!source.has(rel)) {
			unlinkSync(to);
			changed.push(`dist/${rel} (deleted)`);
		}
	}
	return changed;
}

/** Whether the repo's package.json differs from the installed one (n8n reads it only at start). */
export function packageJsonChanged(): boolean {
	const installed = join(PACKAGE_DIR, 'package.json');
	return !existsSync(installed) || !readFileSync(installed).equals(readFileSync(join(REPO, 'package.json')));
}

/** The community-package layout n8n's own installer leaves, with n8n-workflow resolving to n8n's copy. */
export function installPackage(runtime: Runtime): string[] {
	mkdirSync(PACKAGE_DIR, { recursive: true });
	writeFileSync(
		join(NODES_DIR, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: 'file' } }, null, 2),
	);
	const link = join(NODES_DIR, 'node_modules', 'n8n-workflow');
	const n8nWorkflow = join(dirname(dirname(dirname(runtime.n8nScript))), 'n8n-workflow');
	rmSync(link, { recursive: true, force: true });
	symlinkSync(n8nWorkflow, link, 'dir');
	return syncPackage();
}

export function n8nEnv(runtime: Runtime, brokerPort: number, proxies: boolean): NodeJS.ProcessEnv {
	// Not the npm_* variables of `npm run dev` (the repo's npm config): n8n is no npm script.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
	return {
		...inherited,
		PATH: `${runtime.nodeBinDir}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: DEV_DIR,
		N8N_PORT: String(N8N_PORT),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		// The OAuth2 callback URL derives from it. Webhook URLs default to the same host; a WEBHOOK_URL
		// of the user's (a tunnel, for DocuSign to reach n8n) is passed on.
		N8N_EDITOR_BASE_URL: EDITOR_URL,
		N8N_SECURE_COOKIE: 'false',
		// Reloads the package when its files change (n8n watches the community package folder).
		N8N_DEV_RELOAD: 'true',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// The MCP server registry refresh would call api.n8n.io.
		N8N_DISABLED_MODULES: 'mcp-registry',
		NO_PROXY: ['127.0.0.1', 'localhost', process.env.NO_PROXY].filter(Boolean).join(','),
		// Against the simulator nothing leaves loopback; against DocuSign the user's proxy stays.
		...(proxies ? {} : { HTTP_PROXY: '', HTTPS_PROXY: '', http_proxy: '', https_proxy: '' }),
	};
}

export class DevN8n {
	server?: Background;
	private cookie?: string;

	private constructor(
		private readonly runtime: Runtime,
		private readonly env: NodeJS.ProcessEnv,
	) {}

	static async create(runtime: Runtime, proxies: boolean): Promise<DevN8n> {
		return new DevN8n(runtime, n8nEnv(runtime, await freePort(), proxies));
	}

	private async cli(args: string[], what: string): Promise<void> {
		const result = await run(join(this.runtime.nodeBinDir, 'node'), [this.runtime.n8nScript, ...args], {
			env: this.env,
			cwd: DEV_DIR,
			timeoutMs: 300_000,
		});
		if (result.code !== 0) throw new Error(`${what} failed (n8n ${args[0]}: exit ${result.code ?? result.signal}):\n${tail(result.stdout + result.stderr)}`);
	}

	/** `n8n import:credentials` (plain `data` is encrypted on import); fixed ids overwrite the earlier copy. */
	async importCredentials(credentials: CredentialFixture[]): Promise<void> {
		const file = join(DEV_DIR, 'import-credentials.json');
		writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		try {
			await this.cli(['import:credentials', `--input=${file}`], 'importing the credentials');
		} finally {
			rmSync(file, { force: true });
		}
	}

	async importWorkflow(workflow: WorkflowFixture): Promise<void> {
		const file = join(DEV_DIR, 'import-workflow.json');
		writeFileSync(file, JSON.stringify([{ active: false, settings: { executionOrder: 'v1' }, pinData: {}, ...workflow }], null, 2));
		try {
			await this.cli(['import:workflow', `--input=${file}`], 'importing the example workflow');
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** `n8n start`, its output appended to logFile; resolves once /healthz/readiness answers 200. */
	async start(logFile: string, onLine: (line: string) => void): Promise<Background> {
		const proc = start(join(this.runtime.nodeBinDir, 'node'), [this.runtime.n8nScript, 'start'], { env: this.env, cwd: DEV_DIR });
		this.server = proc;
		const log = createWriteStream(logFile, { flags: 'a' });
		let partial = '';
		const onData = (c: Buffer) => {
			log.write(c);
			const lines = (partial + c.toString()).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) onLine(line);
		};
		proc.child.stdout!.on('data', onData);
		proc.child.stderr!.on('data', onData);
		const deadline = Date.now() + 300_000;
		for (;;) {
			if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
				const out = proc.output();
				const busy = /EADDRINUSE|port \d+ is already in use/i.test(out);
				throw new Error(busy ? `port ${N8N_PORT} is taken (another n8n or npm run dev?): stop it, or set N8N_PORT` : `n8n start exited (${proc.child.exitCode ?? proc.child.signalCode}):\n${tail(out)}`);
			}
			try {
				const res = await fetch(`http://127.0.0.1:${N8N_PORT}/healthz/readiness`, { signal: AbortSignal.timeout(2_000) });
				if (res.status === 200) return proc;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`n8n start not ready within 300 s:\n${tail(proc.output())}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	async rest(path: string, init: RequestInit = {}): Promise<Response> {
		return await fetch(`http://127.0.0.1:${N8N_PORT}${path}`, {
			...init,
			headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...init.headers },
			signal: AbortSignal.timeout(60_000),
		});
	}

	/** Creates the owner on the first run, logs in on later ones. Returns what happened, for the banner. */
	async ensureOwner(): Promise<'created' | 'exists' | 'password changed'> {
		const setup = await this.rest('/rest/owner/setup', { method: 'POST', body: JSON.stringify(OWNER) });
		if (setup.ok) {
			this.cookie = setup.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='))?.split(';')[0];
			return 'created';
		}
		const login = await this.rest('/rest/login', {
			method: 'POST',
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!login.ok) return 'password changed';
		this.cookie = login.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='))?.split(';')[0];
		return 'exists';
	}
}

/** Seconds since a start time, for the timings printed. */
export const since = (t: number): string => `${((Date.now() - t) / 1000).toFixed(1)} s`;
