import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { oncePerExecution } from '../helpers/perExecution';
import type { ResolvedAccount } from './accounts';
import { apiRequest } from './request';

/** An envelope's `customFields`: text and list custom fields. */
export interface CustomFieldSet {
	textCustomFields: IDataObject[];
	listCustomFields: IDataObject[];
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldsOf(raw: unknown): CustomFieldSet {
	const set = isObject(raw) ? raw : {};
	const list = (value: unknown) => (Array.isArray(value) ? value.filter(isObject) : []);
	return { textCustomFields: list(set.textCustomFields), listCustomFields: list(set.listCustomFields) };
}

/** A definition's field as an envelope field: everything but the answer-only errorDetails. */
function asEnvelopeField(field: IDataObject): IDataObject {
	const copy = { ...field };
	delete copy.errorDetails;
	return copy;
}

/**
 * The envelope custom fields an admin defined for the account (GET /custom_fields), with their
 * values as defaults; read once per node run and account.
 */
export async function readAccountCustomFields(
	this: IExecuteFunctions,
	account: ResolvedAccount,
	itemIndex: number,
): Promise<CustomFieldSet> {
	return await oncePerExecution(this, `account-custom-fields:${account.accountId}`, async () =>
		fieldsOf(
			await apiRequest.call(this, 'GET', '/custom_fields', {
				account,
				itemIndex,
				action: "read the account's envelope custom fields",
			}),
		),
	);
}

/**
 * DocuSign replaces the account's envelope custom fields with the ones a create sends (spec
 * `envelopeDefinition.customFields`), so whatever the node sends starts from the account's fields
 * and their defaults. A field the create names (either kind, by name, ignoring case) takes the
 * create's value; other fields of the create are added.
 */
export function withAccountFields(accountFields: CustomFieldSet, own: unknown): CustomFieldSet {
	const merged: CustomFieldSet = {
		textCustomFields: accountFields.textCustomFields.map(asEnvelopeField),
		listCustomFields: accountFields.listCustomFields.map(asEnvelopeField),
	};
	const sameName = (name: unknown) => (field: IDataObject) =>
		String(field.name ?? '').toLowerCase() === String(name ?? '').toLowerCase();
	const ownFields = fieldsOf(own);
	for (const kind of ['textCustomFields', 'listCustomFields'] as const) {
		for (const field of ownFields[kind]) {
			const existing = merged.textCustomFields.find(sameName(field.name)) ?? merged.listCustomFields.find(sameName(field.name));
			if (existing) Object.assign(existing, { value: field.value ?? '', ...(field.show !== undefined ? { show: field.show } : {}) });
			else merged[kind].push({ ...field });
		}
	}
	return merged;
}
