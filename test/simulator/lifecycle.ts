/**
 * Envelope and recipient status moves, as DocuSign makes them:
 *   envelope: created → sent → delivered (every recipient has opened it) → completed | declined | voided
 *   recipient: created → sent (its routing order is reached) → delivered (opened) → completed | declined
 * Carbon copies complete as soon as their routing order is reached. Each move emits its Connect event.
 */
import { recipientLabel, recipientActor, recordAudit } from './audit';
import type { SimCore } from './core';
import { badRequest } from './errors';
import { currentRoutingOrder, isPassive } from './recipients';
import type { EnvelopeRecord, EnvelopeStatus, RecipientRecord } from './types';
import { dsDate } from './util';

function setStatus(env: EnvelopeRecord, status: EnvelopeStatus, now: string): void {
	env.status = status;
	env.statusChangedDateTime = now;
	env.lastModifiedDateTime = now;
}

export const isOpen = (env: EnvelopeRecord): boolean => env.status === 'sent' || env.status === 'delivered';

export function sendEnvelope(core: SimCore, env: EnvelopeRecord): void {
	const now = dsDate();
	setStatus(env, 'sent', now);
	env.sentDateTime = now;
	env.initialSentDateTime ??= now;
	const sender = core.user(env.senderUserId);
	recordAudit(env, { action: 'Sent Invitations', message: `${sender?.name ?? 'The sender'} sent the envelope`, actor: { name: sender?.name, userId: sender?.userId } });
	core.connect.emit('envelope-sent', env);
	advanceRouting(core, env);
}

/** Activates every recipient of the lowest open routing order; completes the envelope at the end. */
function advanceRouting(core: SimCore, env: EnvelopeRecord): void {
	for (;;) {
		if (env.recipients.every((r) => r.status === 'completed')) return completeEnvelope(core, env);
		const order = currentRoutingOrder(env.recipients);
		const due = env.recipients.filter((r) => r.routingOrder === order && r.status === 'created');
		if (!due.length) return;
		const now = dsDate();
		for (const r of due) {
			r.status = 'sent';
			r.sentDateTime = now;
			core.connect.emit('recipient-sent', env, r);
			if (isPassive(r)) {
				r.status = 'completed';
				r.deliveredDateTime = now;
				r.signedDateTime = now;
				core.connect.emit('recipient-completed', env, r);
			}
		}
	}
}

function completeEnvelope(core: SimCore, env: EnvelopeRecord): void {
	const now = dsDate();
	setStatus(env, 'completed', now);
	env.completedDateTime = now;
	recordAudit(env, { action: 'Completed', message: 'The envelope was completed' });
	core.connect.emit('envelope-completed', env);
}

/** The recipient, if it may act now (the envelope is open and it is this recipient's turn); else DocuSign's error. */
export function actingRecipient(env: EnvelopeRecord, recipientId: string): RecipientRecord {
	const r = env.recipients.find((x) => x.recipientId === recipientId);
	if (!r) throw badRequest('UNKNOWN_ENVELOPE_RECIPIENT', 'The recipient you have identified is not a valid recipient of the specified envelope.');
	if (!isOpen(env)) throw badRequest('ENVELOPE_INVALID_STATUS', `The envelope is ${env.status}; recipients cannot act on it.`);
	if (r.status !== 'sent' && r.status !== 'delivered') {
		throw badRequest('RECIPIENT_NOT_IN_SEQUENCE', `Recipient ${recipientId} is ${r.status}: it is not this recipient's turn.`);
	}
	return r;
}

/**
 * What a recipient proves or enters in the signing session: the access code, whether the
 * identity-verification workflow passed, and values for their text tabs (by tabLabel).
 */
export interface RecipientActionInput {
	accessCode?: string;
	identityVerified?: boolean;
	tabValues?: Record<string, string>;
}

/**
 * DocuSign asks for the access code and runs the identity-verification workflow before it shows
 * the documents (developers.docusign.com, esign101/concepts/recipients/auth; spec signer.accessCode:
 * "the recipient must enter the value as the access code to view and sign the envelope"). A wrong
 * or missing code emits recipient-authenticationfailed and refuses the action.
 */
function authenticate(core: SimCore, env: EnvelopeRecord, r: RecipientRecord, input: RecipientActionInput): void {
	const codeOk = !r.accessCode || input.accessCode === r.accessCode;
	const identityOk = !r.identityVerificationRequired || input.identityVerified === true;
	if (codeOk && identityOk) return;
	core.connect.emit('recipient-authenticationfailed', env, r);
	throw badRequest(
		'RECIPIENT_AUTHENTICATION_FAILED',
		!codeOk
			? `Recipient ${r.recipientId} did not enter the right access code.`
			: `Recipient ${r.recipientId} did not pass the envelope's identity verification.`,
	);
}

/**
 * Checks the labels in tabValues against the recipient's text and list tabs (an unknown or locked one
 * is refused) and returns what fills them, so a refused sign changes nothing, not even the status.
 */
