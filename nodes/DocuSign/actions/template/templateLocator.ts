import type { IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { GUID } from '../../helpers/guid';
import { inputError } from '../../helpers/itemErrors';

/** A DocuSign web app address whose path or query names a template, e.g. …/templates/details/{id}. */
export const TEMPLATE_URL_REGEX = `https?://[^\\s/]*docusign\\.(?:com|net)/\\S*?templates?\\S*?(${GUID})`;

export const TEMPLATE_ID_REGEX = `^\\s*(${GUID})\\s*$`;

/** The template picker: search by name, paste the template's web app URL, or give its ID. */
export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The DocuSign server template to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template...',
			typeOptions: {
				searchListMethod: 'searchTemplates',
				searchable: true,
			},
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://apps-d.docusign.com/send/templates/details/2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21',
			hint: 'Open the template in the DocuSign web app and copy the address from the browser',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: TEMPLATE_URL_REGEX,
						errorMessage: 'Not a DocuSign template URL: it must contain the template ID (a GUID)',
					},
				},
			],
			extractValue: { type: 'regex', regex: TEMPLATE_URL_REGEX },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: '2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21',
			hint: 'The template ID (a GUID), shown in the template\'s details in the DocuSign web app',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: TEMPLATE_ID_REGEX,
						errorMessage: 'Not a template ID: expected a GUID such as 2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21',
					},
				},
			],
		},
	],
};

/**
 * The template ID in a locator value (any mode) or a plain string: a GUID, the GUID inside a
 * DocuSign template URL, or undefined when there is none.
 */
export function parseTemplateId(value: unknown): string | undefined {
	const raw = (
		value && typeof value === 'object' ? (value as INodeParameterResourceLocator).value : value
	) as unknown;
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim();
	const match = new RegExp(TEMPLATE_ID_REGEX).exec(text) ?? new RegExp(TEMPLATE_URL_REGEX).exec(text);
	return match?.[1];
}

/** Reads `templateId` of an item, with an error naming the item when it holds no template ID. */
export function readTemplateId(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('templateId', itemIndex) as INodeParameterResourceLocator | string;
	const templateId = parseTemplateId(value);
	if (templateId) return templateId;
	const given = String((typeof value === 'object' && value ? value.value : value) ?? '').trim();
	throw inputError(
		this,
		itemIndex,
		given ? `"${given.slice(0, 200)}" is not a DocuSign template ID or template URL` : 'no template is selected',
		'Pick the template from the list, paste its address from the DocuSign web app, or give its ID (a GUID such as 2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21).',
	);
}
