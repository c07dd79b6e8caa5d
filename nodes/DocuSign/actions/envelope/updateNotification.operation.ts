import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

// DocuSign's web app accepts up to 999 days for each setting.
const MAX_DAYS = 999;

const days = (displayName: string, name: string, defaultValue: number, description: string, minValue = 0): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue, maxValue: MAX_DAYS, numberPrecision: 0 },
	default: defaultValue,
	description,
	displayOptions: { show: { useAccountDefaults: [false] } },
});

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description: 'The draft or in-progress envelope whose reminders and expiration to change',
	},
	{
		displayName: 'Use Account Defaults',
		name: 'useAccountDefaults',
		type: 'boolean',
		default: false,
		description: 'Whether to drop the envelope\'s own settings and use the reminders and expiration set for the account',
	},
	{
		displayName: 'Send Reminders',
		name: 'reminderEnabled',
		type: 'boolean',
		default: true,
		description: 'Whether DocuSign e-mails reminders to recipients who have not acted',
		displayOptions: { show: { useAccountDefaults: [false] } },
	},
	{
		...days('First Reminder After (Days)', 'reminderDelay', 2, 'Days after a recipient receives the envelope before the first reminder'),
		displayOptions: { show: { useAccountDefaults: [false], reminderEnabled: [true] } },
	},
	{
		...days('Repeat Reminder Every (Days)', 'reminderFrequency', 2, 'Days between reminders after the first; 0 sends only one'),
		displayOptions: { show: { useAccountDefaults: [false], reminderEnabled: [true] } },
	},
	{
		displayName: 'Set Expiration',
		name: 'expireEnabled',
		type: 'boolean',
		default: true,
		description: 'Whether the envelope expires (is voided) after a number of days. Off: the account\'s expiration applies.',
		displayOptions: { show: { useAccountDefaults: [false] } },
	},
	{
		...days('Expire After (Days)', 'expireAfter', 30, 'Days the envelope stays open for signing, counted from when it was sent', 1),
		displayOptions: { show: { useAccountDefaults: [false], expireEnabled: [true] } },
	},
	{
		...days('Warn Before Expiry (Days)', 'expireWarn', 3, 'Days before expiry to e-mail recipients a warning; 0 sends none'),
		displayOptions: { show: { useAccountDefaults: [false], expireEnabled: [true] } },
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['updateNotification'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readDays(this: IExecuteFunctions, itemIndex: number, name: string, label: string, min: number): number {
	const value = Number(this.getNodeParameter(name, itemIndex, min));
	if (!Number.isInteger(value) || value < min || value > MAX_DAYS) {
		throw inputError(this, itemIndex, `${label}: "${value}" is not a whole number of days from ${min} to ${MAX_DAYS}`);
	}
	return value;
}

/** The envelopeNotificationRequest of an item, checked before any call. DocuSign wants strings. */
function notificationRequest(this: IExecuteFunctions, itemIndex: number): IDataObject {
	if (this.getNodeParameter('useAccountDefaults', itemIndex, false)) return { useAccountDefaults: 'true' };
	const request: IDataObject = { useAccountDefaults: 'false' };
	const remind = this.getNodeParameter('reminderEnabled', itemIndex, true) as boolean;
	request.reminders = remind
		? {
				reminderEnabled: 'true',
				reminderDelay: String(readDays.call(this, itemIndex, 'reminderDelay', 'First Reminder After', 0)),
				reminderFrequency: String(readDays.call(this, itemIndex, 'reminderFrequency', 'Repeat Reminder Every', 0)),
			}
		: { reminderEnabled: 'false' };
	const expire = this.getNodeParameter('expireEnabled', itemIndex, true) as boolean;
	if (expire) {
		const expireAfter = readDays.call(this, itemIndex, 'expireAfter', 'Expire After', 1);
		const expireWarn = readDays.call(this, itemIndex, 'expireWarn', 'Warn Before Expiry', 0);
		if (expireWarn >= expireAfter) {
			throw inputError(
				this,
				itemIndex,
				`Warn Before Expiry (${expireWarn} days) must be less than Expire After (${expireAfter} days)`,
				'Otherwise the warning would go out before the envelope is even sent. Use 0 for no warning.',
			);
		}
		request.expirations = { expireEnabled: 'true', expireAfter: String(expireAfter), expireWarn: String(expireWarn) };
	} else {
		request.expirations = { expireEnabled: 'false' };
	}
	return request;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const body = notificationRequest.call(this, itemIndex);
	const notification = (await apiRequest.call(this, 'PUT', `/envelopes/${envelopeId}/notification`, {
		body,
		itemIndex,
		action: 'update the reminders and expiration of the envelope',
		idempotent: true,
	})) as IDataObject;
	return [{ json: { envelopeId, ...notification } }];
}
