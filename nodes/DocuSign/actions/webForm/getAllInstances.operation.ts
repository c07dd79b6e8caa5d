import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readGuidParameter } from '../platformLocators';
import { WEB_FORMS_SCOPES, formLocator, instanceOutput, webFormsRequest } from './shared';

const properties: INodeProperties[] = [
	formLocator,
	{
		displayName: 'Client User ID',
		name: 'clientUserId',
		type: 'string',
		default: '',
		description: 'Only the instances created for this Client User ID. Leave empty for all instances of the form.',
	},
];

const displayOptions = { show: { resource: ['webForm'], operation: ['getAllInstances'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const formId = readGuidParameter.call(this, 'formId', itemIndex, 'web form');
	const clientUserId = (this.getNodeParameter('clientUserId', itemIndex, '') as string).trim();
	const list = await webFormsRequest.call(this, 'GET', `/forms/${formId}/instances`, {
		qs: clientUserId ? { client_user_id: clientUserId } : undefined,
		itemIndex,
		action: 'list the web form instances',
		scopes: WEB_FORMS_SCOPES.instanceRead,
	});
	return ((list.items ?? []) as IDataObject[]).map((instance) => ({ json: instanceOutput(instance) }));
}
