import type { INodeProperties } from 'n8n-workflow';

import * as createAgreementUrl from './createAgreementUrl.operation';
import * as getAgreement from './getAgreement.operation';
import * as getAll from './getAll.operation';

export { createAgreementUrl, getAgreement, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['click'] } },
		options: [
			{
				name: 'Create Agreement URL',
				value: 'createAgreementUrl',
				description: 'Get the URL where a user agrees to a clickwrap (valid one hour); none when the user has agreed already',
				action: 'Create a clickwrap agreement URL',
			},
			{
				name: 'Get Agreement',
				value: 'getAgreement',
				description: 'Check whether a user has agreed to a clickwrap: hasAgreed, status, version number and date',
				action: 'Get a user s clickwrap agreement',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the clickwraps of the account: ID, name, status, version',
				action: 'Get many clickwraps',
			},
		],
		default: 'createAgreementUrl',
	},
	...createAgreementUrl.description,
	...getAgreement.description,
	...getAll.description,
];
