import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the account this credential works in, with its base URI and the connected user',
				action: 'Get the connected account',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List every account the connected user can use, the default one first',
				action: 'List the user accounts',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
