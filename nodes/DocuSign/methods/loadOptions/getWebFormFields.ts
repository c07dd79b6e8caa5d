import type { IDataObject, ILoadOptionsFunctions, INodeParameterResourceLocator, INodePropertyOptions } from 'n8n-workflow';

import { formFields } from '../../actions/webForm/get.operation';
import { WEB_FORMS_SCOPES } from '../../actions/webForm/shared';
import { isGuid } from '../../helpers/guid';
import { platformApiRequest } from '../../transport';

/**
 * Field types whose prefill value is a string (Web Forms spec, CreateInstanceRequestBody.formValues:
 * TextBox, Email, Date, Select, RadioButtonGroup); Number takes a number and CheckboxGroup a list of
 * strings, which the text pairs cannot send, so those go through Prefill Values (JSON).
 */
const TEXT_FIELD_TYPES = new Set(['TextBox', 'Email', 'Date', 'Select', 'RadioButtonGroup']);

/** The chosen web form's published fields that take text, for its prefill values: name, with the type as description. */
export async function getWebFormFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const locator = this.getCurrentNodeParameter('formId') as INodeParameterResourceLocator | string | undefined;
	const formId = String((locator && typeof locator === 'object' ? locator.value : locator) ?? '').trim();
	if (!isGuid(formId)) return [];
	const form = (await platformApiRequest.call(this, 'webForms', 'GET', `/forms/${formId}`, {
		qs: { state: 'active' },
		action: 'read the web form\'s fields',
		scopes: WEB_FORMS_SCOPES.read,
	})) as IDataObject;
	return formFields(form)
		.filter(({ type }) => TEXT_FIELD_TYPES.has(type))
		.map(({ name, type }) => ({ name, value: name, description: type }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
