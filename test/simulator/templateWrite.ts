/**
 * Creating and updating templates: POST /templates (Templates_PostTemplates, `envelopeTemplate`,
 * JSON or multipart like the envelope upload) and PUT /templates/{id} (Templates_PutTemplate).
 */
import { checkAgainstSpec, readJson } from './bodies';
import { badRequest } from './errors';
import { documentFromJson } from './envelopeBuild';
import { readDefinition } from './envelopeCreate';
import { json, type SimResponse } from './http';
import { recipientsFromJson } from './recipients';
import type { RestCtx } from './restAuth';
import { visibleTemplateFolders } from './templateFolders';
import type { RecipientRecord, TemplateRecord } from './types';
import { asArray, dsDate, guid, str, truthy } from './util';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The folder a template goes to: one the caller owns or that is shared with them (issue docusign-esign-csharp-client#248 for the error). */
function checkFolder(ctx: RestCtx, folderId: string | undefined): string | undefined {
	if (!folderId) return undefined;
	const folder = visibleTemplateFolders(ctx).find((f) => f.folderId === folderId);
	if (!folder) throw badRequest('ACCOUNT_LACKS_PERMISSIONS', 'This Account lacks sufficient permissions. Invalid folder ID.');
	return folder.name;
}

/** A template's roles: unlike envelope recipients they may leave name and e-mail empty (placeholders). */
function checkRoles(recipients: RecipientRecord[], documentIds: string[]): void {
	const ids = new Set<string>();
	for (const r of recipients) {
		if (ids.has(r.recipientId)) throw badRequest('RECIPIENT_ID_ALREADY_EXISTS', `Recipient ID ${r.recipientId} is used more than once.`);
		ids.add(r.recipientId);
		if (r.email && !EMAIL.test(r.email)) {
			throw badRequest('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', `The email address for the recipient is invalid. The recipient Id follows. ${r.recipientId}`);
		}
		for (const tab of Object.values(r.tabs ?? {}).flat()) {
			const documentId = str(tab.documentId);
			if (documentId && !documentIds.includes(documentId)) {
				throw badRequest('TAB_REFERS_TO_MISSING_DOCUMENT', `The tab refers to a document that is not in the template. Document ID: ${documentId}`);
			}
		}
	}
}

export function createTemplate(ctx: RestCtx): SimResponse {
	const { def, uploads } = readDefinition(ctx);
	checkAgainstSpec(ctx, 'envelopeTemplate', def);
	const documents = asArray(def.documents).map((d, i) => documentFromJson(d, uploads, i));
	for (const id of uploads.keys()) {
		if (!documents.some((d) => d.documentId === id)) {
			throw badRequest('INVALID_MULTI_PART_REQUEST', `The multipart part with documentid=${id} matches no document of the template definition.`);
		}
	}
	const recipients = recipientsFromJson(def.recipients);
	checkRoles(recipients, documents.map((d) => d.documentId));
	const folderId = str(def.folderId);
	const folderName = checkFolder(ctx, folderId) ?? 'Templates';
	const now = dsDate();
	const template: TemplateRecord = {
		templateId: guid(),
		accountId: ctx.account.accountId,
		ownerUserId: ctx.user.userId,
		name: str(def.name) ?? '',
		description: str(def.description) ?? '',
		emailSubject: str(def.emailSubject) ?? '',
		emailBlurb: str(def.emailBlurb) ?? '',
		created: now,
		lastModified: now,
		folderName,
		folderId,
		shared: truthy(def.shared),
		documents: documents.sort((a, b) => a.order - b.order),
		recipients,
	};
	ctx.core.state.templates.set(template.templateId, template);
	return json(201, { templateId: template.templateId, uri: `/templates/${template.templateId}`, name: template.name });
}

/** Only the owner changes a template here (stricter than DocuSign, whose sharing can grant edit rights). */
export function updateTemplate(ctx: RestCtx): SimResponse {
	const template = ctx.core.state.templates.get(ctx.params.templateId);
	const visible = template && template.accountId === ctx.account.accountId && (template.ownerUserId === ctx.user.userId || template.shared);
	if (!template || !visible) throw badRequest('TEMPLATE_ID_INVALID', 'Invalid template ID.');
	if (template.ownerUserId !== ctx.user.userId) {
		throw badRequest('USER_LACKS_PERMISSIONS', 'This user lacks sufficient permissions to access this resource.');
	}
	const body = readJson(ctx, 'envelopeTemplate');
	for (const field of ['name', 'description', 'emailSubject', 'emailBlurb'] as const) {
		const value = str(body[field]);
		if (value !== undefined) template[field] = value;
	}
	if (body.shared !== undefined) template.shared = truthy(body.shared);
	template.lastModified = dsDate();
	return json(200, {});
}
