import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { describeRecipient, listRecipients, type EnvelopeRecipient } from './envelopeData';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';
import { readReturnUrl, returnUrlProperty } from './views';

const AUTHENTICATION_METHODS = [
	['None', 'none', 'Your app did not authenticate the signer beyond knowing them'],
	['Biometric', 'Biometric', ''],
	['Email', 'Email', 'The signer proved access to their e-mail address'],
	['HTTP Basic Auth', 'HTTPBasicAuth', ''],
	['Kerberos', 'Kerberos', ''],
	['Knowledge-Based', 'KnowledgeBasedAuth', ''],
	['Paper Documents', 'PaperDocuments', ''],
	['Password', 'Password', 'The signer logged in to your app with a password'],
	['RSA SecurID', 'RSASecureID', ''],
	['Single Sign-On (Other)', 'SingleSignOn_Other', ''],
	['Single Sign-On (SAML)', 'SingleSignOn_SAML', ''],
	['Smart Card', 'Smartcard', ''],
	['SSL Mutual Auth', 'SSLMutualAuth', ''],
	['X.509 Certificate', 'X509Certificate', ''],
].map(([name, value, description]) => ({ name, value, ...(description ? { description } : {}) }));

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The sent envelope to sign. Only recipients created with a Client User ID (embedded recipients) can sign through a link from here; the others sign from DocuSign\'s e-mail.',
	},
	{
		...returnUrlProperty,
		placeholder: 'e.g. https://example.com/contract/signed',
		description:
			'Where DocuSign sends the signer when they are done, with ?event=signing_complete, cancel, decline, ttl_expired or session_timeout added. Up to 470 characters.',
		hint: 'The signing link works once and expires after about 5 minutes: create it right before you show it to the signer.',
	},
	{
		displayName: 'Identify Signer By',
		name: 'signerBy',
		type: 'options',
		default: 'identity',
		options: [
			{
				name: 'Name, Email and Client User ID',
				value: 'identity',
				description: 'As given when the envelope was created; checked against the envelope\'s recipients',
			},
			{
				name: 'Recipient From the Envelope',
				value: 'recipient',
				description: 'Pick the embedded recipient, or give their recipient ID',
			},
		],
	},
	{
		displayName: 'Signer Name',
		name: 'userName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Ada Lovelace',
		description: 'The signer\'s full name, exactly as on the envelope (case does not matter)',
		displayOptions: { show: { signerBy: ['identity'] } },
	},
	{
		displayName: 'Signer Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. name@email.com',
		description: 'The signer\'s e-mail address, as on the envelope',
		displayOptions: { show: { signerBy: ['identity'] } },
	},
	{
		displayName: 'Client User ID',
		name: 'clientUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. customer-1042',
		description:
			'The Client User ID the signer was given when the envelope was created: your app\'s own ID for this person. It makes them an embedded signer.',
		displayOptions: { show: { signerBy: ['identity'] } },
	},
	{
		displayName: 'Recipient Name or ID',
		name: 'recipientId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEmbeddedSigners', loadOptionsDependsOn: ['envelopeId.value'] },
		default: '',
		required: true,
		description:
			'The embedded recipient who signs now. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { signerBy: ['recipient'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Authentication Method',
				name: 'authenticationMethod',
				type: 'options',
				default: 'none',
				description:
					'How your app verified who the signer is before showing the link. DocuSign records it in the certificate of completion.',
				options: AUTHENTICATION_METHODS,
			},
			{
				displayName: 'Frame Ancestors',
				name: 'frameAncestors',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://app.example.com, https://apps-d.docusign.com',
				description:
					'Comma-separated origins allowed to show the signing page in an iframe (DocuSign focused view). Include your site and the DocuSign app host.',
			},
			{
				displayName: 'Message Origins',
				name: 'messageOrigins',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://apps-d.docusign.com',
				description: 'Comma-separated origins allowed to post messages to your page (DocuSign focused view)',
			},
			{
				displayName: 'Ping Frequency (Seconds)',
				name: 'pingFrequency',
				type: 'number',
				typeOptions: { minValue: 60, maxValue: 1200 },
				default: 300,
				description: 'How often DocuSign calls the Ping URL while the signer is active',
			},
			{
				displayName: 'Ping URL',
				name: 'pingUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/keep-alive',
				description: 'A URL of your app that DocuSign calls while the signer is active, to keep your session alive',
			},
		],
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['createSigningUrl'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** For an in-person signer, the recipient view is opened by the host. */
function viewIdentity(recipient: EnvelopeRecipient): { userName: string; email: string } {
	if (recipient.group === 'inPersonSigners') {
		return { userName: String(recipient.data.hostName ?? ''), email: String(recipient.data.hostEmail ?? '') };
	}
	return { userName: recipient.name, email: recipient.email };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function embeddedList(recipients: EnvelopeRecipient[]): string {
	const embedded = recipients.filter((recipient) => recipient.clientUserId !== undefined);
	return embedded.length
		? `The embedded recipients of this envelope are: ${embedded.map(describeRecipient).join('; ')}.`
		: 'This envelope has no embedded recipients: all of them sign from DocuSign\'s e-mail. Give a signer a Client User ID when you create the envelope to sign it from n8n.';
}

type SignerSpec =
	| { by: 'recipient'; recipientId: string }
	| { by: 'identity'; userName: string; email: string; clientUserId: string };

/** Who signs, as entered; checked for completeness before any DocuSign call. */
function readSigner(this: IExecuteFunctions, itemIndex: number): SignerSpec {
	const read = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const fail = (message: string) =>
		new NodeOperationError(this.getNode(), message, {
			itemIndex,
			description:
				'An embedded signer is identified by the name, e-mail and Client User ID they were given when the envelope was created, or by their recipient ID.',
		});
	if ((this.getNodeParameter('signerBy', itemIndex, 'identity') as string) === 'recipient') {
		const recipientId = read('recipientId');
		if (!recipientId) throw fail('Recipient: no recipient chosen');
		return { by: 'recipient', recipientId };
	}
	const signer = { by: 'identity' as const, userName: read('userName'), email: read('email'), clientUserId: read('clientUserId') };
	const missing = [
		!signer.userName && 'Signer Name',
		!signer.email && 'Signer Email',
		!signer.clientUserId && 'Client User ID',
	].filter(Boolean);
	if (missing.length) throw fail(`${missing.join(', ')}: required to identify the signer`);
	return signer;
}

/** The envelope's recipient that the signer spec names, or an error that lists who can sign. */
function matchSigner(
	this: IExecuteFunctions,
	spec: SignerSpec,
	recipients: EnvelopeRecipient[],
	envelopeId: string,
	itemIndex: number,
): EnvelopeRecipient {
	const fail = (message: string, description: string) =>
		new NodeOperationError(this.getNode(), message, { itemIndex, description });
	const notEmbedded = (recipient: EnvelopeRecipient, field: string) =>
		fail(
			`${field}: ${describeRecipient(recipient)} is not an embedded recipient (no Client User ID)`,
			`DocuSign e-mails this recipient; a signing link can only be made for a recipient created with a Client User ID. ${embeddedList(recipients)}`,
		);

	if (spec.by === 'recipient') {
		const recipient = recipients.find((candidate) => candidate.recipientId === spec.recipientId);
		if (!recipient) {
			throw fail(`Recipient: envelope ${envelopeId} has no recipient with ID "${spec.recipientId}"`, embeddedList(recipients));
		}
		if (recipient.clientUserId === undefined) throw notEmbedded(recipient, 'Recipient');
		return recipient;
	}

	const { userName, email, clientUserId } = spec;
	const match = recipients.find((candidate) => {
		const identity = viewIdentity(candidate);
		return candidate.clientUserId === clientUserId && same(identity.userName, userName) && same(identity.email, email);
	});
	if (match) return match;

	const sameId = recipients.filter((candidate) => candidate.clientUserId === clientUserId);
	const samePerson = recipients.filter((candidate) => same(viewIdentity(candidate).email, email));
	const who = `${userName} <${email}> with Client User ID "${clientUserId}"`;
	if (sameId.length) {
		throw fail(
			`Signer: envelope ${envelopeId} has no ${who}; that Client User ID belongs to ${sameId.map(describeRecipient).join('; ')}`,
			'Name, e-mail and Client User ID must all be as they were when the envelope was created. ' + embeddedList(recipients),
		);
	}
	if (samePerson.length && samePerson.every((candidate) => candidate.clientUserId === undefined)) {
		throw notEmbedded(samePerson[0], 'Signer');
	}
	throw fail(`Signer: envelope ${envelopeId} has no embedded recipient ${who}`, embeddedList(recipients));
}

const commaList = (value: unknown): string[] =>
	String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const returnUrl = readReturnUrl.call(this, itemIndex);
	const spec = readSigner.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const recipients = listRecipients(
		await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/recipients`, {
			itemIndex,
			action: 'read the recipients of the envelope',
		}),
	);
	const signer = matchSigner.call(this, spec, recipients, envelopeId, itemIndex);
	const identity = viewIdentity(signer);

	const body: IDataObject = {
		returnUrl,
		authenticationMethod: String(options.authenticationMethod || 'none'),
		userName: identity.userName,
		email: identity.email,
		clientUserId: signer.clientUserId,
		recipientId: signer.recipientId,
	};
	if (commaList(options.frameAncestors).length) body.frameAncestors = commaList(options.frameAncestors);
	if (commaList(options.messageOrigins).length) body.messageOrigins = commaList(options.messageOrigins);
	if (String(options.pingUrl ?? '').trim()) {
		body.pingUrl = String(options.pingUrl).trim();
		body.pingFrequency = String(options.pingFrequency ?? 300);
	}

	const view = (await apiRequest.call(this, 'POST', `/envelopes/${envelopeId}/views/recipient`, {
		body,
		itemIndex,
		action: 'create the signing URL',
	})) as IDataObject;
	return [
		{
			json: {
				envelopeId,
				recipientId: signer.recipientId,
				userName: identity.userName,
				email: identity.email,
				clientUserId: signer.clientUserId,
				url: view.url,
				returnUrl,
			},
		},
	];
}
