/**
 * GET /templates (Templates_GetTemplates) and GET /templates/{id} (Templates_GetTemplate). A user
 * sees the account's templates they own or that are shared (spec `user_filter`: "all templates
 * owned or shared with the user").
 */
import { badRequest } from './errors';
import { json, type SimResponse } from './http';
import { recipientsJson } from './recipients';
import type { RestCtx } from './restAuth';
import type { TemplateRecord } from './types';

function summaryJson(ctx: RestCtx, t: TemplateRecord): Record<string, unknown> {
	const owner = ctx.core.user(t.ownerUserId);
	return {
		templateId: t.templateId,
		uri: `/templates/${t.templateId}`,
		name: t.name,
		shared: String(Boolean(t.shared)),
		passwordProtected: 'false',
		description: t.description,
		created: t.created,
		lastModified: t.lastModified,
		owner: owner && { userName: owner.name, userId: owner.userId, email: owner.email },
		pageCount: String(t.documents.length),
		folderName: t.folderName,
		...(t.folderId ? { folderId: t.folderId, folderUri: `/folders/${t.folderId}` } : {}),
		emailSubject: t.emailSubject,
		emailBlurb: t.emailBlurb,
		signingLocation: 'online',
		autoNavigation: 'true',
		envelopeIdStamping: 'true',
		isSignatureProviderEnvelope: 'false',
	};
}

/** Whether the caller may see the template: their own, or shared in the account. */
export function canSee(ctx: RestCtx, t: TemplateRecord): boolean {
	return t.accountId === ctx.account.accountId && (t.ownerUserId === ctx.user.userId || Boolean(t.shared));
}

/** user_filter (owned_by_me | shared_with_me | all), shared_by_me (true | false), folder_ids. */
function filtersOf(ctx: RestCtx): (t: TemplateRecord) => boolean {
	const mine = (t: TemplateRecord) => t.ownerUserId === ctx.user.userId;
	const userFilter = ctx.query.get('user_filter') ?? 'all';
	const sharedByMe = ctx.query.get('shared_by_me');
	const folderIds = (ctx.query.get('folder_ids') ?? '').split(',').map((v) => v.trim()).filter(Boolean);
	return (t) =>
		(userFilter !== 'owned_by_me' || mine(t)) &&
		(userFilter !== 'shared_with_me' || (!mine(t) && Boolean(t.shared))) &&
		(sharedByMe === null || sharedByMe === '' || (sharedByMe.toLowerCase() === 'true') === (mine(t) && Boolean(t.shared))) &&
		(!folderIds.length || (t.folderId !== undefined && folderIds.includes(t.folderId)));
}

/** Spec Templates_GetTemplates `search_text`: "search the names of templates. Limit: 48 characters." */
const SEARCH_TEXT_MAX = 48;

export function listTemplates(ctx: RestCtx): SimResponse {
	const search = (ctx.query.get('search_text') ?? '').toLowerCase();
	if (search.length > SEARCH_TEXT_MAX) {
		// DocuSign's answer to a longer text is undocumented: refusing is the stricter side.
		throw badRequest('INVALID_REQUEST_PARAMETER', `The request contained at least one invalid parameter. 'search_text' is longer than ${SEARCH_TEXT_MAX} characters.`);
	}
	const ids = (ctx.query.get('template_ids') ?? '').split(',').filter(Boolean);
	const include = (ctx.query.get('include') ?? '').split(',').map((v) => v.trim());
	const matching = [...ctx.core.state.templates.values()]
		.filter((t) => canSee(ctx, t))
		.filter(filtersOf(ctx))
		.filter((t) => !search || t.name.toLowerCase().includes(search))
		.filter((t) => !ids.length || ids.includes(t.templateId))
		.sort((a, b) => a.name.localeCompare(b.name));
	const count = Math.min(Math.max(Number(ctx.query.get('count') ?? 100) || 100, 1), 2000);
	const start = Math.max(Number(ctx.query.get('start_position') ?? 0) || 0, 0);
	const page = matching.slice(start, start + count);
	const uriWith = (position: number) => {
		const params = new URLSearchParams(ctx.query);
		params.set('start_position', String(position));
		params.set('count', String(count));
		return `/templates?${params.toString()}`;
	};
	const body: Record<string, unknown> = {
		resultSetSize: String(page.length),
		startPosition: String(start),
		endPosition: String(start + page.length - 1),
		totalSetSize: String(matching.length),
		nextUri: start + page.length < matching.length ? uriWith(start + page.length) : '',
		previousUri: start > 0 ? uriWith(Math.max(0, start - count)) : '',
	};
	if (page.length) {
		body.envelopeTemplates = page.map((t) => ({
			...summaryJson(ctx, t),
			...(include.includes('recipients') ? { recipients: recipientsJson(t.recipients, false) } : {}),
			...(include.includes('documents') ? { documents: t.documents.map((d) => ({ documentId: d.documentId, name: d.name, order: String(d.order) })) } : {}),
		}));
	}
	return json(200, body);
}

export function getTemplate(ctx: RestCtx): SimResponse {
	const t = ctx.core.state.templates.get(ctx.params.templateId);
	if (!t || !canSee(ctx, t)) throw badRequest('TEMPLATE_ID_INVALID', 'Invalid template ID.');
	return json(200, {
		...summaryJson(ctx, t),
		documents: t.documents.map((d) => ({
			documentId: d.documentId,
			documentIdGuid: d.documentIdGuid,
			name: d.name,
			order: String(d.order),
			pages: '1',
			uri: `/envelopes/${t.templateId}/documents/${d.documentId}`,
			display: 'inline',
			includeInDownload: 'true',
			signerMustAcknowledge: 'no_interaction',
			templateRequired: 'false',
			authoritativeCopy: 'false',
		})),
		recipients: recipientsJson(t.recipients, true),
	});
}
