/**
 * Runs the DocuSign Trigger the way n8n's server does, with n8n-core's real contexts:
 * - `hookContext()`: a `HookContext`, as `WebhookService.runWebhookMethod` builds it for
 *   checkExists / create / delete on activation ('webhook' mode) or test listening ('manual').
 * - `startWebhookServer()`: a loopback HTTP server that treats each request like n8n 2.41's live
 *   webhook path: the `rawBodyReader` middleware (`req.readRawBody`), `parseBody` (rawBody +
 *   parsed JSON), a `WebhookContext` around the real request and response, n8n's default answer
 *   when the node leaves the response to n8n, and static data loaded from and saved to a store
 *   only when n8n would (`__dataChanged`).
 */
import { createAdditionalData, createNodeTypes, CredentialStore, EngineCredentialsHelper } from '../engine/harness';

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ExecutionLifecycleHooks, HookContext, WebhookContext } from 'n8n-core';
import { deepCopy, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { DocuSignConnectHmacApi } from '../../credentials/DocuSignConnectHmacApi.credentials';
import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSignTrigger } from '../../nodes/DocuSign/DocuSignTrigger.node';

export const TRIGGER_TYPE = 'n8n-nodes-docusign.docuSignTrigger';
export const WORKFLOW_ID = 'wf-connect-1';
export const WORKFLOW_NAME = 'Contracts signed';

const trigger = new DocuSignTrigger();

export interface TriggerSetup {
	parameters: INodeParameters;
	/** Credentials by type, stored under the id `<type>-id`. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Base of the production webhook URLs (n8n's WEBHOOK_URL + /webhook). */
	webhookBaseUrl?: string;
	webhookId?: string;
}

export function triggerNode(setup: TriggerSetup): INode {
	const credentials = Object.fromEntries(
		Object.keys(setup.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: type }]),
	);
	return {
		id: 'trigger-node',
		name: 'DocuSign Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: setup.webhookId ?? '5b0c7a53-93a1-4f0e-9f3c-1f2a6f5d0001',
		parameters: deepCopy(setup.parameters),
		credentials,
	};
}

async function credentialsHelper(setup: TriggerSetup): Promise<EngineCredentialsHelper> {
	const store = new CredentialStore();
	for (const [type, data] of Object.entries(setup.credentials ?? {})) {
		await store.put(`${type}-id`, { type, name: type, data });
	}
	return new EngineCredentialsHelper([new DocuSignOAuth2Api(), new DocuSignJwtApi(), new DocuSignConnectHmacApi()], store);
}

function workflowOf(node: INode, staticData: IDataObject): Workflow {
	return new Workflow({
		id: WORKFLOW_ID,
		name: WORKFLOW_NAME,
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: createNodeTypes({ [TRIGGER_TYPE]: trigger }),
		staticData,
		settings: { executionOrder: 'v1' },
	});
}

async function additionalDataFor(setup: TriggerSetup, mode: WorkflowExecuteMode): Promise<IWorkflowExecuteAdditionalData> {
	const workflowData = { id: WORKFLOW_ID, name: WORKFLOW_NAME, nodes: [], connections: {} } as unknown as IWorkflowBase;
	const additionalData = createAdditionalData(
		await credentialsHelper(setup),
		new ExecutionLifecycleHooks(mode, 'hook', workflowData),
		'hook',
		WORKFLOW_ID,
	);
	if (setup.webhookBaseUrl) {
		additionalData.webhookBaseUrl = setup.webhookBaseUrl;
		additionalData.webhookTestBaseUrl = setup.webhookBaseUrl.replace(/\/webhook$/, '/webhook-test');
	}
	return additionalData;
}

function webhookData(workflow: Workflow, node: INode, additionalData: IWorkflowExecuteAdditionalData, isTest: boolean): IWebhookData {
	return {
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: trigger.description.webhooks![0],
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
		isTest,
	};
}

export interface HookRunner {
	/** The workflow's static data after the calls so far (the trigger node's entry). */
	nodeStaticData(): IDataObject;
	checkExists(): Promise<boolean>;
	create(): Promise<boolean>;
	delete(): Promise<boolean>;
	/** The URL n8n hands the node for this mode. */
	webhookUrl(): string;
}

/**
 * checkExists / create / delete in n8n-core's HookContext. `mode` 'webhook' with activation
 * 'activate' is a production activation; 'manual' is "listen for test event" (test URL).
 */
