import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withAccountFields, type CustomFieldSet } from './accountCustomFields';
import type { ResolvedAccount } from './accounts';
import { apiRequest } from './request';
import { isAmbiguousFailure, MAX_TRANSIENT_RETRIES, clock } from './retry';

/** The envelope text custom field that carries a user's Idempotency Key; never shown to recipients. */
export const MARKER_FIELD = 'n8nIdempotencyKey';

/**
 * Every status the spec lists for GET /envelopes. DocuSign leaves drafts ("created") out unless
 * `status` names them, and an empty status or "any" does not (docusign-esign-node-client #233).
 */
export const EVERY_ENVELOPE_STATUS = 'completed,created,declined,deleted,delivered,processing,sent,signed,timedout,voided';

// A user's key (a CRM record ID, say) is for re-runs of a failed workflow days later.
const USER_KEY_LOOKBACK_DAYS = 365;

export interface EnvelopeMarker {
	/**
	 * The create's DocuSign transactionId, derived from workflow, execution, node and item: a retry
	 * within the run finds what an earlier attempt made (DocuSign keeps it 7 days; Connect events carry it).
	 */
	transactionId: string;
	/** The user's Idempotency Key as the value of the MARKER_FIELD custom field, when set: found for a year. */
	userKey?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** A GUID-shaped digest: DocuSign suggests GUIDs as transaction IDs. */
function guidOf(text: string): string {
	const hex = digest(text).slice(0, 32);
	return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** The marker of one envelope create (see EnvelopeMarker). */
export function envelopeMarker(context: IExecuteFunctions, itemIndex: number, userKey?: string): EnvelopeMarker {
	const key = String(userKey ?? '').trim();
	const source = [context.getWorkflow().id, context.getExecutionId(), context.getNode().id, itemIndex].join(':');
	return { transactionId: guidOf(source), ...(key ? { userKey: `k-${digest(`user:${key}`).slice(0, 40)}` } : {}) };
}

/**
 * The definition with the marker: always the transactionId; with a user's key also the hidden
 * MARKER_FIELD custom field, added to the account's own fields (`accountFields`, see
 * withAccountFields), because custom fields in a create replace the account's. The account's
 * fields are also merged under custom fields the user set. Nothing else touches customFields, so
 * DocuSign gives the envelope the account's fields with their defaults.
 */
export function withMarker(definition: IDataObject, marker: EnvelopeMarker, accountFields?: CustomFieldSet): IDataObject {
	const marked: IDataObject = { ...definition, transactionId: marker.transactionId };
	if (!needsCustomFields(definition, marker)) return marked;
	const fields = withAccountFields(accountFields ?? { textCustomFields: [], listCustomFields: [] }, definition.customFields);
	if (marker.userKey) {
		fields.textCustomFields = fields.textCustomFields.filter((field) => field.name !== MARKER_FIELD);
		fields.textCustomFields.push({ name: MARKER_FIELD, value: marker.userKey, show: 'false', required: 'false' });
	}
	marked.customFields = { ...fields };
	return marked;
}

/** Whether the create sends customFields, so that the account's fields must go with them. */
export function needsCustomFields(definition: IDataObject, marker: EnvelopeMarker): boolean {
	return marker.userKey !== undefined || definition.customFields !== undefined;
}

async function listOne(this: IExecuteFunctions, qs: IDataObject, itemIndex: number, account: ResolvedAccount) {
	const response = (await apiRequest.call(this, 'GET', '/envelopes', {
		qs: { ...qs, status: EVERY_ENVELOPE_STATUS },
		itemIndex,
		account,
		action: 'look up an envelope by its idempotency marker',
	})) as { envelopes?: IDataObject[] };
	return response?.envelopes?.[0];
}

/** The envelope this run's create made, found by its transactionId (one GET /envelopes; drafts included). */
export async function findEnvelopeByTransactionId(
	this: IExecuteFunctions,
	marker: EnvelopeMarker,
	itemIndex: number,
	account: ResolvedAccount,
): Promise<IDataObject | undefined> {
	return await listOne.call(this, { transaction_ids: marker.transactionId }, itemIndex, account);
}

/** The envelope that already carries the user's Idempotency Key (one GET /envelopes; drafts included). */
export async function findEnvelopeByUserKey(
	this: IExecuteFunctions,
	marker: EnvelopeMarker,
	itemIndex: number,
	account: ResolvedAccount,
): Promise<IDataObject | undefined> {
	if (!marker.userKey) return undefined;
	return await listOne.call(
		this,
		{
			from_date: new Date(clock.now() - USER_KEY_LOOKBACK_DAYS * 86_400_000).toISOString(),
			custom_field: `${MARKER_FIELD}=${marker.userKey}`,
			count: 1,
		},
		itemIndex,
		account,
	);
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
 * lost connection), the transactionId is looked up: the envelope that exists is returned, and only
 * when none does is the create sent again. `send` builds the request afresh for every attempt.
 */
export async function createEnvelopeOnce(
	this: IExecuteFunctions,
	options: {
		marker: EnvelopeMarker;
		itemIndex: number;
		account: ResolvedAccount;
		/** Runs once before the first create (not when the user's key found an envelope). */
		prepare?: () => Promise<void>;
		send: () => Promise<IDataObject>;
	},
): Promise<CreateOnceResult> {
	const { marker, itemIndex, account } = options;
	if (marker.userKey) {
		const existing = await findEnvelopeByUserKey.call(this, marker, itemIndex, account);
		if (existing) return { envelope: existing, alreadyExisted: true, recovered: false, attempts: 0 };
	}
	await options.prepare?.();
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
				const existing = await findEnvelopeByTransactionId.call(this, marker, itemIndex, account);
				if (existing) return { envelope: existing, alreadyExisted: false, recovered: true, attempts: attempt };
			}
			if (stillRunning) {
				const where = marker.userKey
					? `envelope custom field ${MARKER_FIELD} = ${marker.userKey}, transactionId ${marker.transactionId}`
					: `transactionId ${marker.transactionId}`;
				throw new NodeApiError(this.getNode(), { transactionId: marker.transactionId } as JsonObject, {
					message: 'DocuSign did not confirm the envelope in time, and it may still be created',
					description: `The create was not sent again, so no contract goes out twice. Look for it in DocuSign (${where}; drafts included). To re-run safely, set the create's Idempotency Key (e.g. a record ID): a re-run then returns the envelope if it exists.`,
					itemIndex,
				});
			}
			await clock.sleep(500 * 2 ** (attempt - 1));
		}
	}
}
