import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveAccount } from '../../transport';
import { createEnvelope } from './shared/createEnvelope';
import { buildRecipients } from './shared/definition';
import { collectDocuments, documentDefinitions } from './shared/documents';
import { emailSubjectField, envelopeOptions, statusField } from './shared/envelope.description';
import { requireHttpsStatusNotification } from '../../helpers/httpsListener';
import { completeDefinition, readEmailSubject, readEnvelopeOptions, readStatus } from './shared/options';
import { carbonCopiesCollection, certifiedDeliveriesCollection, signersCollection } from './shared/recipients.description';

const properties: INodeProperties[] = [
	emailSubjectField(true),
	{
		displayName: 'Documents',
		name: 'documents',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Document',
		default: { document: [{ binaryPropertyName: 'data' }] },
		required: true,
		description:
			'Files of the input item to send for signature, in this order (PDF, DOCX, XLSX, PNG and the other types DocuSign converts to PDF; up to 25 MB each)',
		options: [
			{
				displayName: 'Document',
				name: 'document',
				values: [
					{
						displayName: 'Input Binary Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						required: true,
						hint: 'The name of the input binary field containing the file',
					},
					{
						displayName: 'Document Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'Service Agreement.pdf',
						description: "Name recipients see. Leave empty to use the file's name.",
					},
				],
			},
		],
	},
	signersCollection,
	carbonCopiesCollection,
	certifiedDeliveriesCollection,
	statusField,
	envelopeOptions,
];

const displayOptions = { show: { resource: ['envelope'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const emailSubject = readEmailSubject(this, itemIndex, true);
	const documents = await collectDocuments.call(this, itemIndex);
	const { recipients, summary } = buildRecipients(this, itemIndex, documents.length);
	const status = readStatus(this, itemIndex);
	const options = readEnvelopeOptions(this, itemIndex);
	await requireHttpsStatusNotification(this, itemIndex, options);
	const definition = completeDefinition(
		this,
		itemIndex,
		{ emailSubject, status, documents: documentDefinitions(documents), recipients },
		options,
	);

	const account = await resolveAccount.call(this, itemIndex);
	const { envelope, alreadyExisted } = await createEnvelope.call(this, {
		itemIndex,
		account,
		definition,
		idempotencyKey: options.idempotencyKey,
		action: 'create the envelope',
		documents,
	});

	return [
		{
			json: {
				...envelope,
				alreadyExisted,
				accountId: account.accountId,
				emailSubject: definition.emailSubject ?? emailSubject,
				documents: documents.map(({ documentId, name, fileExtension, size }) => ({
					documentId,
					name,
					fileExtension,
					bytes: size,
				})),
				recipients: summary as unknown as IDataObject[],
			},
		},
	];
}
