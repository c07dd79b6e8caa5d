/** GET/PUT /envelopes/{id}, GET/PUT /envelopes/{id}/recipients, GET /envelopes/{id}/custom_fields. */
import { readJson } from './bodies';
import { badRequest, envelopeNotFound } from './errors';
import { checkSendable } from './envelopeBuild';
import { customFieldsJson, envelopeJson, parseInclude } from './envelopeJson';
import { json, type SimResponse } from './http';
import { isOpen, resendEnvelope, sendEnvelope, voidEnvelope } from './lifecycle';
import { RECIPIENT_TYPES, recipientsJson } from './recipients';
import type { RestCtx } from './restAuth';
import type { EnvelopeRecord } from './types';
import { asArray, dsDate, str, truthy } from './util';

export function findEnvelope(ctx: RestCtx): EnvelopeRecord {
	const env = ctx.core.state.envelopes.get(ctx.params.envelopeId);
	if (!env || env.accountId !== ctx.account.accountId) throw envelopeNotFound();
	return env;
}

export function getEnvelope(ctx: RestCtx): SimResponse {
	return json(200, envelopeJson(ctx.core, findEnvelope(ctx), parseInclude(ctx.query.get('include'))));
}

/** Send a draft ({status:"sent"}), void ({status:"voided", voidedReason}), resend (?resend_envelope=true). */
export function putEnvelope(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	const resend = truthy(ctx.query.get('resend_envelope'));
	const body = readJson(ctx, 'envelope', resend);
	const status = str(body.status);
	if (env.status === 'created') {
		if (body.emailSubject !== undefined) env.emailSubject = str(body.emailSubject);
		if (body.emailBlurb !== undefined) env.emailBlurb = str(body.emailBlurb);
		env.lastModifiedDateTime = dsDate();
	}
	if (status === 'sent' && env.status !== 'sent') {
		if (env.status !== 'created') throw badRequest('ENVELOPE_INVALID_STATUS', `A ${env.status} envelope cannot be sent.`);
		checkSendable(env);
		sendEnvelope(ctx.core, env);
	} else if (status === 'voided') {
		const reason = str(body.voidedReason)?.trim();
		if (!reason) throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. voidedReason is required to void an envelope.');
		voidEnvelope(ctx.core, env, reason);
	} else if (status && status !== env.status && status !== 'sent') {
		throw badRequest('ENVELOPE_INVALID_STATUS', `Cannot change the envelope status to "${status}".`);
	}
	if (resend) resendEnvelope(ctx.core, env);
	return json(200, { envelopeId: env.envelopeId });
}

export function getRecipients(ctx: RestCtx): SimResponse {
	return json(200, recipientsJson(findEnvelope(ctx).recipients, truthy(ctx.query.get('include_tabs'))));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Corrects name/e-mail/clientUserId/routingOrder of recipients who have not acted yet. */
export function putRecipients(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	const body = readJson(ctx, 'EnvelopeRecipients');
	if (env.status !== 'created' && !isOpen(env)) {
		throw badRequest('ENVELOPE_INVALID_STATUS', `Recipients of a ${env.status} envelope cannot be changed.`);
	}
	const results: Array<Record<string, unknown>> = [];
	const result = (recipientId: string, errorCode = 'SUCCESS', message = '') =>
		results.push({ recipientId, errorDetails: { errorCode, message } });
	for (const type of RECIPIENT_TYPES) {
		for (const raw of asArray(body[type])) {
			const recipientId = str(raw.recipientId) ?? '';
			const r = env.recipients.find((x) => x.recipientId === recipientId);
			if (!r) { result(recipientId, 'INVALID_RECIPIENT_ID', 'A recipient ID in the request is not in the envelope.'); continue; }
			if (r.status === 'completed' || r.status === 'declined') { result(recipientId, 'RECIPIENT_UPDATE_FAILED', `Recipient ${recipientId} has already ${r.status}.`); continue; }
			if (raw.email !== undefined && !EMAIL.test(String(raw.email))) { result(recipientId, 'INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', 'The email address for the recipient is invalid.'); continue; }
			if (raw.name !== undefined) r.name = str(raw.name);
			if (raw.email !== undefined) r.email = str(raw.email);
			if (raw.clientUserId !== undefined) r.clientUserId = str(raw.clientUserId);
			if (raw.routingOrder !== undefined && env.status === 'created') r.routingOrder = Number(raw.routingOrder) || r.routingOrder;
			result(recipientId);
			if (truthy(ctx.query.get('resend_envelope')) && (r.status === 'sent' || r.status === 'delivered')) {
				ctx.core.connect.emit('recipient-resent', env, r);
			}
		}
	}
	env.lastModifiedDateTime = dsDate();
	return json(200, { recipientUpdateResults: results });
}

export function getCustomFields(ctx: RestCtx): SimResponse {
	return json(200, customFieldsJson(findEnvelope(ctx)));
}
