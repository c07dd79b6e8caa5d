/**
 * Connect → Get Configurations, Get Delivery Failures and Republish Envelope Events in n8n's real
 * engine against DocuSign-shaped answers (spec: connectConfigResults, connectLogs,
 * connectFailureResults), and DocuSign's refusals for non-administrators made readable.
 */
import { BASE, docuSignKit, json } from '../kit';

const AUTH = 'https://ds-auth.connect.test';
const ACCOUNT = '2b3c4d5e-1111-2222-3333-444444444444';
const ENVELOPE = '93be49ab-4e2f-4c1b-9a4e-f752070d71ec';

const { calls, installNockHooks, mockUserinfo, mockApi, runNode } = docuSignKit({
	auth: AUTH,
	accountId: ACCOUNT,
	userinfo: {
		sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
		name: 'Ada Admin',
		email: 'ada@example.com',
		accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Ops', base_uri: `${BASE}/` }],
	},
	defaults: { resource: 'connect' },
});

installNockHooks();

const NOT_ADMIN = { errorCode: 'USER_LACKS_PERMISSIONS', message: 'This user lacks sufficient permissions to access this resource.' };

const configuration = (connectId: string, name: string) => ({
	configurationType: 'custom',
	connectId,
	name,
	urlToPublishTo: `https://hooks.example.com/${connectId}`,
	allUsers: 'true',
	allowEnvelopePublish: 'true',
	includeHMAC: 'true',
	events: ['envelope-sent', 'envelope-completed'],
});

const failure = (failureId: string, envelopeId: string) => ({
	accountId: ACCOUNT,
	configUrl: 'https://hooks.example.com/1',
	connectId: '1',
	created: '2026-11-30T10:00:00.0000000Z',
	email: 'ada@example.com',
	envelopeId,
	error: 'The remote server returned an error: (500) Internal Server Error.',
	failureId,
	failureUri: `/connect/failures/${failureId}`,
	lastTry: '2026-11-30T11:00:00.0000000Z',
	retryCount: '2',
	retryUri: `/connect/envelopes/${envelopeId}/retry_queue`,
	status: 'Sent',
	subject: 'Please sign',
	userName: 'Ada Admin',
});

describe('Connect → Get Configurations', () => {
	it('puts out one item per configuration, paired with the input item', async () => {
		mockUserinfo();
		mockApi('GET', '/connect', [200, { configurations: [configuration('11', 'CRM'), configuration('12', 'n8n')], totalRecords: '2' }]);

		const result = await runNode({ operation: 'getConfigurations' });

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([{ method: 'GET', path: '/connect', query: {}, body: undefined }]);
		expect(json(result).map((item) => [item.connectId, item.name, item.urlToPublishTo])).toEqual([
			['11', 'CRM', 'https://hooks.example.com/11'],
			['12', 'n8n', 'https://hooks.example.com/12'],
		]);
		expect(result.outputOf('DocuSign').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('says that a non-administrator cannot, naming DocuSign\'s code', async () => {
		mockUserinfo();
		mockApi('GET', '/connect', [400, NOT_ADMIN]);

		const result = await runNode({ operation: 'getConfigurations' });

		expect(result.error?.message).toBe(
			'DocuSign refused to list the Connect configurations: the connected DocuSign user is not an administrator of the account (USER_LACKS_PERMISSIONS)',
		);
		expect(result.error?.description).toContain('account administrator');
	});

	it('says when Connect is not enabled on the account, as an error item under continueOnFail', async () => {
		mockUserinfo();
		mockApi('GET', '/connect', [400, { errorCode: 'ACCOUNT_LACKS_PERMISSIONS', message: 'This Account lacks sufficient permissions. Connect not enabled for account.' }]);

		const result = await runNode({ operation: 'getConfigurations' }, { continueOnFail: true });

		expect(result.error).toBeUndefined();
		const [item] = result.outputOf('DocuSign');
		expect(item.json.error).toBe(
			'DocuSign refused to list the Connect configurations: Connect is not enabled for this DocuSign account (its plan may not include it) (ACCOUNT_LACKS_PERMISSIONS)',
		);
		expect(item.pairedItem).toEqual({ item: 0 });
	});
});

describe('Connect → Get Delivery Failures', () => {
	it('sends the dates as from_date/to_date and puts out one item per failure', async () => {
		mockUserinfo();
		mockApi('GET', '/connect/failures', [200, { failures: [failure('f-1', ENVELOPE)], totalRecords: '1' }]);

		const result = await runNode({
			operation: 'getFailures',
			filters: { fromDate: '2026-11-01T00:00:00Z', toDate: '2026-12-01T00:00:00Z' },
		});

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{
				method: 'GET',
				path: '/connect/failures',
				query: { from_date: '2026-11-01T00:00:00.000Z', to_date: '2026-12-01T00:00:00.000Z' },
				body: undefined,
			},
		]);
		// DocuSign's "error" comes out as failureReason: "error" marks n8n's own error items.
		const { error, ...rest } = failure('f-1', ENVELOPE);
		expect(json(result)).toEqual([{ ...rest, failureReason: error }]);
	});

	it('asks for the whole log without dates, and puts out nothing when DocuSign has no failure', async () => {
		mockUserinfo();
		mockApi('GET', '/connect/failures', [200, { totalRecords: '0' }]);

		const result = await runNode({ operation: 'getFailures' });

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => call.query)).toEqual([{}]);
		expect(json(result)).toEqual([]);
	});

	it('refuses a From Date after the To Date before calling DocuSign', async () => {
		const result = await runNode({
			operation: 'getFailures',
			filters: { fromDate: '2026-12-01T00:00:00Z', toDate: '2026-11-01T00:00:00Z' },
		});

		expect(result.error?.message).toBe('From Date is after To Date');
		expect(calls).toEqual([]);
	});

	it('refuses a date that is not one before calling DocuSign', async () => {
		const result = await runNode({ operation: 'getFailures', filters: { fromDate: '={{ "last tuesday" }}' } });

		expect(result.error?.message).toBe('From Date: "last tuesday" is not a date');
		expect(calls).toEqual([]);
	});
});

