/**
 * POST /envelopes/{id}/views/recipient (Views_PostEnvelopeRecipientView) and /views/sender
 * (Views_PostEnvelopeSenderView), plus the one-time pages their URLs open: the signing page
 * (sign / decline / cancel, then redirect to returnUrl?event=…) and the sender page (send / save).
 */
import type { SimCore } from './core';
import { readJson } from './bodies';
import { badRequest, DocuSignError } from './errors';
import { checkSendable } from './envelopeBuild';
import { findEnvelope } from './envelopes';
import { json, type RequestData, type SimResponse } from './http';
import { declineRecipient, isOpen, sendEnvelope, signRecipient, viewRecipient } from './lifecycle';
import type { RestCtx } from './restAuth';
import type { SigningSession } from './types';
import { esc } from './inbox';
import { opaqueToken, str } from './util';

const SESSION_MS = 5 * 60_000;

// Spec returnUrl of recipientViewRequest, returnUrlRequest and correctViewRequest: "Maximum Length: 470
// characters. If the returnUrl exceeds this limit, the user is redirected to a truncated URL".
export const MAX_RETURN_URL = 470;

function startSession(ctx: RestCtx, session: Omit<SigningSession, 'token' | 'expiresAt'>): string {
	const token = opaqueToken('');
	ctx.core.state.signingSessions.set(token, { ...session, token, expiresAt: Date.now() + SESSION_MS });
	return token;
}

export function recipientView(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	const body = readJson(ctx, 'recipientViewRequest');
	const returnUrl = str(body.returnUrl)?.slice(0, MAX_RETURN_URL);
	if (!returnUrl) throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. returnUrl is required.');
	if (!isOpen(env)) throw badRequest('ENVELOPE_INVALID_STATUS', `Signing is not possible for a ${env.status} envelope.`);
	const lower = (v: unknown) => String(v ?? '').trim().toLowerCase();
	const r = env.recipients.find((x) =>
		x.clientUserId !== undefined &&
		x.clientUserId === str(body.clientUserId) &&
		(body.recipientId === undefined || str(body.recipientId) === x.recipientId) &&
		lower(x.email) === lower(body.email) &&
		lower(x.name) === lower(body.userName));
	if (!r) throw badRequest('UNKNOWN_ENVELOPE_RECIPIENT', 'The recipient you have identified is not a valid recipient of the specified envelope.');
	if (r.status !== 'sent' && r.status !== 'delivered') {
		throw badRequest('RECIPIENT_NOT_IN_SEQUENCE', 'The token for an out of sequence recipient can not be generated.');
	}
	const token = startSession(ctx, { envelopeId: env.envelopeId, recipientId: r.recipientId, returnUrl, kind: 'recipient' });
	return json(201, { url: `${ctx.account.baseUri}/Signing/MTRedeem/v1/${token}?slt=${token.slice(0, 12)}` });
}

export function senderView(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	const body = readJson(ctx, 'returnUrlRequest');
	const returnUrl = str(body.returnUrl)?.slice(0, MAX_RETURN_URL);
	if (!returnUrl) throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. returnUrl is required.');
	if (env.status !== 'created') throw badRequest('ENVELOPE_INVALID_STATUS', 'The sender view is only available for draft (created) envelopes.');
	const token = startSession(ctx, { envelopeId: env.envelopeId, recipientId: '', returnUrl, kind: 'sender' });
	return json(201, { url: `${ctx.account.baseUri}/Member/StartInSession.aspx?StartConsole=1&t=${token}` });
}

/** POST /envelopes/{id}/views/correct (Views_PostEnvelopeCorrectView): correcting a sent envelope. */
export function correctView(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	const body = readJson(ctx, 'correctViewRequest');
	const returnUrl = str(body.returnUrl)?.slice(0, MAX_RETURN_URL);
	if (!returnUrl) throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. returnUrl is required.');
	if (!isOpen(env)) throw badRequest('ENVELOPE_INVALID_STATUS', `Only a sent or delivered envelope can be corrected; this one is ${env.status}.`);
	const token = startSession(ctx, { envelopeId: env.envelopeId, recipientId: '', returnUrl, kind: 'correct' });
	return json(201, { url: `${ctx.account.baseUri}/Member/StartInSession.aspx?StartConsole=1&t=${token}&DocuEnvelope=${env.envelopeId}&send=1` });
}

