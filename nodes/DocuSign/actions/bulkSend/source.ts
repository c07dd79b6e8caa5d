import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest, type ResolvedAccount } from '../../transport';
import { fetchTemplate, recipientsOf, rolesOfTemplate } from '../template/templateRoles';
import type { Source, SourceDocument } from './bulkCopies';

function customFieldNamesOf(customFields: unknown): Set<string> | undefined {
	if (!customFields || typeof customFields !== 'object') return undefined;
	const { textCustomFields, listCustomFields } = customFields as IDataObject;
	const names = [textCustomFields, listCustomFields]
		.flatMap((fields) => (Array.isArray(fields) ? (fields as IDataObject[]) : []))
		.map((field) => field.name)
		.filter((name): name is string => typeof name === 'string');
	return new Set(names);
}

/** Reads the template (roles, text tabs, custom fields) or the draft envelope, which must be a draft. */
export async function loadSource(
	this: IExecuteFunctions,
	source: Source,
	id: string,
	account: ResolvedAccount,
): Promise<SourceDocument> {
	if (source === 'template') {
		const template = await fetchTemplate.call(this, id, { itemIndex: 0 });
		return {
			source,
			id,
			name: typeof template.name === 'string' ? template.name : undefined,
			recipients: rolesOfTemplate(template),
			customFieldNames: customFieldNamesOf(template.customFields),
		};
	}
	const envelope = (await apiRequest.call(this, 'GET', `/envelopes/${id}`, {
		qs: { include: 'recipients,tabs,custom_fields' },
		itemIndex: 0,
		account,
		action: `read draft envelope ${id}`,
	})) as IDataObject;
	if (envelope.status !== 'created') {
		throw new NodeOperationError(
			this.getNode(),
			`Envelope ${id} is "${String(envelope.status)}", not a draft: bulk send copies a draft envelope or a template`,
			{
				itemIndex: 0,
				description:
					'Create the envelope with Status "Save as Draft" (status "created") and do not send it yourself, or choose Send From: Template.',
			},
		);
	}
	return {
		source,
		id,
		name: typeof envelope.emailSubject === 'string' ? envelope.emailSubject : undefined,
		recipients: recipientsOf(envelope.recipients),
		customFieldNames: customFieldNamesOf(envelope.customFields),
	};
}
