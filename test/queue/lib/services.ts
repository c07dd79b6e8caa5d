/**
 * Redis and PostgreSQL for one queue-mode stack: private instances in temp folders, on free loopback
 * ports, in their own process groups (test/e2e/lib/proc.ts), stopped by the runner at the end.
 * The binaries are Debian's (run.sh installs them when absent); no system service is used.
 */
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, run, start, type Background } from '../../e2e/lib/proc';
import { tail } from '../../e2e/lib/n8n';

/** Temp folders of the services, for a last-resort removal at exit (Ctrl-C, crash). */
export const serviceDirs = new Set<string>();

export interface Service {
	name: string;
	port: number;
	dir: string;
	process: Background;
	stop(): Promise<void>;
}

/** `process.kill(-pid)` on a Background's whole group (postgres' fast shutdown is SIGINT). */
function signal(bg: Background, sig: NodeJS.Signals): void {
	const pid = bg.child.pid;
	if (pid === undefined || bg.child.exitCode !== null || bg.child.signalCode !== null) return;
	try {
		process.kill(-pid, sig);
	} catch {
		// gone
	}
}

async function stopWith(bg: Background, sig: NodeJS.Signals): Promise<void> {
	if (bg.child.exitCode !== null || bg.child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => bg.child.once('close', () => resolve()));
	signal(bg, sig);
	await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
	await bg.stop(); // SIGTERM, then SIGKILL: only if the first signal did not end it
}

export async function startRedis(keep: boolean): Promise<Service> {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-queue-redis-'));
	serviceDirs.add(dir);
	const port = await freePort();
	const bg = start('redis-server', [
		'--port', String(port),
		'--bind', '127.0.0.1',
		'--save', '',
		'--appendonly', 'no',
		'--dir', dir,
		'--protected-mode', 'yes',
	]);
	await bg.waitForLine(/Ready to accept connections/, 30_000).catch((error: Error) => {
		throw new Error(`redis-server did not start: ${error.message}\n${tail(bg.output())}`);
	});
	return {
		name: 'redis',
		port,
		dir,
		process: bg,
		async stop() {
			await stopWith(bg, 'SIGTERM');
			if (!keep) rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * PostgreSQL 15: `initdb` into a temp folder (superuser `n8n`, trust on loopback), then `postgres`
 * in the foreground (so its process group is ours), fsync off. As root, both run as the `postgres`
 * user (PostgreSQL refuses root) through setpriv, which execs without a session of its own.
 */
export async function startPostgres(pgBin: string, keep: boolean): Promise<Service & { database: string; user: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-queue-pg-'));
	serviceDirs.add(dir);
	const asRoot = process.getuid?.() === 0;
	const as = (command: string, args: string[]): [string, string[]] =>
		asRoot ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', command, ...args]] : [command, args];
	if (asRoot) {
		// The uid/gid of Debian's postgres user, whatever they are on this machine.
		const id = await run('id', ['-u', 'postgres']);
		const gid = await run('id', ['-g', 'postgres']);
		chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
	}
	const data = join(dir, 'data');
	const [initCmd, initArgs] = as(join(pgBin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
	const init = await run(initCmd, initArgs, { timeoutMs: 120_000 });
	if (init.code !== 0) throw new Error(`initdb failed (${init.code ?? init.signal}):\n${tail(init.stdout + init.stderr)}`);

	const port = await freePort();
	const [cmd, args] = as(join(pgBin, 'postgres'), [
		'-D', data,
		'-p', String(port),
		'-c', 'listen_addresses=127.0.0.1',
		'-c', `unix_socket_directories=${dir}`,
		'-c', 'fsync=off',
		'-c', 'synchronous_commit=off',
		'-c', 'full_page_writes=off',
		'-c', 'max_connections=100',
		'-c', 'shared_buffers=128MB',
	]);
	const bg = start(cmd, args);
	await bg.waitForLine(/database system is ready to accept connections/, 60_000).catch((error: Error) => {
		throw new Error(`postgres did not start: ${error.message}\n${tail(bg.output())}`);
	});
	const database = 'n8n';
	const created = await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${database}`]);
	if (created.code !== 0) throw new Error(`CREATE DATABASE failed:\n${created.stderr}`);
	return {
		name: 'postgres',
		port,
		dir,
		database,
		user: 'n8n',
		process: bg,
		async stop() {
			await stopWith(bg, 'SIGINT');
			if (!keep) rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** `psql -At` against the stack's database: rows of `|`-separated fields. */
export async function sql(pg: { port: number; database: string; user: string }, query: string): Promise<string[][]> {
	const result = await run('psql', ['-h', '127.0.0.1', '-p', String(pg.port), '-U', pg.user, '-d', pg.database, '-At', '-v', 'ON_ERROR_STOP=1', '-c', query], {
		timeoutMs: 60_000,
	});
	if (result.code !== 0) throw new Error(`psql failed: ${result.stderr}\n${query}`);
	return result.stdout
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));
}
