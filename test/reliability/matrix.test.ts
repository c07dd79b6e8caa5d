/**
 * The reliability matrix: the DocuSign node's Envelope → Create (a one-page PDF, one signer, sent
 * now) for 20 items per run, in n8n's real engine, against the local DocuSign simulator over real
 * HTTP, under every fault an ops team meets. For each fault it checks the envelopes that exist
 * (exactly one per item that succeeded, never two: the idempotency markers are unique), the
 * retries the simulator saw, and the items' outputs. Then every run with a fault is made again with
 * n8n's logger and the console captured, and no secret may show anywhere.
 *
 * `RELIABILITY_REPORT=1 npx jest test/reliability` also writes the table to test/reliability/matrix.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import nock from 'nock';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { apiRequest, clearAccountCache, clearRateLimits } from '../../nodes/DocuSign/transport';
import type { RunResult } from '../engine/harness';
import { startSimulator, type Simulator } from '../simulator';
import {
	LogCapture,
	NODE_NAME,
	contractItems,
	createParameters,
	envelopesWithMarkers,
	fakeTime,
	findLeaks,
	isCreate,
	isMarkerLookup,
	itemError,
	jwtCredential,
	knownSecrets,
	oauthCredential,
	onRequest,
	runNode,
	runSurfaces,
	type Auth,
} from './kit';

const ITEMS = 20;
const HOUR = 3_600_000;

interface Seen {
	creates: number;
	lookups: number;
	refusedByLimits: number;
	jwtMints: number;
	refreshes: number;
	envelopes: number;
}

interface Row {
	fault: string;
	auth: Auth;
	/** Save as Draft (status "created"): DocuSign lists drafts only when asked for them by status. */
	draft?: boolean;
	continueOnFail?: boolean;
	/** The node's "Rate Limits and Retries" options. */
	requestOptions?: INodeParameters;
	/** Frozen time, moved only by the transport's waits: for the simulator's rate-limit windows. */
	frozenAt?: (now: number) => number;
	arrange?: (sim: Simulator) => (() => void) | void;
	/** What the simulator must have seen; a row whose numbers depend on pacing checks them in `check`. */
	expected: Partial<Seen> & { ok: number; envelopes: number; slept?: number[] };
	check?: (seen: Seen, slept: number[]) => void;
	/** The run's error (no continueOnFail), or every error item's text. */
	error?: RegExp;
	/** Without continueOnFail: the item (1-based) whose error stops the run. */
	stopsAt?: number;
	outcome: string;
}

const BASELINE = 'none (baseline)';
const topOfNextHour = (now: number) => Math.floor(now / HOUR) * HOUR + HOUR;
const expireAllTokens = (sim: Simulator) => () => void sim.expireTokens();

