import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readGuidParameter } from '../platformLocators';
import { WEB_FORMS_SCOPES, formLocator, instanceOutput, webFormsRequest } from './shared';

const properties: INodeProperties[] = [
	formLocator,
	{
		displayName: 'Instance ID',
		name: 'instanceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.instanceId }}',
		description: 'The instance, as Create Instance or Get Many Instances output it (instanceId)',
		hint: 'A GUID such as 2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21',
	},
];

const displayOptions = { show: { resource: ['webForm'], operation: ['getInstance'] } };

export const description = updateDisplayOptions(displayOptions, properties);


export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const formId = readGuidParameter.call(this, 'formId', itemIndex, 'web form');
	const instanceId = readGuidParameter.call(this, 'instanceId', itemIndex, 'web form instance');
	const instance = await webFormsRequest.call(this, 'GET', `/forms/${formId}/instances/${instanceId}`, {
		itemIndex,
		action: 'read the web form instance',
		scopes: WEB_FORMS_SCOPES.instanceRead,
	});
	return [{ json: instanceOutput(instance) }];
}
