import type { INodeProperties } from 'n8n-workflow';

const custom = { useAccountDefaults: [false] };

/** Reminders and expiration of the envelope (`notification`), or the account's defaults. */
export const remindersOption: INodeProperties = {
	displayName: 'Reminders and Expiration',
	name: 'notification',
	type: 'fixedCollection',
	placeholder: 'Set Reminders and Expiration',
	default: {},
	description:
		"When DocuSign reminds recipients who have not acted, and when the envelope expires. Without this option DocuSign applies its system defaults (no reminders, expiry after 120 days), not the account's settings: add it with Use Account Defaults on for those.",
	options: [
		{
			displayName: 'Settings',
			name: 'settings',
			values: [
				{
					displayName: 'Expires After (Days)',
					name: 'expireAfter',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 999 },
					default: 120,
					displayOptions: { show: custom },
					description: 'Days after sending; an expired envelope can no longer be signed',
				},
				{
					displayName: 'First Reminder After (Days)',
					name: 'reminderDelay',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 999 },
					default: 2,
					displayOptions: { show: { ...custom, reminderEnabled: [true] } },
					description: 'Days after the recipient receives the envelope',
				},
				{
					displayName: 'Repeat Every (Days)',
					name: 'reminderFrequency',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 999 },
					default: 2,
					displayOptions: { show: { ...custom, reminderEnabled: [true] } },
					description: 'Days between reminders; 0 sends one reminder only',
				},
				{
					displayName: 'Send Reminders',
					name: 'reminderEnabled',
					type: 'boolean',
					default: true,
					displayOptions: { show: custom },
					description: 'Whether DocuSign e-mails reminders to recipients who have not acted yet',
				},
				{
					displayName: 'Use Account Defaults',
					name: 'useAccountDefaults',
					type: 'boolean',
					default: false,
					description:
						"Whether the account's reminder and expiration settings apply (DocuSign Admin → Reminders and Expiration) instead of the values below",
				},
				{
					displayName: 'Warn Before Expiry (Days)',
					name: 'expireWarn',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 999 },
					default: 0,
					displayOptions: { show: custom },
					description: 'Days before expiry that recipients get a warning e-mail; 0 sends no warning',
				},
			],
		},
	],
};

export const brandOption: INodeProperties = {
	displayName: 'Brand Name or ID',
	name: 'brandId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getBrands' },
	default: '',
	description:
		'The account brand (logo, colours, e-mail texts) recipients see instead of the account\'s default brand. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
