import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_JWT_SCOPES } from '../../../credentials/common/jwtGrant';
import { oncePerExecution } from '../helpers/perExecution';
import { resolveAccount } from './accounts';
import { API_HOSTS, platformBaseUrl, type PlatformApi } from './apiHosts';
import { credentialTypeOf, readCredentialSettings, type DocuSignFunctions } from './credentials';
import { apiRequest, type ApiRequestOptions } from './request';

export interface PlatformRequestOptions extends Omit<ApiRequestOptions, 'account' | 'baseUrl'> {
	/** The OAuth scopes DocuSign requires for this endpoint (from its API reference). */
	scopes: string[];
}

/** The scopes the credential asks DocuSign for, and those the stored OAuth2 token says it has. */
interface CredentialScopes {
	type: 'docuSignOAuth2Api' | 'docuSignJwtApi';
	requested: Set<string>;
	/** The `scope` of the stored OAuth2 token response, when DocuSign sent one. */
	granted?: Set<string>;
}

const split = (value: unknown): Set<string> => new Set(String(value ?? '').split(/[\s,]+/).filter(Boolean));

async function readCredentialScopes(context: DocuSignFunctions): Promise<CredentialScopes> {
	return await oncePerExecution(context, 'credentialScopes', async () => {
		const type = credentialTypeOf(context);
		const credentials = await context.getCredentials(type);
		if (type === 'docuSignJwtApi') {
			return { type, requested: split(String(credentials.scopes ?? '').trim() || DEFAULT_JWT_SCOPES) };
		}
		const tokenScope = (credentials.oauthTokenData as IDataObject | undefined)?.scope;
		return {
			type,
			requested: split(credentials.scope ?? 'signature extended'),
			...(typeof tokenScope === 'string' && tokenScope.trim() ? { granted: split(tokenScope) } : {}),
		};
	});
}

const quoted = (scopes: string[]) => scopes.map((scope) => `"${scope}"`).join(' and ');

/** What to do about missing scopes, per credential type. */
function reconnectAdvice(type: CredentialScopes['type'], missing: string[], needed: string[]): string {
	const field = type === 'docuSignJwtApi' ? 'Scopes' : 'Scope';
	const all = needed.join(' ');
	return type === 'docuSignJwtApi'
		? `Add ${quoted(missing)} to the credential's ${field} field (space-separated, next to "signature impersonation"; this operation needs ${all}), save, then give consent again: open the consent link that the credential's Test button shows and accept as the user. DocuSign issues tokens only for scopes the user consented to.`
		: `Add ${quoted(missing)} to the credential's ${field} field (space-separated, next to "signature extended"; this operation needs ${all}), save, and click "Connect my account" again: DocuSign grants a scope only when the user reconnects and consents to it.`;
}

/**
 * Refuses, before any call, an operation whose scopes the credential does not ask for (or, for
 * OAuth2, that the stored token was not granted): the error names the missing scopes and says
 * how to reconnect or re-consent.
 */
export async function assertScopes(
	context: DocuSignFunctions,
	api: PlatformApi,
	needed: string[],
	itemIndex = 0,
): Promise<void> {
	const scopes = await readCredentialScopes(context);
	const missingFromField = needed.filter((scope) => !scopes.requested.has(scope));
	const missingFromToken = scopes.granted ? needed.filter((scope) => !scopes.granted!.has(scope)) : [];
	const missing = missingFromField.length ? missingFromField : missingFromToken;
	if (!missing.length) return;
	const what = missingFromField.length ? 'does not ask DocuSign for' : 'was connected without';
	throw new NodeOperationError(
		context.getNode(),
		`The DocuSign credential ${what} the scope ${quoted(missing)} that the ${API_HOSTS[api].name} API needs`,
		{ itemIndex, description: `${reconnectAdvice(scopes.type, missing, needed)} No call was made to DocuSign.` },
	);
}

/**
 * One call to another DocuSign API (Web Forms, Maestro, Click) for the credential's account, through
 * the same authenticated request path, retries and error messages as eSignature. `path` is relative
 * to `…/accounts/{accountId}`. DocuSign's 401/403 answers name the scopes the call needs.
 */
export async function platformApiRequest(
	this: DocuSignFunctions,
	api: PlatformApi,
	method: IHttpRequestMethods,
	path: string,
	options: PlatformRequestOptions,
): Promise<unknown> {
	const { scopes, ...request } = options;
	const itemIndex = request.itemIndex ?? 0;
	await assertScopes(this, api, scopes, itemIndex);
	const account = await resolveAccount.call(this, itemIndex);
	const { authServer } = await readCredentialSettings(this);
	try {
		return await apiRequest.call(this, method, path, {
			...request,
			account,
			baseUrl: platformBaseUrl(api, authServer, account),
		});
	} catch (error) {
		const nodeError = error instanceof NodeApiError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		if (nodeError instanceof NodeApiError && (nodeError.httpCode === '401' || nodeError.httpCode === '403')) {
			const { type } = await readCredentialScopes(this);
			nodeError.message = `DocuSign's ${API_HOSTS[api].name} API refused the credential (HTTP ${nodeError.httpCode}) when trying to ${request.action}: its token may lack ${quoted(scopes)}`;
			nodeError.description = `${reconnectAdvice(type, scopes, scopes)} If the scopes are there already, the user may lack the permission in DocuSign, or the account's plan may not include ${API_HOSTS[api].name}.${nodeError.description ? ` ${nodeError.description}` : ''}`;
		}
		throw nodeError;
	}
}
