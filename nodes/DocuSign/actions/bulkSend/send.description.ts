import type { INodeProperties } from 'n8n-workflow';

import { templateLocator } from '../template/templateLocator';

const onlyForTemplate = { show: { '/source': ['template'] } };
const onlyForEnvelope = { show: { '/source': ['envelope'] } };

/** Bulk Send → Send: its fields (display options are added by send.operation.ts). */
export const properties: INodeProperties[] = [
	{
		displayName:
			'Every input item becomes one copy of the envelope in a single DocuSign bulk send batch (at most 1,000 copies). Bulk send must be enabled for the DocuSign account.',
		name: 'bulkSendNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Send From',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Template',
				value: 'template',
				description: 'A server template; each copy fills its roles',
			},
			{
				name: 'Draft Envelope',
				value: 'envelope',
				description: 'An envelope saved as a draft; each copy replaces its recipients by recipient ID',
			},
		],
		default: 'template',
		description: 'What DocuSign copies for every input item',
	},
	{
		...templateLocator,
		description: 'The template to send. Its roles are filled from each input item.',
		displayOptions: { show: { source: ['template'] } },
	},
	{
		displayName: 'Draft Envelope ID',
		name: 'envelopeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 4b6d8f0a-2c4e-4a6b-8d0f-1a3c5e7f9b2d',
		description:
			'ID of an envelope saved as a draft (status "created"), e.g. made with Envelope → Create and Status "Save as Draft". Its documents and tabs are copied for every item.',
		displayOptions: { show: { source: ['envelope'] } },
	},
	{
		displayName: 'Batch Name',
		name: 'batchName',
		type: 'string',
		default: '',
		placeholder: 'e.g. March renewals',
		description:
			'Name of the batch in DocuSign, also given to the bulk send list made for it. Leave empty for "n8n bulk send" with the date and time.',
	},
	{
		displayName: 'Role Name or ID',
		name: 'roleName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTemplateRoles', loadOptionsDependsOn: ['templateId.value'] },
		default: '',
		description:
			'The template role each item\'s recipient fills. Leave empty when the template has a single role. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { source: ['template'] } },
	},
	{
		displayName: 'Recipient ID',
		name: 'recipientId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1',
		description:
			'The recipient ID, in the draft envelope, of the recipient that each item replaces. Leave empty when the envelope has a single recipient.',
		displayOptions: { show: { source: ['envelope'] } },
	},
	{
		displayName: 'Recipient Name',
		name: 'recipientName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Jane Doe',
		description: 'Full name of the person who receives this item\'s copy, usually an expression that reads it from the item',
	},
	{
		displayName: 'Recipient Email',
		name: 'recipientEmail',
		type: 'string',
		placeholder: 'e.g. jane@example.com',
		required: true,
		default: '',
		description: 'E-mail address DocuSign sends this item\'s copy to, usually an expression that reads it from the item',
	},
	{
		displayName: 'Text Tab Values',
		name: 'textTabs',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Text Tab Value',
		default: {},
		description:
			'Prefill text fields of the document for this copy. Each value goes to the recipient of this copy whose text tab has that label.',
		options: [
			{
				displayName: 'Tab',
				name: 'tab',
				values: [
					{
						displayName: 'Tab Label',
						name: 'tabLabel',
						type: 'string',
						default: '',
						placeholder: 'e.g. Company',
						description:
							'Label of the text tab, as set in the template or envelope (Template → Get lists them under roles[].textTabLabels)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Text to put in the tab',
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Recipients',
		name: 'additionalRecipients',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Recipient',
		default: {},
		description: 'Other roles of the same copy, e.g. a manager who countersigns each copy',
		options: [
			{
				displayName: 'Recipient',
				name: 'recipient',
				values: [
					{
						displayName: 'Role Name or ID',
						name: 'roleName',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getTemplateRoles',
							loadOptionsDependsOn: ['/templateId.value'],
						},
						default: '',
						description:
							'The template role this person fills. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						displayOptions: onlyForTemplate,
					},
					{
						displayName: 'Recipient ID',
						name: 'recipientId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2',
						description: 'The recipient ID, in the draft envelope, of the recipient this person replaces',
						displayOptions: onlyForEnvelope,
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Sam Manager',
					},
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Envelope Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description:
			'Values of envelope custom fields for this copy, e.g. a CRM record ID. Each field must already exist in the template or envelope.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. crmId',
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Email Subject',
				name: 'emailSubject',
				type: 'string',
				default: '',
				description: 'Subject of this copy\'s e-mail, instead of the template\'s or envelope\'s',
			},
			{
				displayName: 'Email Message',
				name: 'emailBlurb',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Body text of this copy\'s e-mail, instead of the template\'s or envelope\'s',
			},
		],
	},
];
