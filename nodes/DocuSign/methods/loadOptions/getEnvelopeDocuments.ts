import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { parseEnvelopeId } from '../../actions/envelope/envelopeLocator';
import { apiRequest } from '../../transport';

/** The downloads every envelope has, whatever its documents. */
export const ENVELOPE_DOWNLOADS: INodePropertyOptions[] = [
	{
		name: 'Combined PDF (All Documents)',
		value: 'combined',
		description:
			'All documents merged into one PDF. Includes the certificate of completion when the account attaches it.',
	},
	{
		name: 'Certificate of Completion',
		value: 'certificate',
		description: 'The audit trail PDF: who signed when, from where, with which authentication',
	},
	{
		name: 'Archive (ZIP)',
		value: 'archive',
		description: 'A ZIP file with every document as a PDF and the certificate of completion',
	},
];

/** The chosen envelope's own documents (no certificate), one option per document ID. */
async function documentOptions(this: ILoadOptionsFunctions, envelopeId: string): Promise<INodePropertyOptions[]> {
	const response = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/documents`, {
		action: 'list the documents of the envelope',
	})) as { envelopeDocuments?: IDataObject[] };

	return (response.envelopeDocuments ?? [])
		.filter((document) => document.type !== 'summary' && document.documentId !== 'certificate')
		.map((document) => {
			const documentId = String(document.documentId);
			const pages = Array.isArray(document.pages) && document.pages.length ? `, ${document.pages.length} pages` : '';
			return {
				name: String(document.name ?? '').trim() || `Document ${documentId}`,
				value: documentId,
				description: `Document ${documentId} of the envelope, as a PDF${pages}`,
			};
		});
}

/**
 * The Download Document choices: combined, certificate, archive, then each document of the chosen
 * envelope (GET /envelopes/{id}/documents). Without a fixed envelope ID (empty or an expression)
 * only the first three are offered.
 */
export async function getEnvelopeDocuments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelopeId = parseEnvelopeId(this.getCurrentNodeParameter('envelopeId'));
	if (!envelopeId) return ENVELOPE_DOWNLOADS;
	return [...ENVELOPE_DOWNLOADS, ...(await documentOptions.call(this, envelopeId))];
}

/** The chosen envelope's documents only (Delete Document); none until an envelope is fixed. */
export async function getEnvelopeContentDocuments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelopeId = parseEnvelopeId(this.getCurrentNodeParameter('envelopeId'));
	return envelopeId ? await documentOptions.call(this, envelopeId) : [];
}
