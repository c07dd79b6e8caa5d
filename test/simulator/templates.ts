/** GET /templates (Templates_GetTemplates) and GET /templates/{id} (Templates_GetTemplate). */
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
		shared: 'false',
		passwordProtected: 'false',
		description: t.description,
		created: t.created,
		lastModified: t.lastModified,
		owner: owner && { userName: owner.name, userId: owner.userId, email: owner.email },
		pageCount: String(t.documents.length),
		folderName: t.folderName,
		emailSubject: t.emailSubject,
		emailBlurb: t.emailBlurb,
		signingLocation: 'online',
		autoNavigation: 'true',
		envelopeIdStamping: 'true',
		isSignatureProviderEnvelope: 'false',
	};
}

export function listTemplates(ctx: RestCtx): SimResponse {
	const search = (ctx.query.get('search_text') ?? '').toLowerCase();
	const ids = (ctx.query.get('template_ids') ?? '').split(',').filter(Boolean);
	const matching = [...ctx.core.state.templates.values()]
		.filter((t) => t.accountId === ctx.account.accountId)
		.filter((t) => !search || `${t.name} ${t.description}`.toLowerCase().includes(search))
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
	if (page.length) body.envelopeTemplates = page.map((t) => summaryJson(ctx, t));
	return json(200, body);
}

export function getTemplate(ctx: RestCtx): SimResponse {
	const t = ctx.core.state.templates.get(ctx.params.templateId);
	if (!t || t.accountId !== ctx.account.accountId) throw badRequest('TEMPLATE_ID_INVALID', 'Invalid template ID.');
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
