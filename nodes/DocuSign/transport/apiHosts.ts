import { AUTH_SERVERS } from '../../../credentials/common/environment';

/** The DocuSign APIs besides eSignature that the node calls with the same credentials. */
export type PlatformApi = 'webForms' | 'maestro' | 'click';

interface ApiHost {
	/** For messages: "Web Forms". */
	name: string;
	developer: string;
	production: string;
	/** Path from the host to the account, ending before the account ID. */
	accountPath: string;
}

/**
 * Hosts per environment, from DocuSign's docs: Web Forms "Endpoint base path" (apps-d / apps),
 * "Docusign API endpoint base paths" and the Maestro OpenAPI `servers` (api-d / api), the Click API
 * reference's servers (demo.docusign.net / www.docusign.net, `/clickapi`). Unlike eSignature, none
 * of them lives on the account's base_uri.
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
		developer: 'https://demo.docusign.net',
		production: 'https://www.docusign.net',
		accountPath: '/clickapi/v1/accounts/',
	},
};

/**
 * The API's base URL for an account, from the credential's auth server: developer and production
 * hosts as DocuSign documents them; a custom auth server (the simulator, a proxy) serves the same
 * paths itself.
 */
export function platformBaseUrl(api: PlatformApi, authServer: string, accountId: string): string {
	const host = API_HOSTS[api];
	const origin =
		authServer === AUTH_SERVERS.production
			? host.production
			: authServer === AUTH_SERVERS.developer
				? host.developer
				: authServer;
	return `${origin}${host.accountPath}${accountId}`;
}
