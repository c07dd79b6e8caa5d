/**
 * The JWT Grant (urn:ietf:params:oauth:grant-type:jwt-bearer) as DocuSign's auth server checks it.
 * The assertion's signature is verified with jose against the IK's registered public key.
 * Errors answer HTTP 400 `{error, error_description}` like DocuSign:
 *   unknown iss                 → invalid_grant / issuer_not_found
 *   bad signature / wrong key   → invalid_grant / no_valid_keys_or_signatures
 *   unknown sub                 → invalid_grant / user_not_found
 *   aud ≠ auth host             → invalid_grant / invalid_audience (hint: host without scheme)
 *   exp missing, past, > 1 h after iat, iat in the future → invalid_grant / expired_or_invalid_exp
 *   scope lacks signature+impersonation → invalid_scope
 *   user did not consent        → consent_required (no description, as DocuSign)
 */
import type { SimCore } from './core';
import { OAuthError } from './errors';
import { loadJose } from './jose';
import { issueTokens, type IssuedTokens } from './tokens';

const CLOCK_SKEW_S = 300;

const grantError = (description: string) => new OAuthError(400, 'invalid_grant', description);

export async function jwtGrant(core: SimCore, assertion: string | undefined): Promise<IssuedTokens> {
	const jose = loadJose();
	if (!assertion) throw new OAuthError(400, 'invalid_request', 'assertion is required');
	let claims: Record<string, unknown>;
	try {
		claims = jose.decodeJwt(assertion) as Record<string, unknown>;
	} catch {
		throw grantError('invalid_jwt');
	}
	const ik = core.seed.integrationKeys.find((k) => k.integrationKey === claims.iss);
	if (!ik) throw grantError('issuer_not_found');
	try {
		const key = await jose.importSPKI(ik.publicKey, 'RS256');
		await jose.compactVerify(assertion, key, { algorithms: ['RS256'] });
	} catch {
		throw grantError('no_valid_keys_or_signatures');
	}
	const user = core.user(String(claims.sub ?? ''));
	if (!user) throw grantError('user_not_found');
	if (claims.aud !== core.seed.audience && !(Array.isArray(claims.aud) && claims.aud.includes(core.seed.audience))) {
		throw grantError(`invalid_audience: expected "${core.seed.audience}" (the auth host without scheme)`);
	}
	const now = Math.floor(Date.now() / 1000);
	const iat = typeof claims.iat === 'number' ? claims.iat : now;
	const exp = claims.exp;
	if (typeof exp !== 'number' || exp <= now - CLOCK_SKEW_S || exp - iat > 3600 || iat > now + CLOCK_SKEW_S) {
		throw grantError('expired_or_invalid_exp');
	}
	const scopes = String(claims.scope ?? '').split(/\s+/).filter(Boolean);
	if (!scopes.includes('signature') || !scopes.includes('impersonation')) {
		throw new OAuthError(400, 'invalid_scope', 'The JWT Grant needs scope "signature impersonation"');
	}
	if (!core.state.consents.has(`${ik.integrationKey}:${user.userId}`)) {
		throw new OAuthError(400, 'consent_required');
	}
	return issueTokens(core, 'jwt', user.userId, ik.integrationKey, scopes, false);
}
