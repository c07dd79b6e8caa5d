import type { INodeProperties } from 'n8n-workflow';

import * as createInstance from './createInstance.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllInstances from './getAllInstances.operation';
import * as getInstance from './getInstance.operation';

export { createInstance, get, getAll, getAllInstances, getInstance };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webForm'] } },
		options: [
			{
				name: 'Create Instance',
				value: 'createInstance',
				description: 'Create a prefilled instance of a web form: a signed URL to embed, or an e-mail to recipients',
				action: 'Create a web form instance',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a web form with its fields (name and type of each field that can be prefilled)',
				action: 'Get a web form',
			},
			{
				name: 'Get Instance',
				value: 'getInstance',
				description: 'Get an instance: its status, the submitted values and the ID of the envelope it produced',
				action: 'Get a web form instance',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the web forms of the account: ID, name, published or not',
				action: 'Get many web forms',
			},
			{
				name: 'Get Many Instances',
				value: 'getAllInstances',
				description: 'List the instances of a web form with status, values and envelope ID, optionally for one Client User ID',
				action: 'Get many web form instances',
			},
		],
		default: 'createInstance',
	},
	...createInstance.description,
	...get.description,
	...getAll.description,
	...getAllInstances.description,
	...getInstance.description,
];
