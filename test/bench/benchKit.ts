/**
 * What the benchmark's figures share: the simulator in its own process (control API), the two
 * credentials against it, the DocuSign node in n8n's real engine (the harness), and the raw axios
 * loop that sends the same creates without n8n.
 */
import { chain, runWorkflow, startNode, CredentialStore, type RunResult } from '../engine/harness';
import { memoryBinary } from '../engine/binaryData';

import axios, { type AxiosInstance } from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../nodes/DocuSign/DocuSign.node';
import { buildMultipartBody, type DocumentUpload } from '../../nodes/DocuSign/actions/envelope/shared/documents';
import { withMarker } from '../../nodes/DocuSign/transport';
import { makePdf } from '../simulator/pdf';
import type { SimulatorInfo } from './simulatorProcess';

export type Auth = 'jwt' | 'oAuth2';

const NODE_TYPE = 'n8n-nodes-docusign.docuSign';
const REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';

// ---------------------------------------------------------------------------------------------
// The simulator process
// ---------------------------------------------------------------------------------------------

export interface SimulatorHandle extends SimulatorInfo {
	http: AxiosInstance;
	counters(): Promise<Record<string, number>>;
	configure(patch: IDataObject): Promise<void>;
	log(endpoint: string): Promise<Array<{ seq: number; status: number; body?: { parts?: Array<{ json?: IDataObject; size: number }> } }>>;
	stop(): Promise<void>;
}

