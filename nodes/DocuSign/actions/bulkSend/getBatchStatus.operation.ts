import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { GUID, isGuid } from '../../helpers/guid';
import { inputError } from '../../helpers/itemErrors';
import { apiRequest } from '../../transport';
import { toNumber } from './send.operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Batch',
		name: 'batchId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The bulk send batch to check, usually the batchId output of Bulk Send → Send',
		hint: 'DocuSign sends a batch in the background. Check again after some minutes (a Wait node) rather than in a tight loop.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a batch...',
				typeOptions: { searchListMethod: 'searchBulkSendBatches', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5e3c1a9b-7d2f-4e6a-9b8c-0d1e2f3a4b5c',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^\\s*${GUID}\\s*$`,
							errorMessage: 'Not a batch ID: expected a GUID such as 5e3c1a9b-7d2f-4e6a-9b8c-0d1e2f3a4b5c',
						},
					},
				],
			},
		],
	},
];

const displayOptions = { show: { resource: ['bulkSend'], operation: ['getBatchStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const value = this.getNodeParameter('batchId', itemIndex, '') as INodeParameterResourceLocator | string;
	const batchId = String((typeof value === 'object' && value !== null ? value.value : value) ?? '').trim();
	if (!isGuid(batchId)) {
		throw inputError(
			this,
			itemIndex,
			batchId ? `Batch ID "${batchId.slice(0, 100)}" is not a bulk send batch ID` : 'Batch ID is empty',
			'Give the batchId (a GUID) from the output of Bulk Send → Send.',
		);
	}
	const status = (await apiRequest.call(this, 'GET', `/bulk_send_batch/${batchId}`, {
		itemIndex,
		action: `read bulk send batch ${batchId}`,
	})) as IDataObject;

	const counts = {
		batchSize: toNumber(status.batchSize),
		sent: toNumber(status.sent) ?? 0,
		queued: toNumber(status.queued) ?? 0,
		failed: toNumber(status.failed) ?? 0,
	};
	const done =
		typeof counts.batchSize === 'number' &&
		counts.queued === 0 &&
		Number(counts.sent) + Number(counts.failed) >= counts.batchSize;
	return [{ json: { ...status, ...counts, isComplete: done, bulkErrors: status.bulkErrors ?? [] } }];
}
