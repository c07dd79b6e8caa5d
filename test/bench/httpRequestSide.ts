/**
 * What users build instead of this node: n8n's own HTTP Request node (n8n-nodes-base, the same n8n
 * 2.41.1 release), authenticated with this package's JWT credential as a predefined credential type.
 * A first HTTP Request reads /oauth/userinfo for the account's base URI, as hand-built DocuSign
 * workflows do; a second one POSTs each envelope as JSON with the document in base64, the way
 * DocuSign's REST examples show it (HTTP Request's form-data parts cannot carry DocuSign's
 * `documentid`).
 *
 * n8n-nodes-base is not a dependency of this package: it is taken from the n8n runtime that
 * test/e2e/setup.sh installs (bench.sh runs it and passes the folder in BENCH_N8N_MODULES). It runs
 * in this process's engine (the harness, n8n-core 2.41.1) against the same simulator as the node:
 * its `n8n-workflow`/`n8n-core` imports resolve to the copies the engine uses, so there is one
 * engine and one set of n8n classes.
 */
import Module from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deepCopy, type IExecuteFunctions, type INodeExecutionData, type INodeType, type IVersionedNodeType } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { chain, runWorkflow, startNode, type CredentialStore, type RunResult } from '../engine/harness';
import { CREDENTIAL_IDS } from './benchKit';

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
const EXTRACT_TYPE = 'n8n-nodes-base.extractFromFile';
const CONTRACTS_TYPE = 'bench.contracts';
const TO_BASE64_NODE = 'Document to base64';
export const USERINFO_NODE = 'Get user info';
export const CREATE_NODE = 'Create envelope';

export interface NodesBase {
	httpRequest: IVersionedNodeType;
	extractFromFile: INodeType;
	nodesBaseVersion: string;
	modulesDir: string;
}

type Resolve = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

/** HTTP Request and Extract from File from the e2e runtime; n8n-workflow and n8n-core come from this process. */
export function loadNodesBase(): NodesBase {
	const modulesDir = process.env.BENCH_N8N_MODULES ?? '';
	const nodes = join(modulesDir, 'n8n-nodes-base', 'dist', 'nodes');
	if (!modulesDir || !existsSync(join(nodes, 'HttpRequest', 'HttpRequest.node.js'))) {
		throw new Error(`n8n-nodes-base not found in "${modulesDir}": start the benchmark with npm run bench (it runs test/e2e/setup.sh)`);
	}
	const mod = Module as unknown as { _resolveFilename: Resolve; _nodeModulePaths(dir: string): string[] };
	const original = mod._resolveFilename;
	const engineParent = { filename: __filename, paths: mod._nodeModulePaths(__dirname) };
	mod._resolveFilename = function (request, parent, ...rest) {
		const shared = /^n8n-(workflow|core)(\/|$)/.test(request) && parent?.filename?.startsWith(modulesDir);
		return original.call(this, request, shared ? engineParent : parent, ...rest);
	};
	const load = <T>(file: string, name: string): T => new (require(join(nodes, file)) as Record<string, new () => T>)[name]();
	return {
		httpRequest: load<IVersionedNodeType>('HttpRequest/HttpRequest.node.js', 'HttpRequest'),
		extractFromFile: load<INodeType>('Files/ExtractFromFile/ExtractFromFile.node.js', 'ExtractFromFile'),
		nodesBaseVersion: (JSON.parse(readFileSync(join(modulesDir, 'n8n-nodes-base', 'package.json'), 'utf8')) as { version: string }).version,
		modulesDir,
	};
}

/** The newest version of a versioned node type (what the editor puts on a new node). */
function latest(type: IVersionedNodeType | INodeType): number {
	if ('nodeVersions' in type) return Math.max(...Object.keys(type.nodeVersions).map(Number));
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/** Stands for whatever gives a hand-built workflow its contracts (a sheet, a folder…): the bench items, copied as a trigger copies them. */
function contractsNode(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Contracts',
			name: 'contracts',
			group: ['input'],
			version: 1,
			description: 'The benchmark items',
			defaults: { name: 'Contracts' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [deepCopy(items)];
		},
	};
}

const account = `$('${USERINFO_NODE}').first().json.accounts.find(a => a.is_default)`;