export async function startSimulatorProcess(latencyMs: number): Promise<SimulatorHandle> {
	const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'simulatorProcess.js'), String(latencyMs)], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const info = await new Promise<SimulatorInfo>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const line = out.split('\n').find((l) => l.startsWith('{'));
			if (line && out.includes('\n')) resolve(JSON.parse(line) as SimulatorInfo);
		});
		child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before it was ready`)));
	});
	const http = axios.create({ baseURL: `${info.url}/__sim`, validateStatus: () => true });
	return {
		...info,
		http,
		counters: async () => (await http.get<Record<string, number>>('/counters')).data,
		configure: async (patch) => void (await http.post('/config', patch)),
		log: async (endpoint) => (await http.get('/log', { params: { endpoint } })).data,
		stop: async () =>
			await new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.stdin!.end();
				setTimeout(() => child.kill('SIGTERM'), 2000).unref();
			}),
	};
}

/** `after - before` for every counter that moved. */
export function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
	const moved: Record<string, number> = {};
	for (const [key, value] of Object.entries(after)) {
		if (value !== (before[key] ?? 0)) moved[key] = value - (before[key] ?? 0);
	}
	return moved;
}

export const isAuthCall = (key: string) => key.includes('/oauth/');
export const tokenCalls = (counts: Record<string, number>) =>
	Object.entries(counts).reduce((sum, [key, n]) => sum + (key.startsWith('POST /oauth/token') ? n : 0), 0);
export const restCalls = (counts: Record<string, number>) =>
	Object.entries(counts).reduce((sum, [key, n]) => sum + (isAuthCall(key) || key.startsWith('connect:') ? 0 : n), 0);

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

export const CREDENTIAL_IDS: Record<Auth, string> = { jwt: 'bench-jwt', oAuth2: 'bench-oauth2' };

export function jwtCredential(sim: SimulatorInfo, accountId = '') {
	return {
		type: 'docuSignJwtApi',
		name: 'Alice (JWT)',
		data: {
			environment: 'custom',
			customAuthServer: sim.url,
			integrationKey: sim.integrationKey,
			userId: sim.userId,
			privateKey: sim.privateKeyPkcs1,
			accountId,
			accessToken: '',
		},
	};
}

/** Alice connects once through the Authorization Code Grant, as she would in n8n's editor. */
export async function oauth2Credential(sim: SimulatorInfo) {
	const authorize = await axios.get(`${sim.url}/oauth/auth`, {
		params: {
			response_type: 'code',
			scope: 'signature extended',
			client_id: sim.integrationKey,
			redirect_uri: REDIRECT_URI,
			state: 'bench',
			auto_approve: 'true',
		},
		maxRedirects: 0,
		validateStatus: (status) => status === 302,
	});
	const code = new URL(String(authorize.headers.location)).searchParams.get('code');
	const token = await axios.post(
		`${sim.url}/oauth/token`,
		new URLSearchParams({ grant_type: 'authorization_code', code: String(code), redirect_uri: REDIRECT_URI }).toString(),
		{
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Authorization: `Basic ${Buffer.from(`${sim.integrationKey}:${sim.clientSecret}`).toString('base64')}`,
			},
		},
	);
	const data = token.data as { access_token: string; refresh_token: string; token_type: string; expires_in: number };
	return {
		type: 'docuSignOAuth2Api',
		name: 'Alice (OAuth2)',
		data: {
			environment: 'custom',
			customAuthServer: sim.url,
			clientId: sim.integrationKey,
			clientSecret: sim.clientSecret,
			accountId: '',
			scope: 'signature extended',
			oauthTokenData: { ...data, n8n_expires_at: String(Date.now() + data.expires_in * 1000) },
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Items and parameters
// ---------------------------------------------------------------------------------------------

export const onePagePdf = makePdf([['Service Agreement', 'Please sign below.', 'Signature: /sn1/']], 'Service Agreement');

export function createItems(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, n) => ({
		json: { n, name: `Signer ${n}`, email: `signer${n}@example.com` },
		binary: { data: memoryBinary(onePagePdf, { fileName: `contract-${n}.pdf`, mimeType: 'application/pdf' }) },
	}));
}

/**
 * Envelope → Create for `createItems`: subject and signer come from each item through
 * expressions, as a batch workflow has them; `fixed` puts the same values in every envelope
 * without expressions, to tell n8n's expression cost apart from the rest.
 */
export const createParameters = (parallelRequests: number, fixed = false): INodeParameters => ({
	resource: 'envelope',
	operation: 'create',
	emailSubject: fixed ? 'Contract' : '={{ "Contract " + $json.n }}',
	documents: { document: [{ binaryPropertyName: 'data' }] },
	signers: {
		signer: [
			fixed
				? { name: 'Signer', email: 'signer@example.com', routingOrder: 1 }
				: { name: '={{ $json.name }}', email: '={{ $json.email }}', routingOrder: 1 },
		],
	},
	status: 'sent',
	requestOptions: { parallelRequests },
});

// ---------------------------------------------------------------------------------------------
// The node in n8n's engine
// ---------------------------------------------------------------------------------------------

export interface NodeRun {
	ms: number;
	result: RunResult;
	output: INodeExecutionData[];
}

export async function runNode(
	store: CredentialStore,
	auth: Auth,
	parameters: INodeParameters,
	inputItems: INodeExecutionData[],
): Promise<NodeRun> {
	const credentialType = auth === 'jwt' ? 'docuSignJwtApi' : 'docuSignOAuth2Api';
	const started = performance.now();
	const result = await runWorkflow({
		nodes: [
			startNode(),
			{
				id: 'docusign',
				name: 'DocuSign',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters: { authentication: auth, ...parameters },
				credentials: { [credentialType]: { id: CREDENTIAL_IDS[auth], name: CREDENTIAL_IDS[auth] } },
			},
		],
		connections: chain('Start', 'DocuSign'),
		nodeTypes: { [NODE_TYPE]: new DocuSign() },
		credentialTypes: [new DocuSignOAuth2Api(), new DocuSignJwtApi()],
		store,
		inputItems,
	});
	const ms = performance.now() - started;
	if (result.error) throw new Error(`the DocuSign node failed: ${result.error.message} ${result.error.description ?? ''}`);
	return { ms, result, output: result.outputOf('DocuSign') };
}

/** Every output item is its own input item's envelope, in order, paired with it. */
export function checkCreateOutput(output: INodeExecutionData[], count: number): void {
	if (output.length !== count) throw new Error(`expected ${count} output items, got ${output.length}`);
	output.forEach((item, n) => {
		const paired = item.pairedItem as { item: number } | undefined;
		if (paired?.item !== n) throw new Error(`output item ${n} is paired with ${JSON.stringify(item.pairedItem)}`);
		if (item.json.error) throw new Error(`output item ${n} is an error: ${String(item.json.error)}`);
		const subject = item.json.emailSubject;
		if (subject !== undefined && subject !== `Contract ${n}`) throw new Error(`output item ${n} has subject ${String(subject)}`);
	});
}

export async function newStore(credential: { type: string; name: string; data: IDataObject }, auth: Auth): Promise<CredentialStore> {
	const store = new CredentialStore();
	await store.put(CREDENTIAL_IDS[auth], credential as Parameters<CredentialStore['put']>[1]);
	return store;
}

// ---------------------------------------------------------------------------------------------
// The raw loop: axios, prebuilt bodies, the node's token and base URI
// ---------------------------------------------------------------------------------------------

export interface PreparedBody {
	body: Buffer;
	contentType: string;
}

/**
 * The multipart bodies the node sends for `createItems(count)`, built ahead with the package's
 * own builder: the same definition (subject, signer, document, idempotency marker) and PDF bytes.
 */
export async function prebuildBodies(count: number, runLabel: string): Promise<PreparedBody[]> {
	const noContext = {} as IExecuteFunctions;
	const bodies: PreparedBody[] = [];
	for (let n = 0; n < count; n++) {
		const binary = memoryBinary(onePagePdf, { fileName: `contract-${n}.pdf`, mimeType: 'application/pdf' });
		const document: DocumentUpload = {
			documentId: '1',
			name: `contract-${n}.pdf`,
			fileExtension: 'pdf',
			fileName: `contract-${n}.pdf`,
			mimeType: 'application/pdf',
			size: onePagePdf.length,
			binaryPropertyName: 'data',
			binary,
			where: 'Document 1',
		};
		const hex = createHash('sha256').update(`${runLabel}:${n}`).digest('hex');
		const marker = { transactionId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}` };
		const definition = withMarker(
			{
				emailSubject: `Contract ${n}`,
				status: 'sent',
				documents: [{ documentId: '1', name: `contract-${n}.pdf`, fileExtension: 'pdf' }],
				recipients: { signers: [{ name: `Signer ${n}`, email: `signer${n}@example.com`, routingOrder: '1', recipientId: '1' }] },
			},
			marker,
		);
		bodies.push(await buildMultipartBody.call(noContext, n, definition, [document]));
	}
	return bodies;
}

/** A plain loop of axios POSTs, `parallel` at a time (1 = one after the other). */
export async function rawLoop(restBase: string, token: string, bodies: PreparedBody[], parallel = 1): Promise<number> {
	const client = axios.create({
		baseURL: restBase,
		headers: { Authorization: `Bearer ${token}` },
		httpAgent: new Agent({ keepAlive: true }),
		maxBodyLength: Infinity,
	});
	const started = performance.now();
	let next = 0;
	const worker = async () => {
		while (next < bodies.length) {
			const { body, contentType } = bodies[next++];
			const response = await client.post('/envelopes', body, { headers: { 'Content-Type': contentType } });
			if (response.status !== 201) throw new Error(`raw create answered ${response.status}`);
		}
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	return performance.now() - started;
}

/** The access token the node's credential holds now (minted by JWT pre-authentication or OAuth2). */
export async function tokenOf(store: CredentialStore, auth: Auth): Promise<string> {
	const data = await store.get(CREDENTIAL_IDS[auth]);
	const token = auth === 'jwt' ? data.accessToken : (data.oauthTokenData as IDataObject | undefined)?.access_token;
	if (typeof token !== 'string' || !token) throw new Error(`no access token in the ${auth} credential`);
	return token;
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
