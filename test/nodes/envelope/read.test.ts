/**
 * Envelope → Get, Get Status, Get Many, Get Recipients and the envelope search of the resource
 * locator, against DocuSign-shaped answers, in n8n's real engine and load-options context.
 */
import {
	ENVELOPE,
	byId,
	calls,
	installNockHooks,
	json,
	loadOptionsContext,
	mockApi,
	mockUserinfo,
	recipientsResponse,
	runEnvelope,
} from './envelopeKit';

import { searchEnvelopes } from '../../../nodes/DocuSign/methods/listSearch/searchEnvelopes';
import { EVERY_ENVELOPE_STATUS } from '../../../nodes/DocuSign/transport';

installNockHooks();

const DAY = 24 * 60 * 60 * 1000;

function envelope(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		envelopeId: id,
		status: 'sent',
		emailSubject: `Please sign ${id.slice(0, 4)}`,
		createdDateTime: '2024-05-01T08:00:00.0000000Z',
		lastModifiedDateTime: '2024-05-01T09:00:00.0000000Z',
		statusChangedDateTime: '2024-05-01T09:00:00.0000000Z',
		envelopeUri: `/envelopes/${id}`,
		...extra,
	};
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('Envelope → Get', () => {
	it('GETs the envelope with the chosen includes (tabs bring recipients) and outputs it as is', async () => {
		mockUserinfo();
		const answer = envelope(ENVELOPE, { recipients: recipientsResponse(), customFields: { textCustomFields: [] } });
		mockApi('GET', `/envelopes/${ENVELOPE}`, [200, answer]);

		const result = await runEnvelope({ operation: 'get', envelopeId: byId(ENVELOPE), include: ['tabs', 'custom_fields'] });

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{ method: 'GET', path: `/envelopes/${ENVELOPE}`, query: { include: 'custom_fields,recipients,tabs' }, body: undefined },
		]);
		expect(json(result)).toEqual([answer]);
	});

	it('sends no include parameter when nothing is included', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}`, [200, envelope(ENVELOPE)]);

		const result = await runEnvelope({ operation: 'get', envelopeId: byId(ENVELOPE) });

		expect(result.error).toBeUndefined();
		expect(calls[0].query).toEqual({});
	});

	it('explains ENVELOPE_DOES_NOT_EXIST', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}`, [
			400,
			{ errorCode: 'ENVELOPE_DOES_NOT_EXIST', message: 'The envelope specified either does not exist or you have no rights to it.' },
		]);

		const result = await runEnvelope({ operation: 'get', envelopeId: byId(ENVELOPE) });

		expect(result.error?.message).toContain('DocuSign could not read the envelope: ENVELOPE_DOES_NOT_EXIST');
		expect(result.error?.description).toContain('No envelope with this ID exists in the account');
	});
});

describe('Envelope → Get Status', () => {
	it('makes ONE call with include=recipients and outputs the compact status, recipients in routing order', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}`, [
			200,
			envelope(ENVELOPE, {
				status: 'delivered',
				statusChangedDateTime: '2024-05-02T10:00:00.0000000Z',
				recipients: recipientsResponse(),
			}),
		]);

		const result = await runEnvelope({ operation: 'getStatus', envelopeId: byId(ENVELOPE) });

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{ method: 'GET', path: `/envelopes/${ENVELOPE}`, query: { include: 'recipients' }, body: undefined },
		]);
		expect(json(result)).toEqual([
			{
				envelopeId: ENVELOPE,
				status: 'delivered',
				statusChangedDateTime: '2024-05-02T10:00:00.0000000Z',
				completedDateTime: null,
				recipients: [
					{ name: 'Ada Lovelace', email: 'ada@example.com', status: 'completed', signedDateTime: '2024-05-02T10:00:00.0000000Z' },
					{ name: 'Legal Team', email: 'legal@example.com', status: 'completed', signedDateTime: null },
					{ name: 'Grace Hopper', email: 'grace@example.com', status: 'sent', signedDateTime: null },
				],
			},
		]);
	});

	it('names an in-person signer by the person who signs and keeps completedDateTime', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}`, [
			200,
			envelope(ENVELOPE, {
				status: 'completed',
				completedDateTime: '2024-05-03T12:00:00.0000000Z',
				recipients: {
					inPersonSigners: [
						{
							hostName: 'Sam Sender',
							hostEmail: 'sam@example.com',
							signerName: 'Walk-in Customer',
							recipientId: '1',
							routingOrder: '1',
							status: 'completed',
							signedDateTime: '2024-05-03T11:59:00.0000000Z',
						},
					],
				},
			}),
		]);

		const result = await runEnvelope({ operation: 'getStatus', envelopeId: byId(ENVELOPE) });

		expect(json(result)[0]).toMatchObject({
			status: 'completed',
			completedDateTime: '2024-05-03T12:00:00.0000000Z',
			recipients: [{ name: 'Walk-in Customer', email: '', status: 'completed', signedDateTime: '2024-05-03T11:59:00.0000000Z' }],
		});
	});
});

