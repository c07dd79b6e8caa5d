/**
 * Runs workflows made of our nodes inside n8n's real engine (n8n-core `WorkflowExecute`), without
 * a server or database. What n8n's server normally supplies is provided here:
 *
 * - `CredentialStore`: the credentials table. Rows are kept serialized (like a database row), and
 *   every write is logged so a test can see tokens that n8n refreshed (OAuth2) or minted
 *   (`preAuthentication`).
 * - `EngineCredentialsHelper`: an `ICredentialsHelper` that behaves like n8n's server-side
 *   `CredentialsHelper` (packages/cli/src/credentials-helper.ts) for what this package relies on:
 *   defaults + hidden properties + `={{ $self[...] }}` expressions in `getDecrypted`, generic and
 *   function `authenticate`, `preAuthentication` on an empty/expired `expirable` property with
 *   persistence, `getParentTypes` (so `extends: ['oAuth2Api']` takes n8n-core's OAuth2 path), and
 *   `updateCredentialsOauthTokenData` persisting refreshed tokens.
 * - `additionalData` with lifecycle hooks, URLs, variables, execution id.
 *
 * The HTTP itself is n8n-core's (axios through @n8n/backend-network), so nock intercepts it.
 */
// Must stay the first import: n8n-core reads N8N_USER_FOLDER when it is loaded.
import './setup-env';

import {
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	getAdditionalKeys,
	WorkflowExecute,
} from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	MANUAL_TRIGGER_NODE_TYPE,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
	deepCopy,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
} from 'n8n-workflow';
import type {
	ExecutionBaseError,
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	IConnections,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IRun,
	ITaskData,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

// ---------------------------------------------------------------------------------------------
// Base credential types that n8n ships in n8n-nodes-base (not a dependency of this package).
// ---------------------------------------------------------------------------------------------

/**
 * Stand-in for n8n-nodes-base's `oAuth2Api` (the parent of every OAuth2 credential), which is not
 * a dependency of this package. Field names, types, defaults, displayOptions and `doNotInherit`
 * follow n8n-nodes-base 2.41.1 (JWE fields left out: they are `doNotInherit`, so no child sees them).
 */
export class HarnessOAuth2Api implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API';

	genericAuth = true;

	properties: INodeProperties[] = (() => {
		const noDcr = { useDynamicClientRegistration: [false] };
		const codeFlow = { grantType: ['authorizationCode', 'pkce'], ...noDcr };
		const field = (
			name: string,
			type: INodeProperties['type'],
			defaultValue: INodeProperties['default'],
			extra: Partial<INodeProperties> = {},
		): INodeProperties => ({ displayName: name, name, type, default: defaultValue, ...extra });
		return [
			field('useDynamicClientRegistration', 'hidden', false),
			field('grantType', 'options', 'authorizationCode', {
				displayOptions: { show: noDcr },
				options: [
					{ name: 'Authorization Code', value: 'authorizationCode' },
					{ name: 'Client Credentials', value: 'clientCredentials' },
					{ name: 'PKCE', value: 'pkce' },
				],
			}),
			field('serverUrl', 'string', '', { displayOptions: { show: { useDynamicClientRegistration: [true] } } }),
			field('authUrl', 'string', '', { displayOptions: { show: codeFlow }, required: true }),
			field('accessTokenUrl', 'string', '', { displayOptions: { show: noDcr }, required: true }),
			field('clientId', 'string', '', { displayOptions: { show: noDcr }, required: true }),
			field('clientCredentialType', 'hidden', 'clientSecret'),
			field('clientSecret', 'string', '', {
				displayOptions: { show: noDcr },
				typeOptions: { password: true },
				required: true,
			}),
			field('privateKey', 'hidden', ''),
			field('certificate', 'hidden', ''),
			field('scope', 'string', '', { displayOptions: { show: noDcr } }),
			field('authQueryParameters', 'string', '', { displayOptions: { show: codeFlow } }),
			field('authentication', 'options', 'header', {
				displayOptions: { show: noDcr },
				options: [
					{ name: 'Body', value: 'body' },
					{ name: 'Header', value: 'header' },
				],
			}),
			field('sendAdditionalBodyProperties', 'boolean', false, {
				displayOptions: { show: { grantType: ['clientCredentials'], authentication: ['body'], ...noDcr } },
			}),
			field('additionalBodyProperties', 'json', '', {
				displayOptions: {
					show: {
						grantType: ['clientCredentials'],
						authentication: ['body'],
						sendAdditionalBodyProperties: [true],
						...noDcr,
					},
				},
			}),
			field('ignoreSSLIssues', 'boolean', false, { doNotInherit: true }),
			field('tokenExpiredStatusCode', 'number', 401, { doNotInherit: true }),
		];
	})();
}

