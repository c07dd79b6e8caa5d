import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The envelope to remove a document from: a draft, or an envelope in progress (sent or delivered). The fields placed on that document go with it.',
	},
	{
		displayName: 'Document Name or ID',
		name: 'documentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEnvelopeContentDocuments', loadOptionsDependsOn: ['envelopeId.value'] },
		default: '',
		required: true,
		description:
			'The document to remove. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['deleteDocument'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const documentId = String(this.getNodeParameter('documentId', itemIndex, '') ?? '').trim();
	if (!/^[1-9]\d{0,9}$/.test(documentId)) {
		throw inputError(
			this,
			itemIndex,
			documentId ? `Document: "${documentId}" is not a document ID` : 'Document: choose the document to remove',
			'A document ID is a whole number such as 1 or 2; Envelope → Get Documents lists them.',
		);
	}
	await apiRequest.call(this, 'DELETE', `/envelopes/${envelopeId}/documents`, {
		body: { documents: [{ documentId }] },
		itemIndex,
		action: `remove document ${documentId} from the envelope`,
	});
	return [{ json: { envelopeId, documentId, deleted: true } }];
}
