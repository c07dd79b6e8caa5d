import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { forgetAccounts, resolveAccount, type ResolvedAccount } from './accounts';
import { credentialTypeOf, type DocuSignFunctions } from './credentials';
import { toDocuSignError } from './errors';

// DocuSign says the user left the account or it moved: the cached userinfo is stale.
const MEMBERSHIP_CODES = new Set([
	'USER_LACKS_MEMBERSHIP',
	'INVALID_USERID',
	'USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT',
]);

export { resolveAccount, fetchUser, clearAccountCache } from './accounts';
export type { DocuSignAccount, DocuSignUser, ResolvedAccount } from './accounts';
export { credentialTypeOf, readCredentialSettings } from './credentials';
export type { DocuSignFunctions } from './credentials';
export { toDocuSignError } from './errors';

export interface ApiRequestOptions {
	body?: IHttpRequestOptions['body'];
	qs?: IDataObject;
	headers?: IDataObject;
	/** 'arraybuffer' for document downloads. */
	encoding?: IHttpRequestOptions['encoding'];
	returnFullResponse?: boolean;
	itemIndex?: number;
	/** What the call does, for error messages: "create the envelope". */
	action: string;
	/** The account to call; resolved from the credential when absent. */
	account?: ResolvedAccount;
}

/** One eSignature REST call, relative to the resolved account: `/envelopes/{id}`. */
export async function apiRequest(
	this: DocuSignFunctions,
	method: IHttpRequestMethods,
	path: string,
	options: ApiRequestOptions,
): Promise<unknown> {
	const account = options.account ?? (await resolveAccount.call(this, options.itemIndex));
	const request: IHttpRequestOptions = {
		method,
		url: `${account.restBaseUrl}${path}`,
		qs: options.qs,
		headers: options.headers,
		body: options.body,
		json: options.encoding === undefined,
		encoding: options.encoding,
		returnFullResponse: options.returnFullResponse,
	};
	try {
		return await this.helpers.httpRequestWithAuthentication.call(this, credentialTypeOf(this), request);
	} catch (error) {
		const failure = toDocuSignError(this.getNode(), error, { action: options.action, itemIndex: options.itemIndex });
		if (MEMBERSHIP_CODES.has(String(failure.errorResponse?.errorCode))) forgetAccounts(account.cacheKey);
		throw failure;
	}
}
