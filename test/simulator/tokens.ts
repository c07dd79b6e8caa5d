/** Access tokens, refresh tokens and authorization codes of the simulated auth server. */
import type { SimCore } from './core';
import type { TokenRecord } from './types';
import { opaqueToken } from './util';

/** DocuSign tokens are long JWT-looking strings; these carry no information. */
const ACCESS_PREFIX = 'eyJ0eXAiOiJNVCIsImFsZyI6IlJTMjU2In0.';
const REFRESH_PREFIX = 'eyJ0eXAiOiJNVCIsImFsZyI6IlJTMjU2In0.rt.';

export interface IssuedTokens {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	refresh_token?: string;
}

export function issueTokens(
	core: SimCore,
	grant: TokenRecord['grant'],
	userId: string,
	integrationKey: string,
	scopes: string[],
	withRefresh: boolean,
): IssuedTokens {
	const now = Date.now();
	const expiresIn = grant === 'jwt' ? core.config.tokens.jwtExpiresIn : core.config.tokens.authorizationCodeExpiresIn;
	const access = opaqueToken(ACCESS_PREFIX);
	core.state.accessTokens.set(access, {
		token: access,
		userId,
		integrationKey,
		scopes,
		grant,
		issuedAt: now,
		expiresAt: now + expiresIn * 1000,
	});
	const result: IssuedTokens = { access_token: access, token_type: 'Bearer', expires_in: expiresIn };
	if (withRefresh) {
		const refresh = opaqueToken(REFRESH_PREFIX);
		core.state.refreshTokens.set(refresh, {
			token: refresh,
			userId,
			integrationKey,
			scopes,
			expiresAt: now + core.config.tokens.refreshTokenExpiresIn * 1000,
		});
		result.refresh_token = refresh;
	}
	return result;
}

/** The live record of an access token, or undefined when unknown or expired. */
export function lookupAccessToken(core: SimCore, token: string | undefined): TokenRecord | undefined {
	if (!token) return undefined;
	const record = core.state.accessTokens.get(token);
	return record && record.expiresAt > Date.now() ? record : undefined;
}

/** Expires access tokens now (all, one token, or a user's): tests of n8n's refresh path. */
/** Which access tokens to expire; every given field must match. */
export interface TokenFilter {
	accessToken?: string;
	userId?: string;
	/** e.g. 'jwt': only tokens of that grant, so a JWT test leaves OAuth2 connections alone. */
	grant?: string;
}

export function expireAccessTokens(core: SimCore, filter: TokenFilter = {}): number {
	let n = 0;
	for (const record of core.state.accessTokens.values()) {
		if (filter.accessToken && record.token !== filter.accessToken) continue;
		if (filter.userId && record.userId !== filter.userId) continue;
		if (filter.grant && record.grant !== filter.grant) continue;
		record.expiresAt = Date.now() - 1;
		n++;
	}
	return n;
}
