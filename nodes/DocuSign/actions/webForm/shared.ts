import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { platformApiRequest, type PlatformRequestOptions } from '../../transport';
import { guidLocator } from '../platformLocators';

/** Scopes of the Web Forms API v1.1 (its OpenAPI file: `security` of each operation). */
export const WEB_FORMS_SCOPES = {
	read: ['webforms_read'],
	instanceRead: ['webforms_instance_read'],
	instanceWrite: ['webforms_instance_write'],
};

export const formLocator = guidLocator({
	displayName: 'Web Form',
	name: 'formId',
	searchListMethod: 'searchWebForms',
	description: 'The web form configuration (built in DocuSign\'s Web Forms builder)',
	what: 'web form',
});

/** One Web Forms API call for the credential's account: `path` is relative to `…/accounts/{accountId}`. */
export async function webFormsRequest(
	this: IExecuteFunctions,
	method: 'GET' | 'POST',
	path: string,
	options: Omit<PlatformRequestOptions, 'scopes'> & { scopes: string[] },
): Promise<IDataObject> {
	return (await platformApiRequest.call(this, 'webForms', method, path, options)) as IDataObject;
}

/**
 * An instance as the node outputs it: its ID, status, the submitted (or prefilled) values and the
 * envelope DocuSign created on submission on top, then everything DocuSign returned.
 */
export function instanceOutput(instance: IDataObject): IDataObject {
	const envelopes = (instance.envelopes ?? []) as IDataObject[];
	const metadata = (instance.instanceMetadata ?? {}) as IDataObject;
	return {
		instanceId: instance.id,
		formId: instance.formId,
		status: instance.status,
		formValues: instance.formValues ?? {},
		envelopeId: envelopes[0]?.id ?? null,
		submittedDateTime: metadata.submittedDateTime ?? null,
		...instance,
	};
}
