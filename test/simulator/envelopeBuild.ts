/**
 * Turns an envelopeDefinition (plus multipart uploads) into an envelope record: documents byte for
 * byte, recipients, server templates with templateRoles, compositeTemplates, custom fields
 * (customFields.ts), transactionId.
 */
import { recordAudit } from './audit';
import { envelopeCustomFields } from './accountCustomFields';
import { badRequest } from './errors';
import { mergeNotification } from './notification';
import { isPdf, makePdf } from './pdf';
import { applyAccountFeatures, checkBrand } from './accountFeatures';
import { checkRecipients, normaliseTabs, recipientsFromJson } from './recipients';
import type { RestCtx } from './restAuth';
import { canSee } from './templates';
import type { DocumentRecord, EnvelopeRecord, RecipientRecord, TemplateRecord } from './types';
import { asArray, asObject, dsDate, guid, str } from './util';

export interface Upload {
	bytes: Buffer;
	filename?: string;
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

export function documentFromJson(raw: Record<string, unknown>, uploads: Map<string, Upload>, index: number): DocumentRecord {
	const documentId = str(raw.documentId) ?? String(index + 1);
	const name = str(raw.name) ?? uploads.get(documentId)?.filename ?? `Document ${documentId}`;
	let bytes: Buffer;
	if (raw.documentBase64 !== undefined) {
		const text = String(raw.documentBase64);
		if (!BASE64.test(text)) throw badRequest('INVALID_REQUEST_BODY', `documentBase64 of document ${documentId} is not base64.`);
		bytes = Buffer.from(text, 'base64');
	} else if (uploads.has(documentId)) {
		bytes = uploads.get(documentId)!.bytes;
	} else if (raw.htmlDefinition) {
		bytes = makePdf([[name, '(responsive HTML document rendered by the simulator)']], name);
	} else if (raw.remoteUrl) {
		throw badRequest('UNABLE_TO_LOAD_DOCUMENT', `The simulator does not fetch remoteUrl (document ${documentId}).`);
	} else {
		throw badRequest('UNABLE_TO_LOAD_DOCUMENT', `Document ${documentId} has no content: no documentBase64 and no multipart part with documentid=${documentId}.`);
	}
	const fileExtension = str(raw.fileExtension) ?? /\.([A-Za-z0-9]+)$/.exec(name)?.[1];
	if ((fileExtension ?? 'pdf').toLowerCase() === 'pdf' && !isPdf(bytes)) {
		throw badRequest('PDF_VALIDATION_FAILED', `The validation of the PDF file failed. Document ${documentId} does not start with %PDF-.`);
	}
	return { documentId, documentIdGuid: guid(), name, fileExtension, order: Number(raw.order ?? index + 1), bytes };
}

/** Copies a template's recipients with the templateRoles' names, e-mails and tab values applied. */
function applyRoles(template: TemplateRecord, roles: Array<Record<string, unknown>>): RecipientRecord[] {
	const out: RecipientRecord[] = [];
	for (const placeholder of template.recipients) {
		const role = roles.find((r) => String(r.roleName ?? '').toLowerCase() === placeholder.roleName?.toLowerCase());
		if (!role) continue; // DocuSign drops template roles the request leaves unassigned
		const tabs = JSON.parse(JSON.stringify(placeholder.tabs ?? {})) as NonNullable<RecipientRecord['tabs']>;
		for (const [kind, list] of Object.entries(normaliseTabs(role.tabs, placeholder.recipientId) ?? {})) {
			for (const tab of list) {
				const target = (tabs[kind] ??= []).find((t) => tab.tabLabel !== undefined && t.tabLabel === tab.tabLabel);
				if (target) Object.assign(target, { ...tab, tabId: target.tabId });
				else tabs[kind].push(tab);
			}
		}
		const { roleName: _r, name, email, clientUserId, routingOrder, tabs: _t, ...extra } = role;
		out.push({
			...placeholder,
			recipientIdGuid: guid(),
			name: str(name) ?? placeholder.name,
			email: str(email) ?? placeholder.email,
			clientUserId: str(clientUserId),
			routingOrder: Number(routingOrder ?? placeholder.routingOrder),
			tabs,
			extra: { ...placeholder.extra, ...extra },
		});
	}
	return out;
}

function findTemplate(ctx: RestCtx, templateId: unknown): TemplateRecord {
	const template = ctx.core.state.templates.get(String(templateId));
	if (!template || !canSee(ctx, template)) throw badRequest('TEMPLATE_ID_INVALID', 'Invalid template ID.');
	return template;
}

/** Merges inline recipients onto server-template roles by roleName; others are added. */
function mergeInline(base: RecipientRecord[], inline: RecipientRecord[]): RecipientRecord[] {
	const out = [...base];
	for (const r of inline) {
		const i = out.findIndex((b) => r.roleName && b.roleName?.toLowerCase() === r.roleName.toLowerCase());
		if (i < 0) out.push(r);
		else out[i] = { ...out[i], ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)), tabs: r.tabs ?? out[i].tabs };
	}
	return out;
}

