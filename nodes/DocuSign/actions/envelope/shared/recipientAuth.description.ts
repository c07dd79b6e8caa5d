import type { INodeProperties } from 'n8n-workflow';

export type AuthenticationMethod = 'none' | 'accessCode' | 'phone' | 'idVerification';

const phoneOrId = { authentication: ['phone', 'idVerification'] };

/**
 * How a recipient proves who they are before DocuSign shows the documents. Phone and ID
 * verification go through one of the account's identity-verification workflows
 * (GET /identity_verification), as DocuSign's "require phone authentication" how-to does.
 */
export function authenticationFields(methods: AuthenticationMethod[]): INodeProperties[] {
	const choices = [
		{ name: 'None', value: 'none', description: 'The link in the e-mail is enough' },
		{
			name: 'Access Code',
			value: 'accessCode',
			description: 'The recipient types a code you give them another way (phone, your app)',
		},
		{
			name: 'Phone (Call or SMS)',
			value: 'phone',
			description: "A code sent by text message or voice call to the number given, through the account's Phone Authentication workflow",
		},
		{
			name: 'ID Verification',
			value: 'idVerification',
			description: "A government ID or eID check through one of the account's ID verification workflows (a paid DocuSign add-on)",
		},
	].filter((choice) => methods.includes(choice.value as AuthenticationMethod));
	const fields: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: choices,
			default: 'none',
			description: 'How the recipient proves who they are before seeing the documents',
		},
		{
			displayName: 'Access Code',
			name: 'accessCode',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['accessCode'] } },
			hint: "DocuSign asks for this code before showing the documents and never e-mails it: tell the recipient yourself. Max 50 characters; the account's access code format setting may ask for more.",
		},
	];
	if (methods.includes('phone')) {
		fields.push(
			{
				displayName: 'Phone Country Code',
				name: 'phoneCountryCode',
				type: 'string',
				default: '1',
				placeholder: '44',
				displayOptions: { show: { authentication: ['phone'] } },
				description: 'The calling code without "+": 1 for the US and Canada, 44 for the UK, 49 for Germany',
			},
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: '415 555 0100',
				displayOptions: { show: { authentication: ['phone'] } },
				description: 'The number DocuSign calls or texts, without the country code. Spaces, dashes and brackets are ignored.',
			},
		);
	}
	if (methods.includes('phone') || methods.includes('idVerification')) {
		fields.push({
			displayName: 'Verification Workflow Name or ID',
			name: 'identityWorkflowId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getIdentityVerificationWorkflows' },
			default: '',
			displayOptions: { show: phoneOrId },
			description:
				'The identity-verification workflow of the account: "Phone Authentication" for phone, an ID verification workflow for ID checks. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		});
	}
	return fields;
}
