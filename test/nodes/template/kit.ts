/**
 * Shared setup of the Template and Bulk Send tests: the DocuSign node in n8n's real engine
 * (harness), an OAuth2 credential, nock playing DocuSign (auth server + REST base of a demo
 * account), a log of every REST call that reached DocuSign, and DocuSign-shaped templates.
 */
import { chain, createNodeTypes, runWorkflow, startNode, type RunResult } from '../../engine/harness';

import { LoadOptionsContext } from 'n8n-core';
import nock from 'nock';
import { Workflow, type INode, type INodeExecutionData, type INodeParameters } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../../nodes/DocuSign/DocuSign.node';
import { clearAccountCache } from '../../../nodes/DocuSign/transport';
import { validateAgainstSpec } from '../../simulator/specValidation';

export const AUTH = 'https://ds-auth.templates.test';
export const BASE = 'https://demo.docusign.net';
export const ACCOUNT = '1a2b3c4d-1111-2222-3333-444444444444';
export const REST = `/restapi/v2.1/accounts/${ACCOUNT}`;
export const NODE_TYPE = 'n8n-nodes-docusign.docuSign';
export const TEMPLATE = '2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21';
export const OTHER_TEMPLATE = '7d0c1e2f-3a4b-4c5d-8e6f-9a0b1c2d3e4f';
export const ENVELOPE = '4b6d8f0a-2c4e-4a6b-8d0f-1a3c5e7f9b2d';
export const LIST = 'b1c2d3e4-5f60-4a7b-8c9d-0e1f2a3b4c5d';
export const BATCH = '5e3c1a9b-7d2f-4e6a-9b8c-0d1e2f3a4b5c';

export const userinfo = {
	sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
	name: 'Olga Ops',
	email: 'olga@example.com',
	accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Ops', base_uri: `${BASE}/` }],
};

export const credential = {
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

/** Every REST call nock answered, in order. */
export const calls: Call[] = [];
/** Requests no interceptor matched. */
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

/** The account resolution made before the first REST call of a run. */
export function mockUserinfo(): void {
	nock(AUTH).get('/oauth/userinfo').matchHeader('authorization', 'Bearer access-1').reply(200, userinfo);
}

type Reply = [number, unknown];

/** One REST call under the account's base, any query (read it from `calls`); `times` for repeats. */
export function mockApi(method: string, path: string, reply: Reply | ((call: Call) => Reply), times = 1): void {
	nock(BASE)
		.intercept(`${REST}${path}`, method)
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
		parameters: { authentication: 'oAuth2', ...parameters },
		credentials: { docuSignOAuth2Api: { id: 'ds-cred', name: 'DocuSign' } },
		...extra,
	};
}

