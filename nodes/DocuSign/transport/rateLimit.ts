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

const states = new Map<string, RateLimitState>();

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

/** Test hook. */
export function clearRateLimits(): void {
	states.clear();
}
