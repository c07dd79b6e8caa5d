/** Recipients: from request JSON to records (ids, tabs, checks) and back to DocuSign's JSON. */
import { badRequest } from './errors';
import type { DocumentRecord, RecipientRecord, RecipientType } from './types';
import { asArray, asObject, compact, guid, str } from './util';

export const RECIPIENT_TYPES: RecipientType[] = [
	'agents', 'carbonCopies', 'certifiedDeliveries', 'editors', 'inPersonSigners',
	'intermediaries', 'notaries', 'seals', 'signers', 'witnesses',
];

/** recipientType as DocuSign writes it in recipient JSON. */
const TYPE_NAMES: Record<RecipientType, string> = {
	agents: 'agent', carbonCopies: 'carboncopy', certifiedDeliveries: 'certifieddelivery', editors: 'editor',
	inPersonSigners: 'inpersonsigner', intermediaries: 'intermediary', notaries: 'notary', seals: 'seal',
	signers: 'signer', witnesses: 'witness',
};

/** Types that need name + e-mail (in-person signers, notaries and seals are identified otherwise). */
const ADDRESSED = new Set<RecipientType>(['agents', 'carbonCopies', 'certifiedDeliveries', 'editors', 'intermediaries', 'signers', 'witnesses']);

/** Recipients that receive a copy and never act. */
export const isPassive = (r: RecipientRecord): boolean => r.type === 'carbonCopies';

const OWN_FIELDS = new Set(['recipientId', 'recipientIdGuid', 'routingOrder', 'name', 'email', 'roleName', 'clientUserId', 'tabs', 'status', 'recipientType']);

export function normaliseTabs(tabs: unknown, recipientId: string): RecipientRecord['tabs'] {
	if (!tabs || typeof tabs !== 'object') return undefined;
	const out: NonNullable<RecipientRecord['tabs']> = {};
	for (const [kind, list] of Object.entries(tabs as Record<string, unknown>)) {
		out[kind] = asArray(list).map((tab) => ({ tabId: guid(), recipientId, ...tab }));
	}
	return out;
}

