import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isEmail } from '../../helpers/email';
import { isGuid } from '../../helpers/guid';
import { inputError } from '../../helpers/itemErrors';
import { MARKER_FIELD } from '../../transport';
import { readTemplateId } from '../template/templateLocator';
import { findRole, type TemplateRole } from '../template/templateRoles';
import { fillEveryRole } from './roleCoverage';

export type Source = 'template' | 'envelope';

/** DocuSign's limit for a recipient's name and for an e-mail address. */
const MAX_NAME_LENGTH = 100;
/** The label of the recipient set by the node's top-level fields (Recipient Name, Recipient Email). */
const MAIN_RECIPIENT = 'Recipient';

/** The template or draft envelope every copy is made from, as far as checking copies needs it. */
export interface SourceDocument {
	source: Source;
	id: string;
	name?: string;
	/** Roles of the template, or every recipient of the draft envelope. */
	recipients: TemplateRole[];
	/** Names of the custom fields it defines, when DocuSign returned them. */
	customFieldNames?: Set<string>;
}

interface PlannedPerson {
	label: string;
	/** Role name (template) or recipient ID (draft envelope); empty means "the only one". */
	reference: string;
	name: string;
	email: string;
}

/** One input item read and checked on its own, before DocuSign is asked anything. */
export interface PlannedCopy {
	itemIndex: number;
	sourceId: string;
	people: PlannedPerson[];
	tabs: Array<{ tabLabel: string; value: string }>;
	customFields: Array<{ name: string; value: string }>;
	emailSubject?: string;
	emailBlurb?: string;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** Tab and custom field values keep their spaces; only a missing value becomes empty. */
function rawText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

export function readSourceId(this: IExecuteFunctions, source: Source, itemIndex: number): string {
	if (source === 'template') return readTemplateId.call(this, itemIndex);
	const envelopeId = text(this.getNodeParameter('envelopeId', itemIndex, ''));
	if (!isGuid(envelopeId)) {
		throw inputError(
			this,
			itemIndex,
			envelopeId ? `Draft Envelope ID "${envelopeId.slice(0, 100)}" is not an envelope ID` : 'Draft Envelope ID is empty',
			'Give the ID (a GUID) of an envelope saved as a draft, e.g. the envelopeId output of Envelope → Create with Status "Save as Draft".',
		);
	}
	return envelopeId;
}

function checkPerson(context: IExecuteFunctions, itemIndex: number, person: PlannedPerson): void {
	const { label, name, email } = person;
	if (!name) throw inputError(context, itemIndex, `${label} Name is empty`, 'DocuSign needs the full name of every recipient.');
	if (name.length > MAX_NAME_LENGTH) {
		throw inputError(context, itemIndex, `${label} Name is longer than ${MAX_NAME_LENGTH} characters`);
	}
	if (!email) throw inputError(context, itemIndex, `${label} Email is empty`);
	if (email.length > MAX_NAME_LENGTH || !isEmail(email)) {
		throw inputError(
			context,
			itemIndex,
			`${label} Email "${email.slice(0, 120)}" is not a valid e-mail address`,
			'Give one address such as jane@example.com, without a display name or spaces.',
		);
	}
}

/**
 * Reads an item's copy and checks what needs no DocuSign call: source ID, names, e-mail
 * addresses, tab labels and custom field names present.
 */
export function planCopy(
	this: IExecuteFunctions,
	source: Source,
	itemIndex: number,
	batchSourceId: string | undefined,
): PlannedCopy {
	const sourceId = readSourceId.call(this, source, itemIndex);
	if (batchSourceId !== undefined && sourceId.toLowerCase() !== batchSourceId.toLowerCase()) {
		throw inputError(
			this,
			itemIndex,
			`it names ${source === 'template' ? 'template' : 'envelope'} ${sourceId}, but the batch sends ${batchSourceId} (from item 1)`,
			'A bulk send sends one template or draft envelope to every item. Split the items first, e.g. with a Switch node.',
		);
	}

	const referenceField = source === 'template' ? 'roleName' : 'recipientId';
	const referenceLabel = source === 'template' ? 'Role' : 'Recipient ID';
	const people: PlannedPerson[] = [
		{
			label: MAIN_RECIPIENT,
			reference: text(this.getNodeParameter(referenceField, itemIndex, '')),
			name: text(this.getNodeParameter('recipientName', itemIndex, '')),
			email: text(this.getNodeParameter('recipientEmail', itemIndex, '')),
		},
	];
	const additional = this.getNodeParameter('additionalRecipients.recipient', itemIndex, []) as IDataObject[];
	for (const [n, entry] of additional.entries()) {
		const person = {
			label: `Additional Recipient ${n + 1}`,
			reference: text(entry[referenceField]),
			name: text(entry.name),
			email: text(entry.email),
		};
		if (!person.reference) {
			throw inputError(this, itemIndex, `${person.label} has no ${referenceLabel}`, 'Say which role this person fills.');
		}
		people.push(person);
	}
	for (const person of people) checkPerson(this, itemIndex, person);

	const tabs = (this.getNodeParameter('textTabs.tab', itemIndex, []) as IDataObject[]).map((tab, n) => {
		const tabLabel = text(tab.tabLabel);
		if (!tabLabel) throw inputError(this, itemIndex, `Text Tab Value ${n + 1} has no Tab Label`);
		return { tabLabel, value: rawText(tab.value) };
	});
	const customFields = (this.getNodeParameter('customFields.field', itemIndex, []) as IDataObject[]).map(
		(field, n) => {
			const name = text(field.name);
			if (!name) throw inputError(this, itemIndex, `Envelope Custom Field ${n + 1} has no Name`);
			return { name, value: rawText(field.value) };
		},
	);

	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const emailSubject = text(options.emailSubject);
	const emailBlurb = rawText(options.emailBlurb);
	return {
		itemIndex,
		sourceId,
		people,
		tabs,
		customFields,
		...(emailSubject ? { emailSubject } : {}),
		...(emailBlurb.trim() ? { emailBlurb } : {}),
	};
}

export function describeRecipients(doc: SourceDocument): string {
	if (doc.recipients.length === 0) {
		return doc.source === 'template' ? 'The template has no named roles.' : 'The envelope has no recipients.';
	}
	if (doc.source === 'template') {
		const roles = doc.recipients.map((role) => `"${role.roleName}"`).join(', ');
		return `The template${doc.name ? ` "${doc.name}"` : ''} has the roles ${roles}.`;
	}
	const ids = doc.recipients.map(
		(recipient) => `${recipient.recipientId}${recipient.roleName ? ` (${recipient.roleName})` : ''}`,
	);
	return `The envelope's recipient IDs are ${ids.join(', ')}.`;
}

function slotKey(doc: SourceDocument, slot: TemplateRole): string {
	return doc.source === 'template' ? slot.roleName : slot.recipientId;
}

function slotName(doc: SourceDocument, slot: TemplateRole): string {
	return doc.source === 'template' ? `role "${slot.roleName}"` : `recipient ID ${slot.recipientId}`;
}

/** The template role or envelope recipient a person fills; an empty reference means "the only one". */
function resolveSlot(
	context: IExecuteFunctions,
	doc: SourceDocument,
	itemIndex: number,
	person: PlannedPerson,
): TemplateRole {
	const base = doc.source === 'template' ? 'Role' : 'Recipient ID';
	const field = person.label === MAIN_RECIPIENT ? base : `${person.label} ${base}`;
	if (!person.reference) {
		if (doc.recipients.length === 1) return doc.recipients[0];
		throw inputError(context, itemIndex, `${field} is empty`, `${describeRecipients(doc)} Choose which one this recipient fills.`);
	}
	const slot =
		doc.source === 'template'
			? findRole(doc.recipients, person.reference)
			: doc.recipients.find((recipient) => recipient.recipientId === person.reference);
	if (slot) return slot;
	throw inputError(
		context,
		itemIndex,
		doc.source === 'template'
			? `${field} "${person.reference}" is not a role of the template${doc.name ? ` "${doc.name}"` : ''}`
			: `${field} "${person.reference}" is not a recipient of the draft envelope`,
		describeRecipients(doc),
	);
}

/** Turns a planned copy into a `bulkSendingCopy`, checking roles, tab labels and custom fields against the source. */
export function buildCopy(context: IExecuteFunctions, doc: SourceDocument, plan: PlannedCopy): IDataObject {
	const { itemIndex } = plan;
	const recipients: Array<{ slot: TemplateRole; json: IDataObject }> = [];
	for (const person of plan.people) {
		const slot = resolveSlot(context, doc, itemIndex, person);
		if (recipients.some((other) => slotKey(doc, other.slot) === slotKey(doc, slot))) {
			throw inputError(context, itemIndex, `${slotName(doc, slot)} is filled twice`, 'Each role of a copy takes one person.');
		}
		recipients.push({
			slot,
			json: {
				...(doc.source === 'template' ? { roleName: slot.roleName } : { recipientId: slot.recipientId }),
				name: person.name,
				email: person.email,
			},
		});
	}

	for (const tab of plan.tabs) {
		const owners = recipients.filter(({ slot }) => slot.textTabLabels.includes(tab.tabLabel));
		if (owners.length === 0) {
			const known = recipients
				.map(({ slot }) => {
					const labels = slot.textTabLabels.map((label) => `"${label}"`).join(', ');
					return `${slotName(doc, slot)}: ${labels || 'no text tabs'}`;
				})
				.join('; ');
			throw inputError(
				context,
				itemIndex,
				`no recipient of this copy has a text tab labelled "${tab.tabLabel}"`,
				`Text tab labels by recipient: ${known}.`,
			);
		}
		for (const owner of owners) {
			const tabs = (owner.json.tabs as IDataObject[] | undefined) ?? [];
			tabs.push({ tabLabel: tab.tabLabel, initialValue: tab.value });
			owner.json.tabs = tabs;
		}
	}

	if (doc.source === 'template') fillEveryRole(context, doc, itemIndex, recipients);
	const copy: IDataObject = { recipients: recipients.map(({ json }) => json) };
	if (plan.customFields.length) {
		for (const field of plan.customFields) {
			if (doc.customFieldNames && !doc.customFieldNames.has(field.name)) {
				const known = [...doc.customFieldNames].map((name) => `"${name}"`).join(', ');
				throw inputError(
					context,
					itemIndex,
					`the ${doc.source === 'template' ? 'template' : 'draft envelope'} has no custom field "${field.name}"`,
					known
						? `Bulk send only fills custom fields that exist already: ${known}.`
						: 'Bulk send only fills custom fields that exist already, and it has none. Add the field in DocuSign first.',
				);
			}
		}
		copy.customFields = plan.customFields;
	}
	// A draft made with an Idempotency Key carries its hidden marker; copies must not, or a re-run
	// of that create would find a copy instead of the draft.
	if (doc.customFieldNames?.has(MARKER_FIELD) && !plan.customFields.some((field) => field.name === MARKER_FIELD)) {
		copy.customFields = [...plan.customFields, { name: MARKER_FIELD, value: '' }];
	}
	if (plan.emailSubject) copy.emailSubject = plan.emailSubject;
	if (plan.emailBlurb) copy.emailBlurb = plan.emailBlurb;
	return copy;
}
