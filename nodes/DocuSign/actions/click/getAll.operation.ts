import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../common.descriptions';
import { CLICK_SCOPES, clickRequest } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Any', value: '' },
			{ name: 'Inactive', value: 'inactive' },
		],
		default: 'active',
	},
	...returnAllOrLimit,
];

const displayOptions = { show: { resource: ['click'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const status = this.getNodeParameter('status', itemIndex, 'active') as string;
	const limit = readLimit.call(this, itemIndex);
	const clickwraps: IDataObject[] = [];
	// Pages are numbered; DocuSign says how many remain.
	for (let page = 1; clickwraps.length < limit; page++) {
		const answer = await clickRequest.call(this, 'GET', '/clickwraps', {
			qs: { ...(status ? { status } : {}), page_number: page },
			itemIndex,
			action: 'list the clickwraps',
			scopes: CLICK_SCOPES.manage,
		});
		clickwraps.push(...((answer.clickwraps ?? []) as IDataObject[]));
		if (!(Number(answer.minimumPagesRemaining) > 0)) break;
	}
	return clickwraps.slice(0, limit).map((clickwrap) => ({
		json: { clickwrapId: clickwrap.clickwrapId, name: clickwrap.clickwrapName, status: clickwrap.status, versionNumber: clickwrap.versionNumber, ...clickwrap },
	}));
}
