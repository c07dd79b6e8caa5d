/**
 * One n8n queue-mode stack (n8n's scale-out engine): a main process (`n8n start`: editor, REST API,
 * webhooks, triggers, queue recovery) and workers (`n8n worker`) that run the executions, sharing
 * PostgreSQL, Redis and one user folder with the packed package installed as a community package
 * (test/e2e/lib/n8n.ts). Settings every process shares go into this runner's environment, which
 * `N8n.env()` passes on to every n8n process (CLI imports included); per-process ones are extras.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8n, tail, type CredentialFixture, type N8nRuntime, type WorkflowFixture } from '../../e2e/lib/n8n';
import { freePort, start, type Background } from '../../e2e/lib/proc';
import { N8nServer, unflatten, waitFor } from '../../e2e/lib/server';
import { sql, type Service } from './services';

/** Bull's stall detection and n8n's queue recovery, shortened so a killed worker is noticed in seconds. */
export const STALL_SETTINGS = {
	QUEUE_WORKER_LOCK_DURATION: '20000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
	QUEUE_WORKER_STALLED_INTERVAL: '10000',
	// minutes; n8n's default is 180
	N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.25',
};

export interface Worker {
	name: string;
	process: Background;
	/** The worker's process id (the n8n process; its task runner is a child in the same group). */
	pid: number;
	brokerPort: number;
}

export interface ExecutionRow {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	retryOf: string | null;
	retrySuccessId: string | null;
}

export class QueueStack {
	readonly workers: Worker[] = [];
	/** Main: test/e2e's N8nServer (n8n start on a free loopback port, owner account, REST as the owner). */
	main?: N8nServer;
	readonly redisPrefix = `n8nq${randomBytes(4).toString('hex')}`;
	readonly bullPrefix = `bullq${randomBytes(4).toString('hex')}`;

	private constructor(
		readonly n8n: N8n,
		readonly runtime: N8nRuntime,
		readonly pg: Service & { database: string; user: string },
		readonly redis: Service,
	) {}

