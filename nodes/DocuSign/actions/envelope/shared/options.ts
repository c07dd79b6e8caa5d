import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import { checkDuplicateProtection } from './createEnvelope';
import { buildCustomFields, buildEventNotification, checkMergedRecipients } from './definition';
import { deepMerge, parseAdvancedJson, requireWholeNumber } from './validation';

const EMAIL_SUBJECT_MAX = 100;
const EMAIL_BLURB_MAX = 10000;

/** The Email Subject field: required for Create, an optional override for templates. */
export function readEmailSubject(context: IExecuteFunctions, itemIndex: number, required: boolean): string | undefined {
	const subject = String(context.getNodeParameter('emailSubject', itemIndex, '') ?? '').trim();
	if (!subject) {
		if (!required) return undefined;
		throw inputError(
			context,
			itemIndex,
			'the envelope has no e-mail subject',
			'Enter the Email Subject that recipients see, such as "Please sign: Service Agreement".',
		);
	}
	if (subject.length > EMAIL_SUBJECT_MAX) {
		throw inputError(
			context,
			itemIndex,
			`the e-mail subject is ${subject.length} characters long; DocuSign allows at most ${EMAIL_SUBJECT_MAX}`,
			'Shorten Email Subject; put the details into Options → Email Message.',
		);
	}
	return subject;
}

export function readStatus(context: IExecuteFunctions, itemIndex: number): 'sent' | 'created' {
	const status = context.getNodeParameter('status', itemIndex, 'sent') as string;
	if (status !== 'sent' && status !== 'created') {
		throw inputError(
			context,
			itemIndex,
			`"${String(status).slice(0, 50)}" is not a valid choice for Send or Save as Draft`,
			'Use "sent" to send the envelope now or "created" to save it as a draft.',
		);
	}
	return status;
}

/**
 * `notification` from Options → Reminders and Expiration: the account defaults, or explicit
 * reminders and expiration (DocuSign uses a request's values only with useAccountDefaults "false",
 * and an expiration only with expireEnabled "true": spec definitions notification, expirations).
 */
export function buildNotification(context: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject | undefined {
	const settings = (options.notification as IDataObject | undefined)?.settings as IDataObject | undefined;
	if (!settings) return undefined;
	if (settings.useAccountDefaults === true) return { useAccountDefaults: 'true' };
	const where = 'Options → Reminders and Expiration';
	const days = (value: unknown, field: string, min: number, fallback: number) =>
		requireWholeNumber(context, itemIndex, value ?? fallback, `${where} → ${field}`, min, 'DocuSign counts in whole days, up to 999.', 999);
	const expireAfter = days(settings.expireAfter, 'Expires After', 1, 120);
	const expireWarn = days(settings.expireWarn, 'Warn Before Expiry', 0, 0);
	if (expireWarn >= expireAfter) {
		throw inputError(
			context,
			itemIndex,
			`${where}: the warning comes ${expireWarn} days before expiry, but the envelope expires after ${expireAfter} days`,
			'Warn fewer days before expiry than the envelope lives, or set Warn Before Expiry to 0.',
		);
	}
	const reminderEnabled = settings.reminderEnabled !== false;
	return {
		useAccountDefaults: 'false',
		reminders: reminderEnabled
			? {
					reminderEnabled: 'true',
					reminderDelay: String(days(settings.reminderDelay, 'First Reminder After', 0, 2)),
					reminderFrequency: String(days(settings.reminderFrequency, 'Repeat Every', 0, 2)),
				}
			: { reminderEnabled: 'false' },
		expirations: { expireEnabled: 'true', expireAfter: String(expireAfter), expireWarn: String(expireWarn) },
	};
}

/** The Options of an item, checked: fields to add to the definition, and Advanced (JSON). */
export interface EnvelopeOptions {
	fields: IDataObject;
	advanced: IDataObject;
	/** The user's Idempotency Key, empty when not set. */
	idempotencyKey: string;
}

/** Reads and checks the Options (e-mail message, custom fields, status notifications, Advanced JSON). */
export function readEnvelopeOptions(context: IExecuteFunctions, itemIndex: number): EnvelopeOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fields: IDataObject = {};
	const emailBlurb = typeof options.emailBlurb === 'string' ? options.emailBlurb : '';
	if (emailBlurb.length > EMAIL_BLURB_MAX) {
		throw inputError(
			context,
			itemIndex,
			`Options → Email Message is ${emailBlurb.length} characters long; DocuSign allows at most ${EMAIL_BLURB_MAX}`,
			'Shorten the message.',
		);
	}
	if (emailBlurb.trim()) fields.emailBlurb = emailBlurb;
	const customFields = buildCustomFields(context, itemIndex, options);
	if (customFields) fields.customFields = customFields;
	const eventNotification = buildEventNotification(context, itemIndex, options);
	if (eventNotification) fields.eventNotification = eventNotification;
	const notification = buildNotification(context, itemIndex, options);
	if (notification) fields.notification = notification;
	const brandId = String(options.brandId ?? '').trim();
	if (brandId) fields.brandId = brandId;
	const result = {
		fields,
		advanced: parseAdvancedJson(context, itemIndex, options.advancedJson),
		idempotencyKey: String(options.idempotencyKey ?? '').trim(),
	};
	checkDuplicateProtection(context, itemIndex, result);
	return result;
}

/** Adds the options to a definition, merges Advanced (JSON) over it and checks the result's recipients. */
export function completeDefinition(
	context: IExecuteFunctions,
	itemIndex: number,
	definition: IDataObject,
	options: EnvelopeOptions,
): IDataObject {
	Object.assign(definition, options.fields);
	if (Object.keys(options.advanced).length) {
		deepMerge(definition, options.advanced);
		checkMergedRecipients(context, itemIndex, definition);
	}
	return definition;
}
