import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../common.descriptions';
import { WEB_FORMS_SCOPES, webFormsRequest } from './shared';

const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. Onboarding',
		description: 'Only web forms whose name contains this text',
	},
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Published Only',
				name: 'isPublished',
				type: 'boolean',
				default: true,
				description: 'Whether to list only published forms (only those can have instances)',
			},
			{
				displayName: 'Ownership',
				name: 'userFilter',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Created by Me', value: 'created_by_me' },
					{ name: 'Owned by Me', value: 'owned_by_me' },
					{ name: 'Shared with Me', value: 'shared_with_me' },
				],
				default: 'all',
			},
		],
	},
];

const displayOptions = { show: { resource: ['webForm'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const search = (this.getNodeParameter('search', itemIndex, '') as string).trim();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const limit = readLimit.call(this, itemIndex);
	const qs: IDataObject = {};
	if (search) qs.search = search;
	if (typeof filters.isPublished === 'boolean') qs.is_published = filters.isPublished;
	if (filters.userFilter && filters.userFilter !== 'all') qs.user_filter = filters.userFilter;

	const forms: IDataObject[] = [];
	for (let start = 0; forms.length < limit; ) {
		const count = Math.min(PAGE_SIZE, limit - forms.length);
		const page = await webFormsRequest.call(this, 'GET', '/forms', {
			qs: { ...qs, start_position: start, count },
			itemIndex,
			action: 'list the web forms',
			scopes: WEB_FORMS_SCOPES.read,
		});
		const items = (page.items ?? []) as IDataObject[];
		forms.push(...items);
		const total = Number(page.totalSetSize);
		start += items.length;
		if (!items.length || (Number.isFinite(total) && start >= total)) break;
	}
	return forms.slice(0, limit).map((form) => ({
		json: { formId: form.id, name: (form.formProperties as IDataObject | undefined)?.name ?? '', ...form },
	}));
}