/** One record per recipient of an EnvelopeRecipients object; missing recipientIds get numbers. */
export function recipientsFromJson(recipients: unknown, taken: RecipientRecord[] = []): RecipientRecord[] {
	const out: RecipientRecord[] = [];
	const used = new Set(taken.map((r) => r.recipientId));
	let next = 1;
	for (const type of RECIPIENT_TYPES) {
		for (const raw of asArray(asObject(recipients)[type])) {
			let recipientId = str(raw.recipientId);
			if (!recipientId) {
				while (used.has(String(next))) next++;
				recipientId = String(next);
			}
			used.add(recipientId);
			const extra = Object.fromEntries(Object.entries(raw).filter(([k]) => !OWN_FIELDS.has(k)));
			out.push({
				type,
				recipientId,
				recipientIdGuid: guid(),
				routingOrder: Number(raw.routingOrder ?? 1) || 1,
				status: 'created',
				name: str(raw.name),
				email: str(raw.email),
				roleName: str(raw.roleName),
				clientUserId: str(raw.clientUserId),
				tabs: normaliseTabs(raw.tabs, recipientId),
				extra,
			});
		}
	}
	return out;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** DocuSign's checks when an envelope is created or sent. */
/**
 * Spec "Maximum Length: 100 characters" for a recipient's name and e-mail (signer.name, .email,
 * inPersonSigner.hostName, hostEmail, signerName, signerEmail) and 50 for accessCode. Refused, not
 * cut: the stricter side (DocuSign documents the limits, not what it answers past them).
 */
function checkLengths(r: RecipientRecord): void {
	const names = [r.name, r.extra.hostName, r.extra.signerName];
	const emails = [r.email, r.extra.hostEmail, r.extra.signerEmail];
	if (names.some((v) => String(v ?? '').length > 100)) {
		throw badRequest('INVALID_USERNAME_FOR_RECIPIENT', `The user name for the recipient is invalid (more than 100 characters). The recipient Id follows. ${r.recipientId}`);
	}
	if (emails.some((v) => String(v ?? '').length > 100)) {
		throw badRequest('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', `The email address for the recipient is invalid (more than 100 characters). The recipient Id follows. ${r.recipientId}`);
	}
	if (String(r.accessCode ?? r.extra.accessCode ?? '').length > 50) {
		throw badRequest('INVALID_REQUEST_PARAMETER', `The request contained at least one invalid parameter. Recipient ${r.recipientId}: accessCode is longer than 50 characters.`);
	}
}

export function checkRecipients(list: RecipientRecord[], documents: DocumentRecord[]): void {
	const ids = new Set<string>();
	for (const r of list) {
		if (ids.has(r.recipientId)) {
			throw badRequest('RECIPIENT_ID_ALREADY_EXISTS', `Recipient ID ${r.recipientId} is used more than once.`);
		}
		ids.add(r.recipientId);
		if (ADDRESSED.has(r.type)) {
			if (!r.email || !EMAIL.test(r.email)) {
				throw badRequest('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', `The email address for the recipient is invalid. The recipient Id follows. ${r.recipientId}`);
			}
			if (!r.name?.trim()) {
				throw badRequest('INVALID_USERNAME_FOR_RECIPIENT', `The user name for the recipient is invalid. The recipient Id follows. ${r.recipientId}`);
			}
		}
		if (r.type === 'inPersonSigners') {
			// DocuSign's in-person signer: a host (hostName, hostEmail) and the signer's name (spec inPersonSigner).
			const hostEmail = str(r.extra.hostEmail);
			const signerEmail = str(r.extra.signerEmail);
			if (!hostEmail || !EMAIL.test(hostEmail) || (signerEmail && !EMAIL.test(signerEmail))) {
				throw badRequest('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', `The email address for the recipient is invalid. The recipient Id follows. ${r.recipientId}`);
			}
			if (!str(r.extra.hostName)?.trim() || !str(r.extra.signerName)?.trim()) {
				throw badRequest('INVALID_USERNAME_FOR_RECIPIENT', `The user name for the recipient is invalid. The recipient Id follows. ${r.recipientId}`);
			}
		}
		checkLengths(r);
		for (const tab of Object.values(r.tabs ?? {}).flat()) {
			const documentId = str(tab.documentId);
			if (documentId && !documents.some((d) => d.documentId === documentId)) {
				throw badRequest('TAB_REFERS_TO_MISSING_DOCUMENT', `The tab refers to a document that is not in the envelope. Document ID: ${documentId}`);
			}
		}
	}
}

export function recipientJson(r: RecipientRecord, includeTabs: boolean): Record<string, unknown> {
	return compact({
		...r.extra,
		creationReason: 'sender',
		isBulkRecipient: 'false',
		requireUploadSignature: 'false',
		name: r.name,
		email: r.email,
		recipientId: r.recipientId,
		recipientIdGuid: r.recipientIdGuid,
		requireIdLookup: 'false',
		routingOrder: String(r.routingOrder),
		roleName: r.roleName,
		clientUserId: r.clientUserId,
		status: r.status,
		completedCount: r.status === 'completed' ? '1' : '0',
		sentDateTime: r.sentDateTime,
		deliveredDateTime: r.deliveredDateTime,
		signedDateTime: r.type === 'carbonCopies' ? undefined : r.signedDateTime,
		declinedDateTime: r.declinedDateTime,
		declinedReason: r.declinedReason,
		deliveryMethod: 'email',
		recipientType: TYPE_NAMES[r.type],
		tabs: includeTabs ? r.tabs : undefined,
	});
}

/** EnvelopeRecipients JSON: every type's list (empty ones too), recipientCount, currentRoutingOrder. */
export function recipientsJson(list: RecipientRecord[], includeTabs: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const type of RECIPIENT_TYPES) {
		out[type] = list.filter((r) => r.type === type).map((r) => recipientJson(r, includeTabs));
	}
	out.recipientCount = String(list.length);
	out.currentRoutingOrder = String(currentRoutingOrder(list));
	return out;
}

export function currentRoutingOrder(list: RecipientRecord[]): number {
	const open = list.filter((r) => r.status !== 'completed').map((r) => r.routingOrder);
	return open.length ? Math.min(...open) : Math.max(1, ...list.map((r) => r.routingOrder));
}
