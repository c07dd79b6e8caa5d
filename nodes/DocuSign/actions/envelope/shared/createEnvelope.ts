import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, createEnvelopeOnce, envelopeMarker, withMarker, type ResolvedAccount } from '../../../transport';
import { buildMultipartBody, type DocumentUpload } from './documents';

export interface CreatedEnvelope {
	/** DocuSign's create response, or the earlier envelope the Idempotency Key found. */
	envelope: IDataObject;
	alreadyExisted: boolean;
	/** The definition as sent (with the idempotency marker). */
	definition: IDataObject;
}

/**
 * POST /envelopes at most once per idempotency marker: as JSON, or as multipart with the
 * documents' bytes when there are documents. The multipart body is built on the first attempt
 * only and reused by any later one (a Buffer can be sent again; a stream could not).
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
	const definition = withMarker(options.definition, marker);
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
	const result = await createEnvelopeOnce.call(this, { marker, itemIndex, account, send });
	return { envelope: result.envelope, alreadyExisted: result.alreadyExisted, definition };
}
