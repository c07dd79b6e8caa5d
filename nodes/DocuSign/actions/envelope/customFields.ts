import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { apiRequest } from '../../transport';

/** One envelope custom field as DocuSign returns it (text or list). */
export interface CustomField extends IDataObject {
	fieldId: string;
	name: string;
	value: string;
	type: 'text' | 'list';
}

/** DocuSign's customFields object as one list, each field marked text or list. */
export function listCustomFields(fields: IDataObject): CustomField[] {
	const of = (key: string, type: CustomField['type']) =>
		((Array.isArray(fields[key]) ? fields[key] : []) as IDataObject[]).map((field) => ({
			...field,
			fieldId: String(field.fieldId ?? ''),
			name: String(field.name ?? ''),
			value: String(field.value ?? ''),
			type,
		}));
	return [...of('textCustomFields', 'text'), ...of('listCustomFields', 'list')];
}

/** `{name: value}` of the fields, for expressions such as {{ $json.fields["Order Number"] }}. */
export function customFieldValues(fields: CustomField[]): IDataObject {
	return Object.fromEntries(fields.map((field) => [field.name, field.value]));
}

/** GET /envelopes/{id}/custom_fields. */
export async function readEnvelopeCustomFields(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	envelopeId: string,
	itemIndex?: number,
): Promise<CustomField[]> {
	const fields = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/custom_fields`, {
		itemIndex,
		action: 'read the custom fields of the envelope',
	})) as IDataObject;
	return listCustomFields(fields ?? {});
}

/** Envelope custom field values are limited to 100 characters (spec: textCustomField.value). */
export const MAX_CUSTOM_FIELD_VALUE = 100;
