/** Child processes of the suite: run to completion, or keep running and stop them all at the end. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

export interface SpawnOptions {
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	timeoutMs?: number;
}

const live = new Set<ChildProcess>();

/** Signals a child's whole process group (n8n starts task runners of its own). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

function track(child: ChildProcess): void {
	live.add(child);
	child.once('exit', () => live.delete(child));
}

/** Runs a command to its end (async, so the in-process simulator keeps answering meanwhile). */
export function run(command: string, args: string[], opts: SpawnOptions = {}): Promise<RunResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			env: opts.env,
			cwd: opts.cwd,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		track(child);
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout!.on('data', (c: Buffer) => out.push(c));
		child.stderr!.on('data', (c: Buffer) => err.push(c));
		const timer = opts.timeoutMs
			? setTimeout(() => {
					err.push(Buffer.from(`\n[e2e] timed out after ${opts.timeoutMs} ms, killed\n`));
					signalGroup(child, 'SIGKILL');
				}, opts.timeoutMs)
			: undefined;
		child.once('error', (e) => {
			if (timer) clearTimeout(timer);
			reject(e);
		});
		child.once('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString(),
				stderr: Buffer.concat(err).toString(),
				ms: Date.now() - started,
			});
		});
	});
}

export interface Background {
	child: ChildProcess;
	/** Everything it printed so far (stdout and stderr interleaved). */
	output(): string;
	/** Resolves with the first line matching, rejects on exit or timeout. */
	waitForLine(re: RegExp, timeoutMs: number): Promise<string>;
	stop(): Promise<void>;
}

/** Starts a long-running process in its own process group; stopAll() ends it if nobody else does. */
export function start(command: string, args: string[], opts: SpawnOptions = {}): Background {
	const child = spawn(command, args, {
		env: opts.env,
		cwd: opts.cwd,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	track(child);
	let text = '';
	const listeners = new Set<() => void>();
	const onData = (c: Buffer) => {
		text += c.toString();
		if (text.length > 2_000_000) text = text.slice(-1_000_000);
		for (const l of listeners) l();
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
	return {
		child,
		output: () => text,
		waitForLine(re, timeoutMs) {
			return new Promise((resolve, reject) => {
				const check = () => {
					const line = text.split('\n').find((l) => re.test(l));
					if (line !== undefined) finish(() => resolve(line));
				};
				const finish = (fn: () => void) => {
					clearTimeout(timer);
					listeners.delete(check);
					child.off('close', onClose);
					fn();
				};
				const onClose = () => finish(() => reject(new Error(`process exited before printing ${re}`)));
				const timer = setTimeout(
					() => finish(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms`))),
					timeoutMs,
				);
				listeners.add(check);
				child.once('close', onClose);
				check();
			});
		},
		async stop() {
			await stopChild(child, exited);
		},
	};
}

async function stopChild(child: ChildProcess, exited?: Promise<void>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const done = exited ?? new Promise<void>((resolve) => child.once('close', () => resolve()));
	signalGroup(child, 'SIGTERM');
	const killed = await Promise.race([
		done.then(() => false),
		new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000)),
	]);
	if (killed) {
		signalGroup(child, 'SIGKILL');
		await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 2_000))]);
	}
}

/** Stops every child still running (on success, failure and interruption alike). */
export async function stopAll(): Promise<void> {
	await Promise.all([...live].map((child) => stopChild(child)));
}

/** Last-resort, synchronous: for process 'exit' handlers, where nothing async runs any more. */
export function killAllNow(): void {
	for (const child of live) signalGroup(child, 'SIGKILL');
}

/** A port the kernel says is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