const rows: Row[] = [
	{
		fault: BASELINE,
		auth: 'jwt',
		expected: { ok: 20, envelopes: 20, creates: 20, lookups: 0, refusedByLimits: 0, jwtMints: 1, refreshes: 0, slept: [] },
		outcome: '20 envelopes sent',
	},
	{
		fault: '401 mid-run: token expired at the 10th create (JWT)',
		auth: 'jwt',
		arrange: (sim) => onRequest(sim, (e) => isCreate(e) && countCreates(sim) === 10, expireAllTokens(sim)),
		expected: { ok: 20, envelopes: 20, creates: 21, lookups: 0, refusedByLimits: 0, jwtMints: 2, refreshes: 0, slept: [] },
		outcome: 'n8n re-minted the JWT token once and re-sent the refused create; run completed',
	},
	{
		fault: '401 mid-run: token expired at the 10th create (OAuth2)',
		auth: 'oAuth2',
		arrange: (sim) => onRequest(sim, (e) => isCreate(e) && countCreates(sim) === 10, expireAllTokens(sim)),
		expected: { ok: 20, envelopes: 20, creates: 21, lookups: 0, refusedByLimits: 0, jwtMints: 0, refreshes: 1, slept: [] },
		outcome: 'n8n refreshed the OAuth2 token once and re-sent the refused create; run completed',
	},
	{
		fault: '401 again after the fresh token (JWT)',
		auth: 'jwt',
		arrange: (sim) => onRequest(sim, isCreate, expireAllTokens(sim)),
		expected: { ok: 0, envelopes: 0, creates: 2, lookups: 0, refusedByLimits: 0, jwtMints: 2, refreshes: 0, slept: [] },
		error: /^DocuSign refused the credential even after a fresh token \(USER_AUTHENTICATION_FAILED\): reconnect this credential$/,
		stopsAt: 1,
		outcome: 'one re-mint, then the run stops: "reconnect this credential"; no loop',
	},
	{
		fault: '401 again after the refresh (OAuth2)',
		auth: 'oAuth2',
		arrange: (sim) => onRequest(sim, isCreate, expireAllTokens(sim)),
		expected: { ok: 0, envelopes: 0, creates: 2, lookups: 0, refusedByLimits: 0, jwtMints: 0, refreshes: 1, slept: [] },
		error: /^DocuSign refused the credential even after a fresh token \(USER_AUTHENTICATION_FAILED\): reconnect this credential$/,
		stopsAt: 1,
		outcome: 'one refresh, then the run stops: "reconnect this credential"; no loop',
	},
	{
		fault: '401 mid-run and the refresh token revoked (OAuth2)',
		auth: 'oAuth2',
		arrange: (sim) =>
			onRequest(sim, (e) => isCreate(e) && countCreates(sim) === 10, () => {
				sim.expireTokens();
				sim.state.refreshTokens.clear();
			}),
		expected: { ok: 0, envelopes: 9, lookups: 0, refusedByLimits: 0, jwtMints: 0, slept: [] },
		// n8n tries the refresh once per call; the transport may send a call once more after a refused
		// refresh (another process may just have rotated the token), never more.
		check: (seen) => {
			expect(seen.refreshes === 1 || seen.refreshes === 2).toBe(true);
			expect(seen.creates).toBe(9 + seen.refreshes);
		},
		error: /^The credential "Alice" needs to be reconnected\.$/,
		stopsAt: 10,
		outcome: 'items 1–9 sent; the refresh is refused (invalid_grant), the run stops at item 10: n8n\'s "needs to be reconnected"',
	},
	{
		fault: '429 burst from other traffic on the account (3 refusals), then recovery',
		auth: 'jwt',
		arrange: (sim) =>
			void sim.faults.failNext(3, { status: 429, errorCode: 'BURST_APIINVOCATION_LIMIT_EXCEEDED', match: { endpoint: 'POST envelopes' } }),
		expected: { ok: 20, envelopes: 20, creates: 23, lookups: 0, refusedByLimits: 3, jwtMints: 1, refreshes: 0, slept: [1000, 2000, 4000] },
		outcome: 'item 1 waited 1 s, 2 s, 4 s and was re-sent (DocuSign did nothing for a refused call); run completed',
	},
	{
		fault: 'burst limit reached by the run itself (8 calls per 3 s)',
		auth: 'jwt',
		frozenAt: (now) => now,
		arrange: (sim) => {
			Object.assign(sim.config.rateLimits, { burstLimit: 8, burstWindowSeconds: 3 });
		},
		expected: { ok: 20, envelopes: 20, lookups: 0, jwtMints: 1, refreshes: 0 },
		// Whether the transport paces itself from X-BurstLimit-Remaining or runs into 429s, every
		// create is sent once plus once per refusal, and 20 calls at 8 per 3 s take at least 6 s.
		check: (seen, slept) => {
			expect(seen.creates).toBe(ITEMS + seen.refusedByLimits);
			expect(slept.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(6000);
		},
		outcome: 'the run slowed down to the burst limit (waits from the X-BurstLimit headers and any 429); run completed',
	},
	{
		fault: 'hourly limit, reset in 5 s',
		auth: 'jwt',
		frozenAt: (now) => topOfNextHour(now) - 5000,
		arrange: (sim) => {
			sim.config.rateLimits.hourlyLimit = 10;
		},
		expected: { ok: 20, envelopes: 20, creates: 21, lookups: 0, refusedByLimits: 1, jwtMints: 1, refreshes: 0, slept: [6000] },
		outcome: 'waited for the reset (6 s, within the 60 s "Max Wait"), re-sent item 11; run completed',
	},
	{
		fault: 'hourly limit, reset in 59 min (continueOnFail)',
		auth: 'jwt',
		continueOnFail: true,
		frozenAt: (now) => topOfNextHour(now) - 59 * 60_000,
		arrange: (sim) => {
			sim.config.rateLimits.hourlyLimit = 10;
		},
		expected: { ok: 10, envelopes: 10, creates: 20, lookups: 0, refusedByLimits: 10, jwtMints: 1, refreshes: 0, slept: [] },
		error: /^DocuSign could not create the envelope: HOURLY_APIINVOCATION_LIMIT_EXCEEDED – The maximum number of hourly API invocations has been exceeded\. The hourly limit is 10\.$/,
		outcome: 'no wait; items 11–20 are error items naming the limit and the reset time; items 1–10 sent',
	},
	{
		fault: '503 twice, then OK',
		auth: 'jwt',
		arrange: (sim) => void sim.faults.failNext(2, { status: 503, match: { endpoint: 'POST envelopes' } }),
		expected: { ok: 20, envelopes: 20, creates: 22, lookups: 2, refusedByLimits: 0, jwtMints: 1, refreshes: 0, slept: [500, 1000] },
		outcome: 'item 1: marker looked up after each 503 (nothing there), create re-sent twice; run completed',
	},
	{
		fault: 'connection reset before the request reaches the server (×2)',
		auth: 'jwt',
		arrange: (sim) => void sim.faults.resetBefore(2, { endpoint: 'POST envelopes' }),
		expected: { ok: 20, envelopes: 20, creates: 22, lookups: 2, refusedByLimits: 0, jwtMints: 1, refreshes: 0, slept: [500, 1000] },
		outcome: 'item 1: marker looked up after each reset (nothing there), create re-sent; run completed',
	},
	{
		fault: 'connection reset after the server created the envelope (response lost, ×2)',
		auth: 'jwt',
		arrange: (sim) => void sim.faults.resetAfter(2, { endpoint: 'POST envelopes' }),
		expected: { ok: 20, envelopes: 20, creates: 20, lookups: 2, refusedByLimits: 0, jwtMints: 1, refreshes: 0, slept: [] },
		outcome: 'items 1 and 2: the marker lookup found the envelope; returned it, no second create',
	},
	{
		fault: 'server slower than the request timeout (1 s timeout, 1.5 s answer, ×2)',
		auth: 'jwt',
		requestOptions: { timeout: 1 },
		arrange: (sim) => void sim.faults.slow(1500, 2, { endpoint: 'POST envelopes' }),
		expected: { ok: 20, envelopes: 20, creates: 20, lookups: 2, refusedByLimits: 0, jwtMints: 1, refreshes: 0, slept: [] },
		outcome: 'items 1 and 2 timed out after the envelope was made; the marker lookup found it, no second create',
	},
];

// The same ambiguous faults for "Save as Draft": DocuSign's GET /envelopes leaves drafts out unless
// status names "created", so a lookup that does not ask for drafts would find nothing and re-send.
const draftRows: Row[] = [
	{ ...rows[0], fault: 'drafts: none (baseline)', draft: true, outcome: '20 drafts saved' },
	...rows
		.filter((row) => row.expected.lookups! > 0)
		.map((row) => ({
			...row,
			fault: `drafts: ${row.fault}`,
			draft: true,
			outcome: row.outcome.replace(/envelope/g, 'draft'),
		})),
];
rows.push(...draftRows);

function countCreates(sim: Simulator): number {
	return sim.requestLog.filter(isCreate).length;
}

let sim: Simulator;
const report: Array<{ row: Row; seen: Seen & { ok: number; errors: number }; slept: number[]; sample?: string }> = [];
const hygiene = { cases: 0, surfaces: 0, secrets: 0, leaks: [] as string[] };

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sim = await startSimulator({ allowHttpListeners: true });
});
afterAll(async () => {
	await sim.close();
	if (process.env.RELIABILITY_REPORT) writeFileSync(join(__dirname, 'matrix.md'), markdown());
});

