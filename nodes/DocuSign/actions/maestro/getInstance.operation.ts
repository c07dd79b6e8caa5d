import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readGuidParameter } from '../platformLocators';
import { instanceIdProperty, maestroRequest, workflowLocator } from './shared';

const properties: INodeProperties[] = [workflowLocator, instanceIdProperty];

const displayOptions = { show: { resource: ['maestroWorkflow'], operation: ['getInstance'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const workflowId = readGuidParameter.call(this, 'workflowId', itemIndex, 'workflow');
	const instanceId = readGuidParameter.call(this, 'instanceId', itemIndex, 'workflow instance');
	const instance = await maestroRequest.call(this, 'GET', `/workflows/${workflowId}/instances/${instanceId}`, {
		itemIndex,
		action: 'read the workflow instance',
	});
	return [{ json: { instanceId: instance.id ?? instanceId, workflowId, status: instance.workflow_status, ...instance } }];
}
