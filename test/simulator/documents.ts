/**
 * GET /envelopes/{id}/documents (Documents_GetDocuments) and
 * GET /envelopes/{id}/documents/{documentId} (Documents_GetDocument):
 *   N           → the uploaded bytes, unchanged
 *   combined    → one generated PDF listing the documents (+ certificate page with ?certificate=true)
 *   archive     → a real ZIP of every document's bytes plus Summary.pdf
 *   certificate → a generated certificate of completion (PDF)
 */
import { badRequest } from './errors';
import { documentsJson } from './envelopeJson';
import { findEnvelope } from './envelopes';
import { json, type SimResponse } from './http';
import { makePdf } from './pdf';
import type { RestCtx } from './restAuth';
import type { EnvelopeRecord } from './types';
import { truthy } from './util';
import { makeZip } from './zip';

export function listDocuments(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	return json(200, {
		envelopeId: env.envelopeId,
		envelopeDocuments: documentsJson(env, truthy(ctx.query.get('include_document_size'))),
	});
}

function certificateLines(env: EnvelopeRecord): string[] {
	return [
		'Certificate Of Completion',
		`Envelope Id: ${env.envelopeId}`,
		`Subject: ${env.emailSubject ?? ''}`,
		`Status: ${env.status}`,
		`Created: ${env.createdDateTime}`,
		...env.recipients.map((r) => `${r.name ?? r.roleName ?? ''} <${r.email ?? ''}>: ${r.status}${r.signedDateTime ? ` ${r.signedDateTime}` : ''}`),
	];
}

const certificatePdf = (env: EnvelopeRecord) => makePdf([certificateLines(env)], 'Certificate of Completion');

function pdfResponse(bytes: Buffer, filename: string, documentId: string, type = 'application/pdf'): SimResponse {
	return {
		status: 200,
		body: bytes,
		headers: {
			'Content-Type': type,
			'Content-Disposition': `file; filename="${filename.replace(/"/g, '')}"; documentid="${documentId}"`,
		},
	};
}

export function getDocument(ctx: RestCtx): SimResponse {
	return documentResponse(findEnvelope(ctx), ctx.params.documentId, truthy(ctx.query.get('certificate')));
}

/** The bytes of document N, combined, archive or certificate (also what the inbox's links open). */
export function documentResponse(env: EnvelopeRecord, id: string, withCertificate = false): SimResponse {
	switch (id) {
		case 'combined': {
			const pages = env.documents.map((d) => [`Document ${d.documentId}: ${d.name}`, `${d.bytes.length} bytes`]);
			if (withCertificate) pages.push(certificateLines(env));
			return pdfResponse(makePdf(pages, env.emailSubject), `${env.emailSubject ?? 'envelope'}.pdf`, 'combined');
		}
		case 'certificate':
			return pdfResponse(certificatePdf(env), 'Summary.pdf', 'certificate');
		case 'archive': {
			const files = env.documents.map((d) => ({
				name: /\.[A-Za-z0-9]+$/.test(d.name) ? d.name : `${d.name}.${d.fileExtension ?? 'pdf'}`,
				data: d.bytes,
			}));
			files.push({ name: 'Summary.pdf', data: certificatePdf(env) });
			return {
				status: 200,
				body: makeZip(files),
				headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `file; filename="${env.envelopeId}.zip"` },
			};
		}
		default: {
			const doc = env.documents.find((d) => d.documentId === id);
			if (!doc) throw badRequest('DOCUMENT_DOES_NOT_EXIST', 'The document specified was not found.');
			const type = (doc.fileExtension ?? 'pdf').toLowerCase() === 'pdf' ? 'application/pdf' : 'application/octet-stream';
			return pdfResponse(doc.bytes, doc.name, doc.documentId, type);
		}
	}
}
