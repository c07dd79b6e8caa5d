import { AUTH_SERVERS } from '../../../credentials/common/environment';

/** The DocuSign APIs besides eSignature that the node calls with the same credentials. */
export type PlatformApi = 'webForms' | 'maestro' | 'click';

interface ApiHost {
	/** For messages: "Web Forms". */
	name: string;
	/** Fixed hosts per environment; none when the API lives on the account's own `base_uri` server. */
	developer?: string;
	production?: string;
	/** Path from the host to the account, ending before the account ID. */
	accountPath: string;
}

/**
 * Hosts per environment, from DocuSign's docs: Web Forms "Endpoint base path" (apps-d / apps),
 * "Docusign API endpoint base paths" and the Maestro OpenAPI `servers` (api-d / api). Click lives on
 * the account's own server like eSignature ("Docusign API endpoint base paths": developer
 * demo.docusign.net, production `https://{server}.docusign.net`), so `{base_uri}/clickapi`: a
 * production account on na3 or eu1 is not served by one fixed host.
 */
export const API_HOSTS: Record<PlatformApi, ApiHost> = {
	webForms: {
		name: 'Web Forms',
		developer: 'https://apps-d.docusign.com',
		production: 'https://apps.docusign.com',
		accountPath: '/api/webforms/v1.1/accounts/',
	},
	maestro: {
		name: 'Maestro',
		developer: 'https://api-d.docusign.com',
		production: 'https://api.docusign.com',
		accountPath: '/v1/accounts/',
	},
	click: {
		name: 'Click',
		accountPath: '/clickapi/v1/accounts/',
	},
};

/**
 * The API's base URL for an account: Click on the account's `base_uri`; the others from the
 * credential's auth server: developer and production hosts as DocuSign documents them, a custom
 * auth server (the simulator, a proxy) serving the same paths itself.
 */
export function platformBaseUrl(
	api: PlatformApi,
	authServer: string,
	account: { accountId: string; baseUri: string },
): string {
	const host = API_HOSTS[api];
	const { accountId } = account;
	if (!host.developer || !host.production) return `${account.baseUri}${host.accountPath}${accountId}`;
	const origin =
		authServer === AUTH_SERVERS.production
			? host.production
			: authServer === AUTH_SERVERS.developer
				? host.developer
				: authServer;
	return `${origin}${host.accountPath}${accountId}`;
}
