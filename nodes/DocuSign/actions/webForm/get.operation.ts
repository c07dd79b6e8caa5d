import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readGuidParameter } from '../platformLocators';
import { WEB_FORMS_SCOPES, formLocator, webFormsRequest } from './shared';

const properties: INodeProperties[] = [
	formLocator,
	{
		displayName: 'Version',
		name: 'state',
		type: 'options',
		options: [
			{ name: 'Published (Active)', value: 'active', description: 'The version instances are created from' },
			{ name: 'Draft', value: 'draft', description: 'Unpublished changes, as in the Web Forms builder' },
		],
		default: 'active',
	},
];

const displayOptions = { show: { resource: ['webForm'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The form's fields that can be prefilled: component name → type, from the published components. */
export function formFields(form: IDataObject): Array<{ name: string; type: string }> {
	const published = ((form.formMetadata as IDataObject | undefined)?.publishedComponentNames ?? {}) as IDataObject;
	return Object.entries(published).map(([name, type]) => ({ name, type: String(type) }));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const formId = readGuidParameter.call(this, 'formId', itemIndex, 'web form');
	const state = this.getNodeParameter('state', itemIndex, 'active') as string;
	const form = await webFormsRequest.call(this, 'GET', `/forms/${formId}`, {
		qs: { state },
		itemIndex,
		action: 'read the web form',
		scopes: WEB_FORMS_SCOPES.read,
	});
	const name = (form.formProperties as IDataObject | undefined)?.name ?? '';
	return [{ json: { formId: form.id ?? formId, name, fields: formFields(form), ...form } }];
}
