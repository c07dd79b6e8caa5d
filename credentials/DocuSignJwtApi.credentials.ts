import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { environmentProperties, testAuthServerExpression } from './common/environment';
import { DEFAULT_JWT_SCOPES, mintJwtAccessToken } from './common/jwtGrant';

export class DocuSignJwtApi implements ICredentialType {
	name = 'docuSignJwtApi';

	displayName = 'DocuSign JWT Grant API';

	icon = {
		light: 'file:../nodes/DocuSign/docusign.svg',
		dark: 'file:../nodes/DocuSign/docusign.dark.svg',
	} as const;

	documentationUrl =
		'https://developers.docusign.com/platform/auth/jwt/jwt-get-token/';

	properties: INodeProperties[] = [
		...environmentProperties,
		{
			displayName: 'Integration Key',
			name: 'integrationKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
			description: 'The app\'s integration key (client ID), from DocuSign Admin → Apps and Keys',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
			description:
				'GUID of the DocuSign user to act as ("User ID" in Apps and Keys, or the user\'s "API Username"). Not the e-mail address.',
		},
		{
			displayName: 'RSA Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			default: '',
			required: true,
			placeholder: '-----BEGIN RSA PRIVATE KEY-----',
			description:
				'The private key of an RSA key pair generated for the integration key. PKCS#1 or PKCS#8; line breaks may be real, literal \\n, or spaces.',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: 'Empty = the user\'s default account',
			description:
				'API account ID (GUID) to use. Leave empty for the user\'s default account. A user with several accounts can have one credential per account.',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_JWT_SCOPES,
			description:
				'Space-separated OAuth scopes; "signature impersonation" is what the eSignature API needs. Add what other resources need, then consent again: Web Form "webforms_read webforms_instance_read webforms_instance_write", Maestro Workflow "aow_manage", Click "click.manage click.send".',
		},
		{
			displayName: 'Redirect URI',
			name: 'redirectUri',
			type: 'string',
			default: '',
			placeholder: 'https://your-app.example.com/callback',
			description:
				'One of the redirect URIs registered for the integration key (Apps and Keys → the key → Redirect URIs). Needed for the one-time consent link the node shows when the user has not consented yet; DocuSign refuses any other address.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// Called by n8n only when "accessToken" (the expirable property) is empty, or after a 401.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { accessToken: await mintJwtAccessToken.call(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${testAuthServerExpression} }}`,
			url: '/oauth/userinfo',
		},
	};
}
