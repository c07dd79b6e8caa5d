import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	envelopeRLC,
	{
		displayName: 'Document Name or ID',
		name: 'documentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEnvelopeDocuments', loadOptionsDependsOn: ['envelopeId.value'] },
		default: 'combined',
		description:
			'What to download: "combined", "certificate", "archive" or a document ID ("1", "2", …). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Attach Certificate of Completion',
				name: 'certificate',
				type: 'boolean',
				default: true,
				description:
					'Whether the combined PDF ends with the certificate of completion. Without this option the account\'s setting decides. Only for the combined PDF.',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.customer }}_contract.pdf',
				description:
					'Name of the output file. Default: &lt;envelope ID&gt;_combined.pdf, _certificate.pdf or _archive.zip, or the document\'s own name as a PDF.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['downloadDocument'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const SPECIAL: Record<string, { suffix: string; mimeType: string; action: string }> = {
	combined: { suffix: 'combined.pdf', mimeType: 'application/pdf', action: 'download the combined PDF' },
	certificate: { suffix: 'certificate.pdf', mimeType: 'application/pdf', action: 'download the certificate of completion' },
	archive: { suffix: 'archive.zip', mimeType: 'application/zip', action: 'download the envelope archive' },
};

/** The file name of a Content-Disposition header (`file; filename="Contract.pdf"; documentid="1"`). */
function fileNameFromDisposition(header: unknown): string | undefined {
	const value = Array.isArray(header) ? String(header[0] ?? '') : String(header ?? '');
	const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(value);
	if (encoded) {
		try {
			return decodeURIComponent(encoded[1].trim());
		} catch {
			return undefined;
		}
	}
	const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(value);
	const name = (plain?.[1] ?? plain?.[2])?.trim();
	return name || undefined;
}

/** No path separators, control or reserved characters in a file name. */
function safeFileName(name: string): string {
	return name
		.replace(/[\\/:*?"<>|]/g, '_')
		.split('')
		.filter((char) => char.charCodeAt(0) >= 32)
		.join('')
		.trim();
}

/** DocuSign returns documents as PDFs whatever was uploaded, so "Contract.docx" becomes "Contract.pdf". */
function pdfNameIf(isPdf: boolean, name: string): string {
	if (!isPdf || /\.pdf$/i.test(name)) return name;
	return `${name.replace(/\.(docx?|xlsx?|pptx?|rtf|txt|html?|odt|png|jpe?g|gif|tiff?)$/i, '')}.pdf`;
}

function sniffMimeType(data: Buffer): string {
	if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
	if (data.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') return 'application/zip';
	return 'application/octet-stream';
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const documentId = String(this.getNodeParameter('documentId', itemIndex, 'combined') ?? '').trim();
	const binaryPropertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	if (!documentId || !/^[A-Za-z0-9_-]{1,100}$/.test(documentId)) {
		throw new NodeOperationError(
			this.getNode(),
			documentId ? `Document: "${documentId}" is not a document ID` : 'Document: choose what to download',
			{
				itemIndex,
				description: 'Use "combined", "certificate", "archive" or the documentId of one of the envelope\'s documents ("1", "2", …).',
			},
		);
	}
	if (!binaryPropertyName) {
		throw new NodeOperationError(this.getNode(), 'Put Output File in Field: enter a field name, e.g. "data"', { itemIndex });
	}

	const special = SPECIAL[documentId];
	const qs: IDataObject = {};
	if (documentId === 'combined' && typeof options.certificate === 'boolean') qs.certificate = options.certificate;

	const response = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/documents/${documentId}`, {
		qs,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		itemIndex,
		action: special?.action ?? `download document ${documentId} of the envelope`,
	})) as { body: Buffer | ArrayBuffer; headers?: Record<string, unknown> };

	const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
	const headers = response.headers ?? {};
	const contentType = String(headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	const mimeType =
		special?.mimeType ?? (contentType && contentType !== 'application/octet-stream' ? contentType : sniffMimeType(data));

	const custom = safeFileName(String(options.fileName ?? ''));
	const fromHeader = safeFileName(fileNameFromDisposition(headers['content-disposition']) ?? '');
	const fileName =
		custom ||
		(special
			? `${envelopeId}_${special.suffix}`
			: pdfNameIf(mimeType === 'application/pdf', fromHeader || `${envelopeId}_document_${documentId}`));

	const binary: IBinaryData = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	const input = this.getInputData()[itemIndex];
	return [
		{
			json: { envelopeId, documentId, fileName, mimeType, fileSize: data.length },
			binary: { ...(input?.binary ?? {}), [binaryPropertyName]: binary },
		},
	];
}
