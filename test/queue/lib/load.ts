/** Bounded webhook load: `count` POSTs, at most `concurrency` in flight, each with its own body. */

export interface CallResult {
	index: number;
	status: number;
	body: unknown;
	ms: number;
	error?: string;
}

export async function postJson(url: string, body: unknown, timeoutMs = 120_000): Promise<{ status: number; body: unknown }> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await res.text();
	try {
		return { status: res.status, body: JSON.parse(text) };
	} catch {
		return { status: res.status, body: text };
	}
}

export async function callWebhooks(
	url: string,
	count: number,
	concurrency: number,
	bodyOf: (index: number) => unknown,
	timeoutMs = 120_000,
): Promise<CallResult[]> {
	const results: CallResult[] = new Array(count);
	let next = 0;
	const lane = async () => {
		for (;;) {
			const index = next++;
			if (index >= count) return;
			const started = Date.now();
			try {
				const { status, body } = await postJson(url, bodyOf(index), timeoutMs);
				results[index] = { index, status, body, ms: Date.now() - started };
			} catch (error) {
				results[index] = { index, status: 0, body: undefined, ms: Date.now() - started, error: (error as Error).message };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
	return results;
}

/** Counts per key, e.g. executions per worker: `{ "worker-1": 104, "worker-2": 96 }`. */
export function tally<T>(items: Iterable<T>, keyOf: (item: T) => string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const item of items) {
		const key = keyOf(item);
		out[key] = (out[key] ?? 0) + 1;
	}
	return out;
}
