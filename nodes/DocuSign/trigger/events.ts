import type { INodePropertyOptions } from 'n8n-workflow';

/** The Connect 2.0 (JSON SIM) events the trigger offers; values are DocuSign's event names. */
export const CONNECT_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Envelope Completed',
		value: 'envelope-completed',
		description: 'Every recipient has completed their actions',
	},
	{
		name: 'Envelope Corrected',
		value: 'envelope-corrected',
		description: 'The sender corrected the envelope',
	},
	{
		name: 'Envelope Declined',
		value: 'envelope-declined',
		description: 'A recipient declined to sign',
	},
	{
		name: 'Envelope Delivered',
		value: 'envelope-delivered',
		description: 'Every recipient has opened the envelope',
	},
	{
		name: 'Envelope Purged',
		value: 'envelope-purge',
		description: 'The envelope\'s documents are queued to be purged',
	},
	{
		name: 'Envelope Resent',
		value: 'envelope-resent',
		description: 'The sender resent the envelope',
	},
	{
		name: 'Envelope Sent',
		value: 'envelope-sent',
		description: 'The envelope went out: the first recipients got their e-mail, or embedded signing began',
	},
	{
		name: 'Envelope Voided',
		value: 'envelope-voided',
		description: 'The sender voided the envelope, or it expired',
	},
	{
		name: 'Recipient Authentication Failed',
		value: 'recipient-authenticationfailed',
		description: 'A recipient failed an identity check (access code, phone, ID verification)',
	},
	{
		name: 'Recipient Auto-Responded',
		value: 'recipient-autoresponded',
		description: 'The e-mail to a recipient bounced or got an automatic reply',
	},
	{
		name: 'Recipient Completed',
		value: 'recipient-completed',
		description: 'A recipient completed their actions, usually by signing',
	},
	{
		name: 'Recipient Declined',
		value: 'recipient-declined',
		description: 'A recipient declined to sign',
	},
	{
		name: 'Recipient Delivered',
		value: 'recipient-delivered',
		description: 'A recipient opened the envelope',
	},
	{
		name: 'Recipient Sent',
		value: 'recipient-sent',
		description: 'A recipient was notified that it is their turn',
	},
];
