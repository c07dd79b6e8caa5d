import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { isEmail } from '../../helpers/email';
import { inputError } from '../../helpers/itemErrors';
import { readJsonObject } from '../../helpers/jsonObject';
import { readGuidParameter } from '../platformLocators';
import { WEB_FORMS_SCOPES, formLocator, instanceOutput, webFormsRequest } from './shared';

const properties: INodeProperties[] = [
	formLocator,
	{
		displayName: 'Delivery',
		name: 'delivery',
		type: 'options',
		options: [
			{
				name: 'Embedded (Signed URL)',
				value: 'embedded',
				description: 'Returns a URL to open the form in your app or page; it works for 5 minutes',
			},
			{
				name: 'Remote (E-Mail to a Recipient)',
				value: 'remote',
				description: 'DocuSign e-mails the form to the recipients',
			},
		],
		default: 'embedded',
	},
	{
		displayName: 'Client User ID',
		name: 'clientUserId',
		type: 'string',
		default: '',
		placeholder: 'e.g. customer-4711',
		description:
			'Your own ID for the person filling in the form (max. 100 characters), e.g. a CRM ID; Get Many Instances can filter by it.',
		displayOptions: { show: { delivery: ['embedded'] } },
		required: true,
	},
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Recipient',
		default: {},
		displayOptions: { show: { delivery: ['remote'] } },
		options: [
			{
				displayName: 'Recipient',
				name: 'recipient',
				values: [
					{
						displayName: 'Role Name',
						name: 'roleName',
						type: 'string',
						default: '',
						description: 'The role of the form\'s template this person fills, e.g. "signer"',
					},
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Prefill Values',
		name: 'formValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Value',
		default: {},
		description: 'Values the form opens with, by field',
		options: [
			{
				displayName: 'Value',
				name: 'value',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getWebFormFields', loadOptionsDependsOn: ['formId.value'] },
						default: '',
						description:
							'A published text field of the form (Number and Checkbox Group fields: use Prefill Values (JSON)). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
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
			{
				displayName: 'Expires After (Hours)',
				name: 'expirationOffset',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 23976 },
				default: 720,
				description: 'How long the instance can be filled in; DocuSign\'s default is 720 hours (30 days)',
			},
			{
				displayName: 'Prefill Values (JSON)',
				name: 'formValuesJson',
				type: 'json',
				default: '{}',
				description:
					'More prefill values as a JSON object, for numbers (Number fields) and lists (Checkbox Group fields): {"Hobbies": ["walking"]}',
			},
			{
				displayName: 'Return URL',
				name: 'returnUrl',
				type: 'string',
				default: '',
				description: 'Where the person is sent after submitting the form',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. Client A, Onboarding',
				description: 'Comma-separated labels your workflow can recognise the instance by',
			},
		],
	},
];

const displayOptions = { show: { resource: ['webForm'], operation: ['createInstance'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readFormValues(this: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject {
	const values: IDataObject = { ...readJsonObject.call(this, itemIndex, options.formValuesJson, 'Prefill Values (JSON)', '{"Amount": 250, "Hobbies": ["walking"]}') };
	const pairs = (this.getNodeParameter('formValues.value', itemIndex, []) as IDataObject[]) ?? [];
	for (const pair of pairs) {
		const name = String(pair.name ?? '').trim();
		if (!name) throw inputError(this, itemIndex, 'a prefill value has no field name', 'Pick the field from the list.');
		values[name] = pair.value ?? '';
	}
	return values;
}

function readRecipients(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const recipients = (this.getNodeParameter('recipients.recipient', itemIndex, []) as IDataObject[]) ?? [];
	if (!recipients.length) {
		throw inputError(this, itemIndex, 'a remote web form needs at least one recipient', 'Add the recipient\'s role name, name and e-mail.');
	}
	return recipients.map((recipient, index) => {
		const roleName = String(recipient.roleName ?? '').trim();
		const name = String(recipient.name ?? '').trim();
		const email = String(recipient.email ?? '').trim();
		if (!roleName || !name) {
			throw inputError(this, itemIndex, `recipient ${index + 1} needs a role name and a name`, 'The role name is the template role the person fills, e.g. "signer".');
		}
		if (!isEmail(email)) throw inputError(this, itemIndex, `recipient ${index + 1}: "${email}" is not an e-mail address`);
		return { roleName, name, email };
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const formId = readGuidParameter.call(this, 'formId', itemIndex, 'web form');
	const delivery = this.getNodeParameter('delivery', itemIndex, 'embedded') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { formValues: readFormValues.call(this, itemIndex, options) };
	if (delivery === 'embedded') {
		const clientUserId = (this.getNodeParameter('clientUserId', itemIndex, '') as string).trim();
		if (!clientUserId || clientUserId.length > 100) {
			throw inputError(this, itemIndex, 'an embedded web form needs a Client User ID of at most 100 characters', 'Use your own ID of the person, e.g. a customer or employee ID.');
		}
		body.clientUserId = clientUserId;
	} else {
		body.recipients = readRecipients.call(this, itemIndex);
		body.sendOption = 'now';
	}
	if (options.expirationOffset) body.expirationOffset = options.expirationOffset;
	if (options.returnUrl) body.returnUrl = String(options.returnUrl).trim();
	if (options.tags) body.tags = String(options.tags).split(',').map((tag) => tag.trim()).filter(Boolean);

	const instance = await webFormsRequest.call(this, 'POST', `/forms/${formId}/instances`, {
		body,
		itemIndex,
		action: 'create the web form instance',
		scopes: WEB_FORMS_SCOPES.instanceWrite,
	});
	const output = instanceOutput(instance);
	if (delivery === 'embedded' && instance.formUrl && instance.instanceToken) {
		// DocuSign's recipe: the form URL with the instance token as its fragment.
		output.signedUrl = `${String(instance.formUrl)}#instanceToken=${String(instance.instanceToken)}`;
	}
	return [{ json: delivery === 'embedded' ? { signedUrl: output.signedUrl, ...output } : output }];
}
