import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readEnvelopeCustomFields } from '../../actions/envelope/customFields';
import { parseEnvelopeId } from '../../actions/envelope/envelopeLocator';

/** The custom fields of the chosen envelope, by name; none until an envelope is fixed. */
export async function getEnvelopeCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelopeId = parseEnvelopeId(this.getCurrentNodeParameter('envelopeId'));
	if (!envelopeId) return [];
	const fields = await readEnvelopeCustomFields.call(this, envelopeId);
	return fields.map((field) => ({
		name: field.name,
		value: field.name,
		description: `${field.type === 'list' ? 'List' : 'Text'} field, value "${field.value}"`,
	}));
}