const page = (status: number, title: string, inner: string): SimResponse => ({
	status,
	body: `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${inner}</body></html>`,
	headers: { 'Content-Type': 'text/html; charset=utf-8' },
});

const back = (returnUrl: string, event: string): SimResponse => {
	const url = new URL(returnUrl);
	url.searchParams.set('event', event);
	return { status: 302, headers: { Location: url.toString() }, body: '' };
};

/** GET {base}/Signing/MTRedeem/v1/{token} and {base}/Member/StartInSession.aspx?t={token}. */
export function sessionPage(core: SimCore, req: RequestData): SimResponse {
	const token = req.params.token ?? req.query.get('t') ?? '';
	const session = core.state.signingSessions.get(token);
	const env = session && core.state.envelopes.get(session.envelopeId);
	if (!session || !env || session.expiresAt < Date.now()) return page(400, 'This link has expired', '<p>Ask for a new signing URL.</p>');
	const action = req.query.get('action');
	const here = `?${new URLSearchParams({ ...(req.query.get('t') ? { t: token } : {}) }).toString()}`;
	const link = (a: string, label: string) => `<li><a href="${esc(here)}&amp;action=${a}">${label}</a></li>`;
	if (session.kind === 'correct') {
		// The correction screen's outcomes, as DocuSign adds them to returnUrl: send, save, cancel.
		if (action === 'send' || action === 'save' || action === 'cancel') {
			core.state.signingSessions.delete(token);
			return back(session.returnUrl, action);
		}
		return page(200, `Correct: ${env.emailSubject ?? ''}`, `<ul>${link('send', 'Correct and send')}${link('save', 'Save')}${link('cancel', 'Cancel')}</ul>`);
	}
	if (session.kind === 'sender') {
		if (action === 'send') {
			checkSendable(env);
			sendEnvelope(core, env);
			core.state.signingSessions.delete(token);
			return back(session.returnUrl, 'Send');
		}
		if (action === 'save') return back(session.returnUrl, 'Save');
		return page(200, `Prepare: ${env.emailSubject ?? ''}`, `<ul>${link('send', 'Send')}${link('save', 'Save and close')}</ul>`);
	}
	const finish = (event: string) => {
		core.state.signingSessions.delete(token);
		return back(session.returnUrl, event);
	};
	const auth = {
		accessCode: req.query.get('accessCode') ?? undefined,
		identityVerified: req.query.get('identityVerified') === 'true',
	};
	try {
		if (action === 'sign') {
			signRecipient(core, env, session.recipientId, auth);
			return finish('signing_complete');
		}
		if (action !== 'decline' && action !== 'cancel') viewRecipient(core, env, session.recipientId, auth);
	} catch (error) {
		if (!(error instanceof DocuSignError) || error.errorCode !== 'RECIPIENT_AUTHENTICATION_FAILED') throw error;
		// As at DocuSign, the code is asked for before the documents are shown.
		return page(401, 'Enter your access code', `<p>${error.message}</p><form><input name="accessCode"><input type="hidden" name="action" value="${action === 'sign' ? 'sign' : 'view'}"></form>`);
	}
	if (action === 'decline') {
		declineRecipient(core, env, session.recipientId, req.query.get('reason') ?? 'Declined on the signing page');
		return finish('decline');
	}
	if (action === 'cancel') return finish('cancel');
	const docs = env.documents.map((d) => `<li>${esc(d.name)}</li>`).join('');
	return page(200, `Review and sign: ${env.emailSubject ?? ''}`, `<ul>${docs}</ul><ul>${link('sign', 'Finish (sign)')}${link('decline', 'Decline')}${link('cancel', 'Finish later')}</ul>`);
}
