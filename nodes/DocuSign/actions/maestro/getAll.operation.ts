import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { maestroRequest } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active', description: 'Published workflows that can be triggered' },
			{ name: 'Any', value: '' },
			{ name: 'Archived', value: 'archived' },
			{ name: 'Inactive', value: 'inactive' },
		],
		default: 'active',
	},
];

const displayOptions = { show: { resource: ['maestroWorkflow'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const status = this.getNodeParameter('status', itemIndex, 'active') as string;
	const answer = await maestroRequest.call(this, 'GET', '/workflows', {
		qs: status ? { status } : undefined,
		itemIndex,
		action: 'list the Maestro workflows',
	});
	return ((answer.data ?? []) as IDataObject[]).map((workflow) => ({ json: { workflowId: workflow.id, ...workflow } }));
}
