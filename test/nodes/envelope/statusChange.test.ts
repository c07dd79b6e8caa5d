/**
 * Send and Void are retried after a transient fault; when the retry is refused because the first
 * attempt already went through, one GET confirms the status and the operation succeeds.
 */
import { clock } from '../../../nodes/DocuSign/transport';
import { ENVELOPE, byId, calls, installNockHooks, json, mockApi, mockUserinfo, runEnvelope } from './envelopeKit';

installNockHooks();
const realSleep = clock.sleep;
beforeAll(() => {
	clock.sleep = async () => undefined;
});
afterAll(() => {
	clock.sleep = realSleep;
});

describe('status changes survive transient faults', () => {
	it('Send: a 503 is retried and the send goes through', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [503, 'Service Unavailable']);
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [200, { envelopeId: ENVELOPE }]);

		const result = await runEnvelope({ operation: 'send', envelopeId: byId(ENVELOPE) });

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => call.method)).toEqual(['PUT', 'PUT']);
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, status: 'sent' }]);
	});

	it('Send: the answer was lost, the retry is refused as "not a draft", the envelope is sent: success', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [502, 'Bad Gateway']);
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [
			400,
			{ errorCode: 'ENVELOPE_CANNOT_SEND_INVALID_STATE', message: 'Envelope is not in a state that can be sent.' },
		]);
		mockApi('GET', `/envelopes/${ENVELOPE}`, [200, { envelopeId: ENVELOPE, status: 'sent' }]);

		const result = await runEnvelope({ operation: 'send', envelopeId: byId(ENVELOPE) });

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
			`PUT /envelopes/${ENVELOPE}`,
			`PUT /envelopes/${ENVELOPE}`,
			`GET /envelopes/${ENVELOPE}`,
		]);
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, status: 'sent' }]);
	});

	it('Void: the same refusal without an earlier failed attempt is a real error, with no extra GET', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [
			400,
			{ errorCode: 'ENVELOPE_CANNOT_VOID_INVALID_STATE', message: 'Only envelopes in the sent or delivered state may be voided.' },
		]);

		const result = await runEnvelope({ operation: 'voidEnvelope', envelopeId: byId(ENVELOPE), voidedReason: 'Wrong version' });

		expect(result.error?.message).toContain('ENVELOPE_CANNOT_VOID_INVALID_STATE');
		expect(calls.map((call) => call.method)).toEqual(['PUT']);
	});

	it('Void: after a lost answer, a refused retry on an envelope that is not voided stays an error', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [504, 'Gateway Timeout']);
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [
			400,
			{ errorCode: 'ENVELOPE_CANNOT_VOID_INVALID_STATE', message: 'Only envelopes in the sent or delivered state may be voided.' },
		]);
		mockApi('GET', `/envelopes/${ENVELOPE}`, [200, { envelopeId: ENVELOPE, status: 'completed' }]);

		const result = await runEnvelope({ operation: 'voidEnvelope', envelopeId: byId(ENVELOPE), voidedReason: 'Wrong version' });

		expect(result.error?.message).toContain('ENVELOPE_CANNOT_VOID_INVALID_STATE');
		expect(calls.map((call) => call.method)).toEqual(['PUT', 'PUT', 'GET']);
	});
});