function tabFiller(r: RecipientRecord, tabValues: Record<string, string> = {}): () => void {
	const valueTabs = Object.entries(r.tabs ?? {})
		.filter(([kind]) => !/^(signHere|initialHere|dateSigned|checkbox|radioGroup)Tabs$/.test(kind))
		.flatMap(([, list]) => list);
	const targets = Object.entries(tabValues).map(([label, value]) => {
		const found = valueTabs.filter((t) => t.tabLabel === label);
		if (!found.length) {
			const labels = valueTabs.map((t) => String(t.tabLabel ?? '')).filter(Boolean).join(', ') || 'none';
			throw badRequest('INVALID_TAB_LABEL', `Recipient ${r.recipientId} has no text or list field labelled "${label}" (labels: ${labels}).`);
		}
		if (found.some((t) => t.locked === 'true' || t.locked === true)) throw badRequest('TAB_LOCKED', `The field "${label}" is read-only.`);
		return { found, value: String(value) };
	});
	return () => {
		// Spec tab originalValue: "The initial value of the tab when it was sent to the recipient."
		for (const { found, value } of targets) {
			for (const tab of found) {
				tab.originalValue ??= tab.value ?? '';
				tab.value = value;
			}
		}
	};
}

/** The recipient opened the envelope (signing page, or control API "view"), after authenticating. */
export function viewRecipient(core: SimCore, env: EnvelopeRecord, recipientId: string, input: RecipientActionInput = {}): RecipientRecord {
	const r = actingRecipient(env, recipientId);
	if (r.status === 'delivered') return r;
	authenticate(core, env, r, input);
	const now = dsDate();
	r.status = 'delivered';
	r.deliveredDateTime = now;
	env.lastModifiedDateTime = now;
	core.connect.emit('recipient-delivered', env, r);
	// Spec (ConnectConfigurations.envelopeEvents): `delivered` "is triggered when all recipients have
	// opened the envelope". Every recipient must have opened (or completed) it, not just the first.
	if (env.status === 'sent' && env.recipients.every((x) => x.status === 'delivered' || x.status === 'completed')) {
		setStatus(env, 'delivered', now);
		env.deliveredDateTime = now;
		core.connect.emit('envelope-delivered', env);
	}
	recordAudit(env, { action: 'Viewed', message: `${recipientLabel(r)} viewed the envelope`, actor: recipientActor(r), source: 'Web' });
	return r;
}

export function signRecipient(core: SimCore, env: EnvelopeRecord, recipientId: string, input: RecipientActionInput = {}): RecipientRecord {
	const before = actingRecipient(env, recipientId);
	const fillTabs = tabFiller(before, input.tabValues);
	// A recipient who opened the envelope earlier authenticated then; one who signs now authenticates now.
	if (before.status === 'delivered') authenticate(core, env, before, input);
	const r = viewRecipient(core, env, recipientId, input);
	fillTabs();
	const now = dsDate();
	r.status = 'completed';
	r.signedDateTime = now;
	env.lastModifiedDateTime = now;
	recordAudit(env, { action: 'Signed', message: `${recipientLabel(r)} signed the envelope`, actor: recipientActor(r), source: 'Web' });
	core.connect.emit('recipient-completed', env, r);
	advanceRouting(core, env);
	return r;
}

export function declineRecipient(core: SimCore, env: EnvelopeRecord, recipientId: string, reason: string): RecipientRecord {
	const r = actingRecipient(env, recipientId);
	const now = dsDate();
	r.status = 'declined';
	r.declinedDateTime = now;
	r.declinedReason = reason;
	setStatus(env, 'declined', now);
	env.declinedDateTime = now;
	recordAudit(env, { action: 'Declined', message: `${recipientLabel(r)} declined to sign the envelope: ${reason}`, actor: recipientActor(r), source: 'Web' });
	core.connect.emit('recipient-declined', env, r);
	core.connect.emit('envelope-declined', env);
	return r;
}

export function voidEnvelope(core: SimCore, env: EnvelopeRecord, reason: string): void {
	if (!isOpen(env)) {
		throw badRequest('ENVELOPE_CANNOT_VOID_INVALID_STATE', `Only sent or delivered envelopes can be voided; this one is ${env.status}.`);
	}
	const now = dsDate();
	setStatus(env, 'voided', now);
	env.voidedDateTime = now;
	env.voidedReason = reason;
	const sender = core.user(env.senderUserId);
	recordAudit(env, { action: 'Voided', message: `${sender?.name ?? 'The sender'} voided the envelope: ${reason}`, actor: { name: sender?.name, userId: sender?.userId } });
	core.connect.emit('envelope-voided', env);
}

/** resend_envelope=true: notifications go out again to the recipients whose turn it is. */
export function resendEnvelope(core: SimCore, env: EnvelopeRecord): void {
	if (!isOpen(env)) throw badRequest('ENVELOPE_INVALID_STATUS', `A ${env.status} envelope cannot be resent.`);
	env.resendCount += 1;
	env.lastModifiedDateTime = dsDate();
	core.connect.emit('envelope-resent', env);
	for (const r of env.recipients) {
		if (r.status === 'sent' || r.status === 'delivered') core.connect.emit('recipient-resent', env, r);
	}
}
