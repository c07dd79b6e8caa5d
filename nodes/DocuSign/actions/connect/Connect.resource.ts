import type { INodeProperties } from 'n8n-workflow';

import * as getConfigurations from './getConfigurations.operation';
import * as getFailures from './getFailures.operation';
import * as republishEnvelope from './republishEnvelope.operation';

export { getConfigurations, getFailures, republishEnvelope };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connect'] } },
		options: [
			{
				name: 'Get Configurations',
				value: 'getConfigurations',
				description:
					"List the account's Connect configurations (webhooks), one item each. Account administrators only.",
				action: 'Get connect configurations',
			},
			{
				name: 'Get Delivery Failures',
				value: 'getFailures',
				description:
					'List Connect messages DocuSign could not deliver, one item each (envelopeId, connectId, configUrl, failureReason, retryCount, lastTry…), optionally between two dates. Account administrators only.',
				action: 'Get connect delivery failures',
			},
			{
				name: 'Republish Envelope Events',
				value: 'republishEnvelope',
				description:
					"Have DocuSign send an envelope's Connect messages again; returns the configurations it was queued for. Account administrators only.",
				action: 'Republish the connect events of an envelope',
			},
		],
		default: 'getConfigurations',
	},
	...getConfigurations.description,
	...getFailures.description,
	...republishEnvelope.description,
];
