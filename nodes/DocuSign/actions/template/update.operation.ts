import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { apiRequest } from '../../transport';
import { templateDescriptionField, templateEmailBlurbField, templateEmailSubjectField } from './roles.description';
import { readEmailText } from './templateDefinition';
import { readTemplateId, templateLocator } from './templateLocator';

const properties: INodeProperties[] = [
	{ ...templateLocator, description: 'The template to change' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			templateDescriptionField,
			templateEmailBlurbField,
			templateEmailSubjectField,
			{
				displayName: 'Template Name',
				name: 'name',
				type: 'string',
				default: '',
			},
		],
	},
];

const displayOptions = { show: { resource: ['template'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const templateId = readTemplateId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	const name = typeof fields.name === 'string' ? fields.name.trim() : '';
	if (name) changes.name = name;
	const text = typeof fields.description === 'string' ? fields.description.trim() : '';
	if (text) changes.description = text;
	const emailSubject = readEmailText(this, itemIndex, fields.emailSubject, 'Email Subject');
	if (emailSubject) changes.emailSubject = emailSubject;
	const emailBlurb = readEmailText(this, itemIndex, fields.emailBlurb, 'Email Message');
	if (emailBlurb) changes.emailBlurb = emailBlurb;
	if (!Object.keys(changes).length) {
		throw inputError(
			this,
			itemIndex,
			'nothing to update',
			'Add at least one field under Update Fields (Template Name, Email Subject, Email Message or Description) with a value.',
		);
	}
	const summary = (await apiRequest.call(this, 'PUT', `/templates/${templateId}`, {
		body: changes,
		itemIndex,
		action: `update template ${templateId}`,
		// Setting the same values again changes nothing.
		idempotent: true,
	})) as IDataObject;
	return [{ json: { templateId, updated: changes, ...summary } }];
}
