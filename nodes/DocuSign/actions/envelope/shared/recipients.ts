import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import { readRecipientAuthentication } from './recipientAuth';
import type { AuthenticationMethod } from './recipientAuth.description';
import { buildTabs } from './tabs';
import { requireEmail, requireRecipientName, requireText, requireWholeNumber } from './validation';

export type RecipientType = 'signer' | 'inPersonSigner' | 'carbonCopy' | 'certifiedDelivery';

/** The `recipients` list each recipient type goes to. */
const RECIPIENT_LIST: Record<RecipientType, string> = {
	signer: 'signers',
	inPersonSigner: 'inPersonSigners',
	carbonCopy: 'carbonCopies',
	certifiedDelivery: 'certifiedDeliveries',
};

/** What the node's output says about each recipient it created. */
export interface RecipientSummary {
	recipientId: string;
	recipientType: RecipientType;
	name: string;
	email: string;
	routingOrder: number;
	clientUserId?: string;
	signingGroupId?: string;
	hostName?: string;
	hostEmail?: string;
	/** The method only: an access code never goes into the output. */
	authentication?: AuthenticationMethod;
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

function withAuthentication(
	context: IExecuteFunctions,
	itemIndex: number,
	input: IDataObject,
	recipient: Omit<PendingRecipient, 'explicitId'>,
	allowed: AuthenticationMethod[],
): Omit<PendingRecipient, 'explicitId'> {
	const { fields, method } = readRecipientAuthentication(context, itemIndex, input, recipient.where, allowed);
	Object.assign(recipient.body, fields);
	if (method !== 'none') recipient.summary.authentication = method;
	return recipient;
}

/** A carbon copy or certified delivery: name, e-mail, routing order, optionally an access code. */
function readAddressed(
	context: IExecuteFunctions,
	itemIndex: number,
	input: IDataObject,
	where: string,
	type: 'carbonCopy' | 'certifiedDelivery',
): Omit<PendingRecipient, 'explicitId'> {
	const name = requireRecipientName(context, itemIndex, input.name, where, `Give ${where} a name.`);
	const email = requireEmail(context, itemIndex, input.email, where);
	const routingOrder = readRoutingOrder(context, itemIndex, input.routingOrder, where);
	const recipient = {
		type,
		where,
		body: { name, email, routingOrder: String(routingOrder) },
		summary: { recipientType: type, name, email, routingOrder },
	};
	return type === 'certifiedDelivery' ? withAuthentication(context, itemIndex, input, recipient, ['none', 'accessCode']) : recipient;
}

/** A signer: a person by e-mail, a signing group, or an in-person signer with their host. */
function readSigner(
	context: IExecuteFunctions,
	itemIndex: number,
	input: IDataObject,
	where: string,
	documentCount: number,
): Omit<PendingRecipient, 'explicitId'> {
	const signerType = String(input.signerType ?? 'email');
	const routingOrder = readRoutingOrder(context, itemIndex, input.routingOrder, where);
	let recipient: Omit<PendingRecipient, 'explicitId'>;
	if (signerType === 'signingGroup') {
		const signingGroupId = requireText(
			context,
			itemIndex,
			input.signingGroupId,
			where,
			'signing group',
			"Choose one of the account's signing groups under Signing Group (DocuSign Admin → Signing Groups).",
		);
		recipient = {
			type: 'signer',
			where,
			body: { signingGroupId, routingOrder: String(routingOrder) },
			summary: { recipientType: 'signer', name: '', email: '', routingOrder, signingGroupId },
		};
	} else if (signerType === 'inPerson') {
		const signerName = requireRecipientName(context, itemIndex, input.name, where, `Give ${where} the name of the person who signs.`);
		const hostWhere = `${where}'s host`;
		const hostName = requireRecipientName(context, itemIndex, input.hostName, hostWhere, 'Enter the name of the host who hands over the device.');
		const hostEmail = requireEmail(context, itemIndex, input.hostEmail, hostWhere);
		const signerEmail = typeof input.signerEmail === 'string' && input.signerEmail.trim() ? requireEmail(context, itemIndex, input.signerEmail, where) : undefined;
		recipient = {
			type: 'inPersonSigner',
			where,
			body: { hostName, hostEmail, signerName, ...(signerEmail ? { signerEmail } : {}), routingOrder: String(routingOrder) },
			summary: { recipientType: 'inPersonSigner', name: signerName, email: signerEmail ?? '', routingOrder, hostName, hostEmail },
		};
	} else if (signerType === 'email') {
		const name = requireRecipientName(context, itemIndex, input.name, where, `Give ${where} a name.`);
		const email = requireEmail(context, itemIndex, input.email, where);
		recipient = {
			type: 'signer',
			where,
			body: { name, email, routingOrder: String(routingOrder) },
			summary: { recipientType: 'signer', name, email, routingOrder },
		};
		const clientUserId = readClientUserId(context, itemIndex, input.clientUserId, where);
		if (clientUserId) {
			recipient.body.clientUserId = clientUserId;
			recipient.summary.clientUserId = clientUserId;
		}
	} else {
		throw inputError(
			context,
			itemIndex,
			`${where}'s signer type "${signerType.slice(0, 30)}" is not one of email, signingGroup, inPerson`,
			'Choose Person (By E-Mail), Signing Group or In Person (Hosted) under Signer Type.',
		);
	}
	const tabs = buildTabs(context, itemIndex, input.tabs, where, documentCount);
	if (tabs) recipient.body.tabs = tabs;
	return withAuthentication(context, itemIndex, input, recipient, ['none', 'accessCode', 'phone', 'idVerification']);
}

/**
 * The `recipients` of an envelope made from documents, from the Signers, Carbon Copies and Needs
 * to View collections. Explicit recipient IDs are kept; the others get the lowest free numbers, signers
 * first.
 */
export function buildRecipients(
	context: IExecuteFunctions,
	itemIndex: number,
	documentCount: number,
): { recipients: IDataObject; summary: RecipientSummary[] } {
	const signers = context.getNodeParameter('signers.signer', itemIndex, []) as IDataObject[];
	const carbonCopies = context.getNodeParameter('carbonCopies.carbonCopy', itemIndex, []) as IDataObject[];
	const certifiedDeliveries = context.getNodeParameter('certifiedDeliveries.certifiedDelivery', itemIndex, []) as IDataObject[];
	if (!signers.length) {
		throw inputError(
			context,
			itemIndex,
			'the envelope has no signer',
			'Add at least one signer under Signers, with a name and an e-mail address.',
		);
	}

	const pending: PendingRecipient[] = [];
	const add = (recipient: Omit<PendingRecipient, 'explicitId'>, input: IDataObject) =>
		pending.push({ ...recipient, explicitId: readRecipientId(context, itemIndex, input.recipientId, recipient.where) });
	signers.forEach((input, index) => add(readSigner(context, itemIndex, input, `Signer ${index + 1}`, documentCount), input));
	carbonCopies.forEach((input, index) => add(readAddressed(context, itemIndex, input, `Carbon Copy ${index + 1}`, 'carbonCopy'), input));
	certifiedDeliveries.forEach((input, index) =>
		add(readAddressed(context, itemIndex, input, `Needs to View ${index + 1}`, 'certifiedDelivery'), input),
	);

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
		((recipients[RECIPIENT_LIST[recipient.type]] ??= []) as IDataObject[]).push({ ...recipient.body, recipientId });
		summary.push({ recipientId, ...recipient.summary });
	}
	return { recipients, summary };
}
