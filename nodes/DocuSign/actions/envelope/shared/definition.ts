import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import { bool, isEmail, isPlainObject, requireText } from './validation';

// The recipients and tabs builders live in recipients.ts and tabs.ts; their names stay importable from here.
export { buildRecipients, readClientUserId, readRoutingOrder, type RecipientSummary, type RecipientType } from './recipients';
export { buildTabs } from './tabs';

/** `customFields.textCustomFields` from the Custom Fields option. */
export function buildCustomFields(context: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject | undefined {
	const fields = ((options.customFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	if (!fields.length) return undefined;
	const seen = new Set<string>();
	const textCustomFields = fields.map((field, index) => {
		const where = `Options → Custom Field ${index + 1}`;
		const name = requireText(context, itemIndex, field.name, where, 'name', 'Give every custom field a name, such as crmDealId.');
		if (seen.has(name.toLowerCase())) {
			throw inputError(context, itemIndex, `custom field "${name}" is given twice`, 'Give each envelope custom field a different name.');
		}
		seen.add(name.toLowerCase());
		return { name, value: field.value === undefined || field.value === null ? '' : String(field.value), show: bool(field.show) };
	});
	return { textCustomFields };
}

/** A per-envelope Connect webhook (`eventNotification`) from the Status Notifications option. */
export function buildEventNotification(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): IDataObject | undefined {
	const webhook = (options.statusNotification as IDataObject | undefined)?.webhook as IDataObject | undefined;
	if (!webhook) return undefined;
	const where = 'Options → Status Notifications';
	const url = typeof webhook.url === 'string' ? webhook.url.trim() : '';
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !['https:', 'http:'].includes(parsed.protocol)) {
		throw inputError(
			context,
			itemIndex,
			url ? `${where}: "${url.slice(0, 200)}" is not a web address` : `${where} has no URL`,
			'Enter the HTTPS address DocuSign should post events to, such as the production URL of an n8n Webhook node.',
		);
	}
	const events = Array.isArray(webhook.events) ? (webhook.events as string[]) : [];
	if (!events.length) {
		throw inputError(context, itemIndex, `${where} has no events selected`, 'Choose at least one event, such as Envelope Completed.');
	}
	const includeData = Array.isArray(webhook.includeData) ? (webhook.includeData as string[]) : [];
	return {
		url,
		deliveryMode: 'SIM',
		events,
		eventData: { version: 'restv2.1', format: 'json', ...(includeData.length ? { includeData } : {}) },
		includeHMAC: bool(webhook.includeHMAC ?? true),
		requireAcknowledgment: bool(webhook.requireAcknowledgment ?? true),
		loggingEnabled: 'true',
	};
}

const RECIPIENT_LISTS = [
	'signers',
	'carbonCopies',
	'certifiedDeliveries',
	'inPersonSigners',
	'agents',
	'editors',
	'intermediaries',
	'witnesses',
	'notaries',
	'seals',
];

/**
 * Checks what Advanced (JSON) may have changed in the final definition: recipient IDs unique
 * across all recipient types, and e-mails (of recipients and template roles) well formed.
 */
export function checkMergedRecipients(context: IExecuteFunctions, itemIndex: number, definition: IDataObject): void {
	const recipients = isPlainObject(definition.recipients) ? definition.recipients : {};
	const lists: Array<[string, unknown]> = RECIPIENT_LISTS.map((list) => [`recipients.${list}`, recipients[list]]);
	lists.push(['templateRoles', definition.templateRoles]);
	const owners = new Map<string, string>();
	for (const [path, entries] of lists) {
		if (!Array.isArray(entries)) continue;
		entries.forEach((entry, index) => {
			if (!isPlainObject(entry)) return;
			const where = `${path}[${index}]`;
			if (typeof entry.email === 'string' && entry.email && !isEmail(entry.email.trim())) {
				throw inputError(
					context,
					itemIndex,
					`the e-mail "${entry.email.slice(0, 200)}" of ${where} (from Options → Advanced (JSON)) is not a valid e-mail address`,
					'Use an address such as jane.doe@example.com.',
				);
			}
			if (path === 'templateRoles' || entry.recipientId === undefined || entry.recipientId === null) return;
			const id = String(entry.recipientId);
			const owner = owners.get(id);
			if (owner) {
				throw inputError(
					context,
					itemIndex,
					`recipient ID ${id} is used twice, by ${owner} and ${where} (after merging Options → Advanced (JSON))`,
					'Every recipient of an envelope needs its own recipient ID. Check the recipients in Advanced (JSON) against the ones the node builds (numbered 1, 2, 3… unless set).',
				);
			}
			owners.set(id, where);
		});
	}
}
