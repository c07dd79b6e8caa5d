import type { INodeProperties } from 'n8n-workflow';

export type DocuSignEnvironment = 'developer' | 'production' | 'custom';

export const AUTH_SERVERS: Record<Exclude<DocuSignEnvironment, 'custom'>, string> = {
	developer: 'https://account-d.docusign.com',
	production: 'https://account.docusign.com',
};

/** The environment fields both credentials share. */
export const environmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{
				name: 'Developer (account-d.docusign.com)',
				value: 'developer',
				description: 'DocuSign developer (demo) accounts',
			},
			{
				name: 'Production (account.docusign.com)',
				value: 'production',
				description: 'Live accounts, after the integration key has passed go-live review',
			},
			{
				name: 'Custom Auth Server',
				value: 'custom',
				description: 'Another auth server base URL: a proxy, or the local DocuSign simulator',
			},
		],
		default: 'developer',
	},
	{
		displayName: 'Auth Server URL',
		name: 'customAuthServer',
		type: 'string',
		default: '',
		placeholder: 'http://127.0.0.1:8089',
		description: 'Base URL of the auth server; /oauth/auth, /oauth/token and /oauth/userinfo are appended',
		displayOptions: { show: { environment: ['custom'] } },
	},
];

/**
 * The expression n8n evaluates to get the auth server base URL from the environment fields.
 * Hidden credential fields see their own data as `$self`; a credential's `test` request sees it
 * as `$credentials` (n8n 2.41 resolves no `$self` there).
 */
function authServerExpressionOf(data: '$self' | '$credentials'): string {
	return (
		`(${data}["environment"] === "custom" ? String(${data}["customAuthServer"] || "").trim().replace(/\\/+$/, "") : ` +
		`${data}["environment"] === "production" ? "${AUTH_SERVERS.production}" : "${AUTH_SERVERS.developer}")`
	);
}

export const authServerExpression = authServerExpressionOf('$self');

/** For a credential's Test button. */
export const testAuthServerExpression = authServerExpressionOf('$credentials');

/** The auth server base URL (no trailing slash) for a credential's environment fields. */
export function authServerBaseUrl(credentials: {
	environment?: unknown;
	customAuthServer?: unknown;
}): string {
	const environment = (credentials.environment as DocuSignEnvironment | undefined) ?? 'developer';
	if (environment === 'custom') {
		const custom = String(credentials.customAuthServer ?? '').trim().replace(/\/+$/, '');
		if (!/^https?:\/\/[^/\s]+/i.test(custom)) {
			throw new Error(
				'The credential uses a custom auth server but its "Auth Server URL" is not an http(s) URL',
			);
		}
		return custom;
	}
	return AUTH_SERVERS[environment] ?? AUTH_SERVERS.developer;
}

/** DocuSign wants the JWT audience as the auth host without scheme, e.g. account-d.docusign.com. */
export function authServerAudience(baseUrl: string): string {
	return baseUrl.replace(/^https?:\/\//i, '').replace(/\/.*$/, '');
}