describe('Envelope → Get Many', () => {
	it('defaults to the last 30 days, newest first, and stops at the limit', async () => {
		mockUserinfo();
		mockApi('GET', '/envelopes', [
			200,
			{
				resultSetSize: '3',
				startPosition: '0',
				endPosition: '2',
				totalSetSize: '10',
				envelopes: [envelope(id(1)), envelope(id(2)), envelope(id(3))],
			},
		]);

		const before = Date.now();
		const result = await runEnvelope({ operation: 'getAll', returnAll: false, limit: 3 });

		expect(result.error).toBeUndefined();
		expect(calls).toHaveLength(1);
		const { from_date: fromDate, ...rest } = calls[0].query;
		// Drafts are listed only when status names "created": every status is asked for by name.
		expect(rest).toEqual({ order_by: 'last_modified', order: 'desc', start_position: '0', count: '3', status: EVERY_ENVELOPE_STATUS });
		const from = Date.parse(fromDate);
		expect(from).toBeGreaterThanOrEqual(before - 30 * DAY - 1000);
		expect(from).toBeLessThanOrEqual(Date.now() - 30 * DAY + 1000);
		expect(json(result).map((item) => item.envelopeId)).toEqual([id(1), id(2), id(3)]);
	});

	it('Return All follows start_position until totalSetSize, with every filter in DocuSign\'s names', async () => {
		mockUserinfo();
		const pages = [
			{ resultSetSize: '100', startPosition: '0', endPosition: '99', totalSetSize: '150' },
			{ resultSetSize: '50', startPosition: '100', endPosition: '149', totalSetSize: '150' },
		];
		for (const [index, page] of pages.entries()) {
			const first = index * 100;
			const size = Number(page.resultSetSize);
			mockApi('GET', '/envelopes', [
				200,
				{ ...page, envelopes: Array.from({ length: size }, (_, n) => envelope(id(first + n))) },
			]);
		}

		const result = await runEnvelope({
			operation: 'getAll',
			returnAll: true,
			filters: {
				fromDate: '2024-04-01T00:00:00.000Z',
				toDate: '2024-05-01T00:00:00.000Z',
				status: ['completed', 'declined'],
				folderIds: ['sentitems'],
				searchText: ' NDA ',
				fromToStatus: 'completed',
			},
			options: { include: ['recipients', 'custom_fields'], order: 'asc' },
		});

		expect(result.error).toBeUndefined();
		const common = {
			from_date: '2024-04-01T00:00:00.000Z',
			to_date: '2024-05-01T00:00:00.000Z',
			from_to_status: 'completed',
			status: 'completed,declined',
			folder_ids: 'sentitems',
			search_text: 'NDA',
			include: 'recipients,custom_fields',
			order_by: 'last_modified',
			order: 'asc',
			count: '100',
		};
		expect(calls.map((call) => call.query)).toEqual([
			{ ...common, start_position: '0' },
			{ ...common, start_position: '100' },
		]);
		const ids = json(result).map((item) => item.envelopeId);
		expect(ids).toHaveLength(150);
		expect(new Set(ids).size).toBe(150);
	});

	it('an empty page (no "envelopes" member, as DocuSign sends it) gives no items', async () => {
		mockUserinfo();
		mockApi('GET', '/envelopes', [200, { resultSetSize: '0', startPosition: '0', endPosition: '-1', totalSetSize: '0' }]);

		const result = await runEnvelope({ operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		expect(result.outputOf('DocuSign')).toEqual([]);
		expect(calls).toHaveLength(1);
	});

	it('rejects a From Date after the To Date before calling DocuSign', async () => {
		const result = await runEnvelope({
			operation: 'getAll',
			filters: { fromDate: '2024-05-02T00:00:00.000Z', toDate: '2024-05-01T00:00:00.000Z' },
		});

		expect(result.error?.message).toBe('From Date is after To Date');
		expect(result.error?.description).toContain('2024-05-02T00:00:00.000Z');
		expect(calls).toEqual([]);
	});

	it('rejects a date that is not one, naming the field', async () => {
		const result = await runEnvelope({ operation: 'getAll', filters: { toDate: '={{ "next tuesday" }}' } });

		expect(result.error?.message).toBe('To Date: "next tuesday" is not a date');
		expect(calls).toEqual([]);
	});
});

describe('Envelope → Get Recipients', () => {
	it('one item per recipient in routing order, with envelopeId and recipientType', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);

		const result = await runEnvelope({
			operation: 'getRecipients',
			envelopeId: byId(ENVELOPE),
			options: { includeTabs: true },
		});

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{ method: 'GET', path: `/envelopes/${ENVELOPE}/recipients`, query: { include_tabs: 'true' }, body: undefined },
		]);
		const items = json(result);
		expect(items.map((item) => [item.recipientId, item.recipientType, item.status])).toEqual([
			['1', 'signer', 'completed'],
			['2', 'carbonCopy', 'completed'],
			['3', 'signer', 'sent'],
		]);
		expect(items[0]).toMatchObject({
			envelopeId: ENVELOPE,
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			signedDateTime: '2024-05-02T10:00:00.0000000Z',
		});
		expect(result.outputOf('DocuSign').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('one item with DocuSign\'s lists when asked', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);

		const result = await runEnvelope({ operation: 'getRecipients', envelopeId: byId(ENVELOPE), output: 'grouped' });

		expect(calls[0].query).toEqual({});
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, ...recipientsResponse() }]);
	});
});

