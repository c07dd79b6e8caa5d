/**
 * Transport retries in the real engine: rate limits are waited out within the node's budget,
 * safe requests survive transient faults, and a create is never blindly resent.
 */
import { chain, runWorkflow, startNode, CredentialStore, type RunResult } from './harness';

import nock from 'nock';
import type { INode, INodeParameters } from 'n8n-workflow';

import { DocuSignJwtApi } from '../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../credentials/DocuSignOAuth2Api.credentials';
import { clearAccountCache, clearRateLimits, clock, rateLimitOf } from '../../nodes/DocuSign/transport';
import { makeKeyPair } from '../helpers/keys';
import { TransportProbe } from '../helpers/transportProbe';

const AUTH = 'https://auth.retries.test';
const REST = 'https://na3.retries.test';
const ACCOUNT = '0a0a0a0a-1111-2222-3333-444444444444';
const PATH = `/restapi/v2.1/accounts/${ACCOUNT}`;
const keys = makeKeyPair();
const realClock = { ...clock };
let slept: number[] = [];
let now = Date.parse('2026-11-28T10:00:00Z');

const limitHeaders = (remaining: number, resetAt = now + 3_600_000) => ({
	'X-RateLimit-Limit': '3000',
	'X-RateLimit-Remaining': String(remaining),
	'X-RateLimit-Reset': String(Math.floor(resetAt / 1000)),
	'X-BurstLimit-Limit': '500',
	'X-BurstLimit-Remaining': '499',
});

async function probe(parameters: INodeParameters = {}): Promise<RunResult> {
	const node: INode = {
		id: 'probe',
		name: 'Probe',
		type: 'test.probe',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'jwt', ...parameters },
		credentials: { docuSignJwtApi: { id: 'cred', name: 'cred' } },
	};
	const store = new CredentialStore();
	await store.put('cred', {
		type: 'docuSignJwtApi',
		name: 'cred',
		data: {
			environment: 'custom',
			customAuthServer: AUTH,
			integrationKey: '11111111-2222-3333-4444-555555555555',
			userId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
			privateKey: keys.pkcs1Pem,
			accountId: '',
			accessToken: 'stored-token',
		},
	});
	return await runWorkflow({
		nodes: [startNode(), node],
		connections: chain('Start', 'Probe'),
		nodeTypes: { 'test.probe': new TransportProbe() },
		credentialTypes: [new DocuSignJwtApi(), new DocuSignOAuth2Api()],
		store,
	});
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
	clearAccountCache();
	clearRateLimits();
	slept = [];
	clock.sleep = async (ms: number) => {
		slept.push(ms);
		now += ms;
	};
	clock.now = () => now;
	clock.random = () => 0.5;
	nock(AUTH)
		.get('/oauth/userinfo')
		.reply(200, {
			sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
			accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Main', base_uri: REST }],
		});
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => {
	Object.assign(clock, realClock);
	nock.enableNetConnect();
});

