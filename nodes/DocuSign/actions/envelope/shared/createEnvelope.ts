import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import {
	apiRequest,
	createEnvelopeOnce,
	envelopeMarker,
	needsCustomFields,
	readAccountCustomFields,
	withMarker,
	type ResolvedAccount,
} from '../../../transport';
import { buildMultipartBody, type DocumentUpload } from './documents';
import type { EnvelopeOptions } from './options';

export interface CreatedEnvelope {
	/** DocuSign's create response, or the earlier envelope the Idempotency Key found. */
	envelope: IDataObject;
	alreadyExisted: boolean;
	/** The definition as sent (with the idempotency marker). */
	definition: IDataObject;
}

/**
 * What duplicate protection cannot work with, refused before any DocuSign call: the node sets the
 * envelope's transactionId itself, and with compositeTemplates DocuSign ignores envelope-level
 * custom fields (they belong in an inline template), which the Idempotency Key and Options →
 * Custom Fields need.
 */
export function checkDuplicateProtection(context: IExecuteFunctions, itemIndex: number, options: EnvelopeOptions): void {
	const { advanced, fields, idempotencyKey } = options;
	if (advanced.transactionId !== undefined) {
		throw inputError(
			context,
			itemIndex,
			'Options → Advanced (JSON) sets "transactionId", which the node sets itself',
			'The node gives every create its own transactionId, so that a retry finds the envelope instead of sending it twice. Remove "transactionId"; to make re-runs safe, set Options → Idempotency Key.',
		);
	}
	if (advanced.compositeTemplates === undefined) return;
	const envelopeFields = fields.customFields !== undefined || advanced.customFields !== undefined;
	if (idempotencyKey || envelopeFields) {
		throw inputError(
			context,
			itemIndex,
			idempotencyKey
				? 'Idempotency Key cannot be used with compositeTemplates in Options → Advanced (JSON)'
				: 'Envelope custom fields are ignored by DocuSign when Options → Advanced (JSON) has compositeTemplates',
			'With compositeTemplates, DocuSign takes envelope custom fields only from an inline template, so put them into the inlineTemplates of your last composite template. The Idempotency Key is kept in an envelope custom field: remove it (retries within the run stay protected by the transactionId), or create the envelope without compositeTemplates.',
		);
	}
}

/**
 * POST /envelopes at most once per idempotency marker: as JSON, or as multipart with the
 * documents' bytes when there are documents. The multipart body is built on the first attempt
 * only and reused by any later one (a Buffer can be sent again; a stream could not). When the
 * create sends custom fields (the Idempotency Key, or the user's), the account's own envelope
 * custom fields are read once per run and sent with them, as DocuSign would otherwise drop them.
 */
export async function createEnvelope(
	this: IExecuteFunctions,
	options: {
		itemIndex: number;
		account: ResolvedAccount;
		definition: IDataObject;
		idempotencyKey: string;
		action: string;
		documents?: DocumentUpload[];
	},
): Promise<CreatedEnvelope> {
	const { itemIndex, account, documents, action } = options;
	const marker = envelopeMarker(this, itemIndex, options.idempotencyKey);
	// Built before the first create: an Idempotency Key that finds its envelope needs no account fields.
	let definition = withMarker(options.definition, marker);
	const prepare = async () => {
		if (!needsCustomFields(options.definition, marker)) return;
		definition = withMarker(options.definition, marker, await readAccountCustomFields.call(this, account, itemIndex));
	};
	let multipart: { body: Buffer; contentType: string } | undefined;
	const send = async (): Promise<IDataObject> => {
		if (!documents?.length) {
			return (await apiRequest.call(this, 'POST', '/envelopes', { body: definition, itemIndex, account, action })) as IDataObject;
		}
		multipart ??= await buildMultipartBody.call(this, itemIndex, definition, documents);
		return (await apiRequest.call(this, 'POST', '/envelopes', {
			body: multipart.body,
			headers: { 'Content-Type': multipart.contentType },
			itemIndex,
			account,
			action,
		})) as IDataObject;
	};
	const result = await createEnvelopeOnce.call(this, { marker, itemIndex, account, prepare, send });
	return { envelope: result.envelope, alreadyExisted: result.alreadyExisted, definition };
}
