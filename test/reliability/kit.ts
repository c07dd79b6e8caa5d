/**
 * Shared set-up of the reliability suite: the DocuSign node in n8n's real engine (harness) against
 * the local DocuSign simulator over real HTTP on 127.0.0.1, with JWT or OAuth2 credentials of the
 * seeded user Alice, a fake clock for rate-limit waits, and a secret scanner that reads every
 * surface a failing run has: error message, description, output items, n8n's logger and console.
 */
import { CredentialStore, chain, runWorkflow, startNode, type RunResult } from '../engine/harness';
import { memoryBinary } from '../engine/binaryData';

import axios from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../nodes/DocuSign/DocuSign.node';
import { MARKER_FIELD, clock } from '../../nodes/DocuSign/transport';
import { keyFragments } from '../helpers/keys';
import { CLIENT_SECRETS, SEED_IDS, type LogEntry, type Simulator } from '../simulator';
import { makePdf } from '../simulator/pdf';

export const NODE_TYPE = 'n8n-nodes-docusign.docuSign';
export const NODE_NAME = 'DocuSign';
export const IK = SEED_IDS.integrationKey;
export const ALICE = SEED_IDS.users.alice;
export type Auth = 'jwt' | 'oAuth2';

export const PDF = makePdf([['Service Agreement', 'Signature: /sn1/']], 'Service Agreement');

/** One item per contract: a one-page PDF and its signer. */
export function contractItems(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({
		json: { n: i + 1, name: `Signer ${i + 1}`, email: `signer${i + 1}@example.com` },
		binary: { data: memoryBinary(PDF, { fileName: `contract-${i + 1}.pdf`, mimeType: 'application/pdf' }) },
	}));
}

/** Envelope → Create, sent now, one signer from the item. */
export const createParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'envelope',
	operation: 'create',
	emailSubject: '=Please sign contract {{ $json.n }}',
	documents: { document: [{ binaryPropertyName: 'data' }] },
	signers: { signer: [{ name: '={{ $json.name }}', email: '={{ $json.email }}', routingOrder: 1 }] },
	status: 'sent',
	...extra,
});

export function jwtCredential(sim: Simulator, extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		environment: 'custom',
		customAuthServer: sim.url,
		integrationKey: IK,
		userId: ALICE,
		privateKey: sim.seed.integrationKeys[0].privateKeyPkcs1,
		accountId: '',
		accessToken: '',
		...extra,
	};
}

/** A real OAuth2 connection of Alice: consent page (auto-approved), then the authorization_code grant. */
export async function oauthCredential(sim: Simulator): Promise<ICredentialDataDecryptedObject> {
	const http = axios.create({ baseURL: sim.url, proxy: false, validateStatus: () => true, maxRedirects: 0 });
	const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
	const scope = 'signature extended';
	const auth = await http.get('/oauth/auth', {
		params: { response_type: 'code', scope, client_id: IK, redirect_uri: redirectUri, state: 's', sim_user: ALICE, auto_approve: 'true' },
	});
	const code = new URL(String(auth.headers.location)).searchParams.get('code');
	const token = await http.post(
		'/oauth/token',
		new URLSearchParams({ grant_type: 'authorization_code', code: String(code), redirect_uri: redirectUri }).toString(),
		{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, auth: { username: IK, password: CLIENT_SECRETS[IK] } },
	);
	if (token.status !== 200) throw new Error(`authorization_code grant failed: ${token.status}`);
	return {
		environment: 'custom',
		customAuthServer: sim.url,
		clientId: IK,
		clientSecret: CLIENT_SECRETS[IK],
		accountId: '',
		scope,
		oauthTokenData: { ...token.data },
	};
}

