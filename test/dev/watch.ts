/**
 * Rebuild on change: `tsc --watch` (the build's tsconfig, into the repo's dist/), the gulp asset step
 * when an icon or codex file changes, and a poll of dist/ + package.json that copies a settled change
 * into the installed package (see n8nDev.ts), which n8n then hot-reloads.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run, start, type Background } from '../e2e/lib/proc';
import { REPO } from './config';

const POLL_MS = 700;
const ASSET = /\.(svg|png)$|\.node\.json$/;

/** path:mtime:size of every file under the folders whose name passes `keep`, as one string. */
function signature(folders: string[], keep: (path: string) => boolean): string {
	const parts: string[] = [];
	const walk = (dir: string) => {
		if (!existsSync(dir)) return;
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile() && keep(full)) {
				const s = statSync(full, { throwIfNoEntry: false });
				if (s) parts.push(`${relative(REPO, full)}:${s.mtimeMs}:${s.size}`);
			}
		}
	};
	for (const folder of folders) walk(join(REPO, folder));
	return parts.sort().join('\n');
}

export interface TscWatch {
	process: Background;
	/** Resolves with the error count of the first compilation. */
	firstBuild: Promise<number>;
}

/** `tsc --watch`; prints its errors and, after the first build, one line per rebuild. */
export function startTsc(say: (line: string) => void): TscWatch {
	const proc = start(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
		cwd: REPO,
		env: process.env,
	});
	let first = true;
	let resolveFirst: (errors: number) => void = () => undefined;
	const firstBuild = new Promise<number>((resolve, reject) => {
		resolveFirst = resolve;
		proc.child.once('close', () => reject(new Error(`tsc --watch exited:\n${proc.output().slice(-2000)}`)));
	});
	let partial = '';
	proc.child.stdout!.on('data', (c: Buffer) => {
		const lines = (partial + c.toString()).split('\n');
		partial = lines.pop() ?? '';
		for (const raw of lines) {
			// eslint-disable-next-line no-control-regex
			const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
			const found = /Found (\d+) errors?\. Watching for file changes/.exec(line);
			if (found) {
				const errors = Number(found[1]);
				if (first) resolveFirst(errors);
				else say(errors ? `tsc: ${errors} error(s), see above; dist/ updated anyway` : 'tsc: compiled, 0 errors');
				first = false;
			} else if (/error TS\d+/.test(line) || (line.startsWith(' ') && line.trim())) {
				say(`tsc: ${line}`);
			}
		}
	});
	return { process: proc, firstBuild };
}

/** The build's asset step (icons, codex files → dist/). */
export async function buildAssets(): Promise<void> {
	const result = await run(join(REPO, 'node_modules/.bin/gulp'), ['build:assets'], { cwd: REPO, env: process.env, timeoutMs: 120_000 });
	if (result.code !== 0) throw new Error(`gulp build:assets failed (exit ${result.code ?? result.signal}):\n${(result.stdout + result.stderr).slice(-2000)}`);
}

/**
 * Polls the sources of assets and the build output. An asset change runs the gulp step; a change of
 * dist/ or package.json that stays unchanged for one more poll calls `onBuildChanged` (once per change).
 */
export function watchBuild(say: (line: string) => void, onBuildChanged: () => Promise<void>): () => void {
	const assets = () => signature(['nodes', 'credentials'], (p) => ASSET.test(p));
	const packageJson = join(REPO, 'package.json');
	const build = () => {
		const s = statSync(packageJson, { throwIfNoEntry: false });
		return `${signature(['dist'], () => true)}\npackage.json:${s?.mtimeMs}:${s?.size}`;
	};
	let lastAssets = assets();
	let settled = build();
	let pending: string | undefined;
	let busy = false;
	const timer = setInterval(() => {
		if (busy) return;
		busy = true;
		void (async () => {
			const a = assets();
			if (a !== lastAssets) {
				lastAssets = a;
				say('assets changed: gulp build:assets');
				await buildAssets().catch((error: Error) => say(error.message));
			}
			const b = build();
			if (b !== settled && b === pending) {
				settled = b;
				pending = undefined;
				await onBuildChanged();
			} else if (b !== settled) {
				pending = b;
			}
		})()
			.catch((error: Error) => say(`rebuild: ${error.message}`))
			.finally(() => {
				busy = false;
			});
	}, POLL_MS);
	return () => clearInterval(timer);
}
