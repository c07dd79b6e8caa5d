/**
 * The simulator's envelope-editing endpoints straight over HTTP: form data after signing with
 * typed values, audit events, custom fields, document add/replace/remove, the correction view and
 * reminders/expiration, each with the state DocuSign requires.
 */
import type { Simulator } from './index';
import { bearer, envelopeDefinition, http, samplePdf, useSimulatorSession } from './testHelpers';

let sim: Simulator;
let token: string;
let base: string;
useSimulatorSession((session) => ({ sim, token, base } = session));

const auth = () => bearer(token).headers;
async function create(extra: Record<string, unknown> = {}): Promise<string> {
	const res = await http.post(`${base}/envelopes`, envelopeDefinition(extra), { headers: auth() });
	expect(res.status).toBe(201);
	return res.data.envelopeId;
}
const call = (method: string, path: string, data?: unknown, headers: Record<string, string> = {}) =>
	http.request({ method, url: `${base}${path}`, data, headers: { ...auth(), ...headers } });

const withTextTab = {
	recipients: {
		signers: [
			{
				email: 'signer.one@example.com', name: 'Signer One', recipientId: '1', routingOrder: '1',
				tabs: {
					signHereTabs: [{ documentId: '1', pageNumber: '1', xPosition: '100', yPosition: '100' }],
					textTabs: [{ documentId: '1', pageNumber: '1', xPosition: '100', yPosition: '200', tabLabel: 'po_number' }],
					listTabs: [{ documentId: '1', pageNumber: '1', xPosition: '100', yPosition: '300', tabLabel: 'plan', listItems: [{ text: 'Gold', value: 'Gold' }] }],
				},
			},
		],
	},
};

describe('form data and audit events', () => {
	it('sign with tabValues records what the signer typed; form_data returns it per recipient and for the envelope', async () => {
		const id = await create(withTextTab);
		sim.sign(id, '1', { tabValues: { po_number: 'PO-7781', plan: 'Gold' } });

		const res = await call('GET', `/envelopes/${id}/form_data`);
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ envelopeId: id, status: 'completed', emailSubject: 'Please sign the NDA' });
		expect(res.data.recipientFormData).toEqual([
			expect.objectContaining({
				recipientId: '1',
				name: 'Signer One',
				email: 'signer.one@example.com',
				SignedTime: expect.any(String),
				formData: [
					{ name: 'po_number', value: 'PO-7781', originalValue: '' },
					{ name: 'plan', value: 'Gold', listSelectedValue: 'Gold' },
				],
			}),
		]);
		expect(res.data.formData.map((f: { name: string }) => f.name)).toEqual(['po_number', 'plan']);
	});

	it('a label the recipient lacks is refused and nothing is signed; a draft has no form data', async () => {
		const id = await create(withTextTab);
		expect(() => sim.sign(id, '1', { tabValues: { nope: 'x' } })).toThrow(/no text or list field labelled "nope".*po_number, plan/);
		expect(sim.envelope(id)?.status).toBe('sent');

		const draft = await create({ status: 'created' });
		const res = await call('GET', `/envelopes/${draft}/form_data`);
		expect(res.status).toBe(400);
		expect(res.data.errorCode).toBe('ENVELOPE_INVALID_STATUS');
	});

	it('audit events: one per move, as eventFields name/value pairs with DocuSign\'s field names', async () => {
		const id = await create();
		sim.sign(id, '1');
		const res = await call('GET', `/envelopes/${id}/audit_events`);
		expect(res.status).toBe(200);
		const events = res.data.auditEvents.map((e: { eventFields: Array<{ name: string; value: string }> }) =>
			Object.fromEntries(e.eventFields.map((f) => [f.name, f.value])),
		);
		expect(events.map((e: Record<string, string>) => e.Action)).toEqual(['Registered', 'Sent Invitations', 'Viewed', 'Signed']);
		expect(Object.keys(events[0])).toEqual([
			'logTime', 'Source', 'UserName', 'UserId', 'Action', 'Message', 'EnvelopeStatus', 'ClientIPAddress', 'Information', 'GeoLocation', 'Language',
		]);
		// The envelope is still "sent": it is delivered only once every recipient has opened it (spec ConnectConfigurations.envelopeEvents).
		expect(events[3]).toMatchObject({ UserName: 'Signer One', EnvelopeStatus: 'sent', Source: 'Web' });
	});
});

