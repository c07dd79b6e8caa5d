/**
 * Changing the documents of an envelope that is not finished:
 *   PUT /envelopes/{id}/documents/{documentId} (Documents_PutDocument): the file is the body, its
 *     name in Content-Disposition (`filename="…"`); adds the document or replaces the one with that ID.
 *   DELETE /envelopes/{id}/documents (Documents_DeleteDocuments, body `envelopeDefinition` listing
 *     `documents[].documentId`): removes them and the tabs placed on them.
 * Spec: both for "draft or in-process" envelopes; delete: status "created", "sent" or "delivered".
 */
import { recordAudit } from './audit';
import { readJson } from './bodies';
import { badRequest } from './errors';
import { documentJson } from './envelopeJson';
import { findEnvelope } from './envelopes';
import { json, type SimResponse } from './http';
import { isPdf } from './pdf';
import type { RestCtx } from './restAuth';
import type { EnvelopeRecord } from './types';
import { asArray, dsDate, guid, str } from './util';

function changeableEnvelope(ctx: RestCtx, what: string): EnvelopeRecord {
	const env = findEnvelope(ctx);
	if (!['created', 'sent', 'delivered'].includes(env.status)) {
		throw badRequest('ENVELOPE_INVALID_STATUS', `Documents cannot be ${what} in a ${env.status} envelope: only drafts and envelopes in process can change.`);
	}
	return env;
}

/** `file; filename="Contract.pdf"; documentid=2; fileExtension=pdf` → its parameters. */
function dispositionParams(header: string | string[] | undefined): Record<string, string> {
	const params: Record<string, string> = {};
	for (const match of String(header ?? '').matchAll(/([\w*-]+)\s*=\s*(?:"([^"]*)"|([^;]*))/g)) {
		params[match[1].toLowerCase()] = (match[2] ?? match[3] ?? '').trim();
	}
	return params;
}

export function putDocument(ctx: RestCtx): SimResponse {
	const env = changeableEnvelope(ctx, 'added or replaced');
	const documentId = ctx.params.documentId;
	const number = Number(documentId);
	// Spec (documentId path parameter): "any numbering scheme that fits within a 32-bit signed integer (1 through 2147483647)".
	if (!/^\d+$/.test(documentId) || number < 1 || number > 2147483647) {
		throw badRequest('INVALID_REQUEST_PARAMETER', `The document ID "${documentId}" is not a number from 1 to 2147483647.`);
	}
	// docusign-esign-java-client issue #213: an empty body answers FORMAT_CONVERSION_ERROR.
	if (!ctx.body.length) throw badRequest('FORMAT_CONVERSION_ERROR', 'The data could not be converted. The document is empty.');
	const params = dispositionParams(ctx.headers['content-disposition']);
	// csharp client issues #108 and #357, ruby client issue #126: without it DocuSign refuses the upload.
	if (!params.filename) {
		throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. A filename was not found in the Content-Disposition header (\'filename="filename.ext"\'');
	}
	const existing = env.documents.find((d) => d.documentId === documentId);
	const name = params.filename;
	const fileExtension =
		params.fileextension || /\.([A-Za-z0-9]+)$/.exec(name)?.[1] || (/pdf/i.test(ctx.contentType) ? 'pdf' : existing?.fileExtension);
	if ((fileExtension ?? 'pdf').toLowerCase() === 'pdf' && !isPdf(ctx.body)) {
		throw badRequest('PDF_VALIDATION_FAILED', `The validation of the PDF file failed. Document ${documentId} does not start with %PDF-.`);
	}
	const record = { documentId, documentIdGuid: guid(), name, fileExtension, order: existing?.order ?? Math.max(0, ...env.documents.map((d) => d.order)) + 1, bytes: Buffer.from(ctx.body) };
	env.documents = existing ? env.documents.map((d) => (d === existing ? record : d)) : [...env.documents, record];
	env.lastModifiedDateTime = dsDate();
	if (env.status !== 'created') recordAudit(env, { action: 'Correct', message: `Document ${documentId} (${name}) was ${existing ? 'replaced' : 'added'}`, actor: senderOf(ctx) });
	return json(200, documentJson(env, record));
}

export function deleteDocuments(ctx: RestCtx): SimResponse {
	const env = changeableEnvelope(ctx, 'removed');
	const body = readJson(ctx, 'envelopeDefinition');
	const ids = asArray(body.documents).map((d) => str(d.documentId) ?? '');
	if (!ids.length) throw badRequest('INVALID_REQUEST_BODY', 'The request body is missing or improperly formatted. List the documents to delete under documents[].documentId.');
	const removed = ids.map((id) => {
		const doc = env.documents.find((d) => d.documentId === id);
		if (!doc) throw badRequest('DOCUMENT_DOES_NOT_EXIST', `The document specified was not found. Document ID: ${id}`);
		return doc;
	});
	env.documents = env.documents.filter((d) => !removed.includes(d));
	for (const r of env.recipients) {
		for (const [kind, tabs] of Object.entries(r.tabs ?? {})) r.tabs![kind] = tabs.filter((tab) => !ids.includes(String(tab.documentId ?? '')));
	}
	env.lastModifiedDateTime = dsDate();
	if (env.status !== 'created') recordAudit(env, { action: 'Correct', message: `Document(s) ${ids.join(', ')} removed`, actor: senderOf(ctx) });
	return json(200, { envelopeId: env.envelopeId, envelopeDocuments: removed.map((d) => documentJson(env, d)) });
}

const senderOf = (ctx: RestCtx) => ({ name: ctx.user.name, userId: ctx.user.userId });