describe('Envelope locator search (list mode)', () => {
	it('lists the last 30 days newest first, searched by text, with web app links and the next page token', async () => {
		mockUserinfo();
		mockApi('GET', '/envelopes', [
			200,
			{
				resultSetSize: '2',
				startPosition: '50',
				endPosition: '51',
				totalSetSize: '120',
				envelopes: [
					envelope(id(1), { emailSubject: 'NDA for Ada', status: 'completed', lastModifiedDateTime: '2024-05-03T10:00:00.0000000Z' }),
					envelope(id(2), { emailSubject: '', status: 'created' }),
				],
			},
		]);
		const context = await loadOptionsContext({ operation: 'get', envelopeId: byId('') });

		const before = Date.now();
		const page = await searchEnvelopes.call(context, ' NDA ', '50');

		const { from_date: fromDate, ...rest } = calls[0].query;
		expect(rest).toEqual({
			order_by: 'last_modified',
			order: 'desc',
			count: '50',
			start_position: '50',
			search_text: 'NDA',
			status: EVERY_ENVELOPE_STATUS,
		});
		expect(Date.parse(fromDate)).toBeGreaterThanOrEqual(before - 30 * DAY - 1000);
		expect(page).toEqual({
			results: [
				{
					name: 'NDA for Ada · completed · 2024-05-03',
					value: id(1),
					url: `https://apps-d.docusign.com/send/documents/details/${id(1)}`,
				},
				{
					name: '(no subject) · created · 2024-05-01',
					value: id(2),
					url: `https://apps-d.docusign.com/send/documents/details/${id(2)}`,
				},
			],
			paginationToken: '52',
		});
	});

	it('has no next page after the last envelope', async () => {
		mockUserinfo();
		mockApi('GET', '/envelopes', [
			200,
			{ resultSetSize: '1', startPosition: '0', endPosition: '0', totalSetSize: '1', envelopes: [envelope(id(9))] },
		]);
		const context = await loadOptionsContext({ operation: 'get', envelopeId: byId('') });

		const page = await searchEnvelopes.call(context);

		expect(calls[0].query.search_text).toBeUndefined();
		expect(calls[0].query.start_position).toBe('0');
		expect(page.paginationToken).toBeUndefined();
		expect(page.results).toHaveLength(1);
	});
});
