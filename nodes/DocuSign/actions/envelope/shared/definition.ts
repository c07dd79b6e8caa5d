import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import { TAB_KINDS, type TabKind } from './tabs.description';
import {
	isEmail,
	isPlainObject,
	requireEmail,
	requireNumber,
	requireText,
	requireWholeNumber,
} from './validation';

export type RecipientType = 'signer' | 'carbonCopy';

/** What the node's output says about each recipient it created. */
export interface RecipientSummary {
	recipientId: string;
	recipientType: RecipientType;
	name: string;
	email: string;
	routingOrder: number;
	clientUserId?: string;
}

const bool = (value: unknown): string => String(value === true || value === 'true');

const routingOrderHint =
	'Routing order sets who gets the envelope when: 1 first, then 2, and so on. Recipients with the same number receive it at the same time.';

/** Reads the routing order of a recipient: a whole number of at least 1. */
export function readRoutingOrder(context: IExecuteFunctions, itemIndex: number, value: unknown, where: string): number {
	return requireWholeNumber(context, itemIndex, value ?? 1, `${where}'s routing order`, 1, routingOrderHint);
}

/** Reads an embedded-signing client user ID (optional, max 100 characters). */
export function readClientUserId(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	where: string,
): string | undefined {
	const clientUserId = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!clientUserId) return undefined;
	if (clientUserId.length > 100) {
		throw inputError(
			context,
			itemIndex,
			`${where}'s client user ID is ${clientUserId.length} characters long; DocuSign allows at most 100`,
			'Use a shorter identifier of the signer in your system, such as their user ID.',
		);
	}
	return clientUserId;
}

function buildTab(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: TabKind,
	input: IDataObject,
	where: string,
	documentCount: number,
): IDataObject {
	const tab: IDataObject = {};
	if ((input.placement ?? 'anchor') === 'anchor') {
		const anchorString = typeof input.anchorString === 'string' ? input.anchorString : '';
		if (!anchorString.trim()) {
			throw inputError(
				context,
				itemIndex,
				`${where} is placed by anchor text but has no anchor text`,
				'Enter the text in the document where the field goes (such as /sn1/), or switch Placement to By Page Position.',
			);
		}
		tab.anchorString = anchorString;
		tab.anchorXOffset = String(requireNumber(context, itemIndex, input.anchorXOffset ?? 0, `${where}'s anchor X offset`));
		tab.anchorYOffset = String(requireNumber(context, itemIndex, input.anchorYOffset ?? 0, `${where}'s anchor Y offset`));
		tab.anchorUnits = typeof input.anchorUnits === 'string' && input.anchorUnits ? input.anchorUnits : 'pixels';
		if (input.anchorIgnoreIfNotPresent === true) tab.anchorIgnoreIfNotPresent = 'true';
	} else {
		const documentNumber = requireWholeNumber(
			context,
			itemIndex,
			input.documentNumber ?? 1,
			`${where}'s document number`,
			1,
			documentCount > 0
				? `The envelope has ${documentCount} document${documentCount === 1 ? '' : 's'}: use 1 for the first one in Documents.`
				: 'Use 1 for the first document.',
			documentCount > 0 ? documentCount : undefined,
		);
		tab.documentId = String(documentNumber);
		tab.pageNumber = String(
			requireWholeNumber(context, itemIndex, input.pageNumber ?? 1, `${where}'s page number`, 1, 'Pages count from 1.'),
		);
		tab.xPosition = String(Math.round(requireNumber(context, itemIndex, input.xPosition ?? 0, `${where}'s X position`, 0)));
		tab.yPosition = String(Math.round(requireNumber(context, itemIndex, input.yPosition ?? 0, `${where}'s Y position`, 0)));
	}
	if (kind === 'textTabs' || kind === 'checkboxTabs') {
		const label = typeof input.tabLabel === 'string' ? input.tabLabel.trim() : '';
		if (label) tab.tabLabel = label;
		if (kind === 'textTabs' && input.value !== undefined && input.value !== '') tab.value = String(input.value);
		if (kind === 'checkboxTabs') tab.selected = bool(input.selected);
		tab.required = bool(input.required ?? kind === 'textTabs');
		tab.locked = bool(input.locked);
	}
	return tab;
}

