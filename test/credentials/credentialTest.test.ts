/**
 * The Test button: n8n 2.41 evaluates a credential's test request with the credential's data as
 * `$credentials` (not `$self`), so the auth server must come from there for every environment.
 */
import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';

function evaluateTestBaseUrl(expression: string, credentials: Record<string, string>): string {
	const body = /^=\{\{(.*)\}\}$/s.exec(expression)?.[1];
	if (!body) throw new Error(`not an n8n expression: ${expression}`);
	expect(body).not.toContain('$self');
	return new Function('$credentials', `return (${body});`)(credentials) as string;
}

describe.each([
	['JWT', new DocuSignJwtApi()],
	['OAuth2', new DocuSignOAuth2Api()],
])('%s credential Test button', (_name, credential) => {
	const baseUrl = String(credential.test.request.baseURL);

	it.each([
		[{ environment: 'developer' }, 'https://account-d.docusign.com'],
		[{ environment: 'production' }, 'https://account.docusign.com'],
		[{ environment: 'custom', customAuthServer: ' http://127.0.0.1:8089/ ' }, 'http://127.0.0.1:8089'],
	])('calls /oauth/userinfo on the auth server of %j', (data, expected) => {
		expect(evaluateTestBaseUrl(baseUrl, data)).toBe(expected);
		expect(credential.test.request.url).toBe('/oauth/userinfo');
	});
});
