import type { INodeProperties } from 'n8n-workflow';

import { tabsCollection } from './tabs.description';

export const ROUTING_ORDER_HINT =
	'Recipients with routing order 1 get the envelope first, then 2, and so on. Give several recipients the same number to send to them at the same time.';

export const CLIENT_USER_ID_HINT =
	'Set it only for embedded signing: the signer then gets no e-mail and signs in your app through Create Signing URL, which must give the same ID, name and e-mail. Any value that identifies the signer in your system (max 100 characters).';

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Jane Doe',
};

const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	required: true,
};

const routingOrderField: INodeProperties = {
	displayName: 'Routing Order',
	name: 'routingOrder',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	hint: ROUTING_ORDER_HINT,
};

const recipientIdField: INodeProperties = {
	displayName: 'Recipient ID',
	name: 'recipientId',
	type: 'string',
	default: '',
	description:
		'Leave empty to number the recipients 1, 2, 3… in the order listed (signers first). Set it to refer to this recipient from Advanced JSON. Must be unique in the envelope.',
};

/** Signers of an envelope made from documents, each with the fields (tabs) they fill in. */
export const signersCollection: INodeProperties = {
	displayName: 'Signers',
	name: 'signers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Signer',
	default: {},
	required: true,
	description: 'The people who sign. Each gets an e-mail with a link to sign, in routing order.',
	options: [
		{
			displayName: 'Signer',
			name: 'signer',
			values: [
				nameField,
				emailField,
				routingOrderField,
				{
					displayName: 'Client User ID (Embedded Signing)',
					name: 'clientUserId',
					type: 'string',
					default: '',
					hint: CLIENT_USER_ID_HINT,
				},
				recipientIdField,
				tabsCollection,
			],
		},
	],
};

/** Carbon copies: people who receive the completed documents but don't sign. */
export const carbonCopiesCollection: INodeProperties = {
	displayName: 'Carbon Copies',
	name: 'carbonCopies',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Carbon Copy',
	default: {},
	description:
		'People who get a copy of the envelope but do not sign: they are notified when their routing order is reached and receive the completed documents',
	options: [
		{
			displayName: 'Carbon Copy',
			name: 'carbonCopy',
			values: [nameField, emailField, routingOrderField, recipientIdField],
		},
	],
};

/** The roles of a server template, each filled with a person and prefilled text fields. */
export const templateRolesCollection: INodeProperties = {
	displayName: 'Roles',
	name: 'templateRoles',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Role',
	default: {},
	description:
		'Who takes each role of the template. Roles you leave out are dropped from the envelope, unless the template already names a person for them.',
	options: [
		{
			displayName: 'Role',
			name: 'role',
			values: [
				{
					displayName: 'Role Name or ID',
					name: 'roleName',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getTemplateRoles',
						loadOptionsDependsOn: ['templateId.value'],
					},
					default: '',
					required: true,
					description:
						'The template role to fill, as named in the template (e.g. Signer, Manager). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				nameField,
				emailField,
				{
					displayName: 'Routing Order',
					name: 'routingOrder',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					hint: `0 keeps the routing order set in the template. ${ROUTING_ORDER_HINT}`,
				},
				{
					displayName: 'Client User ID (Embedded Signing)',
					name: 'clientUserId',
					type: 'string',
					default: '',
					hint: CLIENT_USER_ID_HINT,
				},
				{
					displayName: 'Prefilled Text Fields',
					name: 'textTabs',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Text Field',
					default: {},
					description: "Values for the role's text fields, found by the label they have in the template",
					options: [
						{
							displayName: 'Text Field',
							name: 'textTab',
							values: [
								{
									displayName: 'Field Label',
									name: 'tabLabel',
									type: 'string',
									default: '',
									required: true,
									placeholder: 'company_name',
									description: "The field's Data Label in the template",
								},
								{
									displayName: 'Value',
									name: 'value',
									type: 'string',
									default: '',
								},
							],
						},
					],
				},
			],
		},
	],
};
