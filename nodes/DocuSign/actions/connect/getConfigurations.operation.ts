import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { asConnectAdmin } from './adminErrors';

const properties: INodeProperties[] = [
	{
		displayName:
			'Lists the account\'s Connect configurations (webhooks), one item each: connectId, name, urlToPublishTo, events, allUsers, includeHMAC… Needs a DocuSign account administrator.',
		name: 'getConfigurationsNotice',
		type: 'notice',
		default: '',
	},
];

const displayOptions = { show: { resource: ['connect'], operation: ['getConfigurations'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const action = 'list the Connect configurations';
	const response = (await asConnectAdmin(this, itemIndex, action, async () =>
		await apiRequest.call(this, 'GET', '/connect', { itemIndex, action }),
	)) as IDataObject;
	const configurations = Array.isArray(response.configurations) ? (response.configurations as IDataObject[]) : [];
	return configurations.map((configuration) => ({ json: configuration }));
}
