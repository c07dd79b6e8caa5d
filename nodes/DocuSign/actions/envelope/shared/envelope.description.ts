import type { INodeProperties } from 'n8n-workflow';

import { brandOption, remindersOption } from './notification.description';

/** Connect events a per-envelope webhook can ask for (Connect 2.0 names). */
export const NOTIFICATION_EVENTS = [
	{ name: 'Envelope Completed', value: 'envelope-completed', description: 'Every recipient finished; the documents are signed' },
	{ name: 'Envelope Declined', value: 'envelope-declined' },
	{ name: 'Envelope Delivered', value: 'envelope-delivered', description: 'Every recipient has opened the envelope' },
	{ name: 'Envelope Sent', value: 'envelope-sent' },
	{ name: 'Envelope Voided', value: 'envelope-voided' },
	{ name: 'Recipient Authentication Failed', value: 'recipient-authenticationfailed' },
	{ name: 'Recipient Auto-Responded', value: 'recipient-autoresponded', description: 'The e-mail bounced or got an out-of-office reply' },
	{ name: 'Recipient Completed', value: 'recipient-completed', description: 'One recipient signed or finished' },
	{ name: 'Recipient Declined', value: 'recipient-declined' },
	{ name: 'Recipient Delivered', value: 'recipient-delivered' },
	{ name: 'Recipient Sent', value: 'recipient-sent' },
];

/** Send now or keep as a draft: DocuSign's `status` of a new envelope. */
export const statusField: INodeProperties = {
	displayName: 'Send or Save as Draft',
	name: 'status',
	type: 'options',
	options: [
		{
			name: 'Send Now',
			value: 'sent',
			description: 'The first recipients get their e-mails right away',
		},
		{
			name: 'Save as Draft',
			value: 'created',
			description: 'Nobody is notified; edit it with Create Sender URL or send it later with Envelope → Send',
		},
	],
	default: 'sent',
	description: 'Whether DocuSign sends the envelope now or keeps it as a draft',
};

export const emailSubjectField = (required: boolean): INodeProperties => ({
	displayName: 'Email Subject',
	name: 'emailSubject',
	type: 'string',
	default: '',
	required,
	placeholder: 'Please sign: Service Agreement',
	description: required
		? 'Subject of the e-mail DocuSign sends to the recipients (max 100 characters)'
		: "Subject of the e-mail DocuSign sends to the recipients (max 100 characters). Leave empty to use the template's subject.",
});

const customFieldsOption: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description:
		"Envelope custom fields (text): metadata such as a deal or customer ID that stays with the envelope and comes back in Get and in webhook events. The account's own envelope custom fields are kept with their defaults; one you name here takes your value.",
	hint: 'Not with compositeTemplates in Advanced (JSON): DocuSign takes custom fields only from an inline template there',
	options: [
		{
			displayName: 'Custom Field',
			name: 'field',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'crmDealId',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Show to Senders',
					name: 'show',
					type: 'boolean',
					default: false,
					description:
						'Whether DocuSign shows the field to senders (Envelope Custom Fields in the envelope) and on the certificate of completion. Signers and other recipients never see envelope custom fields.',
				},
			],
		},
	],
};

const webhookUrlField: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'https://n8n.example.com/webhook/docusign-events',
	hint: 'DocuSign posts JSON events here, e.g. to the production URL of an n8n Webhook or DocuSign Trigger node. It must be HTTPS and reachable from the internet.',
};

const webhookEventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: NOTIFICATION_EVENTS,
	default: ['envelope-completed', 'envelope-declined', 'envelope-delivered', 'envelope-sent', 'envelope-voided'],
	description: 'Which status changes DocuSign reports',
};

const webhookIncludeDataField: INodeProperties = {
	displayName: 'Include Data',
	name: 'includeData',
	type: 'multiOptions',
	options: [
		{ name: 'Attachments', value: 'attachments' },
		{ name: 'Custom Fields', value: 'custom_fields' },
		{ name: 'Documents (Large)', value: 'documents' },
		{ name: 'Extensions', value: 'extensions' },
		{ name: 'Payment Tabs', value: 'payment_tabs' },
		{ name: 'Recipients', value: 'recipients' },
		{ name: 'Tabs (Form Data)', value: 'tabs' },
	],
	default: ['custom_fields', 'recipients'],
	description: 'What each event carries besides the envelope status',
};

const webhookHmacField: INodeProperties = {
	displayName: 'Sign With HMAC',
	name: 'includeHMAC',
	type: 'boolean',
	default: true,
	description:
		"Whether DocuSign signs each event with the account's Connect HMAC keys (DocuSign Admin → Connect → Connect Keys) in the X-DocuSign-Signature-1 header, so the receiver can prove it came from DocuSign",
};

const webhookAcknowledgmentField: INodeProperties = {
	displayName: 'Retry Until Acknowledged',
	name: 'requireAcknowledgment',
	type: 'boolean',
	default: true,
	description:
		'Whether DocuSign retries an event until the URL answers with HTTP 200. Retried events can arrive twice.',
};

const statusNotificationOption: INodeProperties = {
	displayName: 'Status Notifications',
	name: 'statusNotification',
	type: 'fixedCollection',
	placeholder: 'Add Status Notification',
	default: {},
	description:
		"Have DocuSign push this envelope's status changes to a URL (a per-envelope Connect webhook). Needs no Connect admin rights, and replaces polling.",
	options: [
		{
			displayName: 'Webhook',
			name: 'webhook',
			// The URL first: the one field without a usable default.
			values: [
				webhookUrlField,
				webhookEventsField,
				webhookIncludeDataField,
				webhookHmacField,
				webhookAcknowledgmentField,
			],
		},
	],
};

const advancedJsonOption: INodeProperties = {
	displayName: 'Advanced (JSON)',
	name: 'advancedJson',
	type: 'json',
	default: '{}',
	description:
		'Any other field of DocuSign\'s envelope definition, merged into what the node builds: objects key by key, arrays item by item. E.g. {"recipients": {"signers": [{"note": "Please bring your ID"}]}} to add a note for the first signer. Field names as in the Envelopes: create reference.',
};

/** The envelope options both creates share. */
export const envelopeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		advancedJsonOption,
		brandOption,
		customFieldsOption,
		{
			displayName: 'Email Message',
			name: 'emailBlurb',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'Text of the e-mail DocuSign sends to the recipients (max 10,000 characters)',
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.dealId }}',
			description:
				"A key of your own, such as a CRM deal ID or order number: the node creates at most one envelope per key. When an envelope with this key exists (drafts included, from the last 365 days), it is returned with alreadyExisted: true and no new one is created. The key is kept in a hidden envelope custom field, next to the account's own fields. Without a key, retries within a run still never create an envelope twice (DocuSign's transactionId).",
		},
		remindersOption,
		statusNotificationOption,
	],
};
