import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fetchUser, readCredentialSettings } from '../../transport';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['account'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const user = await fetchUser.call(this, await readCredentialSettings(this));
	return user.accounts.map((account) => ({
		json: {
			accountId: account.accountId,
			accountName: account.accountName,
			baseUri: account.baseUri,
			isDefault: account.isDefault,
			...(account.organization ? { organization: account.organization } : {}),
			userId: user.userId,
			userName: user.name,
			email: user.email,
		},
	}));
}
