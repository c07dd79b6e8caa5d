/** Assertions that explain themselves with what n8n and the simulator did. */
import { describe, errorText, failed, succeeded, tail, type Execution } from './n8n';
import type { Since } from './sim';

export class CheckError extends Error {}

export function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new CheckError(message);
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	check(a === e, `${what}: expected ${e}, got ${a}`);
}

export function expectSuccess(e: Execution): void {
	check(succeeded(e), `expected the execution to succeed; ${describe(e)}\n${tail(e.stdout + e.stderr, 25)}`);
}

/** Expects a node error; returns the error text a user would read (message and description). */
export function expectFailure(e: Execution): string {
	check(failed(e), `expected the execution to fail with a node error; ${describe(e)}\n${tail(e.stdout + e.stderr, 25)}`);
	return errorText(e);
}

/** Each named counter grew by exactly this much (0 = did not move); others are not looked at. */
export function expectCounters(since: Since, expected: Record<string, number>): void {
	const wrong = Object.entries(expected).filter(([key, n]) => (since.counters[key] ?? 0) !== n);
	check(
		wrong.length === 0,
		`simulator counters: expected ${JSON.stringify(expected)}, got ${JSON.stringify(since.counters)}; calls: ${since.log.map((l) => `${l.endpoint}→${l.status}`).join(', ')}`,
	);
}

/** Secrets must never reach a node's output or error. */
export function expectNoSecrets(text: string, secrets: string[]): void {
	for (const secret of secrets) {
		if (!secret) continue;
		const probe = secret.includes('PRIVATE KEY') ? secret.split('\n')[1] ?? secret : secret;
		check(!text.includes(probe), `a secret (${probe.slice(0, 12)}…) appears in the output`);
	}
}
