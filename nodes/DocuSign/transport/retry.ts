import { sleep } from 'n8n-workflow';

import { BURST_WINDOW_MS } from './rateLimit';

/** Time, in one place so tests can run retries without waiting. */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => await sleep(ms),
	random: (): number => Math.random(),
};

export const MAX_TRANSIENT_RETRIES = 3;
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
// Failures where the request may or may not have reached DocuSign.
const AMBIGUOUS_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT']);
// Failures where it certainly did not.
const UNSENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

export interface FailureFacts {
	status?: number;
	errorCode?: string;
	networkCode?: string;
	/** Epoch ms of the hourly reset, from X-RateLimit-Reset. */
	hourlyResetAt?: number;
}

export interface RetryBudget {
	/** Safe to send again after an ambiguous failure: GET, or a PUT that sets a status. */
	idempotent: boolean;
	/** How long rate-limit waits may take in all, for this request. */
	maxWaitMs: number;
	/** Retries already made for transient faults. */
	transientRetries: number;
	/** Rate-limit retries already made. */
	rateLimitRetries: number;
	/** Milliseconds already spent waiting for rate limits. */
	waitedMs: number;
}

export type RetryDecision =
	| { retry: true; delayMs: number; kind: 'rateLimit' | 'transient' }
	| { retry: false; reason?: 'hourlyLimitTooFar' | 'waitBudgetSpent' | 'envelopeHourlyLimit' };

/**
 * DocuSign's per-envelope service protection (HTTP 400, mixed-case codes, compared without case):
 * too many GETs (polling) or PUTs (updates) of one envelope within 30 seconds or within an hour.
 */
const ENVELOPE_BURST_CODES = new Set(['BURST_ENVELOPE_POLLING_LIMIT_EXCEEDED', 'BURST_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED']);
const ENVELOPE_HOURLY_CODES = new Set(['HOURLY_ENVELOPE_POLLING_LIMIT_EXCEEDED', 'HOURLY_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED']);

const codeOf = (facts: FailureFacts) => facts.errorCode?.toUpperCase();

export function isBurstLimit(facts: FailureFacts): boolean {
	return facts.status === 429 || codeOf(facts) === 'BURST_APIINVOCATION_LIMIT_EXCEEDED' || isEnvelopeBurstLimit(facts);
}

export function isHourlyLimit(facts: FailureFacts): boolean {
	return codeOf(facts) === 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED';
}

export function isEnvelopeBurstLimit(facts: FailureFacts): boolean {
	return ENVELOPE_BURST_CODES.has(codeOf(facts) ?? '');
}

/** An hourly per-envelope limit: the window slides over an hour and DocuSign says nothing of when it frees up. */
export function isEnvelopeHourlyLimit(facts: FailureFacts): boolean {
	return ENVELOPE_HOURLY_CODES.has(codeOf(facts) ?? '');
}

/** True when the request may have been processed although no answer came back. */
export function isAmbiguousFailure(facts: FailureFacts): boolean {
	if (facts.networkCode) return AMBIGUOUS_NETWORK_CODES.has(facts.networkCode);
	return facts.status !== undefined && TRANSIENT_STATUSES.has(facts.status);
}

const jitter = (ms: number) => Math.round(ms * (0.75 + clock.random() * 0.5));

/**
 * Whether and when to send a failed request again. Rate-limit refusals were not processed, so any
 * request may be resent within the wait budget; a 5xx or lost connection only for safe requests.
 */
export function decideRetry(facts: FailureFacts, budget: RetryBudget): RetryDecision {
	if (isEnvelopeHourlyLimit(facts)) return { retry: false, reason: 'envelopeHourlyLimit' };
	if (isHourlyLimit(facts)) {
		const until = facts.hourlyResetAt !== undefined ? facts.hourlyResetAt - clock.now() + 1000 : undefined;
		if (until === undefined || budget.waitedMs + until > budget.maxWaitMs) return { retry: false, reason: 'hourlyLimitTooFar' };
		return { retry: true, delayMs: Math.max(until, 0), kind: 'rateLimit' };
	}
	if (isBurstLimit(facts)) {
		const delayMs = Math.min(jitter(1000 * 2 ** budget.rateLimitRetries), BURST_WINDOW_MS);
		if (budget.waitedMs + delayMs > budget.maxWaitMs) return { retry: false, reason: 'waitBudgetSpent' };
		return { retry: true, delayMs, kind: 'rateLimit' };
	}
	const unsent = facts.networkCode !== undefined && UNSENT_NETWORK_CODES.has(facts.networkCode);
	if ((unsent || (budget.idempotent && isAmbiguousFailure(facts))) && budget.transientRetries < MAX_TRANSIENT_RETRIES) {
		return { retry: true, delayMs: jitter(500 * 2 ** budget.transientRetries), kind: 'transient' };
	}
	return { retry: false };
}