export async function hookRunner(
	setup: TriggerSetup,
	mode: 'webhook' | 'manual' = 'webhook',
	staticData: IDataObject = {},
): Promise<HookRunner> {
	const node = triggerNode(setup);
	const workflow = workflowOf(node, staticData);
	const additionalData = await additionalDataFor(setup, mode);
	const activation: WorkflowActivateMode = mode === 'manual' ? 'manual' : 'activate';
	const data = webhookData(workflow, workflow.getNode(node.name)!, additionalData, mode === 'manual');
	const context = () => new HookContext(workflow, workflow.getNode(node.name)!, additionalData, mode, activation, data);
	const methods = trigger.webhookMethods.default;
	return {
		nodeStaticData: () => workflow.getStaticData('node', workflow.getNode(node.name)!),
		checkExists: async () => await methods.checkExists.call(context()),
		create: async () => await methods.create.call(context()),
		delete: async () => await methods.delete.call(context()),
		webhookUrl: () => context().getNodeWebhookUrl('default')!,
	};
}

// ---------------------------------------------------------------------------------------------
// Webhook deliveries
// ---------------------------------------------------------------------------------------------

export interface Delivery {
	status: number;
	headers: IncomingMessage['headers'];
	/** What the node returned (undefined when it threw). */
	result?: IWebhookResponseData;
	error?: Error;
}

export interface WebhookServer {
	/** Base for `webhookBaseUrl`: http://127.0.0.1:PORT/webhook */
	baseUrl: string;
	deliveries: Delivery[];
	/** Items of every execution the deliveries started, in order. */
	executions: INodeExecutionData[][];
	/** The saved workflow static data (what n8n keeps in its database). */
	savedStaticData: IDataObject;
	/** Node parameters/credentials for the next deliveries. */
	setup: TriggerSetup;
	/** false: leave the body unread like a route without parseBody; the node must read it itself. */
	parseBody: boolean;
	mode: 'webhook' | 'manual';
	/**
	 * true (as n8n 2.41 does): when a delivery starts an execution, WorkflowRunner's
	 * establishContextForPersistence wraps the same static data in a new Workflow, which resets
	 * its `__dataChanged` flag before live-webhooks saves, so webhook()'s change is never saved.
	 */
	dropsStaticDataOfStartedRuns: boolean;
	close(): Promise<void>;
}

async function readStream(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startWebhookServer(setup: TriggerSetup): Promise<WebhookServer> {
	const state: Omit<WebhookServer, 'baseUrl' | 'close'> = {
		deliveries: [],
		executions: [],
		savedStaticData: {},
		setup,
		parseBody: true,
		mode: 'webhook',
		dropsStaticDataOfStartedRuns: true,
	};
	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		// n8n's rawBodyReader middleware, then parseBody for JSON (webhook-helpers parseRequestBody).
		request.readRawBody = async () => {
			if (!request.rawBody) request.rawBody = await readStream(request);
		};
		const parse = state.parseBody;
		if (parse) {
			await request.readRawBody();
			if (request.headers['content-type']?.startsWith('application/json') && request.rawBody.length) {
				(request as IncomingMessage & { body?: unknown }).body = JSON.parse(request.rawBody.toString('utf8'));
			}
		}
		const node = triggerNode(state.setup);
		const workflow = workflowOf(node, deepCopy(state.savedStaticData));
		const additionalData = await additionalDataFor(state.setup, state.mode);
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = response as never;
		const context = new WebhookContext(
			workflow,
			workflow.getNode(node.name)!,
			additionalData,
			state.mode,
			webhookData(workflow, node, additionalData, state.mode === 'manual'),
			[],
			null,
		);
		const delivery: Delivery = { status: 0, headers: request.headers };
		try {
			delivery.result = await trigger.webhook.call(context);
		} catch (error) {
			delivery.error = error as Error;
		}
		if (delivery.result?.workflowData && state.dropsStaticDataOfStartedRuns) {
			workflowOf(node, workflow.staticData);
		}
		// live-webhooks: the static data is saved when its flag says the node changed it.
		if ((workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged) {
			state.savedStaticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		}
		if (delivery.error) {
			response.writeHead(500).end(JSON.stringify({ message: 'Workflow Webhook Error: Workflow could not be started!' }));
		} else if (delivery.result?.noWebhookResponse !== true) {
			const started = delivery.result?.workflowData !== undefined;
			if (started) state.executions.push(delivery.result!.workflowData![0]);
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ message: started ? 'Workflow was started' : 'Webhook call received' }));
		}
		delivery.status = response.statusCode;
		state.deliveries.push(delivery);
	};
	const server: Server = createServer((request, response) => {
		handle(request, response).catch((error: Error) => {
			response.writeHead(500).end(error.message);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return Object.assign(state, {
		baseUrl: `http://127.0.0.1:${port}/webhook`,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	});
}
