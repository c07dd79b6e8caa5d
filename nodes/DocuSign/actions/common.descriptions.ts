import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { GUID } from '../helpers/guid';
import { ACCOUNT_PARAMETER, ACCOUNT_SOURCE_PARAMETER } from '../transport';

/** Return All and Limit of a Get Many operation; readLimit reads them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many items a Get Many returns: Infinity for Return All, else its Limit. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

/**
 * The account a node works in: the credential's (its Account ID, else the user's default), or one
 * of the connected user's accounts, which may differ per item. Read by transport/accounts.ts.
 */
export const accountProperties: INodeProperties[] = [
	{
		displayName: 'Account',
		name: ACCOUNT_SOURCE_PARAMETER,
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: "Credential's Account",
				value: 'credential',
				description: "The credential's Account ID, or the user's default account when it has none",
			},
			{
				name: 'Pick an Account',
				value: 'node',
				description: "One of the connected user's accounts: from a list, by ID, or by an expression that may differ per item",
			},
		],
		default: 'credential',
		description:
			'Which DocuSign account to work in. Every call goes to that account\'s own base URI, so one credential can send from several accounts.',
	},
	{
		displayName: 'Account to Use',
		name: ACCOUNT_PARAMETER,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'One of the accounts the connected DocuSign user belongs to',
		displayOptions: { show: { [ACCOUNT_SOURCE_PARAMETER]: ['node'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an account...',
				typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 0f4e2b7c-1d3a-4c5e-8f90-a1b2c3d4e5f1',
				validation: [
					{
						type: 'regex',
						properties: { regex: `^\\s*${GUID}\\s*$`, errorMessage: 'Not an API account ID (a GUID)' },
					},
				],
			},
		],
	},
];
