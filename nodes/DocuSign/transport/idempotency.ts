import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ResolvedAccount } from './accounts';
import { apiRequest } from './request';
import { isAmbiguousFailure, MAX_TRANSIENT_RETRIES, clock } from './retry';

/** The envelope text custom field that carries the marker; hidden from recipients. */
export const MARKER_FIELD = 'n8nIdempotencyKey';

// How far back a marker is looked up: a derived marker only matters within its own run, a
// user's key (a CRM record ID, say) for re-runs of a failed workflow days later.
const DERIVED_LOOKBACK_DAYS = 2;
const USER_KEY_LOOKBACK_DAYS = 365;

export interface EnvelopeMarker {
	value: string;
	/** True when it comes from the user's "Idempotency Key" option. */
	fromUser: boolean;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

/**
 * The marker of one envelope create: the user's key when given, else one derived from workflow,
 * execution, node and item, so that a retry within the run finds what an earlier attempt made.
 */
export function envelopeMarker(context: IExecuteFunctions, itemIndex: number, userKey?: string): EnvelopeMarker {
	const key = String(userKey ?? '').trim();
	if (key) return { value: `k-${digest(`user:${key}`)}`, fromUser: true };
	const source = [context.getWorkflow().id, context.getExecutionId(), context.getNode().id, itemIndex].join(':');
	return { value: `r-${digest(source)}`, fromUser: false };
}

/** Adds the marker as a hidden text custom field to an envelope definition. */
export function withMarker(definition: IDataObject, marker: EnvelopeMarker): IDataObject {
	const customFields = (definition.customFields as IDataObject | undefined) ?? {};
	const textCustomFields = ((customFields.textCustomFields as IDataObject[] | undefined) ?? []).filter(
		(field) => field.name !== MARKER_FIELD,
	);
	textCustomFields.push({ name: MARKER_FIELD, value: marker.value, show: 'false', required: 'false' });
	return { ...definition, customFields: { ...customFields, textCustomFields } };
}

/** The envelope that already carries this marker, if any (one GET /envelopes). */
export async function findEnvelopeByMarker(
	this: IExecuteFunctions,
	marker: EnvelopeMarker,
	itemIndex: number,
	account: ResolvedAccount,
): Promise<IDataObject | undefined> {
	const days = marker.fromUser ? USER_KEY_LOOKBACK_DAYS : DERIVED_LOOKBACK_DAYS;
	const response = (await apiRequest.call(this, 'GET', '/envelopes', {
		qs: {
			from_date: new Date(clock.now() - days * 86_400_000).toISOString(),
			custom_field: `${MARKER_FIELD}=${marker.value}`,
			count: 1,
		},
		itemIndex,
		account,
		action: 'look up an envelope by its idempotency marker',
	})) as { envelopes?: IDataObject[] };
	return response?.envelopes?.[0];
}

export interface CreateOnceResult {
	envelope: IDataObject;
	/** The marker found an envelope that existed before this call (user key re-run). */
	alreadyExisted: boolean;
	/** A failure left the outcome open and the lookup found the envelope it had created. */
	recovered: boolean;
	attempts: number;
}

function failureOf(error: unknown): { status?: number; networkCode?: string } {
	if (!(error instanceof NodeApiError)) return {};
	const response = (error.errorResponse ?? {}) as { networkError?: string };
	return { status: error.httpCode ? Number(error.httpCode) : undefined, networkCode: response.networkError };
}

const isAmbiguous = (error: unknown) => error instanceof NodeApiError && isAmbiguousFailure(failureOf(error));

// DocuSign may still be working on a create we stopped waiting for: an empty lookup proves
// nothing yet, so look again a little later and never resend it.
const STILL_RUNNING_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const STILL_RUNNING_LOOKUP_DELAYS_MS = [0, 2000, 5000];

function mayStillBeRunning(error: unknown): boolean {
	const { status, networkCode } = failureOf(error);
	return status === 504 || (networkCode !== undefined && STILL_RUNNING_CODES.has(networkCode));
}

/**
 * Creates one envelope at most once per marker. With the user's key, an envelope that already
 * has it is returned without a create. After a failure that may have reached DocuSign (5xx, a
 * lost connection), the marker is looked up: the envelope that exists is returned, and only when
 * none does is the create sent again. `send` builds the request afresh for every attempt.
 */
export async function createEnvelopeOnce(
	this: IExecuteFunctions,
	options: {
		marker: EnvelopeMarker;
		itemIndex: number;
		account: ResolvedAccount;
		send: () => Promise<IDataObject>;
	},
): Promise<CreateOnceResult> {
	const { marker, itemIndex, account } = options;
	if (marker.fromUser) {
		const existing = await findEnvelopeByMarker.call(this, marker, itemIndex, account);
		if (existing) return { envelope: existing, alreadyExisted: true, recovered: false, attempts: 0 };
	}
	for (let attempt = 1; ; attempt++) {
		try {
			return { envelope: await options.send(), alreadyExisted: false, recovered: false, attempts: attempt };
		} catch (error) {
			if (!isAmbiguous(error) || attempt > MAX_TRANSIENT_RETRIES) {
				throw error instanceof NodeApiError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
			const stillRunning = mayStillBeRunning(error);
			for (const delayMs of stillRunning ? STILL_RUNNING_LOOKUP_DELAYS_MS : [0]) {
				if (delayMs) await clock.sleep(delayMs);
				const existing = await findEnvelopeByMarker.call(this, marker, itemIndex, account);
				if (existing) return { envelope: existing, alreadyExisted: false, recovered: true, attempts: attempt };
			}
			if (stillRunning) {
				throw new NodeApiError(this.getNode(), { marker: marker.value } as JsonObject, {
					message: 'DocuSign did not confirm the envelope in time, and it may still be created',
					description: `The create was not sent again, so no contract goes out twice. Look for it in DocuSign (envelope custom field ${MARKER_FIELD} = ${marker.value}). To re-run safely, set the create's Idempotency Key (e.g. a record ID): a re-run then returns the envelope if it exists.`,
					itemIndex,
				});
			}
			await clock.sleep(500 * 2 ** (attempt - 1));
		}
	}
}
