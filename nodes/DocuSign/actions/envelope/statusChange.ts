import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { checkUpdateSummary } from './envelopeData';

// What DocuSign answers when the envelope is no longer in the state the change needs.
const WRONG_STATE_CODES = new Set([
	'ENVELOPE_INVALID_STATUS',
	'ENVELOPE_CANNOT_SEND_INVALID_STATE',
	'ENVELOPE_CANNOT_VOID_INVALID_STATE',
]);

/**
 * Sets an envelope's status (send a draft, void). The PUT is safe to repeat, so transport retries
 * it after a 5xx or a lost connection; when the retry is refused because the envelope already has
 * the wanted status, the first attempt went through and the change counts as done.
 */
export async function changeEnvelopeStatus(
	this: IExecuteFunctions,
	envelopeId: string,
	body: IDataObject & { status: string },
	itemIndex: number,
	action: string,
): Promise<void> {
	try {
		const summary = (await apiRequest.call(this, 'PUT', `/envelopes/${envelopeId}`, {
			body,
			itemIndex,
			action,
			idempotent: true,
		})) as IDataObject;
		checkUpdateSummary.call(this, summary, itemIndex, action);
	} catch (error) {
		if (!(await firstAttemptWentThrough.call(this, error, envelopeId, body.status, itemIndex))) {
			throw error instanceof NodeApiError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
}

async function firstAttemptWentThrough(
	this: IExecuteFunctions,
	error: unknown,
	envelopeId: string,
	wantedStatus: string,
	itemIndex: number,
): Promise<boolean> {
	if (!(error instanceof NodeApiError) || !error.context.transientRetries) return false;
	if (!WRONG_STATE_CODES.has(String(error.errorResponse?.errorCode))) return false;
	const envelope = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}`, {
		itemIndex,
		action: 'check the envelope\'s status',
	})) as IDataObject;
	return envelope.status === wantedStatus;
}
