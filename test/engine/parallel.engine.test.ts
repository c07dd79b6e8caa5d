/**
 * "Requests in Parallel" in n8n's real engine against the local DocuSign simulator: how many
 * creates are at the simulator at once, output in item order with pairedItem, continueOnFail per
 * item, and the first failed item still failing the node. Then the burst pacing of the transport
 * with DocuSign's rate-limit headers (nock), and its arithmetic.
 */
import { memoryBinary } from './binaryData';
import type { RunResult } from './harness';

import nock from 'nock';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runPool } from '../../nodes/DocuSign/helpers/pool';
import { clearRateLimits, clock } from '../../nodes/DocuSign/transport';
import { burstPauseMs, recordRateLimit } from '../../nodes/DocuSign/transport/rateLimit';
import { makePdf } from '../simulator/pdf';
import { JWT_CREDENTIAL, aliceJwtCredential, runOnSimulator, sim, simulatorNode, store, useSimulator } from '../nodes/simulatorKit';

useSimulator();
beforeEach(() => clearRateLimits());

const pdf = makePdf([['Service agreement', 'Sign here: /sn1/']]);

const items = (count: number, badEmailAt: number[] = []): INodeExecutionData[] =>
	Array.from({ length: count }, (_, n) => ({
		json: { n, name: `Signer ${n}`, email: badEmailAt.includes(n) ? 'not-an-email' : `signer${n}@example.com` },
		binary: { data: memoryBinary(pdf, { fileName: `contract-${n}.pdf`, mimeType: 'application/pdf' }) },
	}));

function createNode(parallelRequests?: number, extra: INodeParameters = {}) {
	return simulatorNode('DocuSign', {
		resource: 'envelope',
		operation: 'create',
		emailSubject: '={{ "Contract " + $json.n }}',
		documents: { document: [{ binaryPropertyName: 'data' }] },
		signers: { signer: [{ name: '={{ $json.name }}', email: '={{ $json.email }}', routingOrder: 1 }] },
		status: 'sent',
		requestOptions: parallelRequests === undefined ? {} : { parallelRequests },
		...extra,
	});
}

/** The most POST /envelopes the simulator was working on at one moment, from its request log. */
function maxCreatesInFlight(): number {
	const edges = sim.requestLog
		.filter((entry) => entry.endpoint === 'POST envelopes')
		.flatMap((entry) => {
			const start = Date.parse(entry.at);
			return [
				{ at: start, step: 1 },
				{ at: start + (entry.durationMs ?? 0), step: -1 },
			];
		})
		.sort((a, b) => a.at - b.at || a.step - b.step);
	let now = 0;
	let max = 0;
	for (const edge of edges) {
		now += edge.step;
		max = Math.max(max, now);
	}
	return max;
}

const subjects = (result: RunResult) => result.outputOf('DocuSign').map((item) => item.json.emailSubject ?? item.json.error);
const paired = (result: RunResult) => result.outputOf('DocuSign').map((item) => item.pairedItem);

