import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A bad-input error that names the item (1-based, as the editor counts). */
export function inputError(
	context: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: ${message}`, { itemIndex, description });
}

/** What continueOnFail puts out for a failure: the same shape for every operation. */
export function errorJson(error: Error & { description?: string | null }): IDataObject {
	return { error: error.message, ...(error.description ? { description: error.description } : {}) };
}

/** The item continueOnFail puts out for a failed input item. */
export function errorItem(error: Error & { description?: string | null }, itemIndex: number): INodeExecutionData {
	return { json: errorJson(error), pairedItem: { item: itemIndex } };
}
