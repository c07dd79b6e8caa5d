import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
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

function isAmbiguous(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const response = (error.errorResponse ?? {}) as { networkError?: string };
	const status = error.httpCode ? Number(error.httpCode) : undefined;
	return isAmbiguousFailure({ status, networkCode: response.networkError });
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
			const existing = await findEnvelopeByMarker.call(this, marker, itemIndex, account);
			if (existing) return { envelope: existing, alreadyExisted: false, recovered: true, attempts: attempt };
			await clock.sleep(500 * 2 ** (attempt - 1));
		}
	}
}
