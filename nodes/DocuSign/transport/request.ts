import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { forgetAccounts, resolveAccount, type ResolvedAccount } from './accounts';
import { credentialTypeOf, type DocuSignFunctions } from './credentials';
import { parseDocuSignErrorBody, readFailure, toDocuSignError } from './errors';
import { burstPauseMs, recordRateLimit, type RateLimitState } from './rateLimit';
import { clock, decideRetry, type FailureFacts, type RetryBudget } from './retry';
import { requestWithAuthentication } from './rotatedToken';

// DocuSign says the user left the account or it moved: the cached userinfo is stale.
const MEMBERSHIP_CODES = new Set(['USER_LACKS_MEMBERSHIP', 'INVALID_USERID', 'USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT']);

export const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 60;

// n8n's own default is 5 minutes for every call; a REST call that takes a minute has failed.
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
const TRANSFER_TIMEOUT_MS = 300_000;

export interface ApiRequestOptions {
	body?: IHttpRequestOptions['body'];
	qs?: IDataObject;
	headers?: IDataObject;
	/** 'arraybuffer' for document downloads. */
	encoding?: IHttpRequestOptions['encoding'];
	/** Resolve with `{ body, headers, statusCode }` instead of the body. */
	returnFullResponse?: boolean;
	itemIndex?: number;
	/** What the call does, for error messages: "create the envelope". */
	action: string;
	/** The account to call; resolved from the credential when absent. */
	account?: ResolvedAccount;
	/** Another DocuSign API's base URL for the account (Web Forms, Maestro, Click) instead of eSignature's. */
	baseUrl?: string;
	/**
	 * Safe to send again after a 5xx or a lost connection. Defaults to true for GET and DELETE;
	 * PUTs that only set a status pass true. Creates never do: they are made safe by their marker.
	 */
	idempotent?: boolean;
}

/** The node's "Max Wait for Rate Limits" in milliseconds (dropdowns and hooks use the default). */
function maxRateLimitWaitMs(context: DocuSignFunctions, itemIndex: number): number {
	const seconds =
		'getInputData' in context
			? ((context as IExecuteFunctions).getNodeParameter(
					'requestOptions.maxRateLimitWait',
					itemIndex,
					DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
				) as number)
			: DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS;
	return Math.max(0, Number(seconds) || 0) * 1000;
}

/**
 * How long one call may wait for DocuSign's answer: the node's "Request Timeout", else 60 s, and
 * 5 minutes for document uploads and downloads. A timeout counts as a lost answer (ambiguous).
 */
function requestTimeoutMs(context: DocuSignFunctions, itemIndex: number, transfer: boolean): number {
	const seconds =
		'getInputData' in context
			? Number((context as IExecuteFunctions).getNodeParameter('requestOptions.timeout', itemIndex, 0))
			: 0;
	if (seconds > 0) return seconds * 1000;
	return transfer ? TRANSFER_TIMEOUT_MS : DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000;
}

function isSingleUseBody(body: unknown): boolean {
	return !!body && typeof body === 'object' && ('pipe' in body || body instanceof ReadableStream);
}

/** Why the node stopped waiting for a rate limit, for the error's description. */
function rateLimitDetail(reason: string | undefined, rate: RateLimitState | undefined, waitedMs: number): string | undefined {
	if (reason === 'hourlyLimitTooFar' && rate?.hourlyResetAt) {
		return `The limit of ${rate.hourlyLimit ?? 'calls'} per hour resets at ${new Date(rate.hourlyResetAt).toISOString()}, beyond the node's "Max Wait for Rate Limits".`;
	}
	if (reason === 'envelopeHourlyLimit') {
		return 'The node does not wait for it: the hour slides and DocuSign does not say when the envelope frees up.';
	}
	if (reason === 'waitBudgetSpent') {
		return `The node waited ${Math.round(waitedMs / 1000)} s in all, its "Max Wait for Rate Limits" (under "Rate Limits and Retries"), and DocuSign still refused.`;
	}
	return undefined;
}

/**
 * One eSignature REST call, relative to the resolved account: `/envelopes/{id}`. Waits out rate
 * limits within the node's budget, retries safe requests on transient faults, and turns every
 * failure into an actionable NodeApiError.
 */
export async function apiRequest(
	this: DocuSignFunctions,
	method: IHttpRequestMethods,
	path: string,
	options: ApiRequestOptions,
): Promise<unknown> {
	const itemIndex = options.itemIndex ?? 0;
	const account = options.account ?? (await resolveAccount.call(this, itemIndex));
	const request: IHttpRequestOptions = {
		method,
		url: `${options.baseUrl ?? account.restBaseUrl}${path}`,
		qs: options.qs,
		headers: options.headers,
		body: options.body,
		json: options.encoding === undefined,
		encoding: options.encoding,
		returnFullResponse: true,
		timeout: requestTimeoutMs(this, itemIndex, Buffer.isBuffer(options.body) || options.encoding !== undefined),
	};
	const budget: RetryBudget = {
		idempotent: options.idempotent ?? (method === 'GET' || method === 'DELETE'),
		maxWaitMs: maxRateLimitWaitMs(this, itemIndex),
		transientRetries: 0,
		rateLimitRetries: 0,
		waitedMs: 0,
	};
	const resendable = !isSingleUseBody(options.body);
	for (;;) {
		const pause = burstPauseMs(account.accountId, clock.now());
		if (pause > 0) await clock.sleep(pause);
		try {
			const response = (await requestWithAuthentication(
				this,
				credentialTypeOf(this),
				request,
				resendable,
			)) as IN8nHttpFullResponse;
			recordRateLimit(account.accountId, response.headers as IDataObject, clock.now());
			return options.returnFullResponse ? response : response.body;
		} catch (error) {
			const failure = readFailure(error);
			const rate = recordRateLimit(account.accountId, failure.headers, clock.now());
			const facts: FailureFacts = {
				status: failure.status,
				errorCode: parseDocuSignErrorBody(failure.body).errorCode,
				networkCode: failure.networkCode,
				hourlyResetAt: rate?.hourlyResetAt,
			};
			const decision = resendable ? decideRetry(facts, budget) : { retry: false as const };
			if (decision.retry) {
				if (decision.kind === 'rateLimit') {
					budget.rateLimitRetries++;
					budget.waitedMs += decision.delayMs;
				} else {
					budget.transientRetries++;
				}
				await clock.sleep(decision.delayMs);
				continue;
			}
			const detail = rateLimitDetail('reason' in decision ? decision.reason : undefined, rate, budget.waitedMs);
			const nodeError = toDocuSignError(this.getNode(), error, { action: options.action, itemIndex, detail });
			if (MEMBERSHIP_CODES.has(String(nodeError.errorResponse?.errorCode))) forgetAccounts(account.cacheKey);
			// An earlier attempt may have gone through: callers of status changes check for that.
			nodeError.context.transientRetries = budget.transientRetries;
			throw nodeError;
		}
	}
}