describe('custom fields', () => {
	it('POST adds, PUT changes by fieldId, DELETE removes; bodies are validated against customFields', async () => {
		const id = await create();
		const added = await call('POST', `/envelopes/${id}/custom_fields`, { textCustomFields: [{ name: 'region', value: 'EMEA' }] });
		expect(added.status).toBe(201);
		const fieldId = added.data.textCustomFields[0].fieldId;

		// DocuSign answers a field it could not write with success and errorDetails on that field (csharp client issue #75).
		const again = await call('POST', `/envelopes/${id}/custom_fields`, { textCustomFields: [{ name: 'region', value: 'x' }, { name: 'team', value: 'Ops' }] });
		expect(again.status).toBe(201);
		expect(again.data.textCustomFields).toEqual([
			{ name: 'region', value: 'x', errorDetails: { errorCode: 'CUSTOM_FIELD_ALREADY_EXISTS', message: 'Custom field "region" already exists.' } },
			expect.objectContaining({ name: 'team', value: 'Ops', fieldId: expect.any(String) }),
		]);
		const teamId = again.data.textCustomFields[1].fieldId;
		const unknown = await call('PUT', `/envelopes/${id}/custom_fields`, { textCustomFields: [{ fieldId: '404', value: 'x' }] });
		expect(unknown.status).toBe(200);
		expect(unknown.data.textCustomFields[0].errorDetails.errorCode).toBe('INVALID_REQUEST_PARAMETER');
		expect((await call('DELETE', `/envelopes/${id}/custom_fields`, { textCustomFields: [{ fieldId: teamId }, { fieldId: '404' }] })).data.textCustomFields.map((f: { errorDetails?: unknown }) => Boolean(f.errorDetails))).toEqual([false, true]);
		expect((await call('PUT', `/envelopes/${id}/custom_fields`, { textCustomFields: [{ fieldId, colour: 'x' }] })).data.errorCode).toBe('INVALID_REQUEST_BODY');

		expect((await call('PUT', `/envelopes/${id}/custom_fields`, { textCustomFields: [{ fieldId, value: 'APAC' }] })).status).toBe(200);
		let fields = (await call('GET', `/envelopes/${id}/custom_fields`)).data.textCustomFields;
		expect(fields.map((f: { name: string; value: string }) => [f.name, f.value])).toEqual([['orderId', 'A-1001'], ['region', 'APAC']]);

		expect((await call('DELETE', `/envelopes/${id}/custom_fields`, { textCustomFields: [{ fieldId }] })).status).toBe(200);
		fields = (await call('GET', `/envelopes/${id}/custom_fields`)).data.textCustomFields;
		expect(fields.map((f: { name: string }) => f.name)).toEqual(['orderId']);
	});

	it('a completed envelope\'s fields cannot change; the account lists its definitions', async () => {
		const id = await create({ recipients: { signers: [{ email: 'a@example.com', name: 'A', recipientId: '1' }] } });
		sim.sign(id, '1');
		const res = await call('POST', `/envelopes/${id}/custom_fields`, { textCustomFields: [{ name: 'late', value: 'x' }] });
		expect(res.data.errorCode).toBe('ENVELOPE_INVALID_STATUS');

		const account = await call('GET', '/custom_fields');
		expect(account.data.textCustomFields.map((f: { name: string }) => f.name)).toEqual(['Cost Center']);
		expect(account.data.listCustomFields[0]).toMatchObject({ name: 'Department', required: 'true', listItems: ['Sales', 'Legal', 'Operations'] });
	});
});

