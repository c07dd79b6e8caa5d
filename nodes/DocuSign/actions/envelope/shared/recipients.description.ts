import type { INodeProperties } from 'n8n-workflow';

import { authenticationFields } from './recipientAuth.description';
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

/** Also the preset routing order of a template role (template/roles.description.ts). */
export const routingOrderField: INodeProperties = {
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

const signerTypeField: INodeProperties = {
	displayName: 'Signer Type',
	name: 'signerType',
	type: 'options',
	options: [
		{ name: 'Person (By E-Mail)', value: 'email', description: 'One person, who gets the signing e-mail' },
		{
			name: 'Signing Group',
			value: 'signingGroup',
			description: "Any one member of one of the account's signing groups signs for all",
		},
		{
			name: 'In Person (Hosted)',
			value: 'inPerson',
			description: 'The signer signs on the device of a host (such as a member of your staff), who gets the e-mail',
		},
	],
	default: 'email',
};

const signingGroupAndHostFields: INodeProperties[] = [
	{
		displayName: 'Signing Group Name or ID',
		name: 'signingGroupId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSigningGroups' },
		default: '',
		displayOptions: { show: { signerType: ['signingGroup'] } },
		description:
			'Every member of the group gets the e-mail; the first to sign completes it for the group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Signer Email',
		name: 'signerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		displayOptions: { show: { signerType: ['inPerson'] } },
		description: 'Optional: where the in-person signer gets a copy of the completed documents',
	},
	{
		displayName: 'Host Name',
		name: 'hostName',
		type: 'string',
		default: '',
		placeholder: 'Sam Staff',
		displayOptions: { show: { signerType: ['inPerson'] } },
		description:
			'The DocuSign user who hands over the device (usually the sender): they get the e-mail and sign in to DocuSign to start the session',
	},
	{
		displayName: 'Host Email',
		name: 'hostEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		displayOptions: { show: { signerType: ['inPerson'] } },
		description: "The host's DocuSign login e-mail",
	},
];

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
				signerTypeField,
				{ ...nameField, displayOptions: { show: { signerType: ['email', 'inPerson'] } } },
				{ ...emailField, displayOptions: { show: { signerType: ['email'] } } },
				...signingGroupAndHostFields,
				routingOrderField,
				{
					displayName: 'Client User ID (Embedded Signing)',
					name: 'clientUserId',
					type: 'string',
					default: '',
					hint: CLIENT_USER_ID_HINT,
					displayOptions: { show: { signerType: ['email'] } },
				},
				...authenticationFields(['none', 'accessCode', 'phone', 'idVerification']),
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

/** Certified deliveries ("Needs to View"): people who must open the envelope before it moves on, without signing. */
export const certifiedDeliveriesCollection: INodeProperties = {
	displayName: 'Needs to View',
	name: 'certifiedDeliveries',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Recipient Who Needs to View',
	default: {},
	description:
		'People who must open and view the envelope (certified delivery) when their routing order is reached; routing waits for them, but they do not sign',
	options: [
		{
			displayName: 'Recipient',
			name: 'certifiedDelivery',
			values: [nameField, emailField, routingOrderField, ...authenticationFields(['none', 'accessCode']), recipientIdField],
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
				...authenticationFields(['none', 'accessCode']),
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