/**
 * OAuth fields that n8n 2.41's server always takes from the credential type when the type declares
 * them hidden: stored values are dropped before defaults apply (cli `applyDefaultsAndOverwrites`).
 */
const OAUTH_PINNED_FIELDS = [
	'useDynamicClientRegistration',
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'usePkce',
	'requestTokenUrl',
	'signatureMethod',
];

/**
 * What a credential's `preAuthentication` gets as `this` in n8n 2.41: only `helpers.httpRequest`,
 * with the credential's own allowed-domains restriction applied.
 */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	} as IHttpRequestHelper;
}

// ---------------------------------------------------------------------------------------------
// Credential store
// ---------------------------------------------------------------------------------------------

export interface StoredCredentialInput {
	type: string;
	name: string;
	data: ICredentialDataDecryptedObject;
}

export interface CredentialWrite {
	id: string;
	/** Which ICredentialsHelper method wrote it. */
	via: 'updateCredentials' | 'updateCredentialsOauthTokenData';
	data: ICredentialDataDecryptedObject;
}

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	/** Serialized data, so that what n8n persists must survive a round trip like a database row. */
	serialized: string;
}

/**
 * n8n's `ICredentials` over a store row. n8n's server encrypts with a key provider backed by its
 * database (n8n-core's `Credentials` throws "Encryption key provider is not configured" without
 * one); the harness keeps the data as JSON instead, which keeps the round-trip semantics.
 */
export class StoredCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		if (this.data === undefined) throw new UnexpectedError('No data is set on these credentials');
		return JSON.parse(this.data) as ICredentialDataDecryptedObject;
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(toUpdate: ICredentialDataDecryptedObject, toDelete: string[] = []): Promise<void> {
		const updated = { ...(await this.getData()), ...toUpdate };
		for (const key of toDelete) delete updated[key];
		await this.setData(updated);
	}

	getDataToSave(): ICredentialsEncrypted {
		if (this.data === undefined) throw new UnexpectedError('No credentials were set to save.');
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}
}

/** The credentials "table". Shared between runs when a test passes the same store again. */
export class CredentialStore {
	private readonly rows = new Map<string, StoredCredential>();

	/** Every write made by n8n during runs, oldest first. */
	readonly writes: CredentialWrite[] = [];

	async put(id: string, input: StoredCredentialInput): Promise<void> {
		this.rows.set(id, { id, name: input.name, type: input.type, serialized: JSON.stringify(input.data) });
	}

	has(id: string): boolean {
		return this.rows.has(id);
	}

	/** Row metadata; throws like n8n when the id is unknown or the type differs. */
	row(id: string | null | undefined, type?: string, name?: string): StoredCredential {
		if (!id) {
			throw new UserError(`Credential "${name ?? ''}" of type "${type ?? ''}" has no ID`);
		}
		const row = this.rows.get(id);
		if (!row || (type !== undefined && row.type !== type)) {
			throw new UserError(`Credential with ID "${id}" does not exist for type "${type}".`);
		}
		return row;
	}

	/** `ICredentials` object for a row. */
	credentials(id: string, type?: string): StoredCredentials {
		const row = this.row(id, type);
		return new StoredCredentials({ id: row.id, name: row.name }, row.type, row.serialized);
	}

