/**
 * Executions that wait, in n8n-core's real engine, resumed the two ways n8n 2.41.1's server does it:
 *
 * - A call to the waiting webhook. `startWaitingHost()` is a loopback HTTP server that plays the
 *   server's `WaitingWebhooks` (packages/cli/src/webhooks/waiting-webhooks.ts) on
 *   `/webhook-waiting/{executionId}/{suffix}`: the resume check (the URL signature of a node whose
 *   operation is "sendAndWait" when the suffix is its id, else the execution's resume token),
 *   409 while running, "no action required" (200) for a finished send-and-wait, the waiting node
 *   disabled and its waiting run dropped, the restart webhook matched by method and path, n8n's
 *   raw-body reading and JSON parsing, n8n-core's real `WebhookContext` around the real request
 *   and response, n8n's answer when the node leaves it to n8n, and the resumed run with the
 *   webhook's items as the node's input (webhook-helpers `prepareExecutionData`).
 * - The wait limit passing: what `WaitTracker.startExecution` does, i.e. processRunExecutionData on
 *   the saved data with its waitTill still set.
 *
 * Between runs an execution is kept as JSON, as n8n's database keeps it.
 */
import './setup-env';

import {
	createAdditionalData,
	createNodeTypes,
	CredentialStore,
	EngineCredentialsHelper,
	START_NODE_TYPE,
	type StoredCredentialInput,
} from './harness';

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
	ExecutionLifecycleHooks,
	InstanceSettings,
	validateUrlSignature,
	WAITING_TOKEN_QUERY_PARAM,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import { deepCopy, SEND_AND_WAIT_OPERATION, UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunExecutionData,
	ITaskData,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as {
	Container: { get<T>(type: new (...args: never[]) => T): T };
};

export type ExecutionStatus = 'new' | 'running' | 'waiting' | 'success' | 'error';

/** One call of a waiting-webhook URL and how it was answered. */
export interface ResumeCall {
	executionId: string;
	status: number;
	/** The answer's body as text. */
	body: string;
	/** What the node's webhook() returned (undefined when n8n answered before it, or it threw). */
	result?: IWebhookResponseData;
	error?: Error;
	/** The call resumed the execution. */
	resumed: boolean;
}

function startNodeType(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Manual Trigger (waiting harness)',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Starts the workflow with the given items',
			defaults: { name: 'Start' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
			return { manualTriggerFunction: async () => this.emit([deepCopy(items)]) };
		},
	};
}

export class WaitingExecution {
	status: ExecutionStatus = 'new';

	/** Every run of this execution: the first one, then each resume. */
	readonly runs: IRun[] = [];

	/** The "database row": IRunExecutionData as JSON. */
	private saved = '';

	private pending: Promise<void> = Promise.resolve();

	constructor(
		readonly id: string,
		readonly workflowData: IWorkflowBase,
		readonly mode: WorkflowExecuteMode,
		private readonly nodeTypes: Record<string, INodeType | IVersionedNodeType>,
		private readonly credentialsHelper: EngineCredentialsHelper,
		private readonly waitingBaseUrl: string,
	) {}

	/** A fresh copy of the saved execution data. */
	get data(): IRunExecutionData {
		return JSON.parse(this.saved) as IRunExecutionData;
	}

	get waitTill(): Date | undefined {
		const waitTill = this.data.waitTill;
		return waitTill ? new Date(waitTill) : undefined;
	}

	get error(): IRunExecutionData['resultData']['error'] {
		return this.data.resultData.error;
	}

	/** The items of a node's latest run (first output by default). */
	outputOf(nodeName: string, outputIndex = 0): INodeExecutionData[] {
		const runs = this.data.resultData.runData[nodeName] ?? [];
		return runs[runs.length - 1]?.data?.main?.[outputIndex] ?? [];
	}

	taskOf(nodeName: string): ITaskData | undefined {
		const runs = this.data.resultData.runData[nodeName] ?? [];
		return runs[runs.length - 1];
	}

