/**
 * The compatibility checks DocuSign makes before a bulk send batch queues anything
 * (BulkSend::createBulkSendTestRequest, "Envelope Compatibility Checks", and the error table of
 * BulkSend::createBulkSendRequest, e.g. docusign-esign-node-client `src/api/BulkEnvelopesApi.js`).
 * "The entire batch either queues successfully or fails": a copy that does not fit refuses the
 * whole batch, before any envelope is made.
 */
import { accountFields } from './accountCustomFields';
import { badRequest } from './errors';
import type { RestCtx } from './restAuth';
import type { EnvelopeRecord, RecipientRecord, TemplateRecord } from './types';
import { asArray, str } from './util';

const tabLabelsOf = (recipient: RecipientRecord): Set<string> =>
	new Set(Object.values(recipient.tabs ?? {}).flatMap((tabs) => tabs.map((tab) => str(tab.tabLabel) ?? '')).filter(Boolean));

/** The recipient of the source that a copy's recipient fills, or the documented refusal. */
function sourceRecipient(source: TemplateRecord | EnvelopeRecord, copyRecipient: Record<string, unknown>): RecipientRecord {
	const roleName = str(copyRecipient.roleName);
	const recipientId = str(copyRecipient.recipientId);
	const byRole = roleName !== undefined ? source.recipients.find((r) => r.roleName?.toLowerCase() === roleName.toLowerCase()) : undefined;
	const found = byRole ?? (recipientId !== undefined ? source.recipients.find((r) => r.recipientId === recipientId) : undefined);
	if (found) return found;
	if (roleName !== undefined) {
		throw badRequest('BULK_SEND_RECIPIENT_ROLE_DOES_NOT_MATCH', `Recipient Role ${roleName} does not match. Make sure the recipient information in the list and the envelope is compatible.`);
	}
	throw badRequest('BULK_SEND_RECIPIENT_ID_DOES_NOT_EXIST_IN_ENVELOPE', `Recipient ${recipientId ?? ''} does not exist in the envelope. Add the missing recipient to the envelope.`);
}

/**
 * Every copy recipient matches a recipient of the source (role or recipient ID), each of its tab
 * labels is a tab of that recipient ("Every `recipient ID, tab label` pair in the bulk send list
 * must correspond to a tab in the envelope"), and each envelope custom field names a field the
 * source has ("must correspond to the name of a `customField` in the envelope definition"). A
 * template's envelopes carry the account's fields here (accountCustomFields.ts), so those count.
 */
export function requireCompatibleCopies(ctx: RestCtx, source: TemplateRecord | EnvelopeRecord, fromTemplate: boolean, copies: Array<Record<string, unknown>>): void {
	const sourceFields = fromTemplate ? accountFields(ctx) : { text: (source as EnvelopeRecord).textCustomFields, list: (source as EnvelopeRecord).listCustomFields };
	const fieldNames = new Set([...sourceFields.text, ...sourceFields.list].map((f) => f.name));
	for (const copy of copies) {
		for (const copyRecipient of asArray(copy.recipients)) {
			const recipient = sourceRecipient(source, copyRecipient);
			const labels = tabLabelsOf(recipient);
			for (const tab of asArray(copyRecipient.tabs)) {
				const label = str(tab.tabLabel) ?? '';
				if (!labels.has(label)) {
					throw badRequest('BULK_SEND_TAB_LABEL_DOES_NOT_EXIST_IN_ENVELOPE', `Tab with label ${label} does not exist in envelope. Add the tab label to the envelope, remove the label from the list, or make sure you're specifying the correct list and envelope.`);
				}
			}
		}
		for (const field of asArray(copy.customFields)) {
			const name = str(field.name) ?? '';
			if (!fieldNames.size) {
				throw badRequest('BULK_SEND_ENVELOPE_HAS_NO_ENVELOPE_CUSTOM_FIELDS', 'Bulk sending copy contains custom fields, but the specified envelope does not. There are custom fields on the list that the envelope does not have. Make sure that any custom fields on the list and the envelope match.');
			}
			if (!fieldNames.has(name)) {
				throw badRequest('BULK_SEND_ENVELOPE_CUSTOM_FIELD_DOES_NOT_EXIST_IN_ENVELOPE', `Custom field ${name} does not exist in the envelope. Either add the custom field on the list to the envelope, remove the custom field from the list, or make sure you're specifying the correct list and envelope.`);
			}
		}
	}
}
