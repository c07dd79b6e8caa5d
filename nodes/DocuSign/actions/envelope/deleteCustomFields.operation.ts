import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { apiRequest } from '../../transport';
import { checkCustomFieldsAnswer, readEnvelopeCustomFields } from './customFields';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description: 'The draft or in-progress envelope to remove custom fields from',
	},
	{
		displayName: 'Custom Field Names or IDs',
		name: 'fieldNames',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEnvelopeCustomFields', loadOptionsDependsOn: ['envelopeId.value'] },
		default: [],
		required: true,
		description:
			'The fields to remove, by name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['deleteCustomFields'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readNames(this: IExecuteFunctions, itemIndex: number): string[] {
	const raw = this.getNodeParameter('fieldNames', itemIndex, []) as unknown;
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const names = [...new Set(list.map((name) => String(name).trim()).filter(Boolean))];
	if (!names.length) throw inputError(this, itemIndex, 'Custom Field Names: choose at least one field to remove');
	return names;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const names = readNames.call(this, itemIndex);
	const existing = await readEnvelopeCustomFields.call(this, envelopeId, itemIndex);

	const missing = names.filter((name) => !existing.some((field) => field.name === name));
	if (missing.length) {
		throw inputError(
			this,
			itemIndex,
			`The envelope has no custom field ${missing.map((name) => `"${name}"`).join(', ')}`,
			existing.length
				? `Its custom fields are: ${existing.map((field) => `"${field.name}"`).join(', ')}. Nothing was removed.`
				: 'It has no custom fields. Nothing was removed.',
		);
	}
	const chosen = existing.filter((field) => names.includes(field.name));
	const ids = (type: string) => chosen.filter((field) => field.type === type).map((field) => ({ fieldId: field.fieldId }));
	const action = 'remove custom fields from the envelope';
	const answer = await apiRequest.call(this, 'DELETE', `/envelopes/${envelopeId}/custom_fields`, {
		body: { textCustomFields: ids('text'), listCustomFields: ids('list') },
		itemIndex,
		action,
	});
	checkCustomFieldsAnswer.call(this, answer, itemIndex, action);
	return [{ json: { envelopeId, deleted: chosen.map((field) => field.name) } }];
}