	/** Resolves when the run a webhook call started has finished (or paused again). */
	async settled(): Promise<void> {
		await this.pending;
	}

	workflow(): Workflow {
		return new Workflow({
			id: this.workflowData.id,
			name: this.workflowData.name,
			nodes: deepCopy(this.workflowData.nodes),
			connections: this.workflowData.connections,
			active: false,
			nodeTypes: createNodeTypes(this.nodeTypes),
			settings: { executionOrder: 'v1' },
			staticData: {},
		});
	}

	additionalData(): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks(this.mode, this.id, this.workflowData);
		const additionalData = createAdditionalData(this.credentialsHelper, hooks, this.id, this.workflowData.id);
		additionalData.webhookWaitingBaseUrl = this.waitingBaseUrl;
		return additionalData;
	}

	private record(run: IRun): void {
		this.runs.push(run);
		this.saved = JSON.stringify(run.data);
		if (run.waitTill) this.status = 'waiting';
		else this.status = run.data.resultData.error ? 'error' : 'success';
	}

	async start(startNodeName: string, items: INodeExecutionData[]): Promise<void> {
		const workflow = this.workflow();
		const start = workflow.getNode(startNodeName);
		if (!start) throw new UnexpectedError(`No node "${startNodeName}"`);
		this.status = 'running';
		const run = await new WorkflowExecute(this.additionalData(), this.mode).run({
			workflow,
			startNode: start,
			triggerToStartFrom: {
				name: start.name,
				data: { data: { main: [deepCopy(items)] } } as unknown as ITaskData,
			},
		});
		this.record(run);
	}

	/** Runs the execution on from this data (the server's WorkflowRunner with stored execution data). */
	async resume(data: IRunExecutionData): Promise<void> {
		this.status = 'running';
		const run = await new WorkflowExecute(this.additionalData(), this.mode, data).processRunExecutionData(this.workflow());
		this.record(run);
	}

	/** The wait limit passed: WaitTracker.startExecution resumes the saved execution as it is. */
	async resumeAfterWaitLimit(): Promise<void> {
		if (this.status !== 'waiting') throw new UnexpectedError(`Execution ${this.id} is ${this.status}, not waiting`);
		await this.resume(this.data);
	}

	resumeLater(data: IRunExecutionData): void {
		this.pending = this.resume(data);
	}

	markFailed(error: Error): void {
		const data = this.data;
		data.resultData.error = { message: error.message, name: error.name } as never;
		data.waitTill = undefined;
		this.saved = JSON.stringify(data);
		this.status = 'error';
	}
}

export interface RunUntilWaitOptions {
	nodes: INode[];
	connections: IConnections;
	credentials?: Record<string, StoredCredentialInput>;
	store?: CredentialStore;
	inputItems?: INodeExecutionData[];
	startNodeName?: string;
	mode?: WorkflowExecuteMode;
}

export interface WaitingHost {
	/** http://127.0.0.1:PORT/webhook-waiting, the additionalData.webhookWaitingBaseUrl of every run. */
	waitingBaseUrl: string;
	calls: ResumeCall[];
	/**
	 * true (n8n 2.41): the resume URL's signature or token is checked before the node sees the call.
	 * false: the call reaches the node as it would through an n8n that skipped its check.
	 */
	n8nChecksResume: boolean;
	/** Starts a workflow (Start → nodes) and runs it until it finishes or waits. */
	run(options: RunUntilWaitOptions): Promise<WaitingExecution>;
	execution(id: string): WaitingExecution | undefined;
	/** Resolves when every call under way has been handled, including work a node does after answering. */
	handled(): Promise<void>;
	close(): Promise<void>;
}