interface Outcome {
	result: RunResult;
	slept: number[];
	logs: string[];
	secrets: string[];
}

async function runRow(row: Row, capture = false): Promise<Outcome> {
	sim.reset();
	clearAccountCache();
	clearRateLimits();
	const credential = row.auth === 'jwt' ? jwtCredential(sim) : await oauthCredential(sim);
	const time = fakeTime(row.frozenAt?.(Date.now()));
	const undo = row.arrange?.(sim);
	const logs = capture ? new LogCapture().start() : undefined;
	try {
		const result = await runNode({
			auth: row.auth,
			parameters: createParameters({
				...(row.requestOptions ? { requestOptions: row.requestOptions } : {}),
				...(row.draft ? { status: 'created' } : {}),
			}),
			items: contractItems(ITEMS),
			continueOnFail: row.continueOnFail,
			credential,
		});
		return { result, slept: time.slept, logs: logs?.lines ?? [], secrets: knownSecrets(sim) };
	} finally {
		logs?.stop();
		undo?.();
		time.restore();
	}
}

function seenBy(sim: Simulator, result: RunResult): Seen & { ok: number; errors: number } {
	const counters = sim.counters();
	const items = result.outputOf(NODE_NAME);
	return {
		ok: items.filter((item) => item.json.envelopeId !== undefined).length,
		errors: items.filter((item) => item.json.error !== undefined).length,
		creates: sim.requestLog.filter(isCreate).length,
		lookups: sim.requestLog.filter(isMarkerLookup).length,
		// In these runs a create answered 429 or 400 was refused by a rate limit (a 400 is the hourly one).
		refusedByLimits: sim.requestLog.filter((e) => isCreate(e) && (e.status === 429 || e.status === 400)).length,
		jwtMints: counters['POST /oauth/token:jwt'] ?? 0,
		refreshes: counters['POST /oauth/token:refresh_token'] ?? 0,
		envelopes: sim.state.envelopes.size,
	};
}

