import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';

/** DocuSign pages template lists by start_position and count. */
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
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
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
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const qs: IDataObject = {};
	if (searchText) qs.search_text = searchText;
	if (filters.userFilter && filters.userFilter !== 'all') qs.user_filter = filters.userFilter;
	if (filters.modifiedFromDate) qs.modified_from_date = filters.modifiedFromDate;
	if (options.orderBy) qs.order_by = options.orderBy;
	if (options.order) qs.order = options.order;

	const templates: IDataObject[] = [];
	let startPosition = 0;
	while (templates.length < limit) {
		const count = Math.min(PAGE_SIZE, limit - templates.length);
		const page = (await apiRequest.call(this, 'GET', '/templates', {
			qs: { ...qs, start_position: startPosition, count },
			itemIndex,
			action: 'list the templates',
		})) as IDataObject;
		const found = (page.envelopeTemplates ?? []) as IDataObject[];
		templates.push(...found.slice(0, limit - templates.length));
		startPosition += found.length;
		const total = Number(page.totalSetSize);
		const more = Number.isFinite(total) ? startPosition < total : Boolean(page.nextUri);
		if (found.length === 0 || !more) break;
	}
	return templates.map((template) => ({ json: template }));
}