function fromComposites(ctx: RestCtx, composites: Array<Record<string, unknown>>, uploads: Map<string, Upload>) {
	let documents: DocumentRecord[] = [];
	let recipients: RecipientRecord[] = [];
	let emailSubject: string | undefined;
	for (const ct of composites) {
		let ctDocs: DocumentRecord[] = [];
		let ctRecipients: RecipientRecord[] = [];
		const bySequence = (a: Record<string, unknown>, b: Record<string, unknown>) => Number(a.sequence ?? 0) - Number(b.sequence ?? 0);
		for (const st of asArray(ct.serverTemplates).sort(bySequence)) {
			const template = findTemplate(ctx, st.templateId);
			emailSubject ??= template.emailSubject;
			if (!ctDocs.length) ctDocs = template.documents.map((d) => ({ ...d, documentIdGuid: guid() }));
			if (!ctRecipients.length) ctRecipients = template.recipients.map((r) => ({ ...r, recipientIdGuid: guid() }));
		}
		for (const it of asArray(ct.inlineTemplates).sort(bySequence)) {
			ctRecipients = mergeInline(ctRecipients, recipientsFromJson(it.recipients));
			ctDocs.push(...asArray(it.documents).map((d, i) => documentFromJson(d, uploads, i)));
		}
		if (ct.document) ctDocs = [documentFromJson(asObject(ct.document), uploads, 0)];
		ctRecipients = ctRecipients.filter((r) => r.email || !r.roleName);
		for (const doc of ctDocs) {
			if (documents.some((d) => d.documentId === doc.documentId)) {
				doc.documentId = String(Math.max(0, ...documents.map((d) => Number(d.documentId) || 0)) + 1);
			}
			documents.push(doc);
		}
		for (const r of ctRecipients) if (!recipients.some((x) => x.recipientId === r.recipientId)) recipients.push(r);
	}
	return { documents, recipients, emailSubject };
}

export function buildEnvelope(ctx: RestCtx, def: Record<string, unknown>, uploads: Map<string, Upload>): EnvelopeRecord {
	let documents = asArray(def.documents).map((d, i) => documentFromJson(d, uploads, i));
	let recipients: RecipientRecord[] = [];
	let emailSubject = str(def.emailSubject);
	let emailBlurb = str(def.emailBlurb);
	if (def.templateId) {
		const template = findTemplate(ctx, def.templateId);
		documents = [...template.documents.map((d) => ({ ...d, documentIdGuid: guid() })), ...documents];
		recipients = applyRoles(template, asArray(def.templateRoles));
		emailSubject ??= template.emailSubject;
		emailBlurb ??= template.emailBlurb;
	}
	if (def.compositeTemplates) {
		const merged = fromComposites(ctx, asArray(def.compositeTemplates), uploads);
		documents.push(...merged.documents);
		recipients.push(...merged.recipients);
		emailSubject ??= merged.emailSubject;
	}
	recipients.push(...recipientsFromJson(def.recipients, recipients));
	const usedIds = new Set(documents.map((d) => d.documentId));
	for (const id of uploads.keys()) {
		if (!usedIds.has(id)) throw badRequest('INVALID_MULTI_PART_REQUEST', `The multipart part with documentid=${id} matches no document of the envelope definition.`);
	}
	checkBrand(ctx, str(def.brandId));
	applyAccountFeatures(ctx, recipients);
	checkRecipients(recipients, documents);
	const fields = envelopeCustomFields(ctx, def);
	const now = dsDate();
	const env: EnvelopeRecord = {
		envelopeId: guid(),
		accountId: ctx.account.accountId,
		senderUserId: ctx.user.userId,
		status: 'created',
		emailSubject,
		emailBlurb,
		templateId: str(def.templateId),
		transactionId: str(def.transactionId),
		brandId: str(def.brandId),
		createdDateTime: now,
		lastModifiedDateTime: now,
		statusChangedDateTime: now,
		documents: documents.sort((a, b) => a.order - b.order),
		recipients,
		textCustomFields: fields.text,
		listCustomFields: fields.list,
		eventNotification: def.eventNotification ? asObject(def.eventNotification) : undefined,
		notification: def.notification ? mergeNotification(asObject(def.notification)) : undefined,
		resendCount: 0,
		seq: ++ctx.core.state.envelopeSeq,
	};
	recordAudit(env, { action: 'Registered', message: 'The envelope was created', actor: { name: ctx.user.name, userId: ctx.user.userId } });
	return env;
}

/** What DocuSign needs before it sends: a subject, documents, recipients, a value in every required envelope custom field. */
export function checkSendable(env: EnvelopeRecord): void {
	const missing = [!env.emailSubject?.trim() && 'an email subject', !env.documents.length && 'documents', !env.recipients.length && 'recipients'].filter(Boolean);
	if (missing.length) {
		throw badRequest('ENVELOPE_IS_INCOMPLETE', `The Envelope is not Complete. A Complete Envelope Requires Documents, Recipients, Tabs, and a Subject Line. Missing: ${missing.join(', ')}.`);
	}
	// A required envelope custom field without a value stops the send (code and text from
	// docusign-esign-csharp-client issue #386); drafts may leave it empty.
	const unfilled = [...env.listCustomFields, ...env.textCustomFields].find((f) => String(f.required) === 'true' && !String(f.value ?? '').trim());
	if (unfilled) {
		throw badRequest('ENVELOPE_CUSTOM_FIELD_MISSING', `A required envelope custom field is missing. The custom field '${unfilled.name}' requires a value.`);
	}
}