function checkOutputs(row: Row, result: RunResult): void {
	const items = result.outputOf(NODE_NAME);
	const envelopes = envelopesWithMarkers(sim);
	// Exactly one envelope per item that succeeded, each with its own marker: never two.
	expect(envelopes.every((envelope) => envelope.marker)).toBe(true);
	expect(new Set(envelopes.map((envelope) => envelope.marker)).size).toBe(envelopes.length);
	expect(new Set(envelopes.map((envelope) => envelope.emailSubject)).size).toBe(envelopes.length);
	// Every envelope keeps the account's admin-defined custom fields with their defaults.
	for (const envelope of sim.state.envelopes.values()) {
		expect([...envelope.listCustomFields, ...envelope.textCustomFields].map(({ name, value }) => [name, value])).toEqual([
			['Department', 'Sales'],
			['Cost Center', 'CC-100'],
		]);
	}

	if (row.stopsAt) {
		expect(result.error?.message).toMatch(row.error!);
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(row.stopsAt - 1);
		expect(items).toEqual([]);
		return;
	}
	expect(result.error).toBeUndefined();
	expect(items).toHaveLength(ITEMS);
	items.forEach((item: INodeExecutionData, index) => {
		expect(item.pairedItem).toEqual({ item: index });
		if (item.json.error !== undefined) {
			expect(itemError(item)).toMatch(row.error ?? /^$/);
			return;
		}
		const envelope = envelopes.find((candidate) => candidate.envelopeId === item.json.envelopeId);
		expect(envelope?.emailSubject).toBe(`Please sign contract ${index + 1}`);
		expect(envelope?.status).toBe(row.draft ? 'created' : 'sent');
		expect(item.json).toMatchObject({ status: row.draft ? 'created' : 'sent', alreadyExisted: false });
	});
}

