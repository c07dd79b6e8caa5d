import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { readGuidParameter } from '../platformLocators';
import { CLICK_SCOPES, agreementOutput, clickRequest, clickwrapLocator, clientUserIdProperty } from './shared';

const properties: INodeProperties[] = [
	clickwrapLocator,
	clientUserIdProperty,
	{
		displayName: 'Document Data',
		name: 'documentData',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description: 'Values for the clickwrap\'s dynamic content fields, e.g. fullName, email, company',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Metadata', name: 'metadata', type: 'string', default: '', description: 'Your own text, returned with the agreement' },
			{ displayName: 'Return URL', name: 'returnUrl', type: 'string', default: '', description: 'Where the user goes after agreeing, when the page is not in an iframe' },
		],
	},
];

const displayOptions = { show: { resource: ['click'], operation: ['createAgreementUrl'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const clickwrapId = readGuidParameter.call(this, 'clickwrapId', itemIndex, 'clickwrap');
	const clientUserId = (this.getNodeParameter('clientUserId', itemIndex, '') as string).trim();
	if (!clientUserId) throw inputError(this, itemIndex, 'the Client User ID is empty', 'Give your own ID of the user, e.g. from your user database.');
	const body: IDataObject = { clientUserId };
	const fields = (this.getNodeParameter('documentData.field', itemIndex, []) as IDataObject[]) ?? [];
	if (fields.length) {
		const documentData: IDataObject = {};
		for (const field of fields) {
			const name = String(field.name ?? '').trim();
			if (!name) throw inputError(this, itemIndex, 'a document data field has no name');
			documentData[name] = String(field.value ?? '');
		}
		body.documentData = documentData;
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.metadata) body.metadata = String(options.metadata);
	if (options.returnUrl) body.returnUrl = String(options.returnUrl).trim();
	// DocuSign answers 201 with agreementUrl, or 200 without one when the user has agreed already.
	const agreement = await clickRequest.call(this, 'POST', `/clickwraps/${clickwrapId}/agreements`, {
		body,
		itemIndex,
		action: 'create the agreement URL',
		scopes: CLICK_SCOPES.send,
		idempotent: true,
	});
	return [{ json: agreementOutput(agreement) }];
}
