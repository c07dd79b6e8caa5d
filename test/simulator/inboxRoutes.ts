/**
 * Routes of the signer's inbox (neither counted nor logged, no faults or latency: it is the signer's
 * browser, not an API client):
 *   GET  /                                                      the page (inbox.ts); ?email= &count=
 *   POST /inbox/envelopes/{id}/recipients/{rid}/view|sign|decline   form posts → the lifecycle's moves
 *   GET  /inbox/envelopes/{id}/documents/{N|combined|certificate|archive}   the document, inline
 * A form post answers 303 back to the page (post/redirect/get), or the page with the error.
 */
import type { SimCore } from './core';
import { documentResponse } from './documents';
import { DocuSignError } from './errors';
import { parseForm, type SimResponse } from './http';
import { accessCodeOf, editableTextTabs, inboxHtml, isRequiredTab, type InboxOptions } from './inbox';
import { actingRecipient, declineRecipient, signRecipient, viewRecipient } from './lifecycle';
import type { EnvelopeRecord } from './types';

export const isInboxPath = (path: string): boolean => path === '/' || path.startsWith('/inbox/');

const ACTION = /^\/inbox\/envelopes\/([^/]+)\/recipients\/([^/]+)\/(view|sign|decline)$/;
const DOCUMENT = /^\/inbox\/envelopes\/([^/]+)\/documents\/([^/]+)$/;

/** A form error the signer can fix; the state is left as it was. */
class InboxInputError extends Error {}

const decode = (part: string): string => {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
};

const html = (status: number, body: string): SimResponse => ({ status, body, headers: { 'Content-Type': 'text/html; charset=utf-8' } });

const page = (core: SimCore, status: number, opts: InboxOptions) => html(status, inboxHtml(core, opts));

const DONE: Record<string, string> = { view: 'opened', sign: 'signed', decline: 'declined' };

function act(core: SimCore, env: EnvelopeRecord, recipientId: string, action: string, form: Record<string, string>): void {
	const r = actingRecipient(env, recipientId);
	const code = accessCodeOf(r);
	if (code !== undefined && form.accessCode !== code) {
		throw new InboxInputError(`The access code for ${r.name ?? `recipient ${r.recipientId}`} is not correct.`);
	}
	const auth = { accessCode: form.accessCode };
	if (action === 'view') return void viewRecipient(core, env, recipientId, auth);
	if (action === 'decline') {
		const reason = form.reason?.trim();
		if (!reason) throw new InboxInputError('Give a reason for declining.');
		return void declineRecipient(core, env, recipientId, reason);
	}
	const values: Record<string, string> = {};
	for (const tab of editableTextTabs(r)) {
		const value = form[`tab_${String(tab.tabId)}`] ?? String(tab.value ?? '');
		const label = String(tab.tabLabel || 'Text');
		if (isRequiredTab(tab) && !value.trim()) throw new InboxInputError(`Fill in "${label}": the field is required.`);
		const max = Number(tab.maxLength);
		if (max > 0 && value.length > max) throw new InboxInputError(`"${label}" takes at most ${max} characters.`);
		if (tab.tabLabel) values[String(tab.tabLabel)] = value;
	}
	signRecipient(core, env, recipientId, { ...auth, tabValues: values });
}

function postAction(core: SimCore, match: RegExpExecArray, body: Buffer): SimResponse {
	const [, envelopeId, recipientId, action] = match.map(decode);
	const form = parseForm(body);
	const email = form.email || undefined;
	const env = core.state.envelopes.get(envelopeId);
	if (!env || env.status === 'created') return page(core, 404, { email, flash: { kind: 'error', text: `No sent envelope ${envelopeId}.` } });
	try {
		act(core, env, recipientId, action, form);
	} catch (error) {
		if (error instanceof InboxInputError) return page(core, 400, { email, flash: { kind: 'error', text: error.message } });
		if (error instanceof DocuSignError) return page(core, 409, { email, flash: { kind: 'error', text: `${error.errorCode}: ${error.message}` } });
		throw error;
	}
	const query = new URLSearchParams({ done: action, envelope: envelopeId, recipient: recipientId, ...(email ? { email } : {}) });
	return { status: 303, headers: { Location: `/?${query.toString()}#env-${encodeURIComponent(envelopeId)}` }, body: '' };
}

/** The flash line after a redirect, written from the state (never from the query's own text). */
function doneFlash(core: SimCore, query: URLSearchParams): InboxOptions['flash'] {
	const env = core.state.envelopes.get(query.get('envelope') ?? '');
	const r = env?.recipients.find((x) => x.recipientId === query.get('recipient'));
	const verb = DONE[query.get('done') ?? ''];
	if (!env || !r || !verb) return undefined;
	return { kind: 'ok', text: `${r.name ?? `Recipient ${r.recipientId}`} ${verb} "${env.emailSubject ?? ''}": the envelope is ${env.status}.` };
}

function getDocument(core: SimCore, match: RegExpExecArray, query: URLSearchParams): SimResponse {
	const [, envelopeId, documentId] = match.map(decode);
	const env = core.state.envelopes.get(envelopeId);
	if (!env || env.status === 'created') return page(core, 404, { flash: { kind: 'error', text: `No sent envelope ${envelopeId}.` } });
	try {
		const response = documentResponse(env, documentId, query.get('certificate') === 'true');
		const disposition = response.headers?.['Content-Disposition']?.replace(/^file;/, 'inline;');
		return { ...response, headers: { ...response.headers, ...(disposition ? { 'Content-Disposition': disposition } : {}) } };
	} catch (error) {
		if (error instanceof DocuSignError) return page(core, 404, { flash: { kind: 'error', text: `${error.errorCode}: ${error.message}` } });
		throw error;
	}
}

export function inbox(core: SimCore, method: string, path: string, query: URLSearchParams, body: Buffer): SimResponse {
	let m: RegExpExecArray | null;
	if (path === '/' && method === 'GET') {
		return page(core, 200, { email: query.get('email') || undefined, count: Number(query.get('count')) || undefined, flash: doneFlash(core, query) });
	}
	if ((m = ACTION.exec(path))) return method === 'POST' ? postAction(core, m, body) : html(405, 'Use the forms on the inbox page.');
	if ((m = DOCUMENT.exec(path)) && method === 'GET') return getDocument(core, m, query);
	return html(404, 'Not Found');
}
