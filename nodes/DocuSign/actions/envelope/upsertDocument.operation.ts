import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { apiRequest } from '../../transport';
import { headerSafe, readDocumentBytes, readDocumentUpload } from './shared/documents';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The envelope to change: a draft, or an envelope in progress (a correction). A completed, declined or voided envelope cannot change.',
	},
	{
		displayName: 'Document ID',
		name: 'documentId',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2147483647, numberPrecision: 0 },
		default: 1,
		required: true,
		description:
			'The ID of the document to replace, or a new ID to add the file as another document. Envelope → Get Documents lists the IDs in use.',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field that holds the file',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Document Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Contract (corrected).pdf',
				description: 'The name recipients see. Default: the file name.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['upsertDocument'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const documentId = Number(this.getNodeParameter('documentId', itemIndex, 1));
	if (!Number.isInteger(documentId) || documentId < 1 || documentId > 2147483647) {
		throw inputError(this, itemIndex, `Document ID: "${documentId}" is not a document ID`, 'Use a whole number from 1, such as 1 or 2.');
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const document = await readDocumentUpload.call(this, itemIndex, {
		binaryPropertyName: String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim(),
		name: String(options.name ?? '').trim(),
		documentId: String(documentId),
		where: 'Document',
	});
	const body = await readDocumentBytes.call(this, itemIndex, document);

	// DocuSign takes the file as the body, its name and type in the headers (Documents_PutDocument).
	const result = (await apiRequest.call(this, 'PUT', `/envelopes/${envelopeId}/documents/${documentId}`, {
		body,
		headers: {
			'Content-Type': document.mimeType,
			'Content-Disposition': `file; filename="${headerSafe(document.name)}"; documentid=${documentId}; fileExtension=${headerSafe(document.fileExtension)}`,
		},
		itemIndex,
		action: `add or replace document ${documentId} of the envelope`,
		// Replacing a document with the same bytes again changes nothing.
		idempotent: true,
	})) as IDataObject;
	return [
		{
			json: {
				envelopeId,
				documentId: String(documentId),
				name: result?.name ?? document.name,
				fileExtension: document.fileExtension,
				fileSize: document.size,
				...(result && typeof result === 'object' ? { document: result } : {}),
			},
		},
	];
}