describe('rate limits', () => {
	it('reads the rate-limit headers of every response', async () => {
		nock(REST).get(`${PATH}/probe`).reply(200, { ok: true }, limitHeaders(2750));
		const result = await probe();
		expect(result.error).toBeUndefined();
		expect(rateLimitOf(ACCOUNT)).toMatchObject({ hourlyLimit: 3000, hourlyRemaining: 2750, burstLimit: 500, burstRemaining: 499 });
	});

	it('waits out a burst refusal (429) and retries, even a create, since DocuSign did not process it', async () => {
		const bodies: unknown[] = [];
		nock(REST)
			.post(`${PATH}/probe`, (body) => bodies.push(body) > 0)
			.times(2)
			.reply(429, { errorCode: 'BURST_APIINVOCATION_LIMIT_EXCEEDED', message: 'burst' })
			.post(`${PATH}/probe`, (body) => bodies.push(body) > 0)
			.reply(201, { envelopeId: 'e-1' });
		const result = await probe({ method: 'POST', body: '{"emailSubject":"x"}' });
		expect(result.error).toBeUndefined();
		expect(result.outputOf('Probe')[0].json).toEqual({ envelopeId: 'e-1' });
		expect(slept).toEqual([1000, 2000]);
		expect(bodies).toHaveLength(3);
	});

	it('treats BURST_APIINVOCATION_LIMIT_EXCEEDED with HTTP 400 like a 429', async () => {
		nock(REST)
			.get(`${PATH}/probe`)
			.reply(400, { errorCode: 'BURST_APIINVOCATION_LIMIT_EXCEEDED', message: 'burst' })
			.get(`${PATH}/probe`)
			.reply(200, { ok: true });
		const result = await probe();
		expect(result.error).toBeUndefined();
		expect(slept).toEqual([1000]);
	});

	it('gives up on bursts once the wait budget is spent, saying what happened', async () => {
		nock(REST).get(`${PATH}/probe`).times(3).reply(429, { errorCode: 'BURST_APIINVOCATION_LIMIT_EXCEEDED', message: 'Too many' });
		const result = await probe({ requestOptions: { maxRateLimitWait: 3 } });
		expect(slept).toEqual([1000, 2000]);
		expect(result.error?.message).toBe('DocuSign could not probe: BURST_APIINVOCATION_LIMIT_EXCEEDED – Too many');
		expect(result.error?.description).toMatch(/fewer requests in parallel/);
	});

	it('waits for an hourly reset that is within the budget', async () => {
		nock(REST)
			.get(`${PATH}/probe`)
			.reply(400, { errorCode: 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED', message: 'hourly' }, limitHeaders(0, now + 20_000))
			.get(`${PATH}/probe`)
			.reply(200, { ok: true }, limitHeaders(2999));
		const result = await probe();
		expect(result.error).toBeUndefined();
		expect(slept).toEqual([21_000]);
	});

	it('fails at once when the hourly reset is beyond the budget, naming the reset time and limit', async () => {
		const resetAt = now + 40 * 60_000;
		nock(REST)
			.get(`${PATH}/probe`)
			.reply(400, { errorCode: 'HOURLY_APIINVOCATION_LIMIT_EXCEEDED', message: 'The maximum number of hourly API invocations has been exceeded.' }, limitHeaders(0, resetAt));
		const result = await probe();
		expect(slept).toEqual([]);
		expect(result.error?.message).toMatch(/HOURLY_APIINVOCATION_LIMIT_EXCEEDED/);
		expect(result.error?.description).toContain(
			`The limit of 3000 per hour resets at ${new Date(resetAt).toISOString()}, beyond the node's "Max Wait for Rate Limits".`,
		);
	});
});

describe('transient faults', () => {
	it('retries a GET after 503 twice, with backoff', async () => {
		nock(REST).get(`${PATH}/probe`).times(2).reply(503, 'unavailable').get(`${PATH}/probe`).reply(200, { ok: true });
		const result = await probe();
		expect(result.error).toBeUndefined();
		expect(slept).toEqual([500, 1000]);
	});

	it('retries a GET after a connection reset', async () => {
		nock(REST)
			.get(`${PATH}/probe`)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
			.get(`${PATH}/probe`)
			.reply(200, { ok: true });
		const result = await probe();
		expect(result.error).toBeUndefined();
		expect(slept).toEqual([500]);
	});

	it('stops after 3 retries', async () => {
		nock(REST).get(`${PATH}/probe`).times(4).reply(500, { errorCode: 'UNSPECIFIED_ERROR', message: 'boom' });
		const result = await probe();
		expect(slept).toHaveLength(3);
		expect(result.error?.message).toBe('DocuSign could not probe: UNSPECIFIED_ERROR – boom');
	});

	it('never resends a POST after a 503: it may have been processed', async () => {
		nock(REST).post(`${PATH}/probe`).reply(503, 'unavailable');
		const result = await probe({ method: 'POST', body: '{"emailSubject":"x"}' });
		expect(slept).toEqual([]);
		expect(result.error?.message).toBe('DocuSign could not probe: HTTP 503');
	});

	it('resends a PUT that only sets a status when the caller marks it idempotent', async () => {
		nock(REST).put(`${PATH}/probe`).reply(502, 'bad gateway').put(`${PATH}/probe`).reply(200, { ok: true });
		const result = await probe({ method: 'PUT', body: '{"status":"sent"}', idempotent: true });
		expect(result.error).toBeUndefined();
		expect(slept).toEqual([500]);
	});
});