/**
 * The envelope as DocuSign's REST examples build it, one JSON body per item. n8n expressions never
 * see binary bytes (`$binary.data.data` is left out of them), so Extract from File puts the base64
 * into the item's JSON first, as hand-built workflows do.
 */
const ENVELOPE_JSON = `={
  "emailSubject": "Contract {{ $json.n }}",
  "status": "sent",
  "documents": [{ "documentId": "1", "name": "contract-{{ $json.n }}.pdf", "fileExtension": "pdf", "documentBase64": "{{ $json.document }}" }],
  "recipients": { "signers": [{ "name": "{{ $json.name }}", "email": "{{ $json.email }}", "recipientId": "1", "routingOrder": "1" }] }
}`;

export interface HttpRequestRun {
	ms: number;
	result: RunResult;
	output: INodeExecutionData[];
}

/**
 * Start → Get user info (HTTP Request) → Contracts → To base64 (Extract from File) → Create envelope
 * (HTTP Request), with HTTP Request's defaults (no batching: every item's request is sent at once)
 * unless `batching` is given.
 */
export async function runHttpRequest(
	loaded: NodesBase,
	store: CredentialStore,
	authServer: string,
	items: INodeExecutionData[],
	batching?: { batchSize: number; batchInterval: number },
): Promise<HttpRequestRun> {
	const credentials = { docuSignJwtApi: { id: CREDENTIAL_IDS.jwt, name: CREDENTIAL_IDS.jwt } };
	const auth = { authentication: 'predefinedCredentialType', nodeCredentialType: 'docuSignJwtApi' };
	const http = (id: string, name: string, x: number, parameters: Record<string, unknown>) => ({
		id, name, type: HTTP_REQUEST_TYPE, typeVersion: latest(loaded.httpRequest), position: [x, 0] as [number, number], parameters: { ...auth, ...parameters }, credentials,
	});
	const started = performance.now();
	const result = await runWorkflow({
		nodes: [
			startNode(),
			http('userinfo', USERINFO_NODE, 200, { method: 'GET', url: `${authServer}/oauth/userinfo`, options: {} }),
			{ id: 'contracts', name: 'Contracts', type: CONTRACTS_TYPE, typeVersion: 1, position: [400, 0], parameters: {} },
			{
				id: 'base64', name: TO_BASE64_NODE, type: EXTRACT_TYPE, typeVersion: latest(loaded.extractFromFile), position: [600, 0],
				parameters: { operation: 'binaryToPropery', binaryPropertyName: 'data', destinationKey: 'document', options: { keepSource: 'json' } },
			},
			http('create', CREATE_NODE, 800, {
				method: 'POST',
				url: `={{ ${account}.base_uri }}/restapi/v2.1/accounts/{{ ${account}.account_id }}/envelopes`,
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: ENVELOPE_JSON,
				options: batching ? { batching: { batch: batching } } : {},
			}),
		],
		connections: chain('Start', USERINFO_NODE, 'Contracts', TO_BASE64_NODE, CREATE_NODE),
		nodeTypes: { [HTTP_REQUEST_TYPE]: loaded.httpRequest, [EXTRACT_TYPE]: loaded.extractFromFile, [CONTRACTS_TYPE]: contractsNode(items) },
		credentialTypes: [new DocuSignJwtApi()],
		store,
	});
	const ms = performance.now() - started;
	if (result.error) throw new Error(`the HTTP Request workflow failed: ${result.error.message} ${result.error.description ?? ''}`);
	return { ms, result, output: result.outputOf(CREATE_NODE) };
}

/** Every item got its own envelope (201 body), in order, paired with its input item. */
export function checkHttpRequestOutput(output: INodeExecutionData[], count: number): void {
	if (output.length !== count) throw new Error(`HTTP Request: expected ${count} output items, got ${output.length}`);
	const ids = new Set<string>();
	output.forEach((item, n) => {
		const paired = item.pairedItem as { item: number } | undefined;
		if (paired?.item !== n) throw new Error(`HTTP Request output item ${n} is paired with ${JSON.stringify(item.pairedItem)}`);
		if (item.json.status !== 'sent' || typeof item.json.envelopeId !== 'string') throw new Error(`HTTP Request output item ${n}: ${JSON.stringify(item.json)}`);
		ids.add(item.json.envelopeId);
	});
	if (ids.size !== count) throw new Error(`HTTP Request created ${ids.size} distinct envelopes for ${count} items`);
}
