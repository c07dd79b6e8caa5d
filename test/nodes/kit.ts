/**
 * The DocuSign node in n8n's real engine (harness), shared by the node tests: the node, a run of
 * Start → DocuSign, n8n's load-options context, and a DocuSign played by nock for one OAuth2
 * connection (auth server + REST base of a demo account) with a log of every request that
 * reached it, matched or not. Each test folder's kit fixes the account and its DocuSign answers.
 */
import {
	chain,
	createNodeTypes,
	runWorkflow,
	startNode,
	type CredentialStore,
	type RunResult,
	type StoredCredentialInput,
} from '../engine/harness';

import { LoadOptionsContext } from 'n8n-core';
import nock from 'nock';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
} from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../nodes/DocuSign/DocuSign.node';
import { clearAccountCache } from '../../nodes/DocuSign/transport';
import { validateAgainstSpec } from '../simulator/specValidation';

export const NODE_TYPE = 'n8n-nodes-docusign.docuSign';
export const BASE = 'https://demo.docusign.net';

const credentialTypes = () => [new DocuSignOAuth2Api(), new DocuSignJwtApi()];

/** Start → these DocuSign nodes, one after the other, in the real engine. */
export async function runDocuSignNodes(
	nodes: INode[],
	options: { credentials?: Record<string, StoredCredentialInput>; store?: CredentialStore; inputItems?: INodeExecutionData[] },
): Promise<RunResult> {
	return await runWorkflow({
		nodes: [startNode(), ...nodes],
		connections: chain('Start', ...nodes.map((node) => node.name)),
		nodeTypes: { [NODE_TYPE]: new DocuSign() },
		credentialTypes: credentialTypes(),
		credentials: options.credentials,
		store: options.store,
		inputItems: options.inputItems,
	});
}

/**
 * n8n's real load-options context for this node, as the editor creates it for a dropdown or a
 * resource locator search (`path`, e.g. 'parameters.envelopeId'), its credential in the store.
 */
export async function loadOptionsContextOf(
	node: INode,
	path: string,
	credentials: { credentials?: Record<string, StoredCredentialInput>; store?: CredentialStore },
): Promise<LoadOptionsContext> {
	const { additionalData } = await runWorkflow({
		nodes: [startNode()],
		connections: {},
		nodeTypes: {},
		credentialTypes: credentialTypes(),
		...credentials,
	});
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes({ [NODE_TYPE]: new DocuSign() }),
	});
	additionalData.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}

export const json = (result: RunResult) => result.outputOf('DocuSign').map((item) => item.json);

/** Checks a request body against its definition in DocuSign's official spec. */
export function expectSpecValid(definition: string, body: unknown): void {
	const result = validateAgainstSpec(definition, body);
	expect(result.message).toBe('');
	expect(result.valid).toBe(true);
}

/** A DocuSign REST call as nock received it. */
export interface Call {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
}

/** Status, body and headers of a mocked DocuSign answer. */
export type Reply = [number, unknown, Record<string, string>?];

export interface KitSetup {
	/** The credential's custom auth server. */
	auth: string;
	accountId: string;
	/** What /oauth/userinfo answers. */
	userinfo: Record<string, unknown>;
	/** Parameters every node gets unless the test sets them, e.g. `{ resource: 'envelope' }`. */
	defaults?: INodeParameters;
	/** Name of the credential, in the store and on the node. */
	credentialName?: string;
	/** The OAuth2 credential's data, made for each run. Default: a connection with access token "access-1". */
	credentialData?: () => ICredentialDataDecryptedObject;
}

export interface RunOptions {
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Added to the DocuSign node. */
	node?: Partial<INode>;
	/** Instead of the kit's credential data. */
	credential?: ICredentialDataDecryptedObject;
	/** A store shared with earlier runs. */
	store?: CredentialStore;
}

