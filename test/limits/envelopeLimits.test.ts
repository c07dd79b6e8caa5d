/**
 * DocuSign's per-envelope service protection (HTTP 400, mixed-case codes): the simulator enforces it
 * when a test sets the limits, and the node waits out the 30-second ones within its budget and
 * explains the hourly ones (which limit, what to do) without retrying.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED_IDS } from '../simulator';
import { bearer, envelopeDefinition, http, jwtToken } from '../simulator/testHelpers';
import { byId } from '../nodes/envelope/envelopeKit';
import { runOnSimulator, sim, simulatorNode, useSimulator } from '../nodes/simulatorKit';

useSimulator();

async function createEnvelope(token: string): Promise<string> {
	const response = await http.post(`${sim.restBase(SEED_IDS.accounts.acmeNa)}/envelopes`, envelopeDefinition({ status: 'sent' }), bearer(token));
	expect(response.status).toBe(201);
	return response.data.envelopeId as string;
}

const refusals = () => sim.requestLog.filter((entry) => entry.status === 400).map((entry) => entry.endpoint);

describe('simulator: per-envelope limits', () => {
	it('refuses the GET past the burst limit with 400 Burst_Envelope_Polling_Limit_Exceeded, for that envelope only', async () => {
		const token = await jwtToken(sim);
		const [first, second] = [await createEnvelope(token), await createEnvelope(token)];
		sim.config.envelopeLimits.pollingBurst = 2;
		const base = sim.restBase(SEED_IDS.accounts.acmeNa);
		expect((await http.get(`${base}/envelopes/${first}`, bearer(token))).status).toBe(200);
		expect((await http.get(`${base}/envelopes/${first}/recipients`, bearer(token))).status).toBe(200);
		const refused = await http.get(`${base}/envelopes/${first}/documents`, bearer(token));
		expect(refused.status).toBe(400);
		expect(refused.data.errorCode).toBe('Burst_Envelope_Polling_Limit_Exceeded');
		expect((await http.get(`${base}/envelopes/${second}`, bearer(token))).status).toBe(200);
	});

	it('counts PUTs separately: Hourly_APIInvocation_Envelope_Limit_Exceeded', async () => {
		const token = await jwtToken(sim);
		const id = await createEnvelope(token);
		sim.config.envelopeLimits.updatesHourly = 1;
		const base = sim.restBase(SEED_IDS.accounts.acmeNa);
		expect((await http.put(`${base}/envelopes/${id}?resend_envelope=true`, {}, bearer(token))).status).toBe(200);
		const refused = await http.put(`${base}/envelopes/${id}?resend_envelope=true`, {}, bearer(token));
		expect(refused.data.errorCode).toBe('Hourly_APIInvocation_Envelope_Limit_Exceeded');
		expect((await http.get(`${base}/envelopes/${id}`, bearer(token))).status).toBe(200);
	});

	it('flags (without refusing) a second status GET of one envelope within 15 minutes', async () => {
		const token = await jwtToken(sim);
		const id = await createEnvelope(token);
		const base = sim.restBase(SEED_IDS.accounts.acmeNa);
		await http.get(`${base}/envelopes/${id}`, bearer(token));
		expect(sim.counters()['polling:violation']).toBeUndefined();
		expect((await http.get(`${base}/envelopes/${id}`, bearer(token))).status).toBe(200);
		expect(sim.counters()['polling:violation']).toBe(1);
	});
});

describe('the node meets a per-envelope limit', () => {
	const readTwice = async (id: string, requestOptions: INodeParameters = {}) =>
		await runOnSimulator([simulatorNode('DocuSign', { resource: 'envelope', operation: 'getStatus', envelopeId: byId(id), requestOptions })], {
			inputItems: [{ json: { n: 1 } }, { json: { n: 2 } }],
		});

	it('waits out a 30-second polling limit and reads the envelope', async () => {
		const id = await createEnvelope(await jwtToken(sim));
		sim.config.envelopeLimits = { pollingBurst: 1, burstWindowSeconds: 0.5 };
		sim.requestLog.length = 0;
		const result = await readTwice(id);
		expect(result.error?.message).toBeUndefined();
		expect(result.outputOf('DocuSign').map((item) => item.json.envelopeId)).toEqual([id, id]);
		expect(refusals()).toEqual(['GET envelope']);
	});

	it('gives up on a 30-second limit when the wait budget is spent, naming the limit and the wait', async () => {
		const id = await createEnvelope(await jwtToken(sim));
		sim.config.envelopeLimits.pollingBurst = 1;
		const result = await readTwice(id, { maxRateLimitWait: 0 });
		expect(result.error?.message).toMatch(/Burst_Envelope_Polling_Limit_Exceeded/);
		expect(result.error?.description).toMatch(/in the last 30 seconds/);
		expect(result.error?.description).toMatch(/Max Wait for Rate Limits/);
	});

	it('does not retry an hourly polling limit and says to use Connect instead of polling', async () => {
		const id = await createEnvelope(await jwtToken(sim));
		sim.config.envelopeLimits.pollingHourly = 1;
		sim.requestLog.length = 0;
		const result = await readTwice(id);
		expect(result.error?.message).toBe(
			'DocuSign could not read the envelope status: Hourly_Envelope_Polling_Limit_Exceeded – Too much envelope polling (GETs) in the last hour.',
		);
		expect(result.error?.description).toMatch(/per-envelope polling limit/);
		expect(result.error?.description).toMatch(/DocuSign Trigger \(Connect\)/);
		expect(result.error?.description).toMatch(/once every 15 minutes/);
		expect(result.error?.description).toMatch(/does not wait/);
		expect(refusals()).toEqual(['GET envelope']);
	});
});