describe('Requests in Parallel', () => {
	beforeEach(() => {
		sim.config.latencyMs = 40;
	});

	it('keeps 4 creates at DocuSign at once, with the output in item order and paired with its item', async () => {
		// Long enough answers that a busy machine still starts all four before the first returns.
		sim.config.latencyMs = 100;
		const result = await runOnSimulator([createNode(4)], { inputItems: items(12) });

		expect(result.error?.message).toBeUndefined();
		expect(maxCreatesInFlight()).toBe(4);
		expect(subjects(result)).toEqual(Array.from({ length: 12 }, (_, n) => `Contract ${n}`));
		expect(paired(result)).toEqual(Array.from({ length: 12 }, (_, item) => ({ item })));
		// Each output item is the envelope made from its own input item.
		for (const [n, item] of result.outputOf('DocuSign').entries()) {
			const envelope = sim.envelope(String(item.json.envelopeId)) as { emailSubject: string; recipients: Array<{ email: string }> };
			expect(envelope.emailSubject).toBe(`Contract ${n}`);
			expect(envelope.recipients.map((r) => r.email)).toEqual([`signer${n}@example.com`]);
		}
		expect(sim.counters()['POST envelopes']).toBe(12);
		expect(sim.counters()['GET /oauth/userinfo']).toBe(1);
		expect(sim.counters()['POST /oauth/token:jwt']).toBe(1);
	});

	it('mints one JWT token, not one per parallel item, when the account is cached but the token is not (new, or expired)', async () => {
		expect((await runOnSimulator([createNode(4)], { inputItems: items(1) })).error).toBeUndefined();
		// A credential without a token yet, while this process still knows the account's base URI.
		await store.put(JWT_CREDENTIAL.id, aliceJwtCredential());
		sim.reset();
		const fresh = await runOnSimulator([createNode(4)], { inputItems: items(8) });
		expect(fresh.error?.message).toBeUndefined();
		expect(sim.counters()).toEqual({ 'POST /oauth/token:jwt': 1, 'POST envelopes': 8 });

		// The token dies (DocuSign's hour is over): one 401, one new token, then the rest in parallel.
		sim.reset();
		sim.expireTokens();
		const expired = await runOnSimulator([createNode(4)], { inputItems: items(8) });
		expect(expired.error?.message).toBeUndefined();
		expect(sim.counters()).toEqual({ 'POST /oauth/token:jwt': 1, 'POST envelopes': 9 });
		expect(sim.requestLog.filter((entry) => entry.status === 401)).toHaveLength(1);
		expect(subjects(expired)).toEqual(Array.from({ length: 8 }, (_, n) => `Contract ${n}`));
	});

	it('sends one item after the other by default and with 1', async () => {
		const byDefault = await runOnSimulator([createNode()], { inputItems: items(5) });
		expect(byDefault.error?.message).toBeUndefined();
		expect(maxCreatesInFlight()).toBe(1);

		sim.reset();
		const one = await runOnSimulator([createNode(1)], { inputItems: items(5) });
		expect(one.error?.message).toBeUndefined();
		expect(maxCreatesInFlight()).toBe(1);
		expect(subjects(one)).toEqual(Array.from({ length: 5 }, (_, n) => `Contract ${n}`));
	});

	it('continueOnFail: bad items become error items in their place, the others are sent', async () => {
		const node = { ...createNode(4), onError: 'continueRegularOutput' as const };
		const result = await runOnSimulator([node], { inputItems: items(10, [2, 7]) });

		expect(result.error).toBeUndefined();
		const output = result.outputOf('DocuSign');
		expect(paired(result)).toEqual(Array.from({ length: 10 }, (_, item) => ({ item })));
		expect(output.map((item) => (item.json.error ? 'error' : item.json.emailSubject))).toEqual(
			Array.from({ length: 10 }, (_, n) => ([2, 7].includes(n) ? 'error' : `Contract ${n}`)),
		);
		expect(output[2].json.error).toMatch(/^Item 3: /);
		expect(output[7].json.error).toMatch(/^Item 8: /);
		expect(sim.counters()['POST envelopes']).toBe(8);
	});

	it('continueOnFail: a call DocuSign refuses becomes the error item of its own item', async () => {
		sim.faults.add({ kind: 'status', status: 400, errorCode: 'INVALID_REQUEST_PARAMETER', match: { endpoint: 'POST envelopes' } });
		const node = { ...createNode(4), onError: 'continueRegularOutput' as const };
		const result = await runOnSimulator([node], { inputItems: items(8) });

		expect(result.error).toBeUndefined();
		const output = result.outputOf('DocuSign');
		expect(paired(result)).toEqual(Array.from({ length: 8 }, (_, item) => ({ item })));
		const failed = output.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/INVALID_REQUEST_PARAMETER/);
		for (const [n, item] of output.entries()) {
			if (!item.json.error) expect(item.json.emailSubject).toBe(`Contract ${n}`);
		}
	});

	it('without continueOnFail, the first bad item fails the node and no item after the ones under way starts', async () => {
		const result = await runOnSimulator([createNode(4)], { inputItems: items(20, [5, 9]) });

		expect(result.error?.message).toMatch(/^Item 6: /);
		const created = sim.counters()['POST envelopes'] ?? 0;
		// Items 1–5 and at most the three under way beside item 6.
		expect(created).toBeGreaterThanOrEqual(5);
		expect(created).toBeLessThanOrEqual(8);
		const subjectsSent = [...sim.state.envelopes.values()].map((envelope) => (envelope as { emailSubject?: string }).emailSubject);
		for (let n = 0; n < 5; n++) expect(subjectsSent).toContain(`Contract ${n}`);
	});
});