	/** Stored data (what n8n reads with `raw: true`). */
	async get(id: string): Promise<ICredentialDataDecryptedObject> {
		return await this.credentials(id).getData();
	}

	async replace(
		id: string,
		data: ICredentialDataDecryptedObject,
		via: CredentialWrite['via'],
	): Promise<void> {
		const row = this.row(id);
		row.serialized = JSON.stringify(data);
		this.writes.push({ id, via, data: JSON.parse(row.serialized) as ICredentialDataDecryptedObject });
	}
}

// ---------------------------------------------------------------------------------------------
// Credentials helper
// ---------------------------------------------------------------------------------------------

export interface CredentialsHelperStats {
	/** Calls of a credential type's own `preAuthentication` through `preAuthentication()` (mints). */
	preAuthenticationMints: number;
	/** Calls of `preAuthentication()` by n8n-core (whether or not they minted). */
	preAuthenticationCalls: Array<{ type: string; credentialsExpired: boolean; minted: boolean }>;
	/** Calls of `runPreAuthentication()` (n8n-core's OAuth2 path calls it on every request). */
	runPreAuthenticationCalls: number;
	authenticateCalls: number;
	getDecryptedCalls: number;
}

const mockNodeType: INodeType = {
	description: {
		displayName: 'Credential expression context',
		name: 'harnessCredentialContext',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Credential expression context' },
		inputs: [],
		outputs: [],
		properties: [],
	},
};

const mockNode: INode = {
	id: 'harness-credential-context',
	name: '',
	type: 'harness.credentialContext',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function mockWorkflow(): Workflow {
	return new Workflow({
		nodes: [mockNode],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => mockNodeType,
			getByNameAndVersion: () => mockNodeType,
			getKnownTypes: () => ({}),
		},
	});
}

