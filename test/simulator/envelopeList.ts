/**
 * GET /envelopes (Envelopes_GetEnvelopes, "listStatusChanges"): needs from_date unless envelope_ids
 * or transaction_ids; filters status, from_to_status, to_date, search_text, folder_ids,
 * custom_field=name=value; count/start_position paging with string sizes and nextUri like DocuSign.
 * Drafts (`created`) are listed only when `status` names `created`: an empty status and `any` leave
 * them out, whatever else is asked (docusign-esign-node-client issue #233, DocuSign support). A
 * transactionId is found for 7 days (spec `envelopeDefinition.transactionId`, `transaction_ids`).
 * An empty page has no `envelopes` member.
 */
import { badRequest } from './errors';
import { envelopeJson, parseInclude } from './envelopeJson';
import { json, type SimResponse } from './http';
import type { RestCtx } from './restAuth';
import type { EnvelopeRecord } from './types';

const invalidParameter = (name: string, why = 'A value was not found for parameter') =>
	badRequest('INVALID_REQUEST_PARAMETER', `The request contained at least one invalid parameter. ${why} '${name}'.`);

function parseDate(ctx: RestCtx, name: string): number | undefined {
	const value = ctx.query.get(name);
	if (!value) return undefined;
	const time = Date.parse(value);
	if (Number.isNaN(time)) throw invalidParameter(name, 'Invalid value specified for parameter');
	return time;
}

/** The values the spec lists for `status` (Envelopes_GetEnvelopes), plus `any`. */
const STATUS_VALUES = new Set(['any', 'completed', 'created', 'declined', 'deleted', 'delivered', 'processing', 'sent', 'signed', 'timedout', 'voided']);

const list = (value: string | null) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const FOLDERS: Record<string, (env: EnvelopeRecord) => boolean> = {
	draft: (e) => e.status === 'created',
	drafts: (e) => e.status === 'created',
	sentitems: (e) => e.status !== 'created',
	completed: (e) => e.status === 'completed',
	out_for_signature: (e) => e.status === 'sent' || e.status === 'delivered',
	waiting_for_others: (e) => e.status === 'sent' || e.status === 'delivered',
	expiring_soon: () => false,
	inbox: () => false,
	recyclebin: () => false,
};

function dateOf(env: EnvelopeRecord, fromToStatus: string): string | undefined {
	const byStatus: Record<string, string | undefined> = {
		changed: env.statusChangedDateTime, created: env.createdDateTime, sent: env.sentDateTime,
		delivered: env.deliveredDateTime, completed: env.completedDateTime, declined: env.declinedDateTime,
		voided: env.voidedDateTime,
	};
	return byStatus[fromToStatus] ?? env.statusChangedDateTime;
}

function filters(ctx: RestCtx): (env: EnvelopeRecord) => boolean {
	const q = ctx.query;
	const ids = list(q.get('envelope_ids'));
	const transactions = list(q.get('transaction_ids'));
	const from = parseDate(ctx, 'from_date');
	if (from === undefined && !ids.length && !transactions.length) throw invalidParameter('from_date');
	const to = parseDate(ctx, 'to_date') ?? Infinity;
	const fromToStatus = (q.get('from_to_status') ?? 'changed').toLowerCase();
	const statuses = list(q.get('status')).map((s) => s.toLowerCase());
	const unknown = statuses.find((s) => !STATUS_VALUES.has(s));
	if (unknown) throw invalidParameter('status', `Invalid value '${unknown}' specified for parameter`);
	const explicit = statuses.filter((s) => s !== 'any');
	const transactionsSince = Date.now() - ctx.core.config.transactionIdValidMs;
	const search = (q.get('search_text') ?? '').toLowerCase();
	const folders = list(q.get('folder_ids')).map((f) => f.toLowerCase());
	const customField = q.get('custom_field');
	const eq = customField ? customField.indexOf('=') : -1;
	return (env) => {
		if (env.accountId !== ctx.account.accountId || env.senderUserId !== ctx.user.userId) return false;
		if (ids.length && !ids.includes(env.envelopeId)) return false;
		if (transactions.length && !(transactions.includes(env.transactionId ?? '') && Date.parse(env.createdDateTime) >= transactionsSince)) return false;
		if (from !== undefined) {
			const at = Date.parse(dateOf(env, fromToStatus) ?? '');
			if (!(at >= from && at <= to)) return false;
		}
		if (env.status === 'created' && !explicit.includes('created')) return false;
		if (explicit.length && !explicit.includes(env.status) && !statuses.includes('any')) return false;
		if (folders.length && !folders.some((f) => (FOLDERS[f] ?? (() => false))(env))) return false;
		if (search) {
			const haystack = [env.emailSubject, ...env.recipients.flatMap((r) => [r.name, r.email])].join(' ').toLowerCase();
			if (!haystack.includes(search)) return false;
		}
		if (customField) {
			const [name, value] = eq < 0 ? [customField, undefined] : [customField.slice(0, eq), customField.slice(eq + 1)];
			const field = [...env.textCustomFields, ...env.listCustomFields].find((f) => f.name === name);
			if (!field || (value !== undefined && field.value !== value)) return false;
		}
		return true;
	};
}

function sorter(ctx: RestCtx): (a: EnvelopeRecord, b: EnvelopeRecord) => number {
	const orderBy = (ctx.query.get('order_by') ?? 'last_modified').toLowerCase();
	const sign = (ctx.query.get('order') ?? 'desc').toLowerCase() === 'asc' ? 1 : -1;
	const key = (e: EnvelopeRecord): string =>
		orderBy === 'created' ? e.createdDateTime
			: orderBy === 'sent' ? (e.sentDateTime ?? '')
			: orderBy === 'status_changed' ? e.statusChangedDateTime
			: orderBy === 'subject' ? (e.emailSubject ?? '')
			: e.lastModifiedDateTime;
	return (a, b) => sign * (key(a).localeCompare(key(b)) || a.seq - b.seq);
}

export function listEnvelopes(ctx: RestCtx): SimResponse {
	const matching = [...ctx.core.state.envelopes.values()].filter(filters(ctx)).sort(sorter(ctx));
	const count = Math.min(Math.max(Number(ctx.query.get('count') ?? 100) || 100, 1), 1000);
	const start = Math.max(Number(ctx.query.get('start_position') ?? 0) || 0, 0);
	const page = matching.slice(start, start + count);
	const include = parseInclude(ctx.query.get('include'));
	const uriWith = (position: number) => {
		const params = new URLSearchParams(ctx.query);
		params.set('start_position', String(position));
		params.set('count', String(count));
		return `/envelopes?${params.toString()}`;
	};
	const body: Record<string, unknown> = {
		resultSetSize: String(page.length),
		startPosition: String(start),
		endPosition: String(start + page.length - 1),
		totalSetSize: String(matching.length),
		nextUri: start + page.length < matching.length ? uriWith(start + page.length) : '',
		previousUri: start > 0 ? uriWith(Math.max(0, start - count)) : '',
	};
	if (page.length) body.envelopes = page.map((env) => envelopeJson(ctx.core, env, include));
	return json(200, body);
}