describe('burst pacing', () => {
	const ACCOUNT = 'burst-test-account';
	const headers = (remaining: number, limit = 20) => ({ 'x-burstlimit-limit': String(limit), 'x-burstlimit-remaining': String(remaining) });

	it('does not hold calls while DocuSign leaves more than a tenth of the burst allowance', () => {
		recordRateLimit(ACCOUNT, headers(3), 1000);
		expect(burstPauseMs(ACCOUNT, 1000)).toBe(0);
		expect(burstPauseMs(ACCOUNT, 1001)).toBe(0);
		expect(burstPauseMs('unknown-account', 1001)).toBe(0);
	});

	it('holds calls until earlier calls leave the 30 s window, one slot per call', () => {
		const starts = Array.from({ length: 18 }, (_, n) => n * 10);
		for (const start of starts) expect(burstPauseMs(ACCOUNT, start)).toBe(0);
		recordRateLimit(ACCOUNT, headers(2), 200);
		// 18 of 20 used, 2 kept in reserve: each next call waits for one of the 18 to leave the window.
		expect(burstPauseMs(ACCOUNT, 200)).toBe(30_000 - 200);
		expect(burstPauseMs(ACCOUNT, 200)).toBe(30_010 - 200);
		expect(burstPauseMs(ACCOUNT, 205)).toBe(30_020 - 205);
	});

	it('spaces calls by window / limit when the window holds other apps\' calls', () => {
		recordRateLimit(ACCOUNT, headers(0), 1000);
		expect(burstPauseMs(ACCOUNT, 1000)).toBe(((20 - 18 + 1) * 30_000) / 20);
	});

	it('forgets a burst state older than the window', () => {
		recordRateLimit(ACCOUNT, headers(0), 1000);
		expect(burstPauseMs(ACCOUNT, 31_001)).toBe(0);
	});

	describe('in the engine', () => {
		const AUTH = 'https://auth.pacing.test';
		const BASE = 'https://na.pacing.test';
		const ACCOUNT_ID = '0a0a0a0a-1111-2222-3333-555555555555';
		const realSleep = clock.sleep;
		const slept: number[] = [];

		beforeEach(() => {
			slept.length = 0;
			clock.sleep = async (ms: number) => {
				slept.push(ms);
			};
		});
		afterEach(() => {
			clock.sleep = realSleep;
			nock.cleanAll();
		});

		it('spaces the calls of parallel items when X-BurstLimit-Remaining runs low, and keeps their order', async () => {
			const { runDocuSignNodes } = await import('../nodes/kit');
			nock(AUTH)
				.get('/oauth/userinfo')
				.reply(200, { sub: 'user', accounts: [{ account_id: ACCOUNT_ID, is_default: true, account_name: 'Pacing', base_uri: BASE }] });
			let remaining = 3;
			nock(BASE)
				.persist()
				.get(/\/restapi\/v2\.1\/accounts\/[^/]+\/envelopes\/[^/]+$/)
				.reply(function (uri) {
					remaining = Math.max(0, remaining - 1);
					return [200, { envelopeId: uri.replace(/\?.*$/, '').split('/').pop(), status: 'sent' }, headers(remaining)];
				});
			const envelopeIds = Array.from({ length: 6 }, (_, n) => `93be49ab-4e2f-4c1b-9a4e-f752070d71e${n}`);
			const result = await runDocuSignNodes(
				[
					{
						...simulatorNode('DocuSign', {
							resource: 'envelope',
							operation: 'getStatus',
							envelopeId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
							requestOptions: { parallelRequests: 3 },
						}),
						credentials: { docuSignJwtApi: { id: 'pacing', name: 'pacing' } },
					},
				],
				{
					credentials: {
						pacing: {
							type: 'docuSignJwtApi',
							name: 'pacing',
							data: {
								environment: 'custom',
								customAuthServer: AUTH,
								integrationKey: 'ik',
								userId: 'user',
								privateKey: sim.seed.integrationKeys[0].privateKeyPkcs1,
								accountId: '',
								accessToken: 'token',
							},
						},
					},
					inputItems: envelopeIds.map((id) => ({ json: { id } })),
				},
			);

			expect(result.error?.message).toBeUndefined();
			expect(result.outputOf('DocuSign').map((item) => item.json.envelopeId)).toEqual(envelopeIds);
			// The first item runs alone (the pool's rule); its answer leaves 2 of 20, DocuSign's reserve, so each
			// of the five items after it waits: for a slot of this process's calls to leave the 30 s window
			// (> 25 s), or window / limit per call once those are booked.
			expect(slept).toHaveLength(5);
			expect(slept.filter((ms) => ms > 25_000)).toHaveLength(3);
			expect(slept.every((ms) => ms >= 30_000 / 20)).toBe(true);
		});
	});
});

describe('runPool', () => {
	it('runs at most `limit` tasks at once and returns results in index order', async () => {
		let running = 0;
		let most = 0;
		const results = await runPool(9, 3, async (index) => {
			running++;
			most = Math.max(most, running);
			await new Promise((resolve) => setTimeout(resolve, (9 - index) * 2));
			running--;
			return index * 10;
		});
		expect(most).toBe(3);
		expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
	});

	it('runs the first task alone, then the others `limit` at a time; a failing first task starts no other', async () => {
		const events: string[] = [];
		await runPool(4, 3, async (index) => {
			events.push(`start ${index}`);
			await new Promise((resolve) => setTimeout(resolve, 5));
			events.push(`end ${index}`);
		});
		expect(events.slice(0, 5)).toEqual(['start 0', 'end 0', 'start 1', 'start 2', 'start 3']);

		const started: number[] = [];
		const run = runPool(5, 3, async (index) => {
			started.push(index);
			throw new Error(`item ${index}`);
		});
		await expect(run).rejects.toThrow('item 0');
		expect(started).toEqual([0]);
	});

	it('starts nothing after a failure and throws the lowest failed index once the others settle', async () => {
		const started: number[] = [];
		const settled: number[] = [];
		const run = runPool(10, 3, async (index) => {
			started.push(index);
			await new Promise((resolve) => setTimeout(resolve, index === 3 ? 20 : 2));
			settled.push(index);
			if (index === 3 || index === 4) throw new Error(`item ${index}`);
			return index;
		});
		await expect(run).rejects.toThrow('item 3');
		expect(Math.max(...started)).toBeLessThanOrEqual(5);
		expect(settled.sort()).toEqual(started.sort());
	});
});
