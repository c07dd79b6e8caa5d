import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getFolders from './getFolders.operation';
import * as update from './update.operation';

export { create, get, getAll, getFolders, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a template from binary files with signer and carbon copy roles and their fields; returns the new templateId, its roles and documents',
				action: 'Create a template',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a template with its roles and their tabs',
				action: 'Get a template',
			},
			{
				name: 'Get Folders',
				value: 'getFolders',
				description:
					'List the template folders (own and shared with the user) with their path and folder ID, one item per folder',
				action: 'Get template folders',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the templates the user can use (own and shared), optionally by search text, folder or sharing; one item per template',
				action: 'Get many templates',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a template's name, e-mail subject, e-mail message or description; returns what was changed",
				action: 'Update a template',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...getFolders.description,
	...update.description,
];
