import type { INodeProperties } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import * as create from './create.operation';
import * as createCorrectUrl from './createCorrectUrl.operation';
import * as createFromTemplate from './createFromTemplate.operation';
import * as createSenderUrl from './createSenderUrl.operation';
import * as createSigningUrl from './createSigningUrl.operation';
import * as deleteCustomFields from './deleteCustomFields.operation';
import * as deleteDocument from './deleteDocument.operation';
import * as downloadDocument from './downloadDocument.operation';
import * as get from './get.operation';
import * as getAccountCustomFields from './getAccountCustomFields.operation';
import * as getAll from './getAll.operation';
import * as getAuditEvents from './getAuditEvents.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getDocuments from './getDocuments.operation';
import * as getFormData from './getFormData.operation';
import * as getRecipients from './getRecipients.operation';
import * as getStatus from './getStatus.operation';
import * as resend from './resend.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as setCustomFields from './setCustomFields.operation';
import * as updateNotification from './updateNotification.operation';
import * as updateRecipients from './updateRecipients.operation';
import * as upsertDocument from './upsertDocument.operation';
import * as voidEnvelope from './voidEnvelope.operation';

export {
	create,
	createCorrectUrl,
	createFromTemplate,
	createSenderUrl,
	createSigningUrl,
	deleteCustomFields,
	deleteDocument,
	downloadDocument,
	get,
	getAccountCustomFields,
	getAll,
	getAuditEvents,
	getCustomFields,
	getDocuments,
	getFormData,
	getRecipients,
	getStatus,
	resend,
	send,
	sendAndWait,
	setCustomFields,
	updateNotification,
	updateRecipients,
	upsertDocument,
	voidEnvelope,
};

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['envelope'] } },
	options: [
		{
			name: 'Add or Replace Document',
			value: 'upsertDocument',
			description:
				'Add a file from a binary field to a draft or in-progress envelope, or replace one of its documents. Returns the document ID and name.',
			action: 'Add or replace a document in an envelope',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Create an envelope from documents, with signers, tabs and settings, and send it or save it as a draft',
			action: 'Create an envelope from documents',
		},
		{
			name: 'Create Correct URL',
			value: 'createCorrectUrl',
			description:
				'Get a link to DocuSign\'s correction screen for a sent envelope, to fix recipients, documents or fields. Returns the one-time URL.',
			action: 'Create a correction view URL',
		},
		{
			name: 'Create From Template',
			value: 'createFromTemplate',
			description: 'Create an envelope from a template, filling every role of the template',
			action: 'Create an envelope from a template',
		},
		{
			name: 'Create Sender URL',
			value: 'createSenderUrl',
			description: 'Get a link to the sender view, to edit a draft envelope before sending',
			action: 'Create a sender view URL',
		},
		{
			name: 'Create Signing URL',
			value: 'createSigningUrl',
			description: 'Get an embedded signing link for a recipient that has a client user ID',
			action: 'Create an embedded signing URL',
		},
		{
			name: 'Delete Custom Fields',
			value: 'deleteCustomFields',
			description:
				'Remove custom fields from a draft or in-progress envelope. Returns the names removed.',
			action: 'Delete envelope custom fields',
		},
		{
			name: 'Delete Document',
			value: 'deleteDocument',
			description:
				'Remove a document from a draft or in-progress envelope. Returns the document ID removed.',
			action: 'Delete a document from an envelope',
		},
		{
			name: 'Download Document',
			value: 'downloadDocument',
			description: 'Download the combined PDF, the certificate of completion, a zip archive or one document',
			action: 'Download an envelope document',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get an envelope, optionally with recipients, documents, custom fields and tabs',
			action: 'Get an envelope',
		},
		{
			name: 'Get Account Custom Fields',
			value: 'getAccountCustomFields',
			description:
				'List the envelope custom fields defined for the account, one item per field with its type, list items and whether it is required',
			action: 'Get account custom fields',
		},
		{
			name: 'Get Audit Events',
			value: 'getAuditEvents',
			description:
				'Get the history of an envelope, one item per event with logTime, userName, action, message, envelopeStatus and clientIpAddress',
			action: 'Get the audit events of an envelope',
		},
		{
			name: 'Get Custom Fields',
			value: 'getCustomFields',
			description:
				'Get the custom fields of an envelope: their values by name, and each field with its ID and type',
			action: 'Get envelope custom fields',
		},
		{
			name: 'Get Documents',
			value: 'getDocuments',
			description:
				'List the documents of an envelope, one item per document with its ID, name, type and pages',
			action: 'Get the documents of an envelope',
		},
		{
			name: 'Get Form Data',
			value: 'getFormData',
			description:
				'Get the values recipients entered in the fields of an envelope: label → value for the envelope and for each recipient, plus DocuSign\'s raw answer',
			action: 'Get the form data of an envelope',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List envelopes changed since a date, filtered by status, text or folder',
			action: 'Get many envelopes',
		},
		{
			name: 'Get Recipients',
			value: 'getRecipients',
			description: 'Get each recipient of an envelope with their status',
			action: 'Get envelope recipients',
		},
		{
			name: 'Get Status',
			value: 'getStatus',
			description: 'Get the compact status of an envelope and its recipients in one call',
			action: 'Get the status of an envelope',
		},
		{
			name: 'Resend',
			value: 'resend',
			description: 'Send the signing e-mails of an envelope again',
			action: 'Resend an envelope',
		},
		{
			name: 'Send',
			value: 'send',
			description: 'Send a draft envelope to its recipients',
			action: 'Send a draft envelope',
		},
		{
			name: 'Send and Wait for Completion',
			value: SEND_AND_WAIT_OPERATION,
			description:
				'Send an envelope from documents or a template, then wait until DocuSign reports it completed, declined or voided (no polling)',
			action: 'Send an envelope and wait for completion',
		},
		{
			name: 'Set Custom Fields',
			value: 'setCustomFields',
			description:
				'Add custom fields to an envelope or change their values. Returns the fields added and updated and every value by name.',
			action: 'Set envelope custom fields',
		},
		{
			name: 'Update Recipients',
			value: 'updateRecipients',
			description: 'Correct a recipient\'s name or e-mail and resend to them',
			action: 'Update envelope recipients',
		},
		{
			name: 'Update Reminders and Expiration',
			value: 'updateNotification',
			description:
				'Change when DocuSign sends reminders and when the envelope expires, or switch to the account defaults. Returns the settings now in force.',
			action: 'Update the reminders and expiration of an envelope',
		},
		{
			name: 'Void',
			value: 'voidEnvelope',
			description: 'Void an envelope that is not completed, with a reason the recipients see',
			action: 'Void an envelope',
		},
	],
	default: 'create',
};

/** Every envelope operation's value, e.g. to show a field for one operation only. */
export const operationValues = (operationField.options as Array<{ value: string }>).map((option) => option.value);

export const description: INodeProperties[] = [
	operationField,
	...create.description,
	...createCorrectUrl.description,
	...createFromTemplate.description,
	...createSenderUrl.description,
	...createSigningUrl.description,
	...deleteCustomFields.description,
	...deleteDocument.description,
	...downloadDocument.description,
	...get.description,
	...getAccountCustomFields.description,
	...getAll.description,
	...getAuditEvents.description,
	...getCustomFields.description,
	...getDocuments.description,
	...getFormData.description,
	...getRecipients.description,
	...getStatus.description,
	...resend.description,
	...send.description,
	...sendAndWait.description,
	...setCustomFields.description,
	...updateNotification.description,
	...updateRecipients.description,
	...upsertDocument.description,
	...voidEnvelope.description,
];
