/**
 * Envelope custom fields, GET/POST/PUT/DELETE /envelopes/{id}/custom_fields
 * (CustomFields_GetCustomFields / _PostCustomFields / _PutCustomFields / _DeleteCustomFields, body
 * `customFields`). The account's definitions and the fields a create gives an envelope are in
 * accountCustomFields.ts.
 */
import { readJson } from './bodies';
import { badRequest } from './errors';
import { findEnvelope } from './envelopes';
import { json, type SimResponse } from './http';
import type { RestCtx } from './restAuth';
import type { CustomFieldRecord, EnvelopeRecord } from './types';
import { asArray, dsDate, str } from './util';

// Spec textCustomField.value / listCustomField.value: "Maximum length: 100 characters".
const MAX_VALUE = 100;

/** Spec: custom fields change "for draft and in-process envelopes" only. */
function editableEnvelope(ctx: RestCtx): EnvelopeRecord {
	const env = findEnvelope(ctx);
	if (!['created', 'sent', 'delivered'].includes(env.status)) {
		throw badRequest('ENVELOPE_INVALID_STATUS', `The custom fields of a ${env.status} envelope cannot be changed.`);
	}
	return env;
}

type Kind = 'textCustomFields' | 'listCustomFields';
const KINDS: Kind[] = ['textCustomFields', 'listCustomFields'];

function checkValue(name: string, value: string | undefined, field?: CustomFieldRecord): void {
	if (value === undefined) return;
	if (value.length > MAX_VALUE) {
		throw badRequest('INVALID_REQUEST_PARAMETER', `The value of custom field "${name}" is longer than ${MAX_VALUE} characters.`);
	}
	if (field?.listItems && value !== '' && !field.listItems.includes(value)) {
		throw badRequest('INVALID_REQUEST_PARAMETER', `"${value}" is not an item of list custom field "${name}".`);
	}
}

/** The request's fields of each kind, each matched to the envelope's field with its fieldId. */
function matchById(env: EnvelopeRecord, body: Record<string, unknown>): Array<{ kind: Kind; raw: Record<string, unknown>; field: CustomFieldRecord }> {
	return KINDS.flatMap((kind) =>
		asArray(body[kind]).map((raw) => {
			const fieldId = str(raw.fieldId);
			const field = env[kind].find((f) => f.fieldId === fieldId);
			if (!field) throw badRequest('INVALID_REQUEST_PARAMETER', `The envelope has no ${kind === 'textCustomFields' ? 'text' : 'list'} custom field with fieldId "${fieldId ?? ''}".`);
			return { kind, raw, field };
		}),
	);
}

/** POST: adds fields; a name the envelope already has is refused (stricter: DocuSign's rule is not documented). */
export function postCustomFields(ctx: RestCtx): SimResponse {
	const env = editableEnvelope(ctx);
	const body = readJson(ctx, 'customFields');
	const added: Record<Kind, CustomFieldRecord[]> = { textCustomFields: [], listCustomFields: [] };
	let next = 10_000_000 + env.textCustomFields.length + env.listCustomFields.length + 100;
	for (const kind of KINDS) {
		for (const raw of asArray(body[kind])) {
			const name = str(raw.name)?.trim();
			if (!name) throw badRequest('INVALID_REQUEST_PARAMETER', 'A custom field needs a name.');
			if ([...env.textCustomFields, ...env.listCustomFields, ...added.textCustomFields, ...added.listCustomFields].some((f) => f.name === name)) {
				throw badRequest('INVALID_REQUEST_PARAMETER', `The envelope already has a custom field named "${name}".`);
			}
			const listItems = kind === 'listCustomFields' ? asArray<unknown>(raw.listItems).map(String) : undefined;
			const field: CustomFieldRecord = {
				fieldId: String(next++),
				name,
				value: str(raw.value) ?? '',
				show: str(raw.show) ?? 'true',
				required: str(raw.required) ?? 'false',
				...(listItems ? { listItems } : {}),
			};
			checkValue(name, field.value, field);
			added[kind].push(field);
		}
	}
	for (const kind of KINDS) env[kind].push(...added[kind]);
	env.lastModifiedDateTime = dsDate();
	return json(201, { textCustomFields: added.textCustomFields, listCustomFields: added.listCustomFields });
}

/** PUT: changes the value (show, required) of fields named by fieldId. */
export function putCustomFields(ctx: RestCtx): SimResponse {
	const env = editableEnvelope(ctx);
	const matches = matchById(env, readJson(ctx, 'customFields'));
	for (const { raw, field } of matches) checkValue(field.name, str(raw.value), field);
	for (const { raw, field } of matches) {
		if (raw.value !== undefined) field.value = str(raw.value) ?? '';
		if (raw.show !== undefined) field.show = String(raw.show);
		if (raw.required !== undefined) field.required = String(raw.required);
	}
	env.lastModifiedDateTime = dsDate();
	return json(200, customFieldsOf(matches));
}

/** DELETE: removes the fields named by fieldId. */
export function deleteCustomFields(ctx: RestCtx): SimResponse {
	const env = editableEnvelope(ctx);
	const matches = matchById(env, readJson(ctx, 'customFields'));
	for (const { kind, field } of matches) env[kind] = env[kind].filter((f) => f !== field);
	env.lastModifiedDateTime = dsDate();
	return json(200, customFieldsOf(matches));
}

function customFieldsOf(matches: Array<{ kind: Kind; field: CustomFieldRecord }>): Record<string, unknown> {
	return {
		textCustomFields: matches.filter((m) => m.kind === 'textCustomFields').map((m) => ({ ...m.field })),
		listCustomFields: matches.filter((m) => m.kind === 'listCustomFields').map((m) => ({ ...m.field })),
	};
}
