import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import { errorItem } from '../helpers/itemErrors';
import { runPool } from '../helpers/pool';
import { DEFAULT_PARALLEL_REQUESTS } from '../transport';
import * as account from './account/Account.resource';
import * as bulkSend from './bulkSend/BulkSend.resource';
import * as connect from './connect/Connect.resource';
import * as click from './click/Click.resource';
import * as envelope from './envelope/Envelope.resource';
import * as maestroWorkflow from './maestro/MaestroWorkflow.resource';
import * as template from './template/Template.resource';
import * as webForm from './webForm/WebForm.resource';

/** An operation that runs once per input item and returns that item's results. */
export interface ItemOperation {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

/** An operation that needs all items at once (bulk send); it sets pairedItem itself. */
export interface BatchOperation {
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

type Operation = ItemOperation | BatchOperation;

const resources: Record<string, Record<string, unknown>> = { account, envelope, template, bulkSend, connect, webForm, maestroWorkflow, click };

function findOperation(resource: string, operation: string): Operation | undefined {
	const module = resources[resource]?.[operation] as Partial<ItemOperation & BatchOperation> | undefined;
	return module?.execute || module?.executeBatch ? (module as Operation) : undefined;
}

/**
 * Runs the chosen operation for every input item, up to "Requests in Parallel" items at a time,
 * with output in item order, pairedItem and continueOnFail for all.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// One wait for the whole execution, before and instead of the item loop.
	if (resource === 'envelope' && operation === SEND_AND_WAIT_OPERATION) return await envelope.sendAndWait.executeAndWait.call(this);
	const module = findOperation(resource, operation);
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const items = this.getInputData();
	if ('executeBatch' in module) return [await module.executeBatch.call(this, items)];

	const parallel = this.getNodeParameter('requestOptions.parallelRequests', 0, DEFAULT_PARALLEL_REQUESTS) as number;
	const perItem = await runPool(items.length, parallel, async (itemIndex) => {
		try {
			const results = await module.execute.call(this, itemIndex);
			return this.helpers.constructExecutionMetaData(results, { itemData: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) {
				throw error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
			return [errorItem(error as Error, itemIndex)];
		}
	});
	return [perItem.flat()];
}
