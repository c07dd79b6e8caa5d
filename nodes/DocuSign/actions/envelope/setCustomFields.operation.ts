import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { apiRequest } from '../../transport';
import {
	MAX_CUSTOM_FIELD_VALUE,
	checkCustomFieldsAnswer,
	customFieldValues,
	readEnvelopeCustomFields,
	type CustomField,
} from './customFields';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description: 'The draft or in-progress envelope whose custom fields to set (a completed or voided envelope cannot change)',
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description:
			'Fields the envelope already has (text or list) get the new value; other names are added as text fields. Fields not listed stay as they are.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. Order Number',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. SO-10442',
						description: 'Up to 100 characters. For a list field, one of its list items.',
					},
					{
						displayName: 'Show to Sender',
						name: 'show',
						type: 'boolean',
						default: true,
						description: 'Whether a new field appears in the envelope\'s custom fields in the DocuSign web app',
					},
				],
			},
		],
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['setCustomFields'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface FieldInput {
	name: string;
	value: string;
	show: boolean;
}

function readFields(this: IExecuteFunctions, itemIndex: number): FieldInput[] {
	const entries = this.getNodeParameter('customFields.field', itemIndex, []) as IDataObject[];
	if (!entries.length) {
		throw inputError(this, itemIndex, 'Custom Fields: add at least one field', 'Add a field with its name and the value to set.');
	}
	const seen = new Set<string>();
	return entries.map((entry, index) => {
		const name = String(entry.name ?? '').trim();
		const value = String(entry.value ?? '');
		if (!name) throw inputError(this, itemIndex, `Custom field ${index + 1} has no name`);
		if (seen.has(name)) throw inputError(this, itemIndex, `Custom field "${name}" is listed twice`);
		seen.add(name);
		if (value.length > MAX_CUSTOM_FIELD_VALUE) {
			throw inputError(
				this,
				itemIndex,
				`Custom field "${name}": the value has ${value.length} characters; DocuSign allows ${MAX_CUSTOM_FIELD_VALUE}`,
			);
		}
		return { name, value, show: entry.show !== false };
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const wanted = readFields.call(this, itemIndex);
	const existing = await readEnvelopeCustomFields.call(this, envelopeId, itemIndex);

	const updates: { text: IDataObject[]; list: IDataObject[] } = { text: [], list: [] };
	const additions: IDataObject[] = [];
	for (const field of wanted) {
		const current = existing.find((candidate) => candidate.name === field.name);
		if (!current) {
			additions.push({ name: field.name, value: field.value, show: String(field.show), required: 'false' });
			continue;
		}
		const items = Array.isArray(current.listItems) ? (current.listItems as string[]) : [];
		if (current.type === 'list' && field.value !== '' && !items.includes(field.value)) {
			throw inputError(
				this,
				itemIndex,
				`Custom field "${field.name}" is a list: "${field.value}" is not one of its items`,
				`Its items are: ${items.map((item) => `"${item}"`).join(', ') || '(none)'}.`,
			);
		}
		updates[current.type].push({ fieldId: current.fieldId, name: current.name, value: field.value });
	}

	if (updates.text.length || updates.list.length) {
		const action = 'update the custom fields of the envelope';
		const answer = await apiRequest.call(this, 'PUT', `/envelopes/${envelopeId}/custom_fields`, {
			body: { textCustomFields: updates.text, listCustomFields: updates.list },
			itemIndex,
			action,
			idempotent: true,
		});
		checkCustomFieldsAnswer.call(this, answer, itemIndex, action);
	}
	let added: CustomField[] = [];
	if (additions.length) {
		const action = 'add custom fields to the envelope';
		const response = (await apiRequest.call(this, 'POST', `/envelopes/${envelopeId}/custom_fields`, {
			body: { textCustomFields: additions },
			itemIndex,
			action,
		})) as IDataObject;
		checkCustomFieldsAnswer.call(this, response, itemIndex, action);
		added = ((Array.isArray(response?.textCustomFields) ? response.textCustomFields : additions) as IDataObject[]).map(
			(field) => ({ ...field, fieldId: String(field.fieldId ?? ''), name: String(field.name), value: String(field.value ?? ''), type: 'text' as const }),
		);
	}

	const changed = new Map(wanted.map((field) => [field.name, field.value]));
	const after = [
		...existing.map((field) => (changed.has(field.name) ? { ...field, value: changed.get(field.name) as string } : field)),
		...added,
	];
	return [
		{
			json: {
				envelopeId,
				added: added.map((field) => field.name),
				updated: [...updates.text, ...updates.list].map((field) => field.name as string),
				values: customFieldValues(after),
			},
		},
	];
}