	/** The shared user folder with the package, and the stack-wide environment. */
	static async create(runtime: N8nRuntime, pg: Service & { database: string; user: string }, redis: Service): Promise<QueueStack> {
		const n8n = await N8n.create(runtime, 'queue');
		const stack = new QueueStack(n8n, runtime, pg, redis);
		Object.assign(process.env, {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pg.port),
			DB_POSTGRESDB_DATABASE: pg.database,
			DB_POSTGRESDB_USER: pg.user,
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_POOL_SIZE: '8',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Fresh per stack: stale webhook cache entries of a reused Redis make activation fail (409).
			N8N_REDIS_KEY_PREFIX: stack.redisPrefix,
			QUEUE_BULL_PREFIX: stack.bullPrefix,
			QUEUE_HEALTH_CHECK_ACTIVE: 'false',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			...STALL_SETTINGS,
		});
		return stack;
	}

	async importFixtures(credentials: CredentialFixture[], workflows: WorkflowFixture[]): Promise<void> {
		await this.n8n.importCredentials(credentials);
		await this.n8n.importWorkflows(workflows);
	}

	async startMain(): Promise<void> {
		this.main = await N8nServer.start(this.n8n);
	}

	/** `n8n worker` with its own task-runner broker port; resolves when it says it is ready. */
	async startWorker(name: string, concurrency = 10): Promise<Worker> {
		const brokerPort = await freePort();
		const proc = start(join(this.runtime.nodeBinDir, 'node'), [this.runtime.n8nScript, 'worker', `--concurrency=${concurrency}`], {
			env: this.n8n.env({
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
				// Resume URLs that a node on a worker hands out (Send and Wait) must point at main.
				...(this.main ? { WEBHOOK_URL: `${this.main.url}/` } : {}),
			}),
			cwd: this.n8n.userFolder,
		});
		await proc.waitForLine(/n8n worker is now ready/, 180_000).catch((error: Error) => {
			throw new Error(`${name} did not start: ${error.message}\n${tail(proc.output())}`);
		});
		const worker = { name, process: proc, pid: proc.child.pid ?? 0, brokerPort };
		this.workers.push(worker);
		return worker;
	}

	/** SIGKILL to the worker's whole process group (n8n and its task runner): no shutdown at all. */
	async killWorker(worker: Worker): Promise<void> {
		const exited = new Promise<void>((resolve) => worker.process.child.once('close', () => resolve()));
		process.kill(-worker.pid, 'SIGKILL');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
	}

	/** Every "Worker started execution N" per execution id: which workers, in log order per worker. */
	startsPerExecution(): Map<string, string[]> {
		const starts = new Map<string, string[]>();
		for (const worker of this.workers) {
			for (const match of worker.process.output().matchAll(/Worker started execution (\d+)/g)) {
				starts.set(match[1], [...(starts.get(match[1]) ?? []), worker.name]);
			}
		}
		return starts;
	}

	/** Which worker ran which execution, from the workers' "Worker started/finished execution N" lines. */
	executionsByWorker(kind: 'started' | 'finished' = 'finished'): Map<string, string> {
		const byExecution = new Map<string, string>();
		const re = new RegExp(`Worker ${kind} execution (\\d+)`, 'g');
		for (const worker of this.workers) {
			for (const match of worker.process.output().matchAll(re)) byExecution.set(match[1], worker.name);
		}
		return byExecution;
	}

	async activate(workflowId: string): Promise<void> {
		await this.main!.activate(workflowId);
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.main!.deactivate(workflowId);
	}

	/**
	 * Activation registers webhooks in the background: waits until main routes POSTs of the path
	 * (a GET then answers "not registered for GET", where an unknown path answers "not registered").
	 */
	async waitForWebhook(path: string): Promise<void> {
		await waitFor(`webhook /webhook/${path} on main`, async () => {
			const res = await fetch(`${this.main!.url}/webhook/${path}`, { signal: AbortSignal.timeout(10_000) });
			const text = await res.text();
			return res.status !== 404 || /POST request/.test(text) ? true : undefined;
		}, 60_000, 200);
	}

	/** n8n's execution records of a workflow, straight from its database. */
	async executions(workflowId: string): Promise<ExecutionRow[]> {
		const rows = await sql(
			this.pg,
			`SELECT id, "workflowId", status, mode, finished, coalesce("retryOf", ''), coalesce("retrySuccessId", '') FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}' ORDER BY id`,
		);
		return rows.map(([id, wf, status, mode, finished, retryOf, retrySuccessId]) => ({
			id,
			workflowId: wf,
			status,
			mode,
			finished: finished === 't',
			retryOf: retryOf || null,
			retrySuccessId: retrySuccessId || null,
		}));
	}

	/** One execution's run data, as n8n stored it (`execution_data.data`, flatted). */
	async runData(executionId: string): Promise<RunData | undefined> {
		const rows = await sql(this.pg, `SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`);
		return rows[0]?.[0] ? (unflatten(rows[0].join('|')) as RunData) : undefined;
	}

	/** Stops the workers, then main (the services are stopped by the runner afterwards). */
	async stop(): Promise<void> {
		await Promise.all(this.workers.map((w) => w.process.stop()));
		await this.main?.stop();
	}

	/** Resident memory per n8n process group (the process and its task runner), in MB, from /proc. */
	memoryMb(): Record<string, number> {
		const groups: Array<[string, number | undefined]> = [['main', this.main?.process.child.pid], ...this.workers.map((w): [string, number] => [w.name, w.pid])];
		const rssByGroup = new Map<number, number>();
		for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
			try {
				const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
				const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
				const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
				if (rss) rssByGroup.set(pgrp, (rssByGroup.get(pgrp) ?? 0) + Number(rss[1]) / 1024);
			} catch {
				// gone meanwhile
			}
		}
		const out: Record<string, number> = {};
		for (const [name, pid] of groups) if (pid !== undefined && rssByGroup.has(pid)) out[name] = Math.round(rssByGroup.get(pid)!);
		return out;
	}

	/** Everything each process printed, for the artifacts folder. */
	logs(): Record<string, string> {
		const out: Record<string, string> = {};
		if (this.main) out.main = this.main.process.output();
		for (const w of this.workers) out[w.name] = w.process.output();
		return out;
	}
}

export interface RunData {
	resultData: {
		error?: { message?: string; description?: string };
		lastNodeExecuted?: string;
		runData: Record<string, Array<{ error?: { message?: string }; data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
	};
}

/** The items a node output (first run, main output 0) in run data. */
export function outputOf(data: RunData, nodeName: string): Array<Record<string, unknown>> {
	const runs = data.resultData.runData[nodeName];
	return (runs?.[0]?.data?.main[0] ?? []).map((item) => item.json);
}