describe('Connect → Republish Envelope Events', () => {
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	it('PUTs the envelope\'s retry queue, one call per item, and reports where it was queued', async () => {
		const other = '0aa1b2c3-4d5e-4f60-8a7b-9c0d1e2f3a4b';
		mockUserinfo();
		mockApi('PUT', `/connect/envelopes/${ENVELOPE}/retry_queue`, [
			200,
			{ retryQueue: [{ configId: '1', configUrl: 'https://hooks.example.com/1', envelopeId: ENVELOPE, status: 'Queued' }] },
		]);
		mockApi('PUT', `/connect/envelopes/${other}/retry_queue`, [200, {}]);

		const result = await runNode(
			{ operation: 'republishEnvelope', envelopeId: byId('={{ $json.envelopeId }}') },
			{ inputItems: [{ json: { envelopeId: ENVELOPE } }, { json: { envelopeId: other } }] },
		);

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{ method: 'PUT', path: `/connect/envelopes/${ENVELOPE}/retry_queue`, query: {}, body: undefined },
			{ method: 'PUT', path: `/connect/envelopes/${other}/retry_queue`, query: {}, body: undefined },
		]);
		expect(json(result)).toEqual([
			{
				envelopeId: ENVELOPE,
				republished: 1,
				retryQueue: [{ configId: '1', configUrl: 'https://hooks.example.com/1', envelopeId: ENVELOPE, status: 'Queued' }],
			},
			{ envelopeId: other, republished: 0, retryQueue: [] },
		]);
		expect(result.outputOf('DocuSign').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses something that is not an envelope ID before calling DocuSign', async () => {
		const result = await runNode(
			{ operation: 'republishEnvelope', envelopeId: byId('={{ $json.envelopeId }}') },
			{ inputItems: [{ json: { envelopeId: 'not-an-envelope' } }] },
		);

		expect(result.error?.message).toBe('Envelope: "not-an-envelope" is not an envelope ID or a DocuSign envelope link');
		expect(calls).toEqual([]);
	});

	it('makes a non-administrator\'s refusal readable', async () => {
		mockUserinfo();
		mockApi('PUT', `/connect/envelopes/${ENVELOPE}/retry_queue`, [400, NOT_ADMIN]);

		const result = await runNode({ operation: 'republishEnvelope', envelopeId: byId(ENVELOPE) });

		expect(result.error?.message).toBe(
			`DocuSign refused to republish the Connect events of envelope ${ENVELOPE}: the connected DocuSign user is not an administrator of the account (USER_LACKS_PERMISSIONS)`,
		);
	});
});
