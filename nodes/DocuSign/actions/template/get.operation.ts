import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { templateLocator, readTemplateId } from './templateLocator';
import { fetchTemplate, rolesOfTemplate } from './templateRoles';

const properties: INodeProperties[] = [
	{
		...templateLocator,
		description:
			'The template to read. The output has a compact "roles" list (role name, recipient type, routing order, text tab labels) followed by the full template as DocuSign returns it.',
	},
];

const displayOptions = { show: { resource: ['template'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const templateId = readTemplateId.call(this, itemIndex);
	const template = await fetchTemplate.call(this, templateId, { itemIndex, includeDocuments: true });
	return [{ json: { templateId, roles: rolesOfTemplate(template), ...template } }];
}
