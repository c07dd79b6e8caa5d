/**
 * Envelope → Get Form Data, Get Audit Events and the custom field operations in n8n's real engine,
 * DocuSign played by nock with answers shaped like the spec's (envelopeFormData,
 * envelopeAuditEventResponse, customFields): the requests sent (bodies checked against the spec)
 * and the items that come out.
 */
import {
	ENVELOPE,
	byId,
	calls,
	expectSpecValid,
	installNockHooks,
	json,
	loadOptionsContext,
	mockApi,
	mockUserinfo,
	runEnvelope,
} from './envelopeKit';

import type { INodeParameters } from 'n8n-workflow';

import { getEnvelopeCustomFields } from '../../../nodes/DocuSign/methods/loadOptions/getEnvelopeCustomFields';

installNockHooks();

const FORM_DATA = {
	formData: [
		{ name: 'po_number', value: 'PO-7781', originalValue: 'PO-7781' },
		{ name: 'plan', value: 'Gold', listSelectedValue: 'Gold' },
	],
	envelopeId: ENVELOPE,
	status: 'completed',
	sentDateTime: '2024-05-02T09:00:00.0000000Z',
	emailSubject: 'Please sign',
	recipientFormData: [
		{
			formData: [
				{ name: 'po_number', value: 'PO-7781', originalValue: 'PO-7781' },
				{ name: 'plan', value: 'Gold', listSelectedValue: 'Gold' },
			],
			recipientId: '1',
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			SentTime: '2024-05-02T09:00:00.0000000Z',
			SignedTime: '2024-05-02T10:00:00.0000000Z',
		},
	],
};

describe('Envelope → Get Form Data', () => {
	it('GETs form_data once and returns label → value for the envelope and each recipient, with DocuSign\'s answer', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/form_data`, [200, FORM_DATA]);

		const result = await runEnvelope({ operation: 'getFormData', envelopeId: byId(ENVELOPE) });

		expect(result.error).toBeUndefined();
		expect(calls.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET /envelopes/${ENVELOPE}/form_data`]);
		expect(json(result)).toEqual([
			{
				envelopeId: ENVELOPE,
				status: 'completed',
				values: { po_number: 'PO-7781', plan: 'Gold' },
				recipients: [
					{
						recipientId: '1',
						name: 'Ada Lovelace',
						email: 'ada@example.com',
						signedTime: '2024-05-02T10:00:00.0000000Z',
						values: { po_number: 'PO-7781', plan: 'Gold' },
					},
				],
				raw: FORM_DATA,
			},
		]);
	});

	it('a bad envelope ID is refused before any call', async () => {
		const result = await runEnvelope({ operation: 'getFormData', envelopeId: byId('={{ "not-an-id" }}') });
		expect(result.error?.message).toBe('Envelope: "not-an-id" is not an envelope ID or a DocuSign envelope link');
		expect(calls).toEqual([]);
	});
});

