import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { readJsonObject } from '../../helpers/jsonObject';
import { readGuidParameter } from '../platformLocators';
import { maestroRequest, triggerInputSchema, workflowLocator } from './shared';

const properties: INodeProperties[] = [
	workflowLocator,
	{
		displayName: 'Instance Name',
		name: 'instanceName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Onboarding {{ $json.email }}',
		description: 'A name for this run of the workflow, shown in DocuSign\'s workflow list',
	},
	{
		displayName: 'Inputs',
		name: 'triggerInputs',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['workflowId.value'],
			resourceMapper: {
				resourceMapperMethod: 'getMaestroTriggerInputs',
				mode: 'add',
				fieldWords: { singular: 'input', plural: 'inputs' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
				noFieldsError: 'This workflow\'s trigger takes no inputs',
			},
		},
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Inputs (JSON)',
				name: 'inputsJson',
				type: 'json',
				default: '{}',
				description: 'More inputs as a JSON object, e.g. nested objects or lists; they override the inputs above',
			},
		],
	},
];

const displayOptions = { show: { resource: ['maestroWorkflow'], operation: ['trigger'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readInputs(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const mapped = this.getNodeParameter('triggerInputs.value', itemIndex, {}) as IDataObject | null;
	const inputs: IDataObject = {};
	for (const [key, value] of Object.entries(mapped ?? {})) {
		if (value !== null && value !== undefined && value !== '') inputs[key] = value;
	}
	const json = (this.getNodeParameter('options', itemIndex, {}) as IDataObject).inputsJson;
	Object.assign(inputs, readJsonObject.call(this, itemIndex, json, 'Inputs (JSON)', '{"Name": "Ada", "Amount": 250}'));
	return inputs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const workflowId = readGuidParameter.call(this, 'workflowId', itemIndex, 'workflow');
	const instanceName = (this.getNodeParameter('instanceName', itemIndex, '') as string).trim();
	if (!instanceName) throw inputError(this, itemIndex, 'the instance name is empty', 'Give the run a name, e.g. the customer\'s name.');
	const inputs = readInputs.call(this, itemIndex);

	// The trigger's own requirements, checked before anything is started.
	const schema = await triggerInputSchema.call(this, workflowId, itemIndex);
	const known = new Set(schema.map((field) => field.field_name));
	const unknown = Object.keys(inputs).filter((key) => !known.has(key));
	if (unknown.length) {
		throw inputError(this, itemIndex, `the workflow's trigger has no input ${unknown.map((k) => `"${k}"`).join(', ')}`, `Its inputs are: ${[...known].join(', ') || 'none'}.`);
	}
	const missing = schema.filter((field) => field.default_value === undefined && inputs[field.field_name] === undefined).map((field) => field.field_name);
	if (missing.length) {
		throw inputError(this, itemIndex, `the workflow needs the input ${missing.map((k) => `"${k}"`).join(', ')}`, 'Map a value to every input the trigger requires (Inputs).');
	}

	const started = await maestroRequest.call(this, 'POST', `/workflows/${workflowId}/actions/trigger`, {
		body: { instance_name: instanceName, trigger_inputs: inputs },
		itemIndex,
		action: 'trigger the Maestro workflow',
	});
	return [{ json: { instanceId: started.instance_id, instanceUrl: started.instance_url, workflowId, instanceName, ...started } }];
}
