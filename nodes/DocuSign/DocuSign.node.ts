import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as bulkSend from './actions/bulkSend/BulkSend.resource';
import * as click from './actions/click/Click.resource';
import * as connect from './actions/connect/Connect.resource';
import * as envelope from './actions/envelope/Envelope.resource';
import * as maestroWorkflow from './actions/maestro/MaestroWorkflow.resource';
import * as template from './actions/template/Template.resource';
import { accountProperties } from './actions/common.descriptions';
import * as webForm from './actions/webForm/WebForm.resource';
import { router } from './actions/router';
import { listSearch, loadOptions, resourceMapping } from './methods';
import { docuSignConnectHmacKeyTest } from './trigger/credentialTest';
import { DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS, DEFAULT_PARALLEL_REQUESTS, DEFAULT_REQUEST_TIMEOUT_SECONDS, MAX_PARALLEL_REQUESTS } from './transport';

/**
 * Shows the HMAC credential for Envelope → Send and Wait only. Written with "hide": n8n's editor
 * treats every field a credential "show"s on as an authentication field and hides the fields those
 * depend on (Resource), so a "show" on resource/operation would hide the Resource dropdown.
 */
const onlyForSendAndWait = {
	hide: {
		resource: ['account', 'bulkSend', 'template', 'connect', 'webForm', 'maestroWorkflow', 'click'],
		operation: envelope.operationValues.filter((value) => value !== SEND_AND_WAIT_OPERATION),
	},
};

export class DocuSign implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocuSign',
		name: 'docuSign',
		icon: { light: 'file:docusign.svg', dark: 'file:docusign.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send envelopes for signature with DocuSign eSignature, and use its Web Forms, Maestro workflows and Click',
		defaults: { name: 'DocuSign' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'docuSignOAuth2Api',
				required: true,
				displayName: 'DocuSign Login (OAuth2)',
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'docuSignJwtApi',
				required: true,
				displayName: 'DocuSign Login (JWT Grant)',
				displayOptions: { show: { authentication: ['jwt'] } },
			},
			{
				name: 'docuSignConnectHmacApi',
				required: false,
				displayName: 'Connect HMAC Key to Verify Resume Calls (Optional)',
				testedBy: 'docuSignConnectHmacKeyTest',
				displayOptions: onlyForSendAndWait,
			},
		],
		webhooks: envelope.sendAndWait.webhooks,
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'OAuth2 (Authorization Code Grant)',
						value: 'oAuth2',
						description: 'Each customer connects their own DocuSign login; n8n refreshes the tokens',
					},
					{
						name: 'JWT Grant (Impersonation)',
						value: 'jwt',
						description: 'Back-end flows acting as one user after a one-time consent',
					},
				],
				default: 'oAuth2',
			},
			...accountProperties,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Bulk Send', value: 'bulkSend' },
					{ name: 'Click (Clickwrap)', value: 'click' },
					{ name: 'Connect', value: 'connect' },
					{ name: 'Envelope', value: 'envelope' },
					{ name: 'Maestro Workflow', value: 'maestroWorkflow' },
					{ name: 'Template', value: 'template' },
					{ name: 'Web Form', value: 'webForm' },
				],
				default: 'envelope',
			},
			...account.description,
			...envelope.description,
			...template.description,
			...bulkSend.description,
			...connect.description,
			...webForm.description,
			...maestroWorkflow.description,
			...click.description,
			{
				displayName: 'Rate Limits and Retries',
				name: 'requestOptions',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Max Wait for Rate Limits (Seconds)',
						name: 'maxRateLimitWait',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
						description:
							'When DocuSign\'s burst limit (per 30 s) or hourly limit (3,000 calls per account) is reached, wait and retry for at most this long in all; 0 fails at once. Refused calls are never processed, so retrying them cannot duplicate anything.',
					},
					{
						displayName: 'Request Timeout (Seconds)',
						name: 'timeout',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_REQUEST_TIMEOUT_SECONDS,
						description:
							'How long to wait for DocuSign to answer one call. Without this option: 60 s, and 5 minutes for document uploads and downloads. A create that timed out is looked up by its idempotency marker before it is sent again.',
					},
					{
						displayName: 'Requests in Parallel',
						name: 'parallelRequests',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
						default: DEFAULT_PARALLEL_REQUESTS,
						description:
							'How many items are sent to DocuSign at once, e.g. 4 for large batches; output stays in item order. When DocuSign\'s burst limit (per 30 s) runs low, calls are spaced out automatically. With more than 1, an error without "Continue On Fail" still lets the items already under way finish.',
					},
				],
			},
		],
	};

	methods = { listSearch, loadOptions, resourceMapping, credentialTest: { docuSignConnectHmacKeyTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await envelope.sendAndWait.webhook.call(this);
	}
}
