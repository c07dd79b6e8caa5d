/**
 * GET /envelopes/{id}/form_data (FormData_GetFormData → envelopeFormData) and
 * GET /envelopes/{id}/audit_events (AuditEvents_GetAuditEvents → envelopeAuditEventResponse).
 */
import { badRequest } from './errors';
import { findEnvelope } from './envelopes';
import { json, type SimResponse } from './http';
import type { RestCtx } from './restAuth';
import type { RecipientRecord } from './types';
import { compact } from './util';

// Tabs that carry no entered value (signatures, buttons, attachments).
const VALUELESS = new Set(['signHereTabs', 'initialHereTabs', 'signerAttachmentTabs', 'approveTabs', 'declineTabs', 'envelopeIdTabs', 'notarizeTabs', 'smartSectionTabs', 'viewTabs', 'polyLineOverlayTabs', 'drawTabs', 'commentThreadTabs']);

/** formDataItem per labelled tab with a value (text, number, date, list, full name, …). */
function formDataOf(r: RecipientRecord): Array<Record<string, string>> {
	const items: Array<Record<string, string>> = [];
	for (const [kind, tabs] of Object.entries(r.tabs ?? {})) {
		if (VALUELESS.has(kind) || kind === 'checkboxTabs' || kind === 'radioGroupTabs') continue;
		for (const tab of tabs) {
			const name = String(tab.tabLabel ?? tab.name ?? '');
			if (!name) continue;
			const value = String(tab.value ?? '');
			items.push(kind === 'listTabs' ? { name, value, listSelectedValue: value } : { name, value, originalValue: String(tab.originalValue ?? value) });
		}
	}
	return items;
}

export function getFormData(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	// Spec: form data of "any in-process, completed, or canceled envelope": a draft has none.
	if (env.status === 'created') throw badRequest('ENVELOPE_INVALID_STATUS', 'Form data is only available once the envelope has been sent.');
	const recipientFormData = env.recipients
		.filter((r) => r.type !== 'carbonCopies' && r.type !== 'certifiedDeliveries')
		.map((r) =>
			compact({
				formData: formDataOf(r),
				recipientId: r.recipientId,
				name: r.name,
				email: r.email,
				SentTime: r.sentDateTime,
				DeliveredTime: r.deliveredDateTime,
				SignedTime: r.signedDateTime,
				DeclinedTime: r.declinedDateTime,
			}),
		);
	return json(200, compact({
		formData: recipientFormData.flatMap((r) => r.formData),
		envelopeId: env.envelopeId,
		status: env.status,
		sentDateTime: env.sentDateTime,
		emailSubject: env.emailSubject,
		recipientFormData,
	}));
}

export function getAuditEvents(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	return json(200, {
		auditEvents: (env.auditEvents ?? []).map((event) => ({
			eventFields: Object.entries(event).map(([name, value]) => ({ name, value })),
		})),
	});
}
