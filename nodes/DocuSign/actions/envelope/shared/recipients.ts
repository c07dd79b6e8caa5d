import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import { buildTabs } from './tabs';
import { requireEmail, requireText, requireWholeNumber } from './validation';

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
