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

/**
 * DocuSign reports a field it could not add, change or remove inside its 2xx answer: the field comes
 * back with `errorDetails` (docusign-esign-csharp-client issue #75: POSTing a name the envelope already
 * has answered success with the field marked CUSTOM_FIELD_ALREADY_EXISTS). The spec's textCustomField /
 * listCustomField carry `errorDetails` for this. Unknown fieldIds on PUT/DELETE are answered the same
 * way (stricter: a client must read the per-field errors, not only the HTTP status).
 */
const failed = (raw: Record<string, unknown>, errorCode: string, message: string) => ({ ...raw, errorDetails: { errorCode, message } });

type Outcome = { kind: Kind; raw: Record<string, unknown>; field?: CustomFieldRecord };

/** The request's fields of each kind, each matched to the envelope's field with its fieldId (if any). */
function matchById(env: EnvelopeRecord, body: Record<string, unknown>): Outcome[] {
	return KINDS.flatMap((kind) =>
		asArray(body[kind]).map((raw) => ({ kind, raw, field: env[kind].find((f) => f.fieldId === str(raw.fieldId)) })),
	);
}

function answerOf(outcomes: Outcome[]): Record<string, unknown> {
	const answer = (o: Outcome) =>
		o.field
			? { ...o.field }
			: failed(o.raw, 'INVALID_REQUEST_PARAMETER', `The envelope has no ${o.kind === 'textCustomFields' ? 'text' : 'list'} custom field with fieldId "${str(o.raw.fieldId) ?? ''}".`);
	return {
		textCustomFields: outcomes.filter((o) => o.kind === 'textCustomFields').map(answer),
		listCustomFields: outcomes.filter((o) => o.kind === 'listCustomFields').map(answer),
	};
}

/** POST: adds fields; a name the envelope already has comes back marked CUSTOM_FIELD_ALREADY_EXISTS, not added. */
export function postCustomFields(ctx: RestCtx): SimResponse {
	const env = editableEnvelope(ctx);
	const body = readJson(ctx, 'customFields');
	const added: Record<Kind, CustomFieldRecord[]> = { textCustomFields: [], listCustomFields: [] };
	const answer: Record<Kind, Array<Record<string, unknown>>> = { textCustomFields: [], listCustomFields: [] };
	let next = 10_000_000 + env.textCustomFields.length + env.listCustomFields.length + 100;
	for (const kind of KINDS) {
		for (const raw of asArray(body[kind])) {
			const name = str(raw.name)?.trim();
			if (!name) throw badRequest('INVALID_REQUEST_PARAMETER', 'A custom field needs a name.');
			if ([...env.textCustomFields, ...env.listCustomFields, ...added.textCustomFields, ...added.listCustomFields].some((f) => f.name === name)) {
				answer[kind].push(failed(raw, 'CUSTOM_FIELD_ALREADY_EXISTS', `Custom field "${name}" already exists.`));
				continue;
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
			answer[kind].push({ ...field });
		}
	}
	for (const kind of KINDS) env[kind].push(...added[kind]);
	env.lastModifiedDateTime = dsDate();
	return json(201, answer);
}

/** PUT: changes the value (show, required) of fields named by fieldId. */
export function putCustomFields(ctx: RestCtx): SimResponse {
	const env = editableEnvelope(ctx);
	const outcomes = matchById(env, readJson(ctx, 'customFields'));
	for (const { raw, field } of outcomes) if (field) checkValue(field.name, str(raw.value), field);
	for (const { raw, field } of outcomes) {
		if (!field) continue;
		if (raw.value !== undefined) field.value = str(raw.value) ?? '';
		if (raw.show !== undefined) field.show = String(raw.show);
		if (raw.required !== undefined) field.required = String(raw.required);
	}
	env.lastModifiedDateTime = dsDate();
	return json(200, answerOf(outcomes));
}

/** DELETE: removes the fields named by fieldId. */
export function deleteCustomFields(ctx: RestCtx): SimResponse {
	const env = editableEnvelope(ctx);
	const outcomes = matchById(env, readJson(ctx, 'customFields'));
	for (const { kind, field } of outcomes) if (field) env[kind] = env[kind].filter((f) => f !== field);
	env.lastModifiedDateTime = dsDate();
	return json(200, answerOf(outcomes));
}
