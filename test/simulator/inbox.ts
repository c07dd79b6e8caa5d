/**
 * The signer's inbox page (GET / on the simulator): every envelope that was sent (drafts are the
 * sender's, not a signer's), newest first, with its documents and, per recipient, Review / Sign /
 * Decline forms that post to the routes in inboxRoutes.ts. Plain HTML, no script; all text escaped.
 */
import type { SimCore } from './core';
import { isPassive } from './recipients';
import type { EnvelopeRecord, RecipientRecord } from './types';

export interface InboxOptions {
	/** Only envelopes with a recipient of this e-mail address (case-insensitive). */
	email?: string;
	/** At most this many envelopes (default 50). */
	count?: number;
	/** A message above the list: the outcome of the last action. */
	flash?: { kind: 'ok' | 'error'; text: string };
}

export const DEFAULT_COUNT = 50;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Sent envelopes, the most recently sent first (creation order breaks ties). */
export function inboxEnvelopes(core: SimCore, email?: string): EnvelopeRecord[] {
	const wanted = email?.trim().toLowerCase();
	return [...core.state.envelopes.values()]
		.filter((env) => env.status !== 'created')
		.filter((env) => !wanted || env.recipients.some((r) => r.email?.toLowerCase() === wanted))
		.sort((a, b) => (b.initialSentDateTime ?? '').localeCompare(a.initialSentDateTime ?? '') || b.seq - a.seq);
}

/** Tabs the signer types into: text tabs that are not locked. */
export function editableTextTabs(r: RecipientRecord): Array<Record<string, unknown>> {
	return (r.tabs?.textTabs ?? []).filter((t) => String(t.locked ?? 'false').toLowerCase() !== 'true');
}

/** The spec gives text tabs no default for `required`; the simulator takes the stricter side: required unless "false". */
export const isRequiredTab = (tab: Record<string, unknown>): boolean => String(tab.required ?? 'true').toLowerCase() !== 'false';

export const accessCodeOf = (r: RecipientRecord): string | undefined => {
	const code = r.accessCode ?? r.extra.accessCode;
	return typeof code === 'string' && code !== '' ? code : undefined;
};

const when = (dsDate?: string) => (dsDate ? `${dsDate.slice(0, 10)} ${dsDate.slice(11, 19)} UTC` : '');

const actionUrl = (env: EnvelopeRecord, r: RecipientRecord, action: string) =>
	`/inbox/envelopes/${encodeURIComponent(env.envelopeId)}/recipients/${encodeURIComponent(r.recipientId)}/${action}`;

const documentUrl = (env: EnvelopeRecord, documentId: string) =>
	`/inbox/envelopes/${encodeURIComponent(env.envelopeId)}/documents/${encodeURIComponent(documentId)}`;

/** Why a recipient cannot act now, or undefined when it can. */
function blockedReason(env: EnvelopeRecord, r: RecipientRecord): string | undefined {
	if (isPassive(r)) return 'receives a copy';
	if (r.status === 'completed') return `signed ${when(r.signedDateTime)}`;
	if (r.status === 'declined') return `declined: ${r.declinedReason ?? ''}`;
	if (env.status !== 'sent' && env.status !== 'delivered') return `the envelope is ${env.status}`;
	if (r.status === 'created') return `waits for its turn (routing order ${r.routingOrder})`;
	return undefined;
}

function accessCodeInput(r: RecipientRecord): string {
	return accessCodeOf(r) ? '<label>Access code <input type="password" name="accessCode" required autocomplete="off"></label>' : '';
}

function tabInputs(r: RecipientRecord): string {
	return editableTextTabs(r)
		.map((tab) => {
			const label = String(tab.tabLabel || 'Text');
			const max = Number(tab.maxLength) > 0 ? ` maxlength="${Number(tab.maxLength)}"` : '';
			return `<label>${esc(label)}${isRequiredTab(tab) ? ' *' : ''} <input type="text" name="tab_${esc(tab.tabId)}" value="${esc(tab.value)}"${max}${isRequiredTab(tab) ? ' required' : ''}></label>`;
		})
		.join(' ');
}

function actions(env: EnvelopeRecord, r: RecipientRecord, email?: string): string {
	const blocked = blockedReason(env, r);
	if (blocked) return `<span class="note">${esc(blocked)}</span>`;
	const keep = email ? `<input type="hidden" name="email" value="${esc(email)}">` : '';
	const form = (action: string, label: string, inner: string) =>
		`<form method="post" action="${esc(actionUrl(env, r, action))}" class="${action}">${keep}${inner}${accessCodeInput(r)}<button type="submit" name="action" value="${action}">${label}</button></form>`;
	return [
		form('view', 'Review', ''),
		form('sign', 'Sign', tabInputs(r)),
		form('decline', 'Decline', '<label>Reason <input type="text" name="reason" required></label>'),
	].join('');
}