describe('Envelope → Get Audit Events', () => {
	it('one item per event, eventFields turned into camelCase fields', async () => {
		const field = (name: string, value: string) => ({ name, value });
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/audit_events`, [
			200,
			{
				auditEvents: [
					{ eventFields: [field('logTime', '2024-05-02T09:00:00.0000000Z'), field('Source', 'API'), field('UserName', 'Sam Sender'), field('Action', 'Registered'), field('EnvelopeStatus', 'created'), field('ClientIPAddress', '203.0.113.9')] },
					{ eventFields: [field('logTime', '2024-05-02T10:00:00.0000000Z'), field('UserName', 'Ada Lovelace'), field('Action', 'Signed'), field('Message', 'Ada signed'), field('GeoLocation', '')] },
				],
			},
		]);

		const result = await runEnvelope({ operation: 'getAuditEvents', envelopeId: byId(ENVELOPE) });

		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{ envelopeId: ENVELOPE, logTime: '2024-05-02T09:00:00.0000000Z', source: 'API', userName: 'Sam Sender', action: 'Registered', envelopeStatus: 'created', clientIpAddress: '203.0.113.9' },
			{ envelopeId: ENVELOPE, logTime: '2024-05-02T10:00:00.0000000Z', userName: 'Ada Lovelace', action: 'Signed', message: 'Ada signed', geoLocation: '' },
		]);
		expect(result.outputOf('DocuSign').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});
});

const ENVELOPE_FIELDS = {
	textCustomFields: [{ fieldId: '10000001', name: 'Order Number', value: 'SO-1', show: 'true', required: 'false' }],
	listCustomFields: [{ fieldId: '10000002', name: 'Department', value: 'Sales', show: 'true', required: 'false', listItems: ['Sales', 'HR'] }],
};

describe('Envelope → custom fields', () => {
	it('Get Custom Fields: values by name and each field with its type', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/custom_fields`, [200, ENVELOPE_FIELDS]);

		const result = await runEnvelope({ operation: 'getCustomFields', envelopeId: byId(ENVELOPE) });

		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				envelopeId: ENVELOPE,
				values: { 'Order Number': 'SO-1', Department: 'Sales' },
				customFields: [
					{ ...ENVELOPE_FIELDS.textCustomFields[0], type: 'text' },
					{ ...ENVELOPE_FIELDS.listCustomFields[0], type: 'list' },
				],
			},
		]);
	});

	it('Set Custom Fields: existing names are PUT by fieldId, new names POSTed as text fields', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/custom_fields`, [200, ENVELOPE_FIELDS]);
		mockApi('PUT', `/envelopes/${ENVELOPE}/custom_fields`, (call) => [200, call.body]);
		mockApi('POST', `/envelopes/${ENVELOPE}/custom_fields`, [
			201,
			{ textCustomFields: [{ fieldId: '10000103', name: 'Region', value: 'EMEA', show: 'false', required: 'false' }] },
		]);

		const result = await runEnvelope({
			operation: 'setCustomFields',
			envelopeId: byId(ENVELOPE),
			customFields: {
				field: [
					{ name: 'Order Number', value: 'SO-2' },
					{ name: 'Department', value: 'HR' },
					{ name: 'Region', value: 'EMEA', show: false },
				],
			},
		});

		expect(result.error).toBeUndefined();
		expect(calls.map(({ method }) => method)).toEqual(['GET', 'PUT', 'POST']);
		expect(calls[1].body).toEqual({
			textCustomFields: [{ fieldId: '10000001', name: 'Order Number', value: 'SO-2' }],
			listCustomFields: [{ fieldId: '10000002', name: 'Department', value: 'HR' }],
		});
		expect(calls[2].body).toEqual({ textCustomFields: [{ name: 'Region', value: 'EMEA', show: 'false', required: 'false' }] });
		expectSpecValid('customFields', calls[1].body);
		expectSpecValid('customFields', calls[2].body);
		expect(json(result)).toEqual([
			{ envelopeId: ENVELOPE, added: ['Region'], updated: ['Order Number', 'Department'], values: { 'Order Number': 'SO-2', Department: 'HR', Region: 'EMEA' } },
		]);
	});

	it('Set Custom Fields: a field DocuSign answers with errorDetails (inside a 2xx) fails the item, naming the field', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/custom_fields`, [200, ENVELOPE_FIELDS], 2);
		// csharp client issue #75: a name the envelope already has comes back 201 with CUSTOM_FIELD_ALREADY_EXISTS.
		mockApi('POST', `/envelopes/${ENVELOPE}/custom_fields`, [
			201,
			{ textCustomFields: [{ name: 'Region', value: 'EMEA', errorDetails: { errorCode: 'CUSTOM_FIELD_ALREADY_EXISTS', message: 'Custom field "Region" already exists.' } }] },
		]);
		mockApi('PUT', `/envelopes/${ENVELOPE}/custom_fields`, [
			200,
			{ textCustomFields: [{ fieldId: '10000001', name: 'Order Number', value: 'SO-3', errorDetails: { errorCode: 'INVALID_REQUEST_PARAMETER', message: 'No such field.' } }], listCustomFields: [] },
		]);

		const added = await runEnvelope({ operation: 'setCustomFields', envelopeId: byId(ENVELOPE), customFields: { field: [{ name: 'Region', value: 'EMEA' }] } });
		expect(added.error?.message).toBe('DocuSign could not add custom fields to the envelope: "Region": CUSTOM_FIELD_ALREADY_EXISTS – Custom field "Region" already exists.');
		const changed = await runEnvelope({ operation: 'setCustomFields', envelopeId: byId(ENVELOPE), customFields: { field: [{ name: 'Order Number', value: 'SO-3' }] } });
		expect(changed.error?.message).toBe('DocuSign could not update the custom fields of the envelope: "Order Number": INVALID_REQUEST_PARAMETER – No such field.');
	});

	it('Delete Custom Fields: a field DocuSign answers with errorDetails fails the item', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/custom_fields`, [200, ENVELOPE_FIELDS]);
		mockApi('DELETE', `/envelopes/${ENVELOPE}/custom_fields`, [
			200,
			{ textCustomFields: [{ fieldId: '10000001', errorDetails: { errorCode: 'INVALID_REQUEST_PARAMETER', message: 'No such field.' } }], listCustomFields: [] },
		]);
		const result = await runEnvelope({ operation: 'deleteCustomFields', envelopeId: byId(ENVELOPE), fieldNames: ['Order Number'] });
		expect(result.error?.message).toBe('DocuSign could not remove custom fields from the envelope: field 10000001: INVALID_REQUEST_PARAMETER – No such field.');
	});

	it('Set Custom Fields: a list value outside the list is refused after the read and nothing is changed', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/custom_fields`, [200, ENVELOPE_FIELDS]);

		const result = await runEnvelope({
			operation: 'setCustomFields',
			envelopeId: byId(ENVELOPE),
			customFields: { field: [{ name: 'Region', value: 'EMEA' }, { name: 'Department', value: 'Finance' }] },
		});

		expect(result.error?.message).toBe('Item 1: Custom field "Department" is a list: "Finance" is not one of its items');
		expect(result.error?.description).toBe('Its items are: "Sales", "HR".');
		expect(calls.map(({ method }) => method)).toEqual(['GET']);
	});

	it('Set Custom Fields: bad input (no name, duplicate, value over 100 characters) errors before any call', async () => {
		const run = async (field: INodeParameters[]) =>
			(await runEnvelope({ operation: 'setCustomFields', envelopeId: byId(ENVELOPE), customFields: { field } })).error?.message;
		expect(await run([{ name: ' ', value: 'x' }])).toBe('Item 1: Custom field 1 has no name');
		expect(await run([{ name: 'A', value: '1' }, { name: 'A', value: '2' }])).toBe('Item 1: Custom field "A" is listed twice');
		expect(await run([{ name: 'A', value: 'x'.repeat(101) }])).toBe('Item 1: Custom field "A": the value has 101 characters; DocuSign allows 100');
		expect(await run([])).toBe('Item 1: Custom Fields: add at least one field');
		expect(calls).toEqual([]);
	});

	it('Delete Custom Fields: names resolved to fieldIds, one DELETE with both lists', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/custom_fields`, [200, ENVELOPE_FIELDS]);
		mockApi('DELETE', `/envelopes/${ENVELOPE}/custom_fields`, (call) => [200, call.body]);

		const result = await runEnvelope({ operation: 'deleteCustomFields', envelopeId: byId(ENVELOPE), fieldNames: ['Department', 'Order Number'] });

		expect(result.error).toBeUndefined();
		expect(calls[1]).toMatchObject({
			method: 'DELETE',
			body: { textCustomFields: [{ fieldId: '10000001' }], listCustomFields: [{ fieldId: '10000002' }] },
		});
		expectSpecValid('customFields', calls[1].body);
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, deleted: ['Order Number', 'Department'] }]);
	});

	it('Delete Custom Fields: an unknown name lists the envelope\'s fields and deletes nothing', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/custom_fields`, [200, ENVELOPE_FIELDS]);

		const result = await runEnvelope({ operation: 'deleteCustomFields', envelopeId: byId(ENVELOPE), fieldNames: ['Region'] });

		expect(result.error?.message).toBe('Item 1: The envelope has no custom field "Region"');
		expect(result.error?.description).toBe('Its custom fields are: "Order Number", "Department". Nothing was removed.');
		expect(calls.map(({ method }) => method)).toEqual(['GET']);
	});

	it('the Delete dropdown lists the chosen envelope\'s fields', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/custom_fields`, [200, ENVELOPE_FIELDS]);
		const context = await loadOptionsContext({ operation: 'deleteCustomFields', envelopeId: byId(ENVELOPE) });
		expect(await getEnvelopeCustomFields.call(context)).toEqual([
			{ name: 'Order Number', value: 'Order Number', description: 'Text field, value "SO-1"' },
			{ name: 'Department', value: 'Department', description: 'List field, value "Sales"' },
		]);
	});

	it('Get Account Custom Fields: one item per definition of the account', async () => {
		mockUserinfo();
		mockApi('GET', '/custom_fields', [200, { textCustomFields: [{ fieldId: '1', name: 'Order Number', required: 'true', show: 'true' }], listCustomFields: [] }]);

		const result = await runEnvelope({ operation: 'getAccountCustomFields' });

		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([{ fieldId: '1', name: 'Order Number', value: '', required: 'true', show: 'true', type: 'text' }]);
	});
});
