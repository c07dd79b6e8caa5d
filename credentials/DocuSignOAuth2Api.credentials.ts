import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { authServerExpression, environmentProperties, testAuthServerExpression } from './common/environment';

export class DocuSignOAuth2Api implements ICredentialType {
	name = 'docuSignOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'DocuSign OAuth2 API';

	icon = {
		light: 'file:../nodes/DocuSign/docusign.svg',
		dark: 'file:../nodes/DocuSign/docusign.dark.svg',
	} as const;

	documentationUrl =
		'https://developers.docusign.com/platform/auth/authcode/authcode-get-token/';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		...environmentProperties,
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${authServerExpression} + "/oauth/auth" }}`,
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${authServerExpression} + "/oauth/token" }}`,
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'signature extended',
			description:
				'Space-separated scopes. "extended" keeps the refresh token renewing, so the connection does not expire after 30 days. Add what other resources need, then reconnect: Web Form "webforms_read webforms_instance_read webforms_instance_write", Maestro Workflow "aow_manage", Click "click.manage click.send".',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: 'prompt=login',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: 'Empty = the user\'s default account',
			description:
				'API account ID (GUID) to use. Leave empty for the default account of the user who connects.',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${testAuthServerExpression} }}`,
			url: '/oauth/userinfo',
		},
	};
}
