import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { apiRequestAllItems } from '../../transport';
import { readLimit, returnAllOrLimit } from '../common.descriptions';
import { readFolderId } from './templateFolders';

/** Templates per DocuSign call. */
const PAGE_SIZE = 100;

/** DocuSign searches template names with at most this many characters (spec `search_text`). */
export const TEMPLATE_SEARCH_TEXT_MAX = 48;

const properties: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		default: '',
		placeholder: 'e.g. NDA',
		description: 'Only templates whose name contains this text (up to 48 characters). Leave empty to list all templates.',
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
				displayName: 'Folder Names or IDs',
				name: 'folderIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTemplateFolders' },
				default: [],
				description:
					'Only templates in these folders (your own or shared with you). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
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
			{
				displayName: 'Shared by Me',
				name: 'sharedByMe',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Only Templates I Share', value: 'true' },
					{ name: 'Only Templates I Do Not Share', value: 'false' },
				],
				default: 'any',
				description: 'Whether to list only the templates you share with others, or only those you do not',
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
				displayName: 'Include',
				name: 'include',
				type: 'multiOptions',
				options: [
					{ name: 'Documents', value: 'documents' },
					{ name: 'Favorite Status', value: 'favorite_template_status' },
					{ name: 'Folders', value: 'folders' },
					{ name: 'PowerForms', value: 'powerforms' },
					{ name: 'Recipients', value: 'recipients' },
				],
				default: [],
				description: 'More about each template in the output, e.g. its recipients (roles) or documents',
			},
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
	const searchText = String(this.getNodeParameter('searchText', itemIndex, '') ?? '').trim();
	if (searchText.length > TEMPLATE_SEARCH_TEXT_MAX) {
		throw inputError(
			this,
			itemIndex,
			`Search Text is ${searchText.length} characters long; DocuSign searches template names with at most ${TEMPLATE_SEARCH_TEXT_MAX}`,
			'Shorten the search text to a distinctive part of the template name.',
		);
	}
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const qs: IDataObject = {};
	if (searchText) qs.search_text = searchText;
	if (filters.userFilter && filters.userFilter !== 'all') qs.user_filter = filters.userFilter;
	if (filters.modifiedFromDate) qs.modified_from_date = filters.modifiedFromDate;
	if (filters.sharedByMe === 'true' || filters.sharedByMe === 'false') qs.shared_by_me = filters.sharedByMe;
	const folderIds = (Array.isArray(filters.folderIds) ? filters.folderIds : String(filters.folderIds ?? '').split(','))
		.map((value, index) => readFolderId(this, itemIndex, value, `Filters → Folder ${index + 1}`))
		.filter((value): value is string => value !== undefined);
	if (folderIds.length) qs.folder_ids = folderIds.join(',');
	const include = Array.isArray(options.include) ? (options.include as string[]) : [];
	if (include.length) qs.include = include.join(',');
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
