import { sign } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { authServerAudience, authServerBaseUrl } from './environment';
import { parseRsaPrivateKey } from './privateKey';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DEFAULT_JWT_SCOPES = 'signature impersonation';
const ASSERTION_LIFETIME_SECONDS = 3600;

export interface JwtGrantSettings {
	authServer: string;
	integrationKey: string;
	userId: string;
	scopes: string;
	redirectUri: string;
}

/** Thrown for a token request DocuSign refused; the message says what to do. */
export class JwtGrantError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'JwtGrantError';
	}
}

/** Reads and checks the credential's fields (not the key) before anything is sent. */
export function readJwtGrantSettings(credentials: ICredentialDataDecryptedObject): JwtGrantSettings {
	const integrationKey = String(credentials.integrationKey ?? '').trim();
	const userId = String(credentials.userId ?? '').trim();
	if (!GUID.test(integrationKey)) {
		throw new JwtGrantError(
			'The integration key in the DocuSign JWT credential is not a GUID',
			'Copy it from DocuSign Admin → Apps and Keys → "Integration Key" (format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).',
		);
	}
	if (!GUID.test(userId)) {
		throw new JwtGrantError(
			'The user ID in the DocuSign JWT credential is not a GUID',
			'Use the "User ID" shown in DocuSign Admin → Apps and Keys (or Users → the user → API user name), not the e-mail address or the account ID.',
		);
	}
	return {
		authServer: authServerBaseUrl(credentials),
		integrationKey,
		userId,
		scopes: String(credentials.scopes ?? '').trim().replace(/\s+/g, ' ') || DEFAULT_JWT_SCOPES,
		redirectUri: String(credentials.redirectUri ?? '').trim(),
	};
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Signs the JWT Grant assertion (RS256) with the claims DocuSign expects. */
export function buildJwtAssertion(
	settings: JwtGrantSettings,
	privateKeyText: string,
	nowSeconds = Math.floor(Date.now() / 1000),
): string {
	const key = parseRsaPrivateKey(privateKeyText);
	const header = { alg: 'RS256', typ: 'JWT' };
	const claims = {
		iss: settings.integrationKey,
		sub: settings.userId,
		aud: authServerAudience(settings.authServer),
		iat: nowSeconds,
		exp: nowSeconds + ASSERTION_LIFETIME_SECONDS,
		scope: settings.scopes,
	};
	const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
	const signature = sign('RSA-SHA256', Buffer.from(signingInput), key);
	return `${signingInput}.${base64url(signature)}`;
}

/**
 * The link the user opens once to grant the integration key consent to impersonate them, or
 * undefined without a redirect URI: DocuSign only returns to a URI registered for the key, so any
 * stand-in (such as https://www.docusign.com) would end on DocuSign's "invalid redirect URI" page.
 */
export function consentUrl(settings: JwtGrantSettings): string | undefined {
	if (!settings.redirectUri) return undefined;
	const query = [
		'response_type=code',
		`scope=${encodeURIComponent(settings.scopes)}`,
		`client_id=${encodeURIComponent(settings.integrationKey)}`,
		`redirect_uri=${encodeURIComponent(settings.redirectUri)}`,
	].join('&');
	return `${settings.authServer}/oauth/auth?${query}`;
}

/** Turns DocuSign's OAuth error code into a message that says what to do. */
export function explainTokenError(
	code: string,
	settings: JwtGrantSettings,
	status?: number,
): JwtGrantError {
	const where = `the ${settings.authServer} auth server`;
	switch (code) {
		case 'consent_required': {
			const link = consentUrl(settings);
			return link
				? new JwtGrantError(
						`DocuSign user ${settings.userId} has not yet given consent to integration key ${settings.integrationKey}. Open this URL once, sign in as that user and accept: ${link}`,
						'After accepting, run the workflow again. The redirect URI must be one of those registered for the integration key.',
					)
				: new JwtGrantError(
						`DocuSign user ${settings.userId} has not yet given consent to integration key ${settings.integrationKey}, and the credential has no Redirect URI to build the consent link with`,
						'Set "Redirect URI" in the credential to one of the redirect URIs registered for the integration key (DocuSign Admin → Apps and Keys → the key → Redirect URIs; add one there if it has none), then run again: this error then gives the one-time consent link to open as that user.',
					);
		}
		case 'issuer_not_found':
			return new JwtGrantError(
				`Integration key ${settings.integrationKey} is unknown at ${where}`,
				'Check the environment: keys made in a developer account only work with "Developer", and keys that passed go-live with "Production".',
			);
		case 'no_valid_keys_or_signatures':
			return new JwtGrantError(
				`DocuSign rejected the JWT signature for integration key ${settings.integrationKey}`,
				'The private key does not belong to this integration key. In DocuSign Admin → Apps and Keys, generate or pick the RSA key pair of this integration key and paste its private key.',
			);
		case 'invalid_grant':
			return new JwtGrantError(
				`DocuSign refused the JWT Grant for user ${settings.userId} (invalid_grant)`,
				'The user ID, the key pair or the environment do not match: check that the user ID is the GUID of a user of this environment, and that the RSA key pair belongs to the integration key.',
			);
		case 'invalid_client':
		case 'unauthorized_client':
			return new JwtGrantError(
				`Integration key ${settings.integrationKey} may not use the JWT Grant (${code})`,
				'In DocuSign Admin → Apps and Keys, check that the integration key has an RSA key pair and is not restricted to other grant types.',
			);
		default:
			return new JwtGrantError(
				`DocuSign's token endpoint at ${where} answered ${status ?? 'an error'}${code ? ` (${code})` : ''}`,
				'Check the credential\'s environment and "Auth Server URL", then try again.',
			);
	}
}

interface TokenResponse {
	access_token?: string;
	expires_in?: number;
}

/** Exchanges a freshly signed assertion for an access token at {auth}/oauth/token. */
export async function mintJwtAccessToken(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const settings = readJwtGrantSettings(credentials);
	const assertion = buildJwtAssertion(settings, String(credentials.privateKey ?? ''));
	const outcome = await this.helpers
		.httpRequest({
			method: 'POST',
			url: `${settings.authServer}/oauth/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
				assertion,
			}).toString(),
			json: true,
		})
		.then(
			(response: TokenResponse) => ({ response }),
			(error: unknown) => ({ error }),
		);
	if ('error' in outcome) {
		// Rebuilt from the status and error code only: the original carries the assertion.
		const status = (outcome.error as { response?: { status?: number } }).response?.status;
		if (status === undefined) {
			throw new JwtGrantError(
				`Could not reach the DocuSign auth server ${settings.authServer}`,
				'Check the environment and "Auth Server URL" of the credential, and the network.',
			);
		}
		throw explainTokenError(oauthErrorCode(outcome.error), settings, status);
	}
	const { response } = outcome;
	if (!response?.access_token) {
		throw new JwtGrantError(`DocuSign's token endpoint at ${settings.authServer} returned no access token`);
	}
	return response.access_token;
}

const KNOWN_CODES = new Set(['consent_required', 'issuer_not_found', 'no_valid_keys_or_signatures', 'invalid_grant']);

/**
 * DocuSign names the reason in `error_description` when `error` is the generic `invalid_grant`
 * (`{"error":"invalid_grant","error_description":"no_valid_keys_or_signatures"}`).
 */
function oauthErrorCode(error: unknown): string {
	const data = (error as { response?: { data?: unknown } }).response?.data;
	const parsed = (typeof data === 'string' ? safeJson(data) : data) as
		| { error?: unknown; error_description?: unknown }
		| undefined;
	const code = typeof parsed?.error === 'string' ? parsed.error : '';
	const detail = typeof parsed?.error_description === 'string' ? parsed.error_description.trim() : '';
	return KNOWN_CODES.has(detail) ? detail : code;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
