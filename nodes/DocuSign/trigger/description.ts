import type { INodeProperties } from 'n8n-workflow';

import { accountProperties } from '../actions/common.descriptions';
import { CONNECT_EVENTS } from './events';

const automatic = { show: { registration: ['automatic'] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description:
					'On activation, create an account-level Connect configuration for this URL; delete it on deactivation. Needs a DocuSign administrator and Connect on the plan.',
			},
			{
				name: 'Manual',
				value: 'manual',
				description: 'An administrator adds this URL in DocuSign Admin → Connect; n8n makes no DocuSign calls',
			},
		],
		default: 'automatic',
	},
	{
		displayName:
			'In DocuSign Admin → Integrations → Connect, add a Custom configuration: URL to Publish = this node\'s Production URL (under Webhook URLs above; use the Test URL while listening in the editor), Data Format = REST v2.1 JSON, Event Message Delivery Mode = Send Individual Messages (SIM), the same trigger events as selected below, and Include HMAC Signature when you verify signatures.',
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'OAuth2 (Authorization Code Grant)',
				value: 'oAuth2',
				description: 'An administrator\'s own DocuSign login',
			},
			{
				name: 'JWT Grant (Impersonation)',
				value: 'jwt',
				description: 'Acts as an administrator user after a one-time consent',
			},
		],
		default: 'oAuth2',
		// "hide", not "show": n8n's editor hides every parameter that a credential-selecting field
		// shows on, and Registration must stay visible.
		displayOptions: { hide: { registration: ['manual'] } },
	},
	// Connect configurations belong to one account: the one the trigger registers in.
	...accountProperties.map(
		(property): INodeProperties => ({
			...property,
			...(property.type === 'options'
				? { description: 'The DocuSign account whose events start the workflow: the Connect configuration is created in it' }
				: {}),
			displayOptions: { ...property.displayOptions, hide: { registration: ['manual'] } },
		}),
	),
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: CONNECT_EVENTS,
		default: ['envelope-completed'],
		description: 'The DocuSign events that start the workflow; others are acknowledged and ignored',
	},
	{
		displayName: 'Include Data',
		name: 'includeData',
		type: 'multiOptions',
		options: [
			{ name: 'Custom Fields', value: 'custom_fields' },
			{ name: 'Documents (Base64, Can Be Large)', value: 'documents' },
			{ name: 'Recipients', value: 'recipients' },
			{ name: 'Tabs', value: 'tabs' },
		],
		default: ['custom_fields', 'recipients'],
		description: 'What DocuSign adds to each message\'s envelope summary',
		displayOptions: automatic,
	},
	{
		displayName: 'Verify Signatures (HMAC)',
		name: 'verifySignature',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only deliveries signed with one of the account\'s Connect HMAC keys. Others get 401 and start nothing.',
	},
	{
		displayName:
			'Deliveries are not verified: anyone who learns this URL can start the workflow with made-up data. Turn on Verify Signatures and add the account\'s HMAC key (DocuSign Admin → Connect → Connect Keys).',
		name: 'unverifiedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifySignature: [false] } },
	},
];
