import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readGuidParameter } from '../platformLocators';
import { instanceIdProperty, maestroRequest, workflowLocator } from './shared';

const properties: INodeProperties[] = [workflowLocator, instanceIdProperty];

const displayOptions = { show: { resource: ['maestroWorkflow'], operation: ['cancelInstance'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const workflowId = readGuidParameter.call(this, 'workflowId', itemIndex, 'workflow');
	const instanceId = readGuidParameter.call(this, 'instanceId', itemIndex, 'workflow instance');
	const answer = await maestroRequest.call(this, 'POST', `/workflows/${workflowId}/instances/${instanceId}/actions/cancel`, {
		itemIndex,
		action: 'cancel the workflow instance',
		idempotent: true,
	});
	return [{ json: { instanceId, workflowId, canceled: true, ...answer } }];
}
