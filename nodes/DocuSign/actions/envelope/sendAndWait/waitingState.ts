import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Sets what this node puts out if its wait limit passes. n8n 2.41 does not run a waiting node
 * again then: WorkflowExecute.handleWaitingState disables it, and runNode forwards the input of
 * its execution-stack entry. That entry is the object getExecuteData() returns, which the engine
 * pushes back onto the stack (and saves) when the node puts the execution to wait. A resume by
 * webhook replaces that input with the webhook's items instead.
 */
export function forwardWhenWaitLimitPasses(context: IExecuteFunctions, item: INodeExecutionData): void {
	context.getExecuteData().data = { main: [[item]] };
}
