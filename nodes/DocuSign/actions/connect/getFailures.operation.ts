import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { readDate } from '../envelope/getAll.operation';
import { asConnectAdmin } from './adminErrors';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description:
			'Without dates, every failure DocuSign still keeps in the account\'s Connect failure log is listed',
		options: [
			{
				displayName: 'From Date',
				name: 'fromDate',
				type: 'dateTime',
				default: '',
				description: 'Only failures logged on or after this moment',
			},
			{
				displayName: 'To Date',
				name: 'toDate',
				type: 'dateTime',
				default: '',
				description: 'Only failures logged up to this moment (DocuSign\'s default: now)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['connect'], operation: ['getFailures'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const from = readDate.call(this, filters.fromDate, 'From Date', itemIndex);
	const to = readDate.call(this, filters.toDate, 'To Date', itemIndex);
	if (from !== undefined && to !== undefined && from > to) {
		throw new NodeOperationError(this.getNode(), 'From Date is after To Date', {
			itemIndex,
			description: `From ${new Date(from).toISOString()} to ${new Date(to).toISOString()} is an empty period. Swap the dates, or leave one empty.`,
		});
	}
	const qs: IDataObject = {};
	if (from !== undefined) qs.from_date = new Date(from).toISOString();
	if (to !== undefined) qs.to_date = new Date(to).toISOString();

	const action = 'list the Connect delivery failures';
	const response = (await asConnectAdmin(this, itemIndex, action, async () =>
		await apiRequest.call(this, 'GET', '/connect/failures', { qs, itemIndex, action }),
	)) as IDataObject;
	const failures = Array.isArray(response.failures) ? (response.failures as IDataObject[]) : [];
	// DocuSign's "error" field is renamed: n8n's error items (Continue On Fail) use "error".
	return failures.map(({ error, ...failure }) => ({ json: { ...failure, failureReason: error ?? '' } }));
}
