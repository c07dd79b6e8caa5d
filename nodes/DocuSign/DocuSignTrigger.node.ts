import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchAccounts } from './methods/listSearch/searchAccounts';
import { docuSignConnectHmacKeyTest } from './trigger/credentialTest';
import { triggerProperties } from './trigger/description';
import {
	connectConfigurationExists,
	createConnectConfiguration,
	deleteConnectConfiguration,
} from './trigger/registration';
import { handleConnectDelivery } from './trigger/webhook';

export class DocuSignTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocuSign Trigger',
		name: 'docuSignTrigger',
		icon: { light: 'file:docusign.svg', dark: 'file:docusign.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when DocuSign Connect reports envelope or recipient events',
		defaults: { name: 'DocuSign Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'docuSignOAuth2Api',
				required: true,
				displayName: 'DocuSign Login (OAuth2)',
				displayOptions: { show: { registration: ['automatic'], authentication: ['oAuth2'] } },
			},
			{
				name: 'docuSignJwtApi',
				required: true,
				displayName: 'DocuSign Login (JWT Grant)',
				displayOptions: { show: { registration: ['automatic'], authentication: ['jwt'] } },
			},
			{
				name: 'docuSignConnectHmacApi',
				required: true,
				displayName: 'Connect HMAC Key to Verify Deliveries',
				testedBy: 'docuSignConnectHmacKeyTest',
				displayOptions: { show: { verifySignature: [true] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = { listSearch: { searchAccounts }, credentialTest: { docuSignConnectHmacKeyTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await connectConfigurationExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createConnectConfiguration.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteConnectConfiguration.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleConnectDelivery.call(this);
	}
}
