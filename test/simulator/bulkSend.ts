/**
 * Bulk send v2: POST /bulk_send_lists (BulkSendV2CRUD_PostBulkSendList), POST
 * /bulk_send_lists/{id}/send (BulkSendV2Send_PostBulkSendRequest), GET /bulk_send_batch/{id}
 * (BulkSendV2Batch_GetBulkSendBatchStatus). A batch is processed at once: one sent envelope per
 * copy, made from a server template (roles by roleName) or a draft envelope (by roleName or
 * recipientId); copies that fail are counted in `failed` with their error.
 */
import { readJson } from './bodies';
import { requireCompatibleCopies } from './bulkCompatibility';
import { DocuSignError, badRequest } from './errors';
import { buildEnvelope, checkSendable } from './envelopeBuild';
import { json, type SimResponse } from './http';
import { sendEnvelope } from './lifecycle';
import type { RestCtx } from './restAuth';
import type { BulkBatchRecord, EnvelopeRecord, TemplateRecord } from './types';
import { asArray, dsDate, guid, str } from './util';

export function createBulkList(ctx: RestCtx): SimResponse {
	const body = readJson(ctx, 'bulkSendingList');
	const name = str(body.name)?.trim();
	if (!name) throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. The bulk send list needs a name.');
	const bulkCopies = asArray(body.bulkCopies);
	if (!bulkCopies.length) throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. The bulk send list has no bulkCopies.');
	const listId = guid();
	ctx.core.state.bulkLists.set(listId, { listId, accountId: ctx.account.accountId, name, bulkCopies, createdDate: dsDate() });
	return json(201, { listId, name, bulkCopies });
}

/**
 * A copy's custom field values go into the fields the envelope already has (spec
 * `bulkSendingCopy.customFields`: "must also be included in the original envelope or template");
 * they fill values and never replace the other fields. Unknown names refused the batch before
 * (bulkCompatibility.ts).
 */
function applyCopyFields(env: EnvelopeRecord, copy: Record<string, unknown>): void {
	for (const f of asArray(copy.customFields)) {
		const existing = [...env.textCustomFields, ...env.listCustomFields].find((x) => x.name === str(f.name));
		if (existing) existing.value = str(f.value) ?? '';
	}
}

/** The draft envelope with one copy's recipients, custom fields and subject applied. */
function fromDraft(ctx: RestCtx, draft: EnvelopeRecord, copy: Record<string, unknown>): EnvelopeRecord {
	const env: EnvelopeRecord = JSON.parse(JSON.stringify({ ...draft, documents: [] }));
	env.documents = draft.documents.map((d) => ({ ...d, documentIdGuid: guid() }));
	env.envelopeId = guid();
	env.seq = ++ctx.core.state.envelopeSeq;
	env.createdDateTime = env.lastModifiedDateTime = env.statusChangedDateTime = dsDate();
	for (const c of asArray(copy.recipients)) {
		const r = env.recipients.find((x) =>
			(c.roleName !== undefined && x.roleName === str(c.roleName)) || (c.recipientId !== undefined && x.recipientId === str(c.recipientId)));
		if (!r) throw badRequest('BULK_SEND_RECIPIENT_ROLE_NOT_FOUND', `No recipient of the draft has role "${str(c.roleName) ?? ''}" or recipientId "${str(c.recipientId) ?? ''}".`);
		r.name = str(c.name) ?? r.name;
		r.email = str(c.email) ?? r.email;
		r.clientUserId = str(c.clientUserId) ?? r.clientUserId;
		r.recipientIdGuid = guid();
	}
	applyCopyFields(env, copy);
	env.emailSubject = str(copy.emailSubject) ?? env.emailSubject;
	env.emailBlurb = str(copy.emailBlurb) ?? env.emailBlurb;
	return env;
}

/**
 * Every role of the template must be filled by every copy: "a template that has three roles is
 * not compatible with a bulk send list that has only two recipients" (BulkSend::createBulkSendTestRequest),
 * and the batch "either queues successfully or fails. Partial success does not occur"
 * (BulkSend::createBulkSendRequest), whose documented error for it is BULK_SEND_RECIPIENT_ROLE_DOES_NOT_MATCH.
 * A role the template presets with a name and e-mail counts as a role too (the stricter reading).
 */