describe('documents', () => {
	it('PUT documents/{id} replaces or adds from the raw body; DELETE removes a document and its tabs', async () => {
		const id = await create({ status: 'created', ...withTextTab });
		const replaced = samplePdf('v2');
		const put = await call('PUT', `/envelopes/${id}/documents/1`, replaced, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'file; filename="NDA v2.pdf"; documentid=1' });
		expect(put.status).toBe(200);
		expect(put.data).toMatchObject({ documentId: '1', name: 'NDA v2.pdf' });
		const added = await call('PUT', `/envelopes/${id}/documents/2`, samplePdf('annex'), { 'Content-Type': 'application/pdf', 'Content-Disposition': 'file; filename="Annex.pdf"' });
		expect(added.status).toBe(200);
		const docs = (sim.envelope(id)?.documents as Array<{ documentId: string; size: number }>).map((d) => [d.documentId, d.size]);
		expect(docs).toEqual([['1', replaced.length], ['2', samplePdf('annex').length]]);

		const del = await call('DELETE', `/envelopes/${id}/documents`, { documents: [{ documentId: '1' }] });
		expect(del.status).toBe(200);
		const env = sim.envelope(id) as { documents: Array<{ documentId: string }>; recipients: Array<{ tabs: Record<string, unknown[]> }> };
		expect(env.documents.map((d) => d.documentId)).toEqual(['2']);
		expect(env.recipients[0].tabs.textTabs).toEqual([]);
	});

	it('refuses an empty file, a non-PDF named .pdf, an unknown document, and any change to a completed envelope', async () => {
		const id = await create({ status: 'created' });
		const empty = await call('PUT', `/envelopes/${id}/documents/1`, Buffer.alloc(0), { 'Content-Type': 'application/pdf' });
		expect(empty.data.errorCode).toBe('FORMAT_CONVERSION_ERROR');
		const unnamed = await call('PUT', `/envelopes/${id}/documents/1`, samplePdf(), { 'Content-Type': 'application/pdf' });
		expect(unnamed.data).toMatchObject({ errorCode: 'INVALID_REQUEST_PARAMETER', message: expect.stringContaining('A filename was not found in the Content-Disposition header') });
		const fake = await call('PUT', `/envelopes/${id}/documents/1`, Buffer.from('hello'), { 'Content-Type': 'application/pdf', 'Content-Disposition': 'file; filename="x.pdf"' });
		expect(fake.data.errorCode).toBe('PDF_VALIDATION_FAILED');
		expect((await call('DELETE', `/envelopes/${id}/documents`, { documents: [{ documentId: '9' }] })).data.errorCode).toBe('DOCUMENT_DOES_NOT_EXIST');

		const done = await create({ recipients: { signers: [{ email: 'a@example.com', name: 'A', recipientId: '1' }] } });
		sim.sign(done, '1');
		const put = await call('PUT', `/envelopes/${done}/documents/1`, samplePdf(), { 'Content-Type': 'application/pdf' });
		expect(put.data.errorCode).toBe('ENVELOPE_INVALID_STATUS');
		const del = await call('DELETE', `/envelopes/${done}/documents`, { documents: [{ documentId: '1' }] });
		expect(del.data.errorCode).toBe('ENVELOPE_INVALID_STATUS');
	});
});

describe('correction view and notification', () => {
	it('views/correct: sent envelopes only; the page returns to the returnUrl cut at 470 characters', async () => {
		const draft = await create({ status: 'created' });
		expect((await call('POST', `/envelopes/${draft}/views/correct`, { returnUrl: 'https://example.com/x' })).data.errorCode).toBe('ENVELOPE_INVALID_STATUS');

		const id = await create();
		const long = `https://example.com/back?${'a'.repeat(500)}`;
		const res = await call('POST', `/envelopes/${id}/views/correct`, { returnUrl: long });
		expect(res.status).toBe(201);
		const page = await http.get(`${res.data.url}&action=send`);
		expect(page.status).toBe(302);
		expect(new URL(page.headers.location).searchParams.get('event')).toBe('send');
		expect(String(page.headers.location).startsWith(long.slice(0, 470))).toBe(true);
		expect(String(page.headers.location)).not.toContain(long.slice(0, 471));
	});

	it('PUT notification sets reminders and expiration; useAccountDefaults goes back to the account\'s', async () => {
		const id = await create();
		const body = { useAccountDefaults: 'false', reminders: { reminderEnabled: 'true', reminderDelay: '2', reminderFrequency: '3' }, expirations: { expireEnabled: 'true', expireAfter: '30', expireWarn: '5' } };
		const res = await call('PUT', `/envelopes/${id}/notification`, body);
		expect(res.status).toBe(200);
		expect(res.data).toEqual(body);
		expect((await call('GET', `/envelopes/${id}/notification`)).data).toEqual(body);

		const bad = await call('PUT', `/envelopes/${id}/notification`, { expirations: { expireEnabled: 'true', expireAfter: '5', expireWarn: '5' } });
		expect(bad.data.errorCode).toBe('INVALID_REQUEST_PARAMETER');
		const reset = await call('PUT', `/envelopes/${id}/notification`, { useAccountDefaults: 'true' });
		expect(reset.data).toMatchObject({ useAccountDefaults: 'true', expirations: { expireAfter: '120' } });
	});
});