/** The `tabs` object of a signer from the node's "Fields to Place" collection. */
export function buildTabs(
	context: IExecuteFunctions,
	itemIndex: number,
	input: unknown,
	where: string,
	documentCount: number,
): IDataObject | undefined {
	if (!isPlainObject(input)) return undefined;
	const tabs: IDataObject = {};
	for (const kind of Object.keys(TAB_KINDS) as TabKind[]) {
		const list = input[kind];
		if (!Array.isArray(list) || list.length === 0) continue;
		tabs[kind] = list.map((tab, index) =>
			buildTab(context, itemIndex, kind, tab as IDataObject, `${where} → ${TAB_KINDS[kind]} field ${index + 1}`, documentCount),
		);
	}
	return Object.keys(tabs).length ? tabs : undefined;
}

interface PendingRecipient {
	type: RecipientType;
	where: string;
	explicitId?: string;
	body: IDataObject;
	summary: Omit<RecipientSummary, 'recipientId'>;
}

function readRecipientId(context: IExecuteFunctions, itemIndex: number, value: unknown, where: string): string | undefined {
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!id) return undefined;
	if (!/^[1-9]\d{0,8}$/.test(id)) {
		throw inputError(
			context,
			itemIndex,
			`${where}'s recipient ID "${id.slice(0, 50)}" is not a positive whole number`,
			'Leave Recipient ID empty to number recipients automatically, or use 1, 2, 3…',
		);
	}
	return id;
}

/**
 * The `recipients` of an envelope made from documents, from the Signers and Carbon Copies
 * collections. Explicit recipient IDs are kept; the others get the lowest free numbers, signers
 * first.
 */
export function buildRecipients(
	context: IExecuteFunctions,
	itemIndex: number,
	documentCount: number,
): { recipients: IDataObject; summary: RecipientSummary[] } {
	const signers = context.getNodeParameter('signers.signer', itemIndex, []) as IDataObject[];
	const carbonCopies = context.getNodeParameter('carbonCopies.carbonCopy', itemIndex, []) as IDataObject[];
	if (!signers.length) {
		throw inputError(
			context,
			itemIndex,
			'the envelope has no signer',
			'Add at least one signer under Signers, with a name and an e-mail address.',
		);
	}

	const pending: PendingRecipient[] = [];
	const read = (input: IDataObject, type: RecipientType, where: string) => {
		const name = requireText(context, itemIndex, input.name, where, 'name', `Give ${where} a name.`);
		const email = requireEmail(context, itemIndex, input.email, where);
		const routingOrder = readRoutingOrder(context, itemIndex, input.routingOrder, where);
		const body: IDataObject = { name, email, routingOrder: String(routingOrder) };
		const summary: PendingRecipient['summary'] = { recipientType: type, name, email, routingOrder };
		if (type === 'signer') {
			const clientUserId = readClientUserId(context, itemIndex, input.clientUserId, where);
			if (clientUserId) {
				body.clientUserId = clientUserId;
				summary.clientUserId = clientUserId;
			}
			const tabs = buildTabs(context, itemIndex, input.tabs, where, documentCount);
			if (tabs) body.tabs = tabs;
		}
		pending.push({ type, where, explicitId: readRecipientId(context, itemIndex, input.recipientId, where), body, summary });
	};
	signers.forEach((signer, index) => read(signer, 'signer', `Signer ${index + 1}`));
	carbonCopies.forEach((copy, index) => read(copy, 'carbonCopy', `Carbon Copy ${index + 1}`));

	const owners = new Map<string, string>();
	for (const recipient of pending) {
		if (!recipient.explicitId) continue;
		const owner = owners.get(recipient.explicitId);
		if (owner) {
			throw inputError(
				context,
				itemIndex,
				`recipient ID ${recipient.explicitId} is used twice, by ${owner} and ${recipient.where}`,
				'Every recipient of an envelope needs its own recipient ID. Leave Recipient ID empty to number recipients automatically.',
			);
		}
		owners.set(recipient.explicitId, recipient.where);
	}
	let next = 1;
	const summary: RecipientSummary[] = [];
	const recipients: IDataObject = {};
	for (const recipient of pending) {
		let recipientId = recipient.explicitId;
		if (!recipientId) {
			while (owners.has(String(next))) next++;
			recipientId = String(next);
			owners.set(recipientId, recipient.where);
		}
		const key = recipient.type === 'signer' ? 'signers' : 'carbonCopies';
		((recipients[key] ??= []) as IDataObject[]).push({ ...recipient.body, recipientId });
		summary.push({ recipientId, ...recipient.summary });
	}
	return { recipients, summary };
}

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
