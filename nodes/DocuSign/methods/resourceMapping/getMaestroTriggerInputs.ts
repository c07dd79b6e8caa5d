import type { FieldType, ILoadOptionsFunctions, INodeParameterResourceLocator, ResourceMapperFields } from 'n8n-workflow';

import { triggerInputSchema } from '../../actions/maestro/shared';
import { isGuid } from '../../helpers/guid';

/** Maestro's `field_data_type` (String, Number, Boolean, Object, Array…) as an n8n field type. */
function fieldType(dataType: string | undefined): FieldType {
	const type = String(dataType ?? '').toLowerCase();
	if (type === 'number' || type === 'integer' || type === 'decimal') return 'number';
	if (type === 'boolean') return 'boolean';
	if (type === 'object') return 'object';
	if (type === 'array') return 'array';
	if (type === 'date' || type === 'datetime') return 'dateTime';
	return 'string';
}

/** The chosen workflow's trigger inputs (its trigger requirements); those without a default are required. */
export async function getMaestroTriggerInputs(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const locator = this.getCurrentNodeParameter('workflowId') as INodeParameterResourceLocator | string | undefined;
	const workflowId = String((locator && typeof locator === 'object' ? locator.value : locator) ?? '').trim();
	if (!isGuid(workflowId)) return { fields: [], emptyFieldsNotice: 'Choose a workflow first' };
	const schema = await triggerInputSchema.call(this, workflowId);
	return {
		fields: schema.map((field) => ({
			id: field.field_name,
			displayName: field.field_name,
			required: field.default_value === undefined,
			defaultMatch: false,
			display: true,
			type: fieldType(field.field_data_type),
		})),
	};
}
