import type { IDataObject, ILoadOptionsFunctions, INodeParameterResourceLocator, INodePropertyOptions } from 'n8n-workflow';

import { formFields } from '../../actions/webForm/get.operation';
import { WEB_FORMS_SCOPES } from '../../actions/webForm/shared';
import { isGuid } from '../../helpers/guid';
import { platformApiRequest } from '../../transport';

/** The published fields of the chosen web form, for its prefill values: name, with the type as description. */
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
		.map(({ name, type }) => ({ name, value: name, description: type }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
