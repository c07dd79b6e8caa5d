import type { INodeProperties } from 'n8n-workflow';

import * as cancelInstance from './cancelInstance.operation';
import * as getAll from './getAll.operation';
import * as getInstance from './getInstance.operation';
import * as trigger from './trigger.operation';

export { cancelInstance, getAll, getInstance, trigger };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['maestroWorkflow'] } },
		options: [
			{
				name: 'Cancel Instance',
				value: 'cancelInstance',
				description: 'Stop a running workflow instance; returns DocuSign\'s confirmation',
				action: 'Cancel a workflow instance',
			},
			{
				name: 'Get Instance',
				value: 'getInstance',
				description: 'Get a workflow instance: its status (In Progress, Completed, Canceled), steps done, inputs and dates',
				action: 'Get a workflow instance',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the Maestro workflows of the account: ID, name, status',
				action: 'Get many workflows',
			},
			{
				name: 'Trigger',
				value: 'trigger',
				description: 'Start a workflow with its trigger inputs; returns the new instance ID and URL',
				action: 'Trigger a workflow',
			},
		],
		default: 'trigger',
	},
	...cancelInstance.description,
	...getAll.description,
	...getInstance.description,
	...trigger.description,
];
