import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiRequestAllItems, EVERY_ENVELOPE_STATUS } from '../../transport';
import { readLimit, returnAllOrLimit } from '../common.descriptions';
import { DAY_MS } from './envelopeData';

/** Envelopes per DocuSign call. */
const PAGE_SIZE = 100;
const DEFAULT_DAYS = 30;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Date Refers To',
				name: 'fromToStatus',
				type: 'options',
				default: 'changed',
				description: 'Which date of the envelope From Date and To Date are compared with',
				options: [
					{ name: 'Any Status Change', value: 'changed' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Created', value: 'created' },
					{ name: 'Declined', value: 'declined' },
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Sent', value: 'sent' },
					{ name: 'Voided', value: 'voided' },
				],
			},
			{
				displayName: 'Folders',
				name: 'folderIds',
				type: 'multiOptions',
				default: [],
				description: 'Only envelopes in these folders of the DocuSign web app',
				options: [
					{ name: 'Awaiting My Signature', value: 'awaiting_my_signature' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Drafts', value: 'drafts' },
					{ name: 'Expiring Soon', value: 'expiring_soon' },
					{ name: 'Inbox', value: 'inbox' },
					{ name: 'Out for Signature', value: 'out_for_signature' },
					{ name: 'Recycle Bin (Deleted)', value: 'recyclebin' },
					{ name: 'Sent', value: 'sentitems' },
					{ name: 'Waiting for Others', value: 'waiting_for_others' },
				],
			},
			{
				displayName: 'From Date',
				name: 'fromDate',
				type: 'dateTime',
				default: '',
				description:
					'Envelopes whose date (see Date Refers To) is on or after this moment. DocuSign needs a start date: empty means 30 days ago.',
			},
			{
				displayName: 'Search Text',
				name: 'searchText',
				type: 'string',
				default: '',
				placeholder: 'e.g. NDA',
				description: 'Free text DocuSign looks for in the subject, the sender and the recipients\' names and e-mails',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				default: [],
				description: 'Only envelopes whose current status is one of these. Empty returns every status.',
				options: [
					{ name: 'Completed', value: 'completed', description: 'Every recipient finished' },
					{ name: 'Declined', value: 'declined', description: 'A recipient declined to sign' },
					{ name: 'Delivered', value: 'delivered', description: 'Opened by the recipients, not finished yet' },
					{ name: 'Draft', value: 'created', description: 'Saved as a draft, not sent' },
					{ name: 'Sent', value: 'sent', description: 'E-mailed, not opened yet' },
					{ name: 'Signed', value: 'signed', description: 'Signed, waiting for the remaining recipients' },
					{ name: 'Voided', value: 'voided', description: 'Cancelled by the sender' },
				],
			},
			{
				displayName: 'To Date',
				name: 'toDate',
				type: 'dateTime',
				default: '',
				description: 'Envelopes whose date (see Date Refers To) is on or before this moment. Empty means now.',
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
				default: [],
				description: 'What to return along with each envelope',
				options: [
					{ name: 'Attachments', value: 'attachments' },
					{ name: 'Custom Fields', value: 'custom_fields' },
					{ name: 'Documents', value: 'documents' },
					{ name: 'E-Mail Settings', value: 'extensions' },
					{ name: 'Folders', value: 'folders' },
					{ name: 'Recipients', value: 'recipients' },
				],
			},
			{
				displayName: 'Sort Order',
				name: 'order',
				type: 'options',
				default: 'desc',
				description: 'Order of the envelopes by last change; with a Limit, this decides which envelopes are returned',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
			},
		],
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** A dateTime parameter (string, Date or Luxon DateTime from an expression) as a time, or undefined when empty. */
export function readDate(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const candidate =
		value instanceof Date
			? value.getTime()
			: typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function'
				? (value as { toMillis: () => number }).toMillis()
				: Date.parse(String(value));
	if (!Number.isFinite(candidate)) {
		throw new NodeOperationError(this.getNode(), `${field}: "${String(value)}" is not a date`, {
			itemIndex,
			description: 'Use an ISO 8601 date such as 2024-05-01 or 2024-05-01T09:30:00Z, or pick one in the date picker.',
		});
	}
	return candidate;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const from = readDate.call(this, filters.fromDate, 'From Date', itemIndex) ?? Date.now() - DEFAULT_DAYS * DAY_MS;
	const to = readDate.call(this, filters.toDate, 'To Date', itemIndex);
	if (to !== undefined && from > to) {
		throw new NodeOperationError(this.getNode(), 'From Date is after To Date', {
			itemIndex,
			description: `From ${new Date(from).toISOString()} to ${new Date(to).toISOString()} is an empty period. Swap the dates, or leave From Date empty for the last ${DEFAULT_DAYS} days.`,
		});
	}

	const qs: IDataObject = {
		from_date: new Date(from).toISOString(),
		order_by: 'last_modified',
		order: options.order === 'asc' ? 'asc' : 'desc',
	};
	if (to !== undefined) qs.to_date = new Date(to).toISOString();
	if (filters.fromToStatus && filters.fromToStatus !== 'changed') qs.from_to_status = filters.fromToStatus;
	const list = (value: unknown) => (Array.isArray(value) ? value.map(String).filter(Boolean) : []);
	// DocuSign leaves drafts out unless status names "created", so "every status" is asked for by name.
	qs.status = list(filters.status).length ? list(filters.status).join(',') : EVERY_ENVELOPE_STATUS;
	if (list(filters.folderIds).length) qs.folder_ids = list(filters.folderIds).join(',');
	const searchText = String(filters.searchText ?? '').trim();
	if (searchText) qs.search_text = searchText;
	if (list(options.include).length) qs.include = list(options.include).join(',');

	const envelopes = await apiRequestAllItems.call(this, '/envelopes', 'envelopes', {
		qs,
		limit,
		pageSize: PAGE_SIZE,
		itemIndex,
		action: 'list the envelopes',
	});
	return envelopes.map((envelope) => ({ json: envelope }));
}
