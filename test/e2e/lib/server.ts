/**
 * A running `n8n start` driven over its REST API as the editor does: owner login cookie, publish
 * (activate) and unpublish workflows, read the execution list and one execution's run data.
 */
import type { N8n } from './n8n';
import type { Background } from './proc';

export const OWNER = { email: 'owner@e2e.example', firstName: 'E2E', lastName: 'Owner', password: 'E2e-password-1' };

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	startedAt?: string;
	stoppedAt?: string;
}

/** What `GET /rest/executions/:id` holds under `data` once unflattened (n8n's `IRunExecutionData`). */
export interface ExecutionDetail extends ExecutionSummary {
	data: {
		resultData: {
			error?: { message?: string };
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
		};
	};
}

export class RestError extends Error {}

export class N8nServer {
	private constructor(
		readonly url: string,
		readonly process: Background,
		private cookie = '',
	) {}

	/**
	 * `n8n start` on the instance's user folder (its imported credentials and workflows), then the
	 * owner account (or the owner's login, when an earlier server on the folder created it);
	 * further calls carry the owner's `n8n-auth` cookie.
	 */
	static async start(n8n: N8n): Promise<N8nServer> {
		const { url, process } = await n8n.startServer();
		const server = new N8nServer(url, process);
		const post = (path: string, body: unknown) =>
			fetch(`${url}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(60_000),
			});
		let setup = await post('/rest/owner/setup', OWNER);
		let call = 'POST /rest/owner/setup';
		if (setup.status === 400 && (await setup.clone().text()).includes('already setup')) {
			// An earlier server on this user folder (another scenario) created the owner: log in.
			setup = await post('/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
			call = 'POST /rest/login';
		}
		const cookie = setup.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (setup.status !== 200 || !cookie) {
			await process.stop();
			throw new RestError(`${call}: ${setup.status} ${await setup.text()}`);
		}
		server.cookie = cookie.split(';')[0];
		return server;
	}

	/** A REST call as the owner; throws on anything but 2xx unless `allowed` lists the status. */
	async rest<T>(method: string, path: string, body?: unknown, allowed: number[] = []): Promise<{ status: number; body: T }> {
		const res = await fetch(`${this.url}${path}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		if ((res.status < 200 || res.status >= 300) && !allowed.includes(res.status)) {
			throw new RestError(`${method} ${path}: ${res.status} ${text.slice(0, 2000)}`);
		}
		return { status: res.status, body: parsed as T };
	}

	/** Publishes the workflow's current version (n8n 2.x "activate"): its triggers register. */
	async activate(workflowId: string): Promise<void> {
		const { body } = await this.rest<{ data: { versionId?: string } }>('GET', `/rest/workflows/${workflowId}`);
		const versionId = body.data.versionId;
		if (!versionId) throw new RestError(`workflow ${workflowId} has no versionId to publish`);
		await this.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
	}

	/** Unpublishes the workflow: its triggers deregister. */
	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	/** The workflow's executions, newest first (as the editor's execution list shows them). */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { body } = await this.rest<{ data: { results: ExecutionSummary[] } }>('GET', `/rest/executions?filter=${filter}&limit=100`);
		return body.data.results.map((e) => ({ ...e, id: String(e.id) }));
	}

	/** One execution with its run data. */
	async execution(id: string): Promise<ExecutionDetail> {
		const { body } = await this.rest<{ data: Omit<ExecutionDetail, 'data'> & { data: string } }>('GET', `/rest/executions/${id}`);
		return { ...body.data, id: String(body.data.id), data: unflatten(body.data.data) as ExecutionDetail['data'] };
	}

	async stop(): Promise<void> {
		await this.process.stop();
	}
}

/**
 * The inverse of `flatted.stringify` (how n8n sends run data): a JSON array whose first entry is the
 * root, where every string inside an object or array is the index of the entry it stands for.
 */
export function unflatten(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		const value = input[index];
		if (typeof value !== 'object' || value === null) return value;
		if (revived.has(index)) return revived.get(index);
		const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		revived.set(index, out);
		for (const [key, entry] of Object.entries(value)) {
			(out as Record<string, unknown>)[key] = typeof entry === 'string' ? revive(Number(entry)) : entry;
		}
		return out;
	};
	return revive(0);
}

/** The items a node output in an execution's run data (first run, main output 0). */
export function runOutput(detail: ExecutionDetail, nodeName: string): Array<Record<string, unknown>> {
	const runs = detail.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run in execution ${detail.id}`);
	return (runs[0].data?.main[0] ?? []).map((item) => item.json);
}

/** Polls `probe` until it returns something other than undefined; throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}