describe('Envelope → Create, 20 items, under each fault', () => {
	it.each(rows.map((row) => [row.fault, row] as const))('%s', async (_fault, row) => {
		const { result, slept } = await runRow(row);
		const seen = seenBy(sim, result);
		report.push({
			row,
			seen,
			slept,
			sample: result.error?.message ?? result.outputOf(NODE_NAME).map(itemError).find(Boolean),
		});

		checkOutputs(row, result);
		const { slept: expectedSleeps, ...counts } = row.expected;
		expect(seen).toMatchObject(counts);
		if (expectedSleeps) expect(slept).toEqual(expectedSleeps);
		row.check?.(seen, slept);
	});
});

describe('the error a user sees', () => {
	it('hourly limit far away: the description names the limit, the reset time and the option', async () => {
		const row = rows.find((r) => r.fault.startsWith('hourly limit, reset in 59 min'))!;
		const at = row.frozenAt!(Date.now());
		const { result } = await runRow(row);
		const failed = result.outputOf(NODE_NAME).filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(10);
		expect(failed[0].json.description).toBe(
			`The account used its 3,000 API calls for this hour. The limit resets on the hour; use Connect events instead of polling to save calls. The limit of 10 per hour resets at ${new Date(topOfNextHour(at)).toISOString()}, beyond the node's "Max Wait for Rate Limits".`,
		);
	});

	it('a second 401 after a fresh token: the description says what to do', async () => {
		const row = rows.find((r) => r.fault === '401 again after the fresh token (JWT)')!;
		const { result } = await runRow(row);
		expect(result.error?.description).toMatch(/^n8n got a new access token and DocuSign refused it too/);
	});
});

describe('reads after a timeout', () => {
	it('Envelope → Get is sent again after a timeout (safe to repeat)', async () => {
		sim.reset();
		clearAccountCache();
		const time = fakeTime();
		try {
			const created = await runNode({ parameters: createParameters(), items: contractItems(1), credential: jwtCredential(sim) });
			const envelopeId = String(created.outputOf(NODE_NAME)[0].json.envelopeId);
			sim.faults.slow(1500, 1, { endpoint: 'GET envelope' });
			const result = await runNode({
				parameters: { resource: 'envelope', operation: 'get', envelopeId: { __rl: true, mode: 'id', value: envelopeId }, requestOptions: { timeout: 1 } },
				credential: jwtCredential(sim),
			});
			expect(result.error).toBeUndefined();
			expect(result.outputOf(NODE_NAME)[0].json).toMatchObject({ envelopeId, status: 'sent' });
			expect(sim.requestLog.filter((e) => e.endpoint === 'GET envelope')).toHaveLength(2);
			expect(time.slept).toEqual([500]);
		} finally {
			time.restore();
		}
	});
});

describe('request timeout', () => {
	async function timeoutOf(options: { timeout?: number; body?: unknown; encoding?: 'arraybuffer' }): Promise<number | undefined> {
		const sent: IHttpRequestOptions[] = [];
		const parameters: Record<string, unknown> = { authentication: 'jwt', 'requestOptions.timeout': options.timeout };
		const context = {
			getInputData: () => [{ json: {} }],
			getNode: () => ({ name: NODE_NAME }),
			getNodeParameter: (name: string, _index: number, fallback: unknown) => parameters[name] ?? fallback,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
					sent.push(request);
					return { body: {}, headers: {}, statusCode: 200 };
				},
			},
		} as unknown as IExecuteFunctions;
		const account = { accountId: 'a', accountName: 'A', baseUri: 'http://127.0.0.1:9', isDefault: true, restBaseUrl: 'http://127.0.0.1:9/restapi/v2.1/accounts/a', user: { userId: 'u', name: '', email: '', accounts: [] }, cacheKey: 'k' };
		await apiRequest.call(context, options.body ? 'POST' : 'GET', '/envelopes', { action: 'probe', account, body: options.body as IDataObject, encoding: options.encoding });
		return sent[0].timeout;
	}

	it('is 60 s for API calls and 5 minutes for uploads and downloads (n8n\'s own default is 5 minutes for all)', async () => {
		expect(await timeoutOf({})).toBe(60_000);
		expect(await timeoutOf({ body: { emailSubject: 'x' } })).toBe(60_000);
		expect(await timeoutOf({ body: Buffer.from('multipart') })).toBe(300_000);
		expect(await timeoutOf({ encoding: 'arraybuffer' })).toBe(300_000);
	});

	it('the node\'s "Request Timeout" sets it for every call', async () => {
		expect(await timeoutOf({ timeout: 5 })).toBe(5_000);
		expect(await timeoutOf({ timeout: 5, body: Buffer.from('multipart') })).toBe(5_000);
	});
});

