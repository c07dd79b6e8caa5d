import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { oncePerExecution } from '../../helpers/perExecution';
import { platformApiRequest, type PlatformRequestOptions } from '../../transport';
import { guidLocator } from '../platformLocators';

/** Every Maestro API operation: "Required scopes: `signature`, `aow_manage`" (its OpenAPI file). */
export const MAESTRO_SCOPES = ['signature', 'aow_manage'];

export const workflowLocator = guidLocator({
	displayName: 'Workflow',
	name: 'workflowId',
	searchListMethod: 'searchMaestroWorkflows',
	description: 'The Maestro workflow (published in DocuSign\'s workflow builder)',
	what: 'workflow',
});

export const instanceIdProperty = {
	displayName: 'Instance ID',
	name: 'instanceId',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: 'e.g. {{ $json.instanceId }}',
	description: 'The workflow instance, as Trigger outputs it (instanceId)',
};

/** One Maestro API call for the credential's account: `path` is relative to `…/accounts/{accountId}`. */
export async function maestroRequest(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	method: 'GET' | 'POST',
	path: string,
	options: Omit<PlatformRequestOptions, 'scopes'>,
): Promise<IDataObject> {
	return (await platformApiRequest.call(this, 'maestro', method, path, { ...options, scopes: MAESTRO_SCOPES })) as IDataObject;
}

export interface TriggerInputField {
	field_name: string;
	field_data_type?: string;
	default_value?: unknown;
}

/** The inputs a workflow's trigger expects (`trigger_input_schema`), read once per node run and workflow. */
export async function triggerInputSchema(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	workflowId: string,
	itemIndex = 0,
): Promise<TriggerInputField[]> {
	return await oncePerExecution(this, `maestroTrigger:${workflowId}`, async () => {
		const requirements = await maestroRequest.call(this, 'GET', `/workflows/${workflowId}/trigger-requirements`, {
			itemIndex,
			action: 'read the workflow\'s trigger inputs',
		});
		return ((requirements.trigger_input_schema ?? []) as TriggerInputField[]).filter((field) => typeof field?.field_name === 'string');
	});
}
