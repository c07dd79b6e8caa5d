import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { failureOf } from './envelopeData';

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

/**
 * DocuSign answers a custom field write it could not do with HTTP 2xx and `errorDetails` on that
 * field (a name the envelope already has: CUSTOM_FIELD_ALREADY_EXISTS). Raise those as errors.
 */
export function checkCustomFieldsAnswer(this: IExecuteFunctions, answer: unknown, itemIndex: number, action: string): void {
	const fields = answer && typeof answer === 'object' ? (answer as IDataObject) : {};
	const failures = ['textCustomFields', 'listCustomFields'].flatMap((key) =>
		((Array.isArray(fields[key]) ? fields[key] : []) as IDataObject[]).flatMap((field) => {
			const failure = failureOf(field.errorDetails);
			if (!failure) return [];
			const which = field.name ? `"${String(field.name)}"` : `field ${String(field.fieldId ?? '?')}`;
			return [`${which}: ${failure.errorCode}${failure.message ? ` – ${failure.message}` : ''}`];
		}),
	);
	if (!failures.length) return;
	throw new NodeApiError(this.getNode(), fields as JsonObject, {
		message: `DocuSign could not ${action}: ${failures.join('; ')}`,
		description: 'DocuSign accepted the request but refused the fields above. Envelope → Get Custom Fields shows what the envelope has now.',
		itemIndex,
	});
}