function recipientRow(env: EnvelopeRecord, r: RecipientRecord, email?: string): string {
	return `<tr data-recipient-id="${esc(r.recipientId)}"><td>${esc(r.routingOrder)}</td><td>${esc(r.type)}${r.roleName ? ` (${esc(r.roleName)})` : ''}</td>` +
		`<td>${esc(r.name)}<br><small>${esc(r.email)}</small></td><td class="status">${esc(r.status)}</td><td>${actions(env, r, email)}</td></tr>`;
}

function envelopeSection(core: SimCore, env: EnvelopeRecord, email?: string): string {
	const sender = core.user(env.senderUserId);
	const account = core.account(env.accountId);
	const docs = [
		...env.documents.map((d) => `<a href="${esc(documentUrl(env, d.documentId))}" target="_blank">${esc(d.name)}</a>`),
		`<a href="${esc(documentUrl(env, 'combined'))}" target="_blank">combined PDF</a>`,
		`<a href="${esc(documentUrl(env, 'certificate'))}" target="_blank">certificate</a>`,
	];
	return `<section class="envelope" id="env-${esc(env.envelopeId)}" data-envelope-id="${esc(env.envelopeId)}">` +
		`<h2>${esc(env.emailSubject || '(no subject)')} <span class="badge ${esc(env.status)}">${esc(env.status)}</span></h2>` +
		`<p class="meta">From ${esc(sender?.name)} &lt;${esc(sender?.email)}&gt; · ${esc(account?.accountName)} · sent ${esc(when(env.initialSentDateTime))} · envelope ${esc(env.envelopeId)}</p>` +
		(env.emailBlurb ? `<p class="blurb">${esc(env.emailBlurb)}</p>` : '') +
		`<p class="documents">Documents: ${docs.join(' · ')}</p>` +
		`<table><thead><tr><th>Order</th><th>Type</th><th>Recipient</th><th>Status</th><th>Actions</th></tr></thead><tbody>` +
		[...env.recipients].sort((a, b) => a.routingOrder - b.routingOrder).map((r) => recipientRow(env, r, email)).join('') +
		'</tbody></table></section>';
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;max-width:1100px;color:#1e1e1e}
h1{font-size:22px}h2{font-size:17px;margin:0 0 4px}.meta,.note,small{color:#555}
.envelope{border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin:12px 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px;border-top:1px solid #eee;vertical-align:top}
form{display:inline-block;margin:0 12px 4px 0}input{margin:0 4px}button{padding:3px 10px}
.badge{font-size:12px;padding:2px 8px;border-radius:10px;background:#ddd}.completed{background:#c8e6c9}.declined,.voided{background:#ffcdd2}
.sent,.delivered{background:#fff3c4}.flash{padding:8px 12px;border-radius:6px}.flash.ok{background:#e8f5e9}.flash.error{background:#ffebee}`;

export function inboxHtml(core: SimCore, opts: InboxOptions = {}): string {
	const all = inboxEnvelopes(core, opts.email);
	const count = opts.count && opts.count > 0 ? opts.count : DEFAULT_COUNT;
	const shown = all.slice(0, count);
	const filter = opts.email ? `&email=${encodeURIComponent(opts.email)}` : '';
	const more = all.length > shown.length ? `<p><a href="/?count=${all.length}${esc(filter)}">Show all ${all.length} envelopes</a></p>` : '';
	const flash = opts.flash ? `<p class="flash ${opts.flash.kind}" role="status">${esc(opts.flash.text)}</p>` : '';
	return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DocuSign simulator inbox</title>' +
		`<style>${STYLE}</style></head><body><h1>DocuSign simulator: signer's inbox</h1>` +
		'<p>The envelopes sent through this simulator, most recent first. Review, Sign and Decline do what the recipient does in DocuSign: ' +
		'the envelope moves on and Connect events go out. Nobody gets e-mail. <a href="/">Refresh</a></p>' +
		`<form method="get" action="/"><label>Recipient e-mail <input type="email" name="email" value="${esc(opts.email)}"></label><button type="submit">Filter</button></form>` +
		flash +
		(shown.length ? shown.map((env) => envelopeSection(core, env, opts.email)).join('') : '<p class="empty">No envelope has been sent yet.</p>') +
		more + '</body></html>';
}