export class EngineCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	readonly stats: CredentialsHelperStats = {
		preAuthenticationMints: 0,
		preAuthenticationCalls: [],
		runPreAuthenticationCalls: 0,
		authenticateCalls: 0,
		getDecryptedCalls: 0,
	};

	constructor(
		credentialTypes: ICredentialType[],
		readonly store: CredentialStore,
	) {
		super();
		for (const type of [new HarnessOAuth2Api(), ...credentialTypes]) this.types.set(type.name, type);
	}

	getType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}" (not given to the harness)`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const direct = this.types.get(name)?.extends ?? [];
		return direct.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType);
		if (!type?.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some((n) => nodeType === n || nodeType.endsWith(`.${n}`));
	}

	getCredentialsProperties(typeName: string): INodeProperties[] {
		const type = this.getType(typeName);
		if (type.extends === undefined) {
			if (typeName === 'oAuth2Api' || typeName === 'oAuth1Api') {
				return [
					...type.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return type.properties;
		}
		const merged: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		}
		// The child's own properties take precedence over its parents'.
		NodeHelpers.mergeNodeProperties(merged, type.properties);
		return merged;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<StoredCredentials> {
		this.store.row(nodeCredentials.id, type, nodeCredentials.name);
		return this.store.credentials(nodeCredentials.id!, type);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		this.stats.getDecryptedCalls++;
		const stored = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) return stored;
		return await this.applyDefaults(additionalData, stored, type, mode, executeData, expressionResolveValues);
	}

	/** Defaults of the (merged) credential type, then expressions, as n8n's applyDefaultsAndOverwrites. */
	async applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		stored: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);

		const data = { ...stored };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete data[field];
		}

		let decrypted = NodeHelpers.getNodeParameters(
			properties,
			data as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (stored.oauthTokenData !== undefined) decrypted.oauthTokenData = stored.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			try {
				decrypted = expressionResolveValues.workflow.expression.getParameterValue(
					decrypted as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decrypted,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				error.message += ' [Error resolving credentials]';
				throw error;
			}
		} else {
			const workflow = mockWorkflow();
			await workflow.expression.withIsolate(async () => {
				decrypted = workflow.expression.getComplexParameterValue(
					mockNode,
					decrypted as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					decrypted,
				) as ICredentialDataDecryptedObject;
			});
		}
		return decrypted;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		this.stats.authenticateCalls++;
		const { authenticate } = this.getType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (!workflow || !node) {
				throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
			}
			const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
			target.headers ??= {};
			for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
					const resolvedKey = this.resolveValue(key, { $credentials: credentials }, workflow, node);
					const resolvedValue = this.resolveValue(value as string, { $credentials: credentials }, workflow, node);
					target[outerKey] ??= {};
					target[outerKey]![resolvedKey] = resolvedValue;
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	private resolveValue(
		value: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', additionalKeys, undefined, '');
		return resolved ? resolved.toString() : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.getType(typeName);
		const call = { type: typeName, credentialsExpired, minted: false };
		this.stats.preAuthenticationCalls.push(call);

		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;

		// n8n's credential test runs with a NoOp mock node whose `temp` parameter is ''.
		const isCredentialTest = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (!(credentials[expirable.name] === '' || credentialsExpired || isCredentialTest)) return undefined;

		call.minted = true;
		this.stats.preAuthenticationMints++;
		const output = (await type.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output?.[expirable.name] === undefined) return undefined;

		const nodeCredentials = node.credentials?.[type.name];
		if (!nodeCredentials) return undefined;

		// Persist onto the raw stored data; a field stored as an expression keeps its expression.
		const stored = await (await this.getCredentials(nodeCredentials, type.name)).getData();
		const toPersist: ICredentialDataDecryptedObject = { ...stored };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirable.name || !isExpression(stored[key])) toPersist[key] = value;
		}
		await this.updateCredentials(nodeCredentials, type.name, toPersist);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		this.stats.runPreAuthenticationCalls++;
		const type = this.getType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		const output = await type.preAuthentication.call(restrictToCredentialDomains(helpers, credentials), credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.row(nodeCredentials.id, type, nodeCredentials.name);
		await this.store.replace(nodeCredentials.id!, data, 'updateCredentials');
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.row(nodeCredentials.id, type, nodeCredentials.name);
		const stored = await this.store.get(nodeCredentials.id!);
		await this.store.replace(
			nodeCredentials.id!,
			{ ...stored, oauthTokenData: data.oauthTokenData },
			'updateCredentialsOauthTokenData',
		);
	}
}

// ---------------------------------------------------------------------------------------------
// Start node (what n8n's Manual Trigger does, with the items the test gives)
// ---------------------------------------------------------------------------------------------

export const START_NODE_TYPE = MANUAL_TRIGGER_NODE_TYPE;

function startNodeType(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Manual Trigger (harness)',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Starts the workflow with the items given to runWorkflow()',
			defaults: { name: 'Start' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
			const manualTriggerFunction = async () => {
				this.emit([deepCopy(items)]);
			};
			return { manualTriggerFunction };
		},
	};
}