/** Start → DocuSign with these parameters, in the real engine. */
export async function runNode(
	parameters: INodeParameters,
	options: { inputItems?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<RunResult> {
	return await runWorkflow({
		nodes: [startNode(), docuSignNode(parameters, options.continueOnFail ? { onError: 'continueRegularOutput' } : {})],
		connections: chain('Start', 'DocuSign'),
		nodeTypes: { [NODE_TYPE]: new DocuSign() },
		credentialTypes: [new DocuSignOAuth2Api(), new DocuSignJwtApi()],
		credentials: { 'ds-cred': credential },
		inputItems: options.inputItems,
	});
}

export const json = (result: RunResult) => result.outputOf('DocuSign').map((item) => item.json);

/** A template locator value as the editor stores it. */
export const templateById = (value: string, mode: 'id' | 'list' | 'url' = 'id') => ({ __rl: true, mode, value });

/** n8n's real load-options context for the DocuSign node with these parameters (a dropdown or RLC search). */
export async function loadOptionsContext(parameters: INodeParameters, path: string): Promise<LoadOptionsContext> {
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
	return new LoadOptionsContext(workflow, node, additionalData, path);
}

export function expectSpecValid(definition: string, body: unknown): void {
	const result = validateAgainstSpec(definition, body);
	expect(result.message).toBe('');
	expect(result.valid).toBe(true);
}

const textTab = (recipientId: string, tabLabel: string, n: number) => ({
	tabId: `0000000${n}-aaaa-4bbb-8ccc-${recipientId.padStart(12, '0')}`,
	tabLabel,
	value: '',
	documentId: '1',
	pageNumber: '1',
	xPosition: '300',
	yPosition: String(100 + n * 20),
	recipientId,
	tabType: 'text',
	required: 'true',
	locked: 'false',
});

/**
 * GET /templates/{id}?include=tabs as DocuSign answers it: an employee signer with two text
 * tabs (routing order 1), a manager countersigning (order 2), an HR carbon copy (order 3, listed
 * first on purpose) and an unnamed signer without a role.
 */
export function templateResponse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		templateId: TEMPLATE,
		uri: `/templates/${TEMPLATE}`,
		name: 'Offer Letter',
		description: 'Standard offer letter',
		shared: 'false',
		created: '2024-01-15T09:30:00.0000000Z',
		lastModified: '2024-03-01T12:00:00.0000000Z',
		emailSubject: 'Please sign your offer letter',
		emailBlurb: 'Welcome aboard!',
		folderName: 'Templates',
		pageCount: '2',
		owner: { userName: 'Olga Ops', userId: userinfo.sub, email: 'olga@example.com' },
		customFields: {
			textCustomFields: [{ fieldId: '1', name: 'crmId', value: '', show: 'false', required: 'false' }],
			listCustomFields: [{ fieldId: '2', name: 'region', value: '', listItems: ['EU', 'US'], show: 'true', required: 'false' }],
		},
		documents: [{ documentId: '1', name: 'Offer Letter.pdf', order: '1', pages: '2' }],
		recipients: {
			signers: [
				{
					roleName: 'Employee',
					name: '',
					email: '',
					recipientId: '1',
					routingOrder: '1',
					recipientType: 'signer',
					tabs: {
						signHereTabs: [{ tabLabel: 'Employee signature', recipientId: '1', documentId: '1', pageNumber: '2' }],
						textTabs: [textTab('1', 'Start date', 1), textTab('1', 'Salary', 2)],
					},
				},
				{
					roleName: 'Manager',
					name: 'Mia Manager',
					email: 'mia@example.com',
					recipientId: '2',
					routingOrder: '2',
					recipientType: 'signer',
					tabs: { textTabs: [textTab('2', 'Approval note', 3)] },
				},
				{ name: '', email: '', recipientId: '4', routingOrder: '4', recipientType: 'signer' },
			],
			carbonCopies: [
				{ roleName: 'HR', name: '', email: '', recipientId: '3', routingOrder: '3', recipientType: 'carboncopy' },
			],
			agents: [],
			editors: [],
			intermediaries: [],
			certifiedDeliveries: [],
			inPersonSigners: [],
			recipientCount: '4',
		},
		...overrides,
	};
}

/** A template with one role: a signer "Signer" with a "Company" text tab. */
export function singleRoleTemplate(): Record<string, unknown> {
	return templateResponse({
		name: 'Mutual NDA',
		customFields: { textCustomFields: [], listCustomFields: [] },
		recipients: {
			signers: [
				{
					roleName: 'Signer',
					recipientId: '1',
					routingOrder: '1',
					recipientType: 'signer',
					tabs: { textTabs: [textTab('1', 'Company', 1)] },
				},
			],
			carbonCopies: [],
			recipientCount: '1',
		},
	});
}

/** A template list entry as GET /templates returns it. */
export function templateSummary(n: number): Record<string, unknown> {
	const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	return {
		templateId: id,
		uri: `/templates/${id}`,
		name: `Template ${n}`,
		shared: 'false',
		created: '2024-01-15T09:30:00.0000000Z',
		lastModified: '2024-03-01T12:00:00.0000000Z',
		folderName: 'Templates',
	};
}

/** A page of GET /templates as DocuSign answers it. */
export function templatePage(start: number, count: number, total: number): Record<string, unknown> {
	const size = Math.max(0, Math.min(count, total - start));
	const page: Record<string, unknown> = {
		resultSetSize: String(size),
		startPosition: String(start),
		endPosition: String(start + size - 1),
		totalSetSize: String(total),
		nextUri: start + size < total ? `/templates?start_position=${start + size}&count=${count}` : '',
		previousUri: '',
	};
	if (size) page.envelopeTemplates = Array.from({ length: size }, (_, i) => templateSummary(start + i + 1));
	return page;
}
