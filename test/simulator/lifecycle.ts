/**
 * Envelope and recipient status moves, as DocuSign makes them:
 *   envelope: created → sent → delivered → completed | declined | voided
 *   recipient: created → sent (its routing order is reached) → delivered (opened) → completed | declined
 * Carbon copies complete as soon as their routing order is reached. Each move emits its Connect event.
 */
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

/** The recipient opened the envelope (signing page, or control API "view"). */
export function viewRecipient(core: SimCore, env: EnvelopeRecord, recipientId: string): RecipientRecord {
	const r = actingRecipient(env, recipientId);
	if (r.status === 'delivered') return r;
	const now = dsDate();
	r.status = 'delivered';
	r.deliveredDateTime = now;
	env.lastModifiedDateTime = now;
	core.connect.emit('recipient-delivered', env, r);
	if (env.status === 'sent') {
		setStatus(env, 'delivered', now);
		env.deliveredDateTime = now;
		core.connect.emit('envelope-delivered', env);
	}
	return r;
}

/**
 * The recipient signs. `tabValues` (tabId → text) are what the signer typed into its tabs; they are
 * stored before recipient-completed is emitted, so the event's snapshot carries them.
 */
export function signRecipient(core: SimCore, env: EnvelopeRecord, recipientId: string, tabValues: Record<string, string> = {}): RecipientRecord {
	const r = viewRecipient(core, env, recipientId);
	for (const tab of Object.values(r.tabs ?? {}).flat()) {
		const value = tabValues[String(tab.tabId)];
		if (value !== undefined) tab.value = value;
	}
	const now = dsDate();
	r.status = 'completed';
	r.signedDateTime = now;
	env.lastModifiedDateTime = now;
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
