import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequestAllItems } from '../../transport';
import { readLimit, returnAllOrLimit } from '../common.descriptions';

/** Templates per DocuSign call. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		default: '',
		placeholder: 'e.g. NDA',
		description: 'Only templates whose name contains this text. Leave empty to list all templates.',
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
				displayName: 'Modified Since',
				name: 'modifiedFromDate',
				type: 'dateTime',
				default: '',
				description: 'Only templates modified on or after this date',
			},
			{
				displayName: 'Ownership',
				name: 'userFilter',
				type: 'options',
				options: [
					{ name: 'All Templates I Can Use', value: 'all' },
					{ name: 'Owned by Me', value: 'owned_by_me' },
					{ name: 'Shared with Me', value: 'shared_with_me' },
				],
				default: 'all',
				description: 'Whose templates to list',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'orderBy',
				type: 'options',
				options: [
					{ name: 'Last Modified', value: 'modified' },
					{ name: 'Last Used', value: 'used' },
					{ name: 'Name', value: 'name' },
				],
				default: 'name',
			},
			{
				displayName: 'Sort Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
			},
		],
	},
];

const displayOptions = { show: { resource: ['template'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const searchText = (this.getNodeParameter('searchText', itemIndex, '') as string).trim();
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const qs: IDataObject = {};
	if (searchText) qs.search_text = searchText;
	if (filters.userFilter && filters.userFilter !== 'all') qs.user_filter = filters.userFilter;
	if (filters.modifiedFromDate) qs.modified_from_date = filters.modifiedFromDate;
	if (options.orderBy) qs.order_by = options.orderBy;
	if (options.order) qs.order = options.order;

	const templates = await apiRequestAllItems.call(this, '/templates', 'envelopeTemplates', {
		qs,
		limit,
		pageSize: PAGE_SIZE,
		itemIndex,
		action: 'list the templates',
	});
	return templates.map((template) => ({ json: template }));
}
