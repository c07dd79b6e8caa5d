/** The auth server: /oauth/auth (consent page), /oauth/token (three grants), /oauth/userinfo. */
import type { SimCore } from './core';
import { OAuthError } from './errors';
import { bearerToken, json, parseForm, type RequestData, type SimResponse } from './http';
import { jwtGrant } from './jwtGrant';
import { issueTokens, lookupAccessToken } from './tokens';
import type { SeedIntegrationKey, SeedUser } from './types';
import { guid, isLoopbackUrl, opaqueToken, truthy } from './util';

export const JWT_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Counter key of a token call, by grant: "POST /oauth/token:jwt", ":authorization_code", … */
export function tokenEndpointKey(body: Buffer): string {
	const grant = parseForm(body).grant_type ?? 'none';
	return `POST /oauth/token:${grant === JWT_GRANT_TYPE ? 'jwt' : grant}`;
}

const html = (status: number, title: string, inner: string): SimResponse => ({
	status,
	body: `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${inner}</body></html>`,
	headers: { 'Content-Type': 'text/html; charset=utf-8' },
});

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pickUser(core: SimCore, query: URLSearchParams): SeedUser | undefined {
	const wanted = (query.get('sim_user') ?? query.get('login_hint') ?? core.config.loginUserId ?? '').toLowerCase();
	if (!wanted) return undefined;
	return core.seed.users.find((u) => u.userId.toLowerCase() === wanted || u.email.toLowerCase() === wanted);
}

function redirectTo(target: string, params: Record<string, string | undefined>): SimResponse {
	const url = new URL(target);
	for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
	return { status: 302, headers: { Location: url.toString() }, body: '' };
}

/** GET /oauth/auth: consent page; `auto_approve=true` (or config.autoApprove) approves at once. */
export function authorize(core: SimCore, req: RequestData): SimResponse {
	const q = req.query;
	const ik = core.seed.integrationKeys.find((k) => k.integrationKey === q.get('client_id'));
	if (!ik) return html(400, 'invalid_client', '<p>The client_id is not a known integration key.</p>');
	const redirectUri = q.get('redirect_uri') ?? '';
	if (!ik.redirectUris.includes(redirectUri) && !isLoopbackUrl(redirectUri)) {
		return html(400, 'invalid_request', '<p>The redirect URI is not registered for this integration key.</p>');
	}
	if (q.get('response_type') !== 'code') {
		return redirectTo(redirectUri, { error: 'unsupported_response_type', state: q.get('state') ?? undefined });
	}
	const user = pickUser(core, q);
	const approve = truthy(q.get('auto_approve')) || core.config.autoApprove;
	if (approve && (user || !q.get('sim_user'))) {
		return approveFor(core, ik, user ?? core.seed.users[0], redirectUri, q);
	}
	if (q.get('sim_decline')) return redirectTo(redirectUri, { error: 'access_denied', state: q.get('state') ?? undefined });
	const link = (extra: string) => `/oauth/auth?${q.toString()}&${extra}`;
	const choices = core.seed.users
		.map((u) => `<li><a href="${escapeHtml(link(`sim_user=${u.userId}&auto_approve=true`))}">Sign in as ${escapeHtml(u.name)} (${escapeHtml(u.email)}) and accept</a></li>`)
		.join('');
	return html(
		200,
		`${escapeHtml(ik.name)} requests access`,
		`<p>Scopes: ${escapeHtml(q.get('scope') ?? '')}</p><ul>${choices}</ul><p><a href="${escapeHtml(link('sim_decline=1'))}">Decline</a></p>`,
	);
}

function approveFor(core: SimCore, ik: SeedIntegrationKey, user: SeedUser, redirectUri: string, q: URLSearchParams) {
	const scopes = (q.get('scope') ?? 'signature').split(/[\s+]+/).filter(Boolean);
	if (scopes.includes('impersonation')) core.state.consents.add(`${ik.integrationKey}:${user.userId}`);
	const code = opaqueToken('sim-code-');
	core.state.authCodes.set(code, {
		code,
		userId: user.userId,
		integrationKey: ik.integrationKey,
		redirectUri,
		scopes,
		expiresAt: Date.now() + core.config.tokens.authCodeExpiresIn * 1000,
	});
	return redirectTo(redirectUri, { code, state: q.get('state') ?? undefined });
}

/** Basic IK:secret client authentication (DocuSign wants it in the Authorization header). */
function clientFromBasic(core: SimCore, req: RequestData): SeedIntegrationKey {
	const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
	if (!match) throw new OAuthError(401, 'invalid_client', 'Authorization: Basic base64(integrationKey:secret) is required');
	const decoded = Buffer.from(match[1], 'base64').toString();
	const colon = decoded.indexOf(':');
	const ik = core.seed.integrationKeys.find((k) => k.integrationKey === decoded.slice(0, colon));
	if (!ik || ik.clientSecret !== decoded.slice(colon + 1)) throw new OAuthError(401, 'invalid_client');
	return ik;
}

/** POST /oauth/token: authorization_code, refresh_token (rotating) and the JWT Grant. */
export async function token(core: SimCore, req: RequestData): Promise<SimResponse> {
	const form = parseForm(req.body);
	switch (form.grant_type) {
		case 'authorization_code': {
			const ik = clientFromBasic(core, req);
			const code = core.state.authCodes.get(form.code ?? '');
			core.state.authCodes.delete(form.code ?? '');
			if (!code || code.expiresAt < Date.now() || code.integrationKey !== ik.integrationKey) {
				throw new OAuthError(400, 'invalid_grant');
			}
			if (form.redirect_uri && form.redirect_uri !== code.redirectUri) throw new OAuthError(400, 'invalid_grant');
			return json(200, issueTokens(core, 'authorization_code', code.userId, ik.integrationKey, code.scopes, true));
		}
		case 'refresh_token': {
			const ik = clientFromBasic(core, req);
			const old = core.state.refreshTokens.get(form.refresh_token ?? '');
			if (!old || old.expiresAt < Date.now() || old.integrationKey !== ik.integrationKey) {
				throw new OAuthError(400, 'invalid_grant');
			}
			core.state.refreshTokens.delete(old.token);
			return json(200, issueTokens(core, 'refresh_token', old.userId, ik.integrationKey, old.scopes, true));
		}
		case JWT_GRANT_TYPE:
			return json(200, await jwtGrant(core, form.assertion));
		default:
			throw new OAuthError(400, 'unsupported_grant_type');
	}
}

/** GET /oauth/userinfo: the token's user and the accounts (with base_uri) it belongs to. */
export function userinfo(core: SimCore, req: RequestData): SimResponse {
	const record = lookupAccessToken(core, bearerToken(req.headers));
	const user = record && core.user(record.userId);
	// What DocuSign answers to a missing, expired or unknown token.
	if (!user) throw new OAuthError(401, 'internal_server_error', undefined, { reference_id: guid() });
	return json(200, {
		sub: user.userId,
		name: user.name,
		given_name: user.givenName,
		family_name: user.familyName,
		created: '2024-01-10T08:00:00.000Z',
		email: user.email,
		accounts: user.memberships.map((m) => {
			const account = core.account(m.accountId)!;
			return {
				account_id: account.accountId,
				is_default: m.isDefault,
				account_name: account.accountName,
				base_uri: account.baseUri,
				...(account.organization ? { organization: account.organization } : {}),
			};
		}),
	});
}
