/**
 * Scopes and hosts of the Web Forms, Maestro and Click resources: a credential that does not ask
 * for a resource's scope fails before any call with an error naming the scope and saying how to
 * reconnect / re-consent; DocuSign's 403 is explained the same way; hosts follow the environment.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { AUTH_SERVERS } from '../../credentials/common/environment';
import { assertScopes } from '../../nodes/DocuSign/transport/platformRequest';
import { platformBaseUrl } from '../../nodes/DocuSign/transport/apiHosts';
import { WEB_FORM_IDS } from '../simulator';
import { requestsTo, runWithScopes } from './platformKit';
import { sim, simulatorNode as node, useSimulator } from './simulatorKit';

useSimulator();

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const createInstance = node('Create', {
	resource: 'webForm',
	operation: 'createInstance',
	formId: byId(WEB_FORM_IDS.customerNda),
	delivery: 'embedded',
	clientUserId: 'crm-1',
});

describe('scopes of the other DocuSign APIs', () => {
	it('a JWT credential without the Web Forms scope: the error names it, and nothing is called at all', async () => {
		const result = await runWithScopes([createInstance], 'signature impersonation');
		expect(result.error?.message).toBe(
			'The DocuSign credential does not ask DocuSign for the scope "webforms_instance_write" that the Web Forms API needs',
		);
		const description = String((result.error as { description?: string }).description);
		expect(description).toMatch(/Add "webforms_instance_write" to the credential's Scopes field/);
		expect(description).toMatch(/give consent again/);
		expect(description).toMatch(/No call was made to DocuSign/);
		// Not even a token or userinfo call: 0 calls to the other APIs and to DocuSign in all.
		expect(sim.requestLog).toHaveLength(0);
		expect(requestsTo('/api/webforms/')).toHaveLength(0);
	});

	it('asks for exactly the scope the operation needs: read scope present, instance read missing', async () => {
		const result = await runWithScopes(
			[node('Get', { resource: 'webForm', operation: 'getInstance', formId: byId(WEB_FORM_IDS.customerNda), instanceId: '7c2d9e41-5b6a-4f83-9e1d-0a1b2c3d4e99' })],
			'signature impersonation webforms_read webforms_instance_write',
		);
		expect(result.error?.message).toContain('"webforms_instance_read"');
		expect(sim.requestLog).toHaveLength(0);
	});

	it('DocuSign refusing the token (403) names the scopes and says to reconnect', async () => {
		sim.faults.add({ kind: 'status', status: 403, match: { endpoint: 'POST webforms/instances' } });
		const result = await runWithScopes([createInstance]);
		expect(result.error?.message).toMatch(/Web Forms API refused the credential \(HTTP 403\).*"webforms_instance_write"/);
		expect(String((result.error as { description?: string }).description)).toMatch(/give consent again/);
		expect(requestsTo('/api/webforms/')).toHaveLength(1);
	});

	it('OAuth2: a token connected before the scope was added is caught from its granted scopes', async () => {
		const context = {
			getNodeParameter: () => 'oAuth2',
			getCredentials: async () => ({ scope: 'signature extended webforms_read', oauthTokenData: { scope: 'signature extended' } }),
			getNode: () => ({ name: 'DocuSign', type: 'n8n-nodes-docusign.docuSign', typeVersion: 1, parameters: {} }),
		} as unknown as IExecuteFunctions;
		await expect(assertScopes(context, 'webForms', ['webforms_read'])).rejects.toMatchObject({
			message: 'The DocuSign credential was connected without the scope "webforms_read" that the Web Forms API needs',
			description: expect.stringContaining('click "Connect my account" again'),
		});
	});

	it('hosts: developer and production from DocuSign\'s docs, a custom auth server serves the same paths; Click on the account\'s base_uri', () => {
		const account = { accountId: 'acc-1', baseUri: 'https://na3.docusign.net' };
		const demoAccount = { accountId: 'acc-1', baseUri: 'https://demo.docusign.net' };
		expect(platformBaseUrl('webForms', AUTH_SERVERS.developer, account)).toBe('https://apps-d.docusign.com/api/webforms/v1.1/accounts/acc-1');
		expect(platformBaseUrl('webForms', AUTH_SERVERS.production, account)).toBe('https://apps.docusign.com/api/webforms/v1.1/accounts/acc-1');
		expect(platformBaseUrl('maestro', AUTH_SERVERS.developer, account)).toBe('https://api-d.docusign.com/v1/accounts/acc-1');
		expect(platformBaseUrl('maestro', AUTH_SERVERS.production, account)).toBe('https://api.docusign.com/v1/accounts/acc-1');
		expect(platformBaseUrl('click', AUTH_SERVERS.developer, demoAccount)).toBe('https://demo.docusign.net/clickapi/v1/accounts/acc-1');
		expect(platformBaseUrl('click', AUTH_SERVERS.production, account)).toBe('https://na3.docusign.net/clickapi/v1/accounts/acc-1');
		expect(platformBaseUrl('click', AUTH_SERVERS.production, { ...account, baseUri: 'https://eu.docusign.net' })).toBe('https://eu.docusign.net/clickapi/v1/accounts/acc-1');
		expect(platformBaseUrl('maestro', 'http://127.0.0.1:8089', account)).toBe('http://127.0.0.1:8089/v1/accounts/acc-1');
	});
});