/** The node, its runs and a nock-played DocuSign for one OAuth2 connection to one account. */
export function docuSignKit(setup: KitSetup) {
	const rest = `/restapi/v2.1/accounts/${setup.accountId}`;
	const credentialName = setup.credentialName ?? 'DocuSign';
	const credentialData =
		setup.credentialData ??
		(() => ({
			environment: 'custom',
			customAuthServer: setup.auth,
			clientId: 'ik',
			clientSecret: 'ik-secret',
			accountId: '',
			scope: 'signature extended',
			oauthTokenData: { access_token: 'access-1', refresh_token: 'refresh-1', token_type: 'Bearer' },
		}));
	const credentials = (data = credentialData()): Record<string, StoredCredentialInput> => ({
		'ds-cred': { type: 'docuSignOAuth2Api', name: credentialName, data },
	});

	/** Every REST call that nock answered, in order. */
	const calls: Call[] = [];
	/** Requests no interceptor matched (a test expecting no call sees them here). */
	const unmatched: string[] = [];

	function docuSignNode(parameters: INodeParameters, extra: Partial<INode> = {}): INode {
		return {
			id: 'docusign',
			name: 'DocuSign',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { authentication: 'oAuth2', ...setup.defaults, ...parameters },
			credentials: { docuSignOAuth2Api: { id: 'ds-cred', name: credentialName } },
			...extra,
		};
	}

	/** Start → DocuSign with these parameters, in the real engine. */
	async function runNode(parameters: INodeParameters, options: RunOptions = {}): Promise<RunResult> {
		const extra = { ...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}), ...options.node };
		return await runDocuSignNodes([docuSignNode(parameters, extra)], {
			credentials: credentials(options.credential),
			store: options.store,
			inputItems: options.inputItems,
		});
	}

	async function loadOptionsContext(parameters: INodeParameters, path: string): Promise<LoadOptionsContext> {
		return await loadOptionsContextOf(docuSignNode(parameters), path, { credentials: credentials() });
	}

	/** No real network; every test starts with no account cached and must use every mock it sets. */
	function installNockHooks(): void {
		const onNoMatch = (req: { method?: string; path?: string; href?: string }) => {
			unmatched.push(`${req.method ?? ''} ${req.href ?? req.path ?? ''}`);
		};
		beforeAll(() => {
			nock.disableNetConnect();
			nock.emitter.on('no match', onNoMatch);
		});
		beforeEach(() => {
			clearAccountCache();
			calls.length = 0;
			unmatched.length = 0;
		});
		afterEach(() => {
			const pending = nock.pendingMocks();
			nock.cleanAll();
			expect(unmatched).toEqual([]);
			expect(pending).toEqual([]);
		});
		afterAll(() => {
			nock.emitter.removeListener('no match', onNoMatch);
			nock.enableNetConnect();
		});
	}

	/** The account resolution the node makes before its first REST call. */
	function mockUserinfo(): void {
		nock(setup.auth).get('/oauth/userinfo').matchHeader('authorization', 'Bearer access-1').reply(200, setup.userinfo);
	}

	/**
	 * One REST call under the account's base, any query (read it from `calls`); `times` for
	 * repeats. The reply may depend on the call.
	 */
	function mockApi(method: string, path: string, reply: Reply | ((call: Call) => Reply), times = 1): void {
		nock(BASE)
			.intercept(`${rest}${path}`, method)
			.query(true)
			.times(times)
			.matchHeader('authorization', 'Bearer access-1')
			.reply((uri, body) => {
				const url = new URL(uri, BASE);
				let parsed: unknown = body;
				if (typeof body === 'string' && body) {
					try {
						parsed = JSON.parse(body);
					} catch {
						parsed = body;
					}
				}
				const call: Call = {
					method,
					path: url.pathname.slice(rest.length),
					query: Object.fromEntries(url.searchParams),
					body: parsed === '' ? undefined : parsed,
				};
				calls.push(call);
				return typeof reply === 'function' ? reply(call) : reply;
			});
	}

	return { rest, calls, unmatched, docuSignNode, runNode, loadOptionsContext, installNockHooks, mockUserinfo, mockApi };
}
