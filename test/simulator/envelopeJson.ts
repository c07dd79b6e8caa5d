/** DocuSign-shaped JSON of envelopes, their documents and custom fields (strings for flags). */
import type { SimCore } from './core';
import { recipientsJson } from './recipients';
import type { DocumentRecord, EnvelopeRecord } from './types';
import { compact } from './util';

export function envelopeSummaryJson(env: EnvelopeRecord): Record<string, unknown> {
	return { envelopeId: env.envelopeId, uri: `/envelopes/${env.envelopeId}`, statusDateTime: env.statusChangedDateTime, status: env.status };
}

export function customFieldsJson(env: EnvelopeRecord): Record<string, unknown> {
	return {
		textCustomFields: env.textCustomFields.map((f) => ({ ...f })),
		listCustomFields: env.listCustomFields.map((f) => ({ ...f, listItems: f.listItems ?? [] })),
	};
}

export function documentJson(env: EnvelopeRecord, doc: DocumentRecord, withSize = false): Record<string, unknown> {
	return compact({
		documentId: doc.documentId,
		documentIdGuid: doc.documentIdGuid,
		name: doc.name,
		type: 'content',
		uri: `/envelopes/${env.envelopeId}/documents/${doc.documentId}`,
		order: String(doc.order),
		display: 'inline',
		includeInDownload: 'true',
		signerMustAcknowledge: 'no_interaction',
		templateRequired: 'false',
		authoritativeCopy: 'false',
		containsPdfFormFields: 'false',
		availableDocumentTypes: [{ type: 'electronic', isDefault: 'true' }],
		sizeBytes: withSize ? String(doc.bytes.length) : undefined,
	});
}

export function certificateDocumentJson(env: EnvelopeRecord): Record<string, unknown> {
	return {
		documentId: 'certificate',
		name: 'Summary',
		type: 'summary',
		uri: `/envelopes/${env.envelopeId}/documents/certificate`,
		order: '999',
		display: 'inline',
		includeInDownload: 'true',
		signerMustAcknowledge: 'no_interaction',
		authoritativeCopy: 'false',
	};
}

export function documentsJson(env: EnvelopeRecord, withSize = false): Array<Record<string, unknown>> {
	return [...env.documents.map((d) => documentJson(env, d, withSize)), certificateDocumentJson(env)];
}

/** GET envelope / list item / Connect envelopeSummary. `include`: recipients, tabs, documents, custom_fields. */
export function envelopeJson(core: SimCore, env: EnvelopeRecord, include: Set<string> = new Set()): Record<string, unknown> {
	const sender = core.user(env.senderUserId);
	const base = `/envelopes/${env.envelopeId}`;
	return compact({
		status: env.status,
		documentsUri: `${base}/documents`,
		recipientsUri: `${base}/recipients`,
		attachmentsUri: `${base}/attachments`,
		envelopeUri: base,
		emailSubject: env.emailSubject,
		emailBlurb: env.emailBlurb,
		envelopeId: env.envelopeId,
		signingLocation: 'online',
		customFieldsUri: `${base}/custom_fields`,
		notificationUri: `${base}/notification`,
		enableWetSign: 'true',
		allowMarkup: 'false',
		allowReassign: 'true',
		createdDateTime: env.createdDateTime,
		lastModifiedDateTime: env.lastModifiedDateTime,
		initialSentDateTime: env.initialSentDateTime,
		sentDateTime: env.sentDateTime,
		deliveredDateTime: env.deliveredDateTime,
		completedDateTime: env.completedDateTime,
		declinedDateTime: env.declinedDateTime,
		voidedDateTime: env.voidedDateTime,
		voidedReason: env.voidedReason,
		statusChangedDateTime: env.statusChangedDateTime,
		documentsCombinedUri: `${base}/documents/combined`,
		certificateUri: `${base}/documents/certificate`,
		templatesUri: `${base}/templates`,
		// Reported only while valid: "valid in the DocuSign system for 7 days" (spec envelopeDefinition.transactionId), the stricter reading.
		transactionId: Date.now() - Date.parse(env.createdDateTime) < core.config.transactionIdValidMs ? env.transactionId : undefined,
		brandId: env.brandId,
		sender: sender && { userName: sender.name, userId: sender.userId, accountId: env.accountId, email: sender.email },
		purgeState: 'unpurged',
		envelopeIdStamping: 'true',
		is21CFRPart11: 'false',
		signerCanSignOnMobile: 'true',
		autoNavigation: 'true',
		isSignatureProviderEnvelope: 'false',
		hasFormDataChanged: 'false',
		allowComments: 'true',
		hasComments: 'false',
		allowViewHistory: 'true',
		envelopeLocation: 'current_site',
		isDynamicEnvelope: 'false',
		anySigner: undefined,
		recipients: include.has('recipients') ? recipientsJson(env.recipients, include.has('tabs')) : undefined,
		customFields: include.has('custom_fields') ? customFieldsJson(env) : undefined,
		envelopeDocuments: include.has('documents') ? documentsJson(env) : undefined,
	});
}

export function parseInclude(value: string | null): Set<string> {
	return new Set((value ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}
