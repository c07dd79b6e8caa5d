import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { description as envelopeCreateDescription } from '../envelope/create.operation';
import { buildMultipartBody, collectDocuments, documentDefinitions } from '../envelope/shared/documents';
import { requireText } from '../envelope/shared/validation';
import {
	carbonCopyRolesCollection,
	signerRolesCollection,
	templateDescriptionField,
	templateEmailBlurbField,
	templateEmailSubjectField,
} from './roles.description';
import { buildTemplateRecipients, readEmailText } from './templateDefinition';
import { readFolderId } from './templateFolders';

// The envelope create's Documents field, read by the same collectDocuments: one definition for both.
const envelopeDocuments = envelopeCreateDescription.find((property) => property.name === 'documents') as INodeProperties;

const properties: INodeProperties[] = [
	{
		displayName: 'Template Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Offer Letter',
		description: 'Name of the template in DocuSign, as the template picker shows it',
	},
	{
		...envelopeDocuments,
		displayOptions: undefined,
		description:
			'Files of the input item that make up the template, in this order (PDF, DOCX and the other types DocuSign converts to PDF; up to 25 MB each). Put anchor texts such as /sn1/ in them to place fields by anchor.',
	},
	signerRolesCollection,
	carbonCopyRolesCollection,
	templateEmailSubjectField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			templateDescriptionField,
			templateEmailBlurbField,
			{
				displayName: 'Folder Name or ID',
				name: 'folderId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTemplateFolders' },
				default: '',
				description:
					'The template folder to put the template in; empty for My Templates. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Share With Account Users',
				name: 'shared',
				type: 'boolean',
				default: false,
				description: 'Whether the other users of the account can see and use the template',
			},
		],
	},
];

const displayOptions = { show: { resource: ['template'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = requireText(
		this,
		itemIndex,
		this.getNodeParameter('name', itemIndex, ''),
		'the template',
		'name',
		'Enter a Template Name, such as "Offer Letter".',
	);
	const documents = await collectDocuments.call(this, itemIndex);
	const { recipients, roles } = buildTemplateRecipients(this, itemIndex, documents.length);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const definition: IDataObject = { name, documents: documentDefinitions(documents), recipients };
	const emailSubject = readEmailText(this, itemIndex, this.getNodeParameter('emailSubject', itemIndex, ''), 'Email Subject');
	if (emailSubject) definition.emailSubject = emailSubject;
	const emailBlurb = readEmailText(this, itemIndex, options.emailBlurb, 'Email Message');
	if (emailBlurb) definition.emailBlurb = emailBlurb;
	const text = typeof options.description === 'string' ? options.description.trim() : '';
	if (text) definition.description = text;
	const folderId = readFolderId(this, itemIndex, options.folderId, 'Options → Folder');
	if (folderId) definition.folderId = folderId;
	if (options.shared === true) definition.shared = 'true';

	const multipart = await buildMultipartBody.call(this, itemIndex, definition, documents);
	const summary = (await apiRequest.call(this, 'POST', '/templates', {
		body: multipart.body,
		headers: { 'Content-Type': multipart.contentType },
		itemIndex,
		action: `create the template "${name}"`,
	})) as IDataObject;

	return [
		{
			json: {
				...summary,
				name: summary.name ?? name,
				roles: roles as unknown as IDataObject[],
				documents: documents.map(({ documentId, name: documentName, fileExtension, size }) => ({
					documentId,
					name: documentName,
					fileExtension,
					bytes: size,
				})),
			},
		},
	];
}
