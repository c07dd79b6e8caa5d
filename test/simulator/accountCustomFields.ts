/**
 * Envelope custom fields as DocuSign decides them at create time, and the account's own
 * definitions (Admin → Envelope Custom Fields; AccountCustomFields_GetAccountCustomFields).
 *
 * - Without `customFields` an envelope gets the account's fields with their values (spec
 *   POST /custom_fields: "makes it available for all new envelopes"), then a server template's.
 * - `customFields` in the create REPLACE the account's fields, shown or required ones included
 *   (spec `envelopeDefinition.customFields`, the "Note").
 * - With compositeTemplates the envelope-level `customFields` are ignored: they must sit in an
 *   inline template (DocuSign blog "From the Trenches: Track your templates with Envelope Custom
 *   Fields"). An inline template's `customFields` replace what came before it, as at envelope
 *   level (the stricter reading of the blog's "last in wins").
 */
import { json, type SimResponse } from './http';
import type { RestCtx } from './restAuth';
import { SEED_IDS } from './seed';
import type { CustomFieldRecord } from './types';
import { asArray, asObject, str } from './util';

export interface CustomFieldSet {
	text: CustomFieldRecord[];
	list: CustomFieldRecord[];
}

/** Acme Corp's admin-defined fields: a required list used for routing and a text field with a default. */
export function seedAccountCustomFields(): Map<string, CustomFieldSet> {
	return new Map([
		[
			SEED_IDS.accounts.acmeNa,
			{
				list: [
					{ fieldId: '9100001', name: 'Department', value: 'Sales', show: 'true', required: 'true', listItems: ['Sales', 'Legal', 'Operations'] },
				],
				text: [{ fieldId: '9100002', name: 'Cost Center', value: 'CC-100', show: 'true', required: 'false' }],
			},
		],
	]);
}

export const cloneFields = (set: CustomFieldSet): CustomFieldSet => JSON.parse(JSON.stringify(set)) as CustomFieldSet;

export function customFieldsFromJson(raw: unknown): CustomFieldSet {
	const make = (f: Record<string, unknown>, i: number): CustomFieldRecord => ({
		fieldId: str(f.fieldId) ?? String(10_000_000 + i),
		name: str(f.name) ?? '',
		value: str(f.value) ?? '',
		show: str(f.show) ?? 'true',
		required: str(f.required) ?? 'false',
		...(Array.isArray(f.listItems) ? { listItems: f.listItems.map(String) } : {}),
	});
	const fields = asObject(raw);
	return { text: asArray(fields.textCustomFields).map(make), list: asArray(fields.listCustomFields).map(make) };
}

export function accountFields(ctx: RestCtx): CustomFieldSet {
	return cloneFields(ctx.core.state.accountCustomFields.get(ctx.account.accountId) ?? { text: [], list: [] });
}

/** Later fields take the value of an earlier field of the same name; new names are added. */
export function mergeByName(base: CustomFieldSet, over: CustomFieldSet): CustomFieldSet {
	const merge = (into: CustomFieldRecord[], from: CustomFieldRecord[]) => {
		const out = into.map((f) => ({ ...f }));
		for (const field of from) {
			const i = out.findIndex((f) => f.name === field.name);
			if (i < 0) out.push({ ...field });
			else out[i] = { ...out[i], ...field, fieldId: out[i].fieldId };
		}
		return out;
	};
	return { text: merge(base.text, over.text), list: merge(base.list, over.list) };
}

/** The envelope's custom fields for a create, by the rules above. */
export function envelopeCustomFields(ctx: RestCtx, def: Record<string, unknown>, templateFields?: CustomFieldSet): CustomFieldSet {
	if (def.compositeTemplates) {
		let fields = accountFields(ctx);
		for (const ct of asArray(def.compositeTemplates)) {
			const inline = asArray(ct.inlineTemplates).sort((a, b) => Number(a.sequence ?? 0) - Number(b.sequence ?? 0));
			for (const it of inline) if (it.customFields !== undefined) fields = customFieldsFromJson(it.customFields);
		}
		return fields;
	}
	if (def.customFields !== undefined) return customFieldsFromJson(def.customFields);
	const base = accountFields(ctx);
	return templateFields ? mergeByName(base, templateFields) : base;
}

/** GET /custom_fields: the account's envelope custom field definitions (spec `customFields`). */
export function getAccountCustomFields(ctx: RestCtx): SimResponse {
	const fields = accountFields(ctx);
	return json(200, {
		textCustomFields: fields.text,
		listCustomFields: fields.list.map((f) => ({ ...f, listItems: f.listItems ?? [] })),
	});
}
