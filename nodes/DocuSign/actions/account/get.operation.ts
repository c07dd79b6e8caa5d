import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveAccount } from '../../transport';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['account'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const account = await resolveAccount.call(this, itemIndex);
	return [
		{
			json: {
				accountId: account.accountId,
				accountName: account.accountName,
				baseUri: account.baseUri,
				restBaseUrl: account.restBaseUrl,
				isDefault: account.isDefault,
				...(account.organization ? { organization: account.organization } : {}),
				userId: account.user.userId,
				userName: account.user.name,
				email: account.user.email,
			},
		},
	];
}