describe('secret hygiene', () => {
	it('no run with a fault shows a key, token, client secret, assertion or HMAC key anywhere', async () => {
		const failing = rows.filter((row) => row.fault !== BASELINE && !row.draft);
		for (const row of failing) {
			const { result, logs, secrets } = await runRow(row, true);
			const surfaces = runSurfaces(result, logs);
			// The capture works: n8n's engine logs every run (at debug level, which the tests silence).
			expect(logs.length).toBeGreaterThan(0);
			hygiene.cases++;
			hygiene.surfaces += Object.keys(surfaces).length;
			hygiene.secrets = Math.max(hygiene.secrets, secrets.length);
			hygiene.leaks.push(...findLeaks(surfaces, secrets).map((leak) => `${row.fault}: ${leak}`));
		}
		expect(hygiene.cases).toBe(failing.length);
		expect(hygiene.leaks).toEqual([]);
	});
});

function markdown(): string {
	const lines = [
		'# Reliability matrix',
		'',
		'Generated by `RELIABILITY_REPORT=1 npx jest test/reliability/matrix.test.ts`. Envelope → Create (one-page PDF, one',
		'signer, sent now), 20 items per run: the DocuSign node in n8n-core 2.41.1\'s WorkflowExecute against the local',
		'DocuSign simulator over HTTP on 127.0.0.1. "Re-sent" counts creates sent again by n8n or the transport; a',
		'marker lookup is one `GET /envelopes?transaction_ids=…&status=…,created,…` (drafts are listed only when asked for).',
		'Rows "drafts: …" save the envelopes as drafts (status `created`). Every envelope kept the account\'s envelope',
		'custom fields (Department = Sales, Cost Center = CC-100).',
		'',
		'| Fault | Auth | Items OK / error | Envelopes created | Creates sent (re-sent) | Marker lookups | Token calls | Waits | Outcome |',
		'|---|---|---|---|---|---|---|---|---|',
	];
	for (const { row, seen, slept, sample } of report) {
		const tokenCalls = row.auth === 'jwt' ? `${seen.jwtMints} JWT mint${seen.jwtMints === 1 ? '' : 's'}` : `${seen.refreshes} refresh`;
		const items = row.stopsAt ? `run stopped at item ${row.stopsAt}` : `${seen.ok} / ${seen.errors}`;
		const waits = slept.length ? waitsText(slept) : '–';
		const said = sample ? `: “${sample}”` : '';
		lines.push(
			`| ${row.fault} | ${row.auth} | ${items} | ${seen.envelopes} | ${seen.creates} (${seen.creates - itemsThatSent(row, seen)}) | ${seen.lookups} | ${tokenCalls} | ${waits} | ${row.outcome}${said} |`,
		);
	}
	lines.push(
		'',
		`Secret hygiene: ${hygiene.cases} runs with a fault made again with n8n's logger and the console captured; ${hygiene.surfaces} surfaces (message, description, stack, error, error items, output, run data, logs) checked against up to ${hygiene.secrets} secrets; ${hygiene.leaks.length} leaks.`,
		'',
	);
	return lines.join('\n');
}

/** "1 s, 2 s" for a few waits, "12 waits, 6.2 s in all" for many (pacing). */
function waitsText(slept: number[]): string {
	const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
	if (slept.length <= 4) return slept.map(seconds).join(', ');
	return `${slept.length} waits, ${seconds(slept.reduce((sum, ms) => sum + ms, 0))} in all`;
}

/** How many items sent a create at all (each once, before any re-send). */
function itemsThatSent(row: Row, seen: Seen & { ok: number; errors: number }): number {
	return row.stopsAt ?? seen.ok + seen.errors;
}
