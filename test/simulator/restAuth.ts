/**
 * Who may call `{base_uri}/restapi/v2.1/accounts/{accountId}/…`, checked in DocuSign's order:
 *   no / unknown / expired token              → 401 USER_AUTHENTICATION_FAILED
 *   token's user is not a member of accountId → 400 USER_LACKS_MEMBERSHIP
 *   member, but base URI of another site      → 400 USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT
 * then the account's rate limits (headers on every REST answer, rejections do no work).
 */
import type { SimCore } from './core';
import { DocuSignError, badRequest } from './errors';
import { bearerToken, type RequestData } from './http';
import { lookupAccessToken } from './tokens';
import type { SeedAccount, SeedMembership, SeedUser, TokenRecord } from './types';

export interface RestCtx extends RequestData {
	core: SimCore;
	account: SeedAccount;
	user: SeedUser;
	membership: SeedMembership;
	token: TokenRecord;
}

export function authorizeRest(
	core: SimCore,
	req: RequestData,
	site: string,
	accountId: string,
): { ctx: RestCtx; rateHeaders: Record<string, string> } {
	const token = lookupAccessToken(core, bearerToken(req.headers));
	const user = token && core.user(token.userId);
	if (!token || !user) {
		throw new DocuSignError(
			401,
			'USER_AUTHENTICATION_FAILED',
			'One or both of Username and Password are invalid. Invalid access token',
		);
	}
	const account = core.account(accountId);
	const membership = account && user.memberships.find((m) => m.accountId === account.accountId);
	if (!account || !membership) {
		throw badRequest('USER_LACKS_MEMBERSHIP', 'The UserID does not have a valid membership in this Account.');
	}
	if (account.site !== site) {
		throw badRequest(
			'USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT',
			'The specified User is not a member of the specified Account.',
		);
	}
	const rateHeaders = core.rateLimiter.hit(account.accountId);
	return { ctx: { ...req, core, account, user, membership, token }, rateHeaders };
}