export interface RunOptions {
	auth?: Auth;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	credential: ICredentialDataDecryptedObject;
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	const auth = options.auth ?? 'jwt';
	const type = auth === 'jwt' ? 'docuSignJwtApi' : 'docuSignOAuth2Api';
	const node: INode = {
		id: 'docusign-node',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: { authentication: auth, ...options.parameters },
		credentials: { [type]: { id: 'cred', name: 'Alice' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	return await runWorkflow({
		nodes: [startNode(), node],
		connections: chain('Start', NODE_NAME),
		nodeTypes: { [NODE_TYPE]: new DocuSign() },
		credentialTypes: [new DocuSignJwtApi(), new DocuSignOAuth2Api()],
		credentials: { cred: { type, name: 'Alice', data: options.credential } },
		store: new CredentialStore(),
		inputItems: options.items ?? [{ json: {} }],
	});
}

// ---------------------------------------------------------------------------------------------
// What the simulator saw
// ---------------------------------------------------------------------------------------------

export const isCreate = (e: LogEntry) => e.endpoint === 'POST envelopes';
/** A lookup of a create's marker: by transactionId (within a run) or by the Idempotency Key's custom field. */
export const isMarkerLookup = (e: LogEntry) =>
	e.endpoint === 'GET envelopes' && (typeof e.query.transaction_ids === 'string' || typeof e.query.custom_field === 'string');
export const isRest = (e: LogEntry) => e.path.includes('/restapi/');

/** Envelopes in the simulator with their idempotency marker: the transactionId, else the marker custom field. */
export function envelopesWithMarkers(
	sim: Simulator,
): Array<{ envelopeId: string; marker?: string; emailSubject?: string; status: string }> {
	return [...sim.state.envelopes.values()].map((env) => ({
		envelopeId: env.envelopeId,
		marker: env.transactionId ?? env.textCustomFields.find((field) => field.name === MARKER_FIELD)?.value,
		emailSubject: env.emailSubject,
		status: env.status,
	}));
}

/** Calls `action` when the simulator logs a request that `when` picks: before it does any work. */
export function onRequest(sim: Simulator, when: (entry: LogEntry, seen: number) => boolean, action: () => void): () => void {
	const log = sim.requestLog;
	const push = log.push;
	let seen = 0;
	log.push = function (...entries: LogEntry[]): number {
		const length = push.apply(this, entries);
		for (const entry of entries) if (when(entry, ++seen)) action();
		return length;
	};
	return () => {
		log.push = push;
	};
}

// ---------------------------------------------------------------------------------------------
// Fake time for rate-limit waits: the transport's clock and Date.now move together, so the
// simulator's hourly and burst windows pass while the test waits for nothing.
// ---------------------------------------------------------------------------------------------

export interface FakeTime {
	/** Milliseconds the transport asked to sleep, in order. */
	slept: number[];
	restore(): void;
}

/**
 * The transport's waits return at once and move time forward instead. With `frozenAt`, time stands
 * still at that epoch ms except for those waits, so rate-limit windows pass exactly as planned.
 */
export function fakeTime(frozenAt?: number): FakeTime {
	const realNow = Date.now.bind(Date);
	const realClock = { ...clock };
	let offset = frozenAt === undefined ? 0 : frozenAt;
	const slept: number[] = [];
	const dateNow = jest.spyOn(Date, 'now').mockImplementation(() => (frozenAt === undefined ? realNow() : 0) + offset);
	clock.now = () => Date.now();
	clock.random = () => 0.5;
	clock.sleep = async (ms: number) => {
		slept.push(ms);
		offset += ms;
	};
	return {
		slept,
		restore: () => {
			dateNow.mockRestore();
			Object.assign(clock, realClock);
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Secret hygiene
// ---------------------------------------------------------------------------------------------

/** Every secret the simulator and the credentials know: keys, secrets, tokens, assertions, HMAC keys. */
export function knownSecrets(sim: Simulator, extra: string[] = []): string[] {
	const secrets = new Set<string>(extra);
	for (const ik of sim.seed.integrationKeys) {
		for (const fragment of [...keyFragments(ik.privateKeyPkcs1), ...keyFragments(ik.privateKeyPkcs8)]) secrets.add(fragment);
		secrets.add(ik.clientSecret);
	}
	for (const token of sim.state.accessTokens.keys()) secrets.add(token);
	for (const token of sim.state.refreshTokens.keys()) secrets.add(token);
	for (const code of sim.state.authCodes.keys()) secrets.add(code);
	for (const keys of sim.state.hmacKeys.values()) for (const key of keys) secrets.add(key);
	for (const entry of sim.requestLog) {
		const assertion = (entry.body as { assertion?: unknown } | undefined)?.assertion;
		if (typeof assertion === 'string') {
			secrets.add(assertion);
			// The signature alone is enough to spot a leaked assertion.
			secrets.add(assertion.split('.')[2]);
		}
		const authorization = entry.headers.authorization;
		if (typeof authorization === 'string') secrets.add(authorization.replace(/^(Bearer|Basic)\s+/i, ''));
	}
	return [...secrets].filter((secret) => secret.length >= 12);
}

/** n8n's logger (LoggerProxy and the scoped loggers behind `this.logger`) and the console, captured. */
export class LogCapture {
	readonly lines: string[] = [];
	private readonly restores: Array<() => void> = [];

	start(): this {
		const record = (level: string) => (message: unknown, meta?: unknown) => {
			this.lines.push(`${level} ${serialize(message)} ${serialize(meta)}`);
		};
		const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as {
			Container: { get<T>(type: new (...args: never[]) => T): T };
		};
		const { Logger } = require(require.resolve('@n8n/backend-common', { paths: [require.resolve('n8n-core')] })) as {
			Logger: new (...args: never[]) => { log(level: string, message: string, meta: unknown): void };
		};
		// The root logger n8n-core hands out (this.logger); creating it points LoggerProxy at it too.
		Container.get(Logger);
		const log = jest.spyOn(Logger.prototype, 'log').mockImplementation((level, message, meta) => record(`logger.${level}`)(message, meta));
		this.restores.push(() => log.mockRestore());
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => record(`console.${method}`)(args));
			this.restores.push(() => spy.mockRestore());
		}
		return this;
	}

	stop(): void {
		for (const restore of this.restores.splice(0).reverse()) restore();
	}
}

function serialize(value: unknown): string {
	if (value === undefined) return '';
	if (typeof value === 'string') return value;
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(value, (_key, inner: unknown) => {
			if (inner instanceof Error) return { ...inner, name: inner.name, message: inner.message, stack: inner.stack };
			if (Buffer.isBuffer(inner)) return inner.toString('latin1');
			if (inner && typeof inner === 'object') {
				if (seen.has(inner)) return '[circular]';
				seen.add(inner);
			}
			return inner;
		});
	} catch {
		return String(value);
	}
}

/** The surfaces of a run a user or an operator can see: error, description, stack, output, logs. */
export function runSurfaces(result: RunResult, logs: string[]): Record<string, string> {
	const error = result.error;
	const items = result.outputOf(NODE_NAME);
	return {
		message: String(error?.message ?? ''),
		description: String(error?.description ?? ''),
		stack: String(error?.stack ?? ''),
		error: serialize(error),
		itemErrors: serialize(items.filter((item) => item.json.error !== undefined).map((item) => item.json)),
		output: serialize(items),
		runData: serialize(result.run.data.resultData),
		logs: logs.join('\n'),
	};
}

/** Which secret shows on which surface: empty when the run is clean. */
export function findLeaks(surfaces: Record<string, string>, secrets: string[]): string[] {
	const leaks: string[] = [];
	for (const [surface, text] of Object.entries(surfaces)) {
		for (const secret of secrets) {
			if (text.includes(secret)) leaks.push(`${surface}: …${secret.slice(0, 6)}…`);
		}
	}
	return leaks;
}

/** An item's error text as continueOnFail gives it. */
export const itemError = (item: INodeExecutionData) => (item.json as IDataObject).error as string | undefined;