async function readStream(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
	if (response.headersSent) return;
	response.writeHead(status, { 'Content-Type': contentType });
	response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function hasValidResume(execution: WaitingExecution, data: IRunExecutionData, url: URL, suffix: string | undefined): boolean {
	const token = url.searchParams.get(WAITING_TOKEN_QUERY_PARAM) ?? '';
	const isSendAndWait =
		!!suffix &&
		execution.workflowData.nodes.some((node) => node.id === suffix && node.parameters.operation === SEND_AND_WAIT_OPERATION);
	if (isSendAndWait) {
		if (!token) return false;
		return validateUrlSignature(token, url, Container.get(InstanceSettings).hmacSignatureSecret);
	}
	const stored = data.resumeToken ?? '';
	return token !== '' && token.length === stored.length && token === stored;
}

/** n8n's `preserveInputOverride`: the waiting run of the node is dropped (its input override kept). */
function dropWaitingRun(data: IRunExecutionData, nodeName: string): void {
	const runs = data.resultData.runData[nodeName];
	const waiting = runs?.pop();
	if (waiting?.inputOverride) {
		runs.push({ startTime: 0, executionTime: 0, executionIndex: 0, source: waiting.source, inputOverride: waiting.inputOverride });
	}
}

export async function startWaitingHost(setup: {
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: ICredentialType[];
}): Promise<WaitingHost> {
	const executions = new Map<string, WaitingExecution>();
	const underWay = new Set<Promise<void>>();
	let counter = 0;
	let waitingBaseUrl = '';

	const host: Omit<WaitingHost, 'waitingBaseUrl' | 'close'> = {
		calls: [],
		n8nChecksResume: true,
		execution: (id) => executions.get(id),
		handled: async () => {
			while (underWay.size) await Promise.allSettled([...underWay]);
		},
		async run(options) {
			const items = options.inputItems ?? [{ json: {} }];
			const store = options.store ?? new CredentialStore();
			for (const [id, input] of Object.entries(options.credentials ?? {})) await store.put(id, input);
			const credentialsHelper = new EngineCredentialsHelper(setup.credentialTypes, store);
			const id = `wait-${++counter}`;
			const workflowData = {
				id: 'waiting-test-workflow',
				name: 'Waiting engine test',
				active: false,
				isArchived: false,
				nodes: options.nodes,
				connections: options.connections,
				settings: { executionOrder: 'v1' },
				createdAt: new Date(),
				updatedAt: new Date(),
				activeVersionId: null,
			} as IWorkflowBase;
			const nodeTypes = { [START_NODE_TYPE]: startNodeType(items), ...setup.nodeTypes };
			const execution = new WaitingExecution(id, workflowData, options.mode ?? 'manual', nodeTypes, credentialsHelper, waitingBaseUrl);
			executions.set(id, execution);
			const startName = options.startNodeName ?? options.nodes.find((node) => node.type === START_NODE_TYPE)?.name;
			await execution.start(startName ?? options.nodes[0].name, items);
			return execution;
		},
	};

	const handle = async (request: IncomingMessage, response: ServerResponse, call: ResumeCall): Promise<void> => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const match = /^\/webhook-waiting\/([^/]+)(?:\/([^/]+))?\/?$/.exec(url.pathname);
		// n8n's rawBodyReader and parseBody: rawBody, then the parsed JSON, and express' req.query.
		const rawBody = await readStream(request);
		Object.assign(request, {
			rawBody,
			readRawBody: async () => {},
			query: Object.fromEntries(url.searchParams),
			params: {},
		});
		if (String(request.headers['content-type'] ?? '').startsWith('application/json') && rawBody.length) {
			try {
				Object.assign(request, { body: JSON.parse(rawBody.toString('utf8')) });
			} catch {
				return answer(response, 400, { message: 'Invalid JSON' });
			}
		}
		const execution = match ? executions.get(decodeURIComponent(match[1])) : undefined;
		if (!match || !execution) return answer(response, 404, { code: 404, message: 'The execution does not exist.' });
		call.executionId = execution.id;
		const suffix = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
		const data = execution.data;

		if (host.n8nChecksResume && data.resumeToken && !hasValidResume(execution, data, url, suffix)) {
			return answer(response, 401, 'form-invalid-token', 'text/html');
		}
		const isSendAndWait = execution.workflowData.nodes.some(
			(node) => node.id === suffix && node.parameters.operation === SEND_AND_WAIT_OPERATION,
		);
		if (execution.status === 'running') return answer(response, 409, { message: `The execution "${execution.id}" is running already.` });
		if (execution.status === 'error') return answer(response, 409, { message: `The execution "${execution.id}" has finished with error.` });
		if (execution.status === 'success') {
			if (isSendAndWait) return answer(response, 200, 'send-and-wait-no-action-required', 'text/html');
			return answer(response, 409, { message: `The execution "${execution.id} has finished already.` });
		}

		const stackEntry = data.executionData!.nodeExecutionStack[0];
		stackEntry.node.disabled = true;
		data.waitTill = undefined;
		const lastNodeExecuted = data.resultData.lastNodeExecuted!;
		dropWaitingRun(data, lastNodeExecuted);

		const workflow = execution.workflow();
		const node = workflow.getNode(lastNodeExecuted)!;
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const additionalData = execution.additionalData();
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = response as never;

		const result = await workflow.expression.withIsolate(async () => {
			const description = (nodeType.description.webhooks ?? []).find((webhook) => {
				const path = workflow.expression.getSimpleParameterValue(node, webhook.path, 'internal', {}, undefined, '');
				return webhook.httpMethod === request.method && String(path) === (suffix ?? '') && webhook.restartWebhook === true;
			});
			if (!description || !nodeType.webhook) return undefined;
			const webhookData: IWebhookData = {
				httpMethod: request.method as IWebhookData['httpMethod'],
				node: node.name,
				path: suffix ?? '',
				webhookDescription: description,
				workflowId: workflow.id,
				workflowExecuteAdditionalData: additionalData,
			};
			const context = new WebhookContext(workflow, node, additionalData, execution.mode, webhookData, [], data);
			try {
				return { value: await nodeType.webhook.call(context) };
			} catch (error) {
				return { error: error as Error };
			}
		});
		if (!result) {
			if (isSendAndWait) return answer(response, 200, 'send-and-wait-no-action-required', 'text/html');
			return answer(response, 404, { message: 'The workflow does not contain a waiting webhook with a matching path/method.' });
		}
		if ('error' in result && result.error) {
			call.error = result.error;
			// n8n answers 500 and resumes the execution into the node's error.
			execution.markFailed(result.error);
			return answer(response, 500, { message: 'Error in workflow' });
		}
		const value = (result as { value: IWebhookResponseData }).value;
		call.result = value;
		if (value.noWebhookResponse === true && value.workflowData === undefined) return;
		if (value.workflowData === undefined) {
			return answer(response, 200, value.webhookResponse ?? { message: 'Webhook call received' });
		}
		if (value.noWebhookResponse !== true) answer(response, 200, value.webhookResponse ?? { message: 'Workflow was started' });
		stackEntry.data.main = value.workflowData;
		stackEntry.metadata = { ...stackEntry.metadata, forwardAllOutputs: true };
		call.resumed = true;
		execution.status = 'running';
		execution.resumeLater(data);
	};

	const server: Server = createServer((request, response) => {
		const call: ResumeCall = { executionId: '', status: 0, body: '', resumed: false };
		const chunks: Buffer[] = [];
		const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
		const end = response.end.bind(response) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
		response.write = ((chunk: unknown, ...rest: unknown[]) => {
			if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
			return write(chunk, ...rest);
		}) as ServerResponse['write'];
		response.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (chunk !== undefined && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
			call.status = response.statusCode;
			call.body = Buffer.concat(chunks).toString('utf8');
			host.calls.push(call);
			return end(chunk, ...rest);
		}) as ServerResponse['end'];
		const handling = handle(request, response, call).catch((error: Error) => {
			call.error = error;
			answer(response, 500, { message: error.message });
		});
		underWay.add(handling);
		void handling.finally(() => underWay.delete(handling));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	waitingBaseUrl = `http://127.0.0.1:${port}/webhook-waiting`;
	return Object.assign(host, {
		waitingBaseUrl,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	});
}

/** The JSON of items, for assertions. */
export const jsonOf = (items: INodeExecutionData[]): IDataObject[] => items.map((item) => item.json);
