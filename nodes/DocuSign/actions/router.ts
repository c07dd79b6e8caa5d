import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as account from './account/Account.resource';

export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const resources: Record<string, Record<string, { execute: OperationExecute } | unknown>> = { account };

/** Runs the chosen operation once per input item, with pairedItem and continueOnFail for all. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation] as { execute?: OperationExecute } | undefined;
	if (!module?.execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await module.execute.call(this, itemIndex);
			returnData.push(...this.helpers.constructExecutionMetaData(results, { itemData: { item: itemIndex } }));
		} catch (error) {
			if (!this.continueOnFail()) {
				throw error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
			returnData.push({
				json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [returnData];
}
