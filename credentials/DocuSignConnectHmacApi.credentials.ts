import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secrets that DocuSign Connect signs its messages with. No request can prove them, so the
 * DocuSign Trigger node tests this credential offline (its `testedBy`).
 */
export class DocuSignConnectHmacApi implements ICredentialType {
	name = 'docuSignConnectHmacApi';

	displayName = 'DocuSign Connect HMAC API';

	icon = {
		light: 'file:../nodes/DocuSign/docusign.svg',
		dark: 'file:../nodes/DocuSign/docusign.dark.svg',
	} as const;

	documentationUrl = 'https://developers.docusign.com/platform/webhooks/connect/hmac/';

	properties: INodeProperties[] = [
		{
			displayName:
				'Create keys in DocuSign Admin → Integrations → Connect → Connect Keys. DocuSign signs every message once with each active key, so one key is enough; add the new key below before you retire an old one.',
			name: 'keysNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'HMAC Key',
			name: 'hmacSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A Connect HMAC key of the account, as DocuSign shows it once when the key is created',
		},
		{
			displayName: 'More HMAC Keys',
			name: 'additionalHmacSecrets',
			type: 'string',
			typeOptions: { password: true, rows: 3 },
			default: '',
			description: 'Other keys of the account, one per line, e.g. the new key while rotating. DocuSign allows up to 100.',
		},
	];
}
