import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description: 'The envelope whose documents to list',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Certificate of Completion',
				name: 'includeCertificate',
				type: 'boolean',
				default: false,
				description: 'Whether to list the certificate of completion ("certificate") too',
			},
			{
				displayName: 'Include Document Size',
				name: 'includeDocumentSize',
				type: 'boolean',
				default: false,
				description: 'Whether to add each document\'s size in bytes (sizeBytes)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['getDocuments'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/documents`, {
		qs: options.includeDocumentSize ? { include_document_size: true } : undefined,
		itemIndex,
		action: 'list the documents of the envelope',
	})) as IDataObject;

	const documents = (Array.isArray(response.envelopeDocuments) ? response.envelopeDocuments : []) as IDataObject[];
	return documents
		.filter((document) => options.includeCertificate || (document.type !== 'summary' && document.documentId !== 'certificate'))
		.map((document) => ({ json: { envelopeId, ...document } }));
}