/** An INode for the start node, to put first in `nodes`. */
export function startNode(name = 'Start'): INode {
	return { id: 'start', name, type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
}

/** `{ from: [to] }` main connections. */
export function chain(...names: string[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

// ---------------------------------------------------------------------------------------------
// runWorkflow
// ---------------------------------------------------------------------------------------------

export interface RunWorkflowOptions {
	nodes: INode[];
	connections: IConnections;
	/** Node types by full type name, e.g. `{ 'n8n-nodes-docusign.docuSign': new DocuSign() }`. */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: ICredentialType[];
	/** Credentials to store before the run, by id (nodes reference them as `{ id, name }`). */
	credentials?: Record<string, StoredCredentialInput>;
	/** Reuse a store from an earlier run (its rows stay; `credentials` are added/overwritten). */
	store?: CredentialStore;
	/** Items the start node emits. Default `[{ json: {} }]`. */
	inputItems?: INodeExecutionData[];
	/** Name of the node to start from. Default: the node of type START_NODE_TYPE, else the first node. */
	startNodeName?: string;
	/** Execution mode. Default 'manual' (as an editor run); `n8n execute` uses 'cli'. */
	mode?: WorkflowExecuteMode;
	/** Workflow static data, e.g. for trigger nodes. */
	staticData?: IDataObject;
}

export interface RunResult {
	run: IRun;
	/** Items of a node's output (default first output, first run). */
	outputOf(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** The task data of a node (error, metadata, …). */
	taskOf(nodeName: string, runIndex?: number): ITaskData | undefined;
	/** The execution's error (the failing node's error), if any. */
	error?: ExecutionBaseError;
	store: CredentialStore;
	credentialsHelper: EngineCredentialsHelper;
	/** Node names in the order they finished. */
	executedNodes: string[];
	additionalData: IWorkflowExecuteAdditionalData;
}

let executionCounter = 0;

export function createNodeTypes(map: Record<string, INodeType | IVersionedNodeType>): INodeTypes {
	return {
		getByName(type: string) {
			const nodeType = map[type];
			if (!nodeType) throw new UnexpectedError(`Unknown node type "${type}" (not given to the harness)`);
			return nodeType;
		},
		getByNameAndVersion(type: string, version?: number) {
			return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
		},
		getKnownTypes: () => ({}),
	};
}

export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	executionId: string,
	workflowId: string,
): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	const unsupported = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not supported by the engine test harness`);
	};
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
		userId: 'harness-user',
		projectId: 'harness-project',
		currentNodeExecutionIndex: 0,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('startRunnerTask') as IWorkflowExecuteAdditionalData['startRunnerTask'],
	} as IWorkflowExecuteAdditionalData;
}

export async function runWorkflow(opts: RunWorkflowOptions): Promise<RunResult> {
	const mode = opts.mode ?? 'manual';
	const items = opts.inputItems ?? [{ json: {} }];

	const store = opts.store ?? new CredentialStore();
	for (const [id, input] of Object.entries(opts.credentials ?? {})) await store.put(id, input);
	const credentialsHelper = new EngineCredentialsHelper(opts.credentialTypes, store);

	const nodeTypes = createNodeTypes({ [START_NODE_TYPE]: startNodeType(items), ...opts.nodeTypes });
	const workflowId = 'engine-test-workflow';
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Engine test',
		active: false,
		isArchived: false,
		nodes: opts.nodes,
		connections: opts.connections,
		settings: { executionOrder: 'v1' },
		staticData: opts.staticData,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowId,
		name: workflowData.name,
		nodes: opts.nodes,
		connections: opts.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
		staticData: opts.staticData,
	});

	const start =
		(opts.startNodeName ? workflow.getNode(opts.startNodeName) : null) ??
		opts.nodes.find((n) => n.type === START_NODE_TYPE) ??
		opts.nodes[0];
	if (!start) throw new UnexpectedError('runWorkflow: no nodes');

	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const executedNodes: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		executedNodes.push(nodeName);
	});
	const additionalData = createAdditionalData(credentialsHelper, hooks, executionId, workflowId);

	const workflowExecute = new WorkflowExecute(additionalData, mode);
	const run = await workflowExecute.run({
		workflow,
		startNode: start,
		// Outside 'manual' mode a trigger node passes its input through; give it the same items.
		triggerToStartFrom: {
			name: start.name,
			data: { data: { main: [deepCopy(items)] } } as unknown as ITaskData,
		},
	});

	const runData = run.data.resultData.runData;
	return {
		run,
		outputOf: (nodeName, outputIndex = 0, runIndex = 0) =>
			runData[nodeName]?.[runIndex]?.data?.main?.[outputIndex] ?? [],
		taskOf: (nodeName, runIndex = 0) => runData[nodeName]?.[runIndex],
		error: run.data.resultData.error,
		store,
		credentialsHelper,
		executedNodes,
		additionalData,
	};
}
