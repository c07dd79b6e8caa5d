/**
 * Shared setup of the envelope lifecycle tests: the DocuSign node in n8n's real engine (harness),
 * an OAuth2 credential, nock playing DocuSign (auth server + REST base of a demo account), and a log
 * of every request that reached DocuSign, matched or not.
 */
import { chain, runWorkflow, startNode, type RunResult } from '../../engine/harness';

import { LoadOptionsContext } from 'n8n-core';
import nock from 'nock';
import { Workflow, type INode, type INodeExecutionData, type INodeParameters } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../../nodes/DocuSign/DocuSign.node';
import { clearAccountCache } from '../../../nodes/DocuSign/transport';
import { createNodeTypes } from '../../engine/harness';

export const AUTH = 'https://ds-auth.envelope.test';
export const BASE = 'https://demo.docusign.net';
export const ACCOUNT = '0f0f0f0f-1111-2222-3333-444444444444';
export const REST = `/restapi/v2.1/accounts/${ACCOUNT}`;
export const NODE_TYPE = 'n8n-nodes-docusign.docuSign';
export const ENVELOPE = '93be49ab-4e2f-4c1b-9a4e-f752070d71ec';

export const userinfo = {
	sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
	name: 'Sam Sender',
	email: 'sam@example.com',
	accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Main', base_uri: `${BASE}/` }],
};

const credential = {
	type: 'docuSignOAuth2Api',
	name: 'DocuSign',
	data: {
		environment: 'custom',
		customAuthServer: AUTH,
		clientId: 'ik',
		clientSecret: 'ik-secret',
		accountId: '',
		scope: 'signature extended',
		oauthTokenData: { access_token: 'access-1', refresh_token: 'refresh-1', token_type: 'Bearer' },
	},
};

export interface Call {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
}

/** Every REST call that nock answered, in order. */
export const calls: Call[] = [];
/** Requests no interceptor matched (a test expecting no call sees them here). */
export const unmatched: string[] = [];

export function installNockHooks(): void {
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
export function mockUserinfo(): void {
	nock(AUTH).get('/oauth/userinfo').matchHeader('authorization', 'Bearer access-1').reply(200, userinfo);
}

type Reply = [number, unknown, Record<string, string>?];

/**
 * One REST call under the account's base, any query (checked from `calls`). The reply may depend
 * on the call.
 */
export function mockApi(method: string, path: string, reply: Reply | ((call: Call) => Reply)): void {
	nock(BASE)
		.intercept(`${REST}${path}`, method)
		.query(true)
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
				path: url.pathname.slice(REST.length),
				query: Object.fromEntries(url.searchParams),
				body: parsed === '' ? undefined : parsed,
			};
			calls.push(call);
			return typeof reply === 'function' ? reply(call) : reply;
		});
}

export function docuSignNode(parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	return {
		id: 'docusign',
		name: 'DocuSign',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: { authentication: 'oAuth2', resource: 'envelope', ...parameters },
		credentials: { docuSignOAuth2Api: { id: 'ds-cred', name: 'DocuSign' } },
		...extra,
	};
}

/** Start → DocuSign (envelope resource with these parameters) in the real engine. */
export async function runEnvelope(
	parameters: INodeParameters,
	options: { inputItems?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<RunResult> {
	return await runWorkflow({
		nodes: [
			startNode(),
			docuSignNode(parameters, options.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		],
		connections: chain('Start', 'DocuSign'),
		nodeTypes: { [NODE_TYPE]: new DocuSign() },
		credentialTypes: [new DocuSignOAuth2Api(), new DocuSignJwtApi()],
		credentials: { 'ds-cred': credential },
		inputItems: options.inputItems,
	});
}

export const json = (result: RunResult) => result.outputOf('DocuSign').map((item) => item.json);

/** An envelope ID locator value as the editor stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * n8n's real load-options context for the DocuSign node with these parameters, as the editor
 * creates it for a dropdown or a resource locator search.
 */
export async function loadOptionsContext(parameters: INodeParameters): Promise<LoadOptionsContext> {
	const node = docuSignNode(parameters);
	const { additionalData } = await runWorkflow({
		nodes: [startNode()],
		connections: {},
		nodeTypes: {},
		credentialTypes: [new DocuSignOAuth2Api(), new DocuSignJwtApi()],
		credentials: { 'ds-cred': credential },
	});
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes({ [NODE_TYPE]: new DocuSign() }),
	});
	additionalData.currentNodeParameters = node.parameters;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.envelopeId');
}

/** A DocuSign-shaped EnvelopeRecipients answer. */
export function recipientsResponse(): Record<string, unknown> {
	return {
		signers: [
			{
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				recipientId: '1',
				recipientIdGuid: '5d1e6e4a-0000-4000-8000-000000000001',
				routingOrder: '1',
				status: 'completed',
				signedDateTime: '2024-05-02T10:00:00.0000000Z',
				deliveredDateTime: '2024-05-02T09:58:00.0000000Z',
				recipientType: 'signer',
			},
			{
				name: 'Grace Hopper',
				email: 'grace@example.com',
				recipientId: '3',
				routingOrder: '2',
				status: 'sent',
				clientUserId: 'customer-1042',
				recipientType: 'signer',
			},
		],
		carbonCopies: [
			{
				name: 'Legal Team',
				email: 'legal@example.com',
				recipientId: '2',
				routingOrder: '1',
				status: 'completed',
				recipientType: 'carboncopy',
			},
		],
		agents: [],
		editors: [],
		intermediaries: [],
		certifiedDeliveries: [],
		inPersonSigners: [],
		recipientCount: '3',
		currentRoutingOrder: '2',
	};
}
