import type { INodeProperties } from 'n8n-workflow';

import * as getBatchStatus from './getBatchStatus.operation';
import * as send from './send.operation';

export { getBatchStatus, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bulkSend'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send one template or draft envelope to every input item as one bulk-send batch',
				action: 'Bulk send to the input items',
			},
			{
				name: 'Get Batch Status',
				value: 'getBatchStatus',
				description: 'Get how many envelopes of a bulk-send batch were sent, queued or failed',
				action: 'Get bulk send batch status',
			},
		],
		default: 'send',
	},
	...send.description,
	...getBatchStatus.description,
];
