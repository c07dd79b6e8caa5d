import type { INodeProperties } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import * as create from './create.operation';
import * as createFromTemplate from './createFromTemplate.operation';
import * as createSenderUrl from './createSenderUrl.operation';
import * as createSigningUrl from './createSigningUrl.operation';
import * as downloadDocument from './downloadDocument.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getRecipients from './getRecipients.operation';
import * as getStatus from './getStatus.operation';
import * as resend from './resend.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as updateRecipients from './updateRecipients.operation';
import * as voidEnvelope from './voidEnvelope.operation';

export {
	create,
	createFromTemplate,
	createSenderUrl,
	createSigningUrl,
	downloadDocument,
	get,
	getAll,
	getRecipients,
	getStatus,
	resend,
	send,
	sendAndWait,
	updateRecipients,
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
			name: 'Create',
			value: 'create',
			description: 'Create an envelope from documents, with signers, tabs and settings, and send it or save it as a draft',
			action: 'Create an envelope from documents',
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
			name: 'Update Recipients',
			value: 'updateRecipients',
			description: 'Correct a recipient\'s name or e-mail and resend to them',
			action: 'Update envelope recipients',
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
	...createFromTemplate.description,
	...createSenderUrl.description,
	...createSigningUrl.description,
	...downloadDocument.description,
	...get.description,
	...getAll.description,
	...getRecipients.description,
	...getStatus.description,
	...resend.description,
	...send.description,
	...sendAndWait.description,
	...updateRecipients.description,
	...voidEnvelope.description,
];
