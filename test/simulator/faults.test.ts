import type { Simulator } from './index';
import { bearer, envelopeDefinition, http, useSimulatorSession } from './testHelpers';

let sim: Simulator;
let token: string;
let base: string;
useSimulatorSession((session) => ({ sim, token, base } = session));

const createEnvelope = () => http.post(`${base}/envelopes`, envelopeDefinition(), bearer(token));
const networkError = (p: Promise<unknown>) => p.then(() => 'answered', (e: { code?: string }) => e.code ?? 'error');

describe('faults', () => {
	it('answers 503 N times without doing the work, then recovers', async () => {
		sim.faults.failNext(2, { status: 503, match: { endpoint: 'POST envelopes' } });
		expect((await createEnvelope()).status).toBe(503);
		expect((await http.get(`${base}/templates`, bearer(token))).status).toBe(200);
		expect((await createEnvelope()).data.errorCode).toBe('SERVICE_UNAVAILABLE');
		expect((await createEnvelope()).status).toBe(201);
		expect(sim.state.envelopes.size).toBe(1);
		expect(sim.counters()['POST envelopes']).toBe(3);
		expect(sim.requestLog.filter((e) => e.fault).map((e) => e.status)).toEqual([503, 503]);
	});

	it('resets the connection before processing: nothing is created', async () => {
		sim.faults.resetBefore(1, { endpoint: 'POST envelopes' });
		expect(await networkError(createEnvelope())).toBe('ECONNRESET');
		expect(sim.state.envelopes.size).toBe(0);
		expect(sim.requestLog.at(-1)).toMatchObject({ status: 0, fault: 'resetBefore' });
	});

	it('resets after processing: the envelope exists although the client saw no answer', async () => {
		sim.faults.resetAfter(1, { path: '/envelopes' });
		expect(await networkError(createEnvelope())).toBe('ECONNRESET');
		expect(sim.state.envelopes.size).toBe(1);
	});

	it('answers slower than a client timeout, and adds latency', async () => {
		sim.faults.slow(800, 1, { endpoint: 'GET templates' });
		expect(await networkError(http.get(`${base}/templates`, { ...bearer(token), timeout: 200 }))).toBe('ECONNABORTED');
		sim.config.latencyMs = 150;
		const started = Date.now();
		expect((await http.get(`${base}/templates`, bearer(token))).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('is driven by the control API as well', async () => {
		const added = await http.post(`${sim.url}/__sim/faults`, { kind: 'status', status: 500, count: -1, match: { path: '/^\\/oauth\\/userinfo$/' } });
		expect(added.data[0]).toMatchObject({ id: expect.any(Number), kind: 'status', remaining: -1 });
		expect((await http.get(`${sim.url}/oauth/userinfo`, bearer(token))).status).toBe(500);
		expect((await http.get(`${sim.url}/oauth/userinfo`, bearer(token))).status).toBe(500);
		expect((await http.get(`${sim.url}/__sim/faults`)).data[0]).toMatchObject({ remaining: -1, hits: 2 });
		await http.delete(`${sim.url}/__sim/faults`);
		expect((await http.get(`${sim.url}/oauth/userinfo`, bearer(token))).status).toBe(200);
		const counters = (await http.get(`${sim.url}/__sim/counters`)).data;
		expect(counters['GET /oauth/userinfo']).toBe(3);
		const log = (await http.get(`${sim.url}/__sim/log?endpoint=GET%20/oauth/userinfo`)).data;
		expect(log.map((e: { status: number }) => e.status)).toEqual([500, 500, 200]);
		await http.post(`${sim.url}/__sim/reset`);
		expect((await http.get(`${sim.url}/__sim/counters`)).data).toEqual({});
	});
});
