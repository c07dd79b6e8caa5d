import type { IDataObject } from 'n8n-workflow';

/** What DocuSign's last response said about an account's API limits. */
export interface RateLimitState {
	hourlyLimit?: number;
	hourlyRemaining?: number;
	/** Epoch milliseconds at which the hourly allowance resets. */
	hourlyResetAt?: number;
	burstLimit?: number;
	burstRemaining?: number;
	seenAt: number;
}

/** DocuSign counts its burst limit over 30 seconds (200 calls on demo, 500 in production). */
export const BURST_WINDOW_MS = 30_000;

/**
 * Items the node runs at once unless "Requests in Parallel" says otherwise. One, as n8n's own
 * nodes do: a run that fails without "Continue On Fail" then stops exactly at the failed item,
 * with no envelope sent for the items after it.
 */
export const DEFAULT_PARALLEL_REQUESTS = 1;
/** More than this only reaches the burst limit sooner: 500 per 30 s is about 8 calls of 0.5 s at once. */
export const MAX_PARALLEL_REQUESTS = 10;

// The share of the burst allowance kept free for calls already under way and for other apps.
const BURST_RESERVE_SHARE = 0.1;

const states = new Map<string, RateLimitState>();
// Start times of this process's calls per account within the burst window, oldest first.
const ownCalls = new Map<string, number[]>();

function headerNumber(headers: IDataObject | undefined, name: string): number | undefined {
	if (!headers) return undefined;
	const value = headers[name] ?? headers[name.toLowerCase()];
	const number = Number(Array.isArray(value) ? value[0] : value);
	return value === undefined || value === null || value === '' || !Number.isFinite(number) ? undefined : number;
}

/** Reads X-RateLimit-* and X-BurstLimit-* from a response's headers. */
export function parseRateLimitHeaders(headers: IDataObject | undefined, now: number): RateLimitState | undefined {
	const state: RateLimitState = {
		hourlyLimit: headerNumber(headers, 'x-ratelimit-limit'),
		hourlyRemaining: headerNumber(headers, 'x-ratelimit-remaining'),
		burstLimit: headerNumber(headers, 'x-burstlimit-limit'),
		burstRemaining: headerNumber(headers, 'x-burstlimit-remaining'),
		seenAt: now,
	};
	const reset = headerNumber(headers, 'x-ratelimit-reset');
	if (reset !== undefined) state.hourlyResetAt = reset * 1000;
	const known = Object.entries(state).some(([key, value]) => key !== 'seenAt' && value !== undefined);
	return known ? state : undefined;
}

/** Keeps the newest rate-limit figures per account, for waiting and for pacing parallel requests. */
export function recordRateLimit(accountId: string, headers: IDataObject | undefined, now: number): RateLimitState | undefined {
	const state = parseRateLimitHeaders(headers, now);
	if (state) states.set(accountId, state);
	return state;
}

export function rateLimitOf(accountId: string): RateLimitState | undefined {
	return states.get(accountId);
}

/**
 * How long to hold the next call to an account, and books its start. While DocuSign's last answer
 * (within the burst window) leaves more than a tenth of the burst allowance, no wait. Below that,
 * a call waits until enough of this process's earlier calls have left the 30 s window (or, when
 * the window holds other apps' calls, one window / limit per call), so that items running in
 * parallel slow down to what DocuSign allows instead of running into BURST_APIINVOCATION_LIMIT_EXCEEDED.
 */
export function burstPauseMs(accountId: string, now: number): number {
	const times = ownCalls.get(accountId) ?? [];
	ownCalls.set(accountId, times);
	const left = times.findIndex((time) => time > now - BURST_WINDOW_MS);
	times.splice(0, left === -1 ? times.length : left);
	const state = states.get(accountId);
	let startAt = now;
	if (state?.burstLimit && state.burstRemaining !== undefined && now - state.seenAt <= BURST_WINDOW_MS) {
		let startedSince = 0;
		while (startedSince < times.length && times[times.length - 1 - startedSince] > state.seenAt) startedSince++;
		const inWindow = state.burstLimit - state.burstRemaining + startedSince;
		const excess = inWindow - (state.burstLimit - Math.max(1, Math.ceil(state.burstLimit * BURST_RESERVE_SHARE)));
		if (excess >= 0) {
			startAt =
				excess < times.length
					? Math.max(now, times[excess] + BURST_WINDOW_MS)
					: now + ((excess + 1) * BURST_WINDOW_MS) / state.burstLimit;
		}
	}
	let at = times.length;
	while (at > 0 && times[at - 1] > startAt) at--;
	times.splice(at, 0, startAt);
	return startAt - now;
}

/** Test hook. */
export function clearRateLimits(): void {
	states.clear();
	ownCalls.clear();
}