function requireEveryRoleFilled(template: TemplateRecord, copies: Array<Record<string, unknown>>): void {
	const roles = template.recipients.map((r) => r.roleName).filter((name): name is string => !!name);
	for (const copy of copies) {
		const filled = new Set(asArray(copy.recipients).map((r) => str(r.roleName)?.toLowerCase()).filter(Boolean));
		const missing = roles.find((role) => !filled.has(role.toLowerCase()));
		if (missing !== undefined) {
			throw badRequest(
				'BULK_SEND_RECIPIENT_ROLE_DOES_NOT_MATCH',
				`Recipient Role ${missing} does not match. Make sure the recipient information in the list and the envelope is compatible.`,
			);
		}
	}
}

export function sendBulkList(ctx: RestCtx): SimResponse {
	const list = ctx.core.state.bulkLists.get(ctx.params.listId);
	if (!list || list.accountId !== ctx.account.accountId) throw badRequest('BULK_SEND_LIST_NOT_FOUND', 'The bulk send list was not found.');
	const body = readJson(ctx, 'bulkSendRequest');
	const sourceId = str(body.envelopeOrTemplateId) ?? '';
	const template = ctx.core.state.templates.get(sourceId);
	const draft = ctx.core.state.envelopes.get(sourceId);
	const fromTemplate = template?.accountId === ctx.account.accountId;
	if (!fromTemplate && !(draft?.accountId === ctx.account.accountId && draft.status === 'created')) {
		throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. envelopeOrTemplateId must be a template or a draft envelope of this account.');
	}
	if (fromTemplate) requireEveryRoleFilled(template, list.bulkCopies);
	requireCompatibleCopies(ctx, fromTemplate ? template : draft!, fromTemplate, list.bulkCopies);
	const batch: BulkBatchRecord = {
		batchId: guid(), accountId: ctx.account.accountId, batchName: str(body.batchName) ?? list.name, listId: list.listId,
		envelopeOrTemplateId: sourceId, senderUserId: ctx.user.userId, submittedDate: dsDate(), envelopeIds: [], failed: [],
	};
	list.bulkCopies.forEach((copy, copyIndex) => {
		try {
			let env: EnvelopeRecord;
			if (fromTemplate) {
				env = buildEnvelope(ctx, { templateId: sourceId, templateRoles: copy.recipients, emailSubject: copy.emailSubject, emailBlurb: copy.emailBlurb }, new Map());
				applyCopyFields(env, copy);
			} else {
				env = fromDraft(ctx, draft!, copy);
			}
			env.bulkBatchId = batch.batchId;
			checkSendable(env);
			ctx.core.state.envelopes.set(env.envelopeId, env);
			sendEnvelope(ctx.core, env);
			batch.envelopeIds.push(env.envelopeId);
		} catch (error) {
			if (!(error instanceof DocuSignError)) throw error;
			batch.failed.push({ copyIndex, errorCode: error.errorCode, message: error.message });
		}
	});
	ctx.core.state.bulkBatches.set(batch.batchId, batch);
	return json(201, {
		batchId: batch.batchId, batchName: batch.batchName, batchSize: String(list.bulkCopies.length),
		envelopeOrTemplateId: sourceId, errorDetails: [], errors: [], queueLimit: '2000', totalQueued: String(list.bulkCopies.length),
	});
}

export function getBulkBatch(ctx: RestCtx): SimResponse {
	const batch = ctx.core.state.bulkBatches.get(ctx.params.batchId);
	if (!batch || batch.accountId !== ctx.account.accountId) throw badRequest('BULK_SEND_BATCH_NOT_FOUND', 'The bulk send batch was not found.');
	const list = ctx.core.state.bulkLists.get(batch.listId);
	return json(200, {
		batchId: batch.batchId, batchName: batch.batchName, batchSize: String(batch.envelopeIds.length + batch.failed.length),
		bulkErrors: batch.failed.map((f) => ({ bulkRecipientRow: String(f.copyIndex), bulkStatus: 'failed', errorMessage: `${f.errorCode}: ${f.message}` })),
		envelopeIdOrTemplateId: batch.envelopeOrTemplateId, envelopesUri: `/bulk_send_batch/${batch.batchId}/envelopes`,
		failed: String(batch.failed.length), mailingListId: batch.listId, mailingListName: list?.name, ownerUserId: batch.senderUserId,
		queued: '0', senderUserId: batch.senderUserId, sent: String(batch.envelopeIds.length), submittedDate: batch.submittedDate,
	});
}
