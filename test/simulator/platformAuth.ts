/**
 * Who may call the Web Forms, Maestro and Click APIs for `accounts/{accountId}`, checked in this order:
 *   no / unknown / expired token                  → 401
 *   token without every scope the endpoint needs  → 403 (the endpoint's scopes: its OpenAPI file)
 *   token's user is not a member of accountId     → 403
 *   Click only: the account lives on another site  → 400 (Click is served on the account's server)
 * Each API answers in its own error shape (`PlatformErrorShape`). DocuSign documents 401 and 403 for
 * these APIs but not which of the two a missing scope gets: the simulator answers 403, the stricter
 * side for n8n, which fetches a new token (and so could repair it) only after a 401.
 */
import type { SimCore } from './core';
import { bearerToken, json, type RequestData, type SimResponse } from './http';
import { lookupAccessToken } from './tokens';
import type { SeedAccount, SeedUser, TokenRecord } from './types';

export type PlatformApiName = 'webforms' | 'maestro' | 'click';

export interface PlatformCtx extends RequestData {
	core: SimCore;
	account: SeedAccount;
	user: SeedUser;
	token: TokenRecord;
}

/** An error answer of one of these APIs, thrown by handlers and turned into the API's body shape. */
export class PlatformError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly errorCode?: string,
	) {
		super(message);
	}
}

/**
 * Web Forms `HttpError` {errorCode, message} (errorCode: the HTTP status, as its spec lists them);
 * Maestro `Error` {error, code, timestamp}; Click `errorDetails` {errorCode, message}.
 */
export function platformErrorResponse(api: PlatformApiName, error: PlatformError): SimResponse {
	if (api === 'maestro') {
		return json(error.status, { error: error.message, code: String(error.status), timestamp: new Date().toISOString() }, { 'Content-Type': 'application/problem+json' });
	}
	return json(error.status, { errorCode: error.errorCode ?? String(error.status), message: error.message });
}

/**
 * `site`: the path's site segment for Click, which DocuSign serves on the account's own server
 * (`{base_uri}/clickapi`; "Docusign API endpoint base paths": Click production
 * `https://{server}.docusign.net/`), so a call on another site's server is refused.
 */
export function authorizePlatform(core: SimCore, req: RequestData, accountId: string, scopes: string[], site?: string): PlatformCtx {
	const token = lookupAccessToken(core, bearerToken(req.headers));
	const user = token && core.user(token.userId);
	if (!token || !user) throw new PlatformError(401, 'The authentication information is either missing or invalid.', 'AUTHORIZATION_INVALID_TOKEN');
	const missing = scopes.filter((scope) => !token.scopes.includes(scope));
	if (missing.length) throw new PlatformError(403, 'The requestor is not authorized.', 'FORBIDDEN');
	const account = core.account(accountId);
	if (!account || !user.memberships.some((m) => m.accountId === account.accountId)) {
		throw new PlatformError(403, 'The requestor is not authorized for this account.', 'FORBIDDEN');
	}
	if (site !== undefined && account.site !== site) {
		throw new PlatformError(400, `Account ${account.accountId} is not served on this server; use the base_uri that /oauth/userinfo gives for it.`, 'ACCOUNT_NOT_ON_SERVER');
	}
	return { ...req, core, account, user, token };
}
