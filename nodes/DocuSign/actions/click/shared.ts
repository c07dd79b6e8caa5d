import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { platformApiRequest, type PlatformRequestOptions } from '../../transport';
import { guidLocator } from '../platformLocators';

/** Click API scopes (its OpenAPI file): list and responses `click.manage`; agreements `click.manage` and `click.send`. */
export const CLICK_SCOPES = {
	manage: ['click.manage'],
	send: ['click.manage', 'click.send'],
};

export const clickwrapLocator = guidLocator({
	displayName: 'Clickwrap',
	name: 'clickwrapId',
	searchListMethod: 'searchClickwraps',
	description: 'The clickwrap (elastic template) the user agrees to',
	what: 'clickwrap',
});

export const clientUserIdProperty = {
	displayName: 'Client User ID',
	name: 'clientUserId',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: 'e.g. user-4711',
	description: 'Your own ID of the user (e.g. from your user database); the agreement is recorded under it',
};

/** One Click API call for the credential's account: `path` is relative to `…/accounts/{accountId}`. */
export async function clickRequest(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	method: 'GET' | 'POST',
	path: string,
	options: PlatformRequestOptions,
): Promise<IDataObject> {
	return (await platformApiRequest.call(this, 'click', method, path, options)) as IDataObject;
}

/** An agreement as the node outputs it: whether the user agreed, to which version and when, first. */
export function agreementOutput(agreement: IDataObject): IDataObject {
	return {
		hasAgreed: agreement.status === 'agreed',
		status: agreement.status ?? 'none',
		versionNumber: agreement.versionNumber ?? null,
		agreedOn: agreement.agreedOn ?? null,
		agreementUrl: agreement.agreementUrl ?? null,
		...agreement,
	};
}
