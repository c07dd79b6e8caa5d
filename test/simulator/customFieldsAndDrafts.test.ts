/**
 * The simulator's claims about drafts in listStatusChanges, transactionId and envelope custom
 * fields (sources in README.md, "Drafts, transactionId and envelope custom fields").
 */
import { SEED_IDS, TEMPLATE_IDS, type Simulator } from './index';
import { bearer, envelopeDefinition, http, useSimulatorSession } from './testHelpers';

let sim: Simulator;
let token: string;
let base: string;
useSimulatorSession((session) => ({ sim, token, base } = session));

const create = (def: Record<string, unknown>) => http.post(`${base}/envelopes`, def, bearer(token));
const get = (path: string) => http.get(`${base}${path}`, bearer(token));
const fieldsOf = async (envelopeId: string) => (await get(`/envelopes/${envelopeId}/custom_fields`)).data;
const names = (fields: { textCustomFields: Array<{ name: string }>; listCustomFields: Array<{ name: string }> }) =>
	[...fields.listCustomFields, ...fields.textCustomFields].map((f) => f.name);

describe('drafts in GET /envelopes', () => {
	it('lists a draft only when status names created (not for an empty status, not for any)', async () => {
		const draft = (await create(envelopeDefinition({ status: 'created', transactionId: 'tx-draft' }))).data.envelopeId;
		const sent = (await create(envelopeDefinition({ transactionId: 'tx-sent' }))).data.envelopeId;
		const from = new Date(Date.now() - 60_000).toISOString();
		const ids = async (query: string) =>
			((await get(`/envelopes?${query}`)).data.envelopes ?? []).map((e: { envelopeId: string }) => e.envelopeId);

		expect(await ids(`from_date=${from}`)).toEqual([sent]);
		expect(await ids(`from_date=${from}&status=any`)).toEqual([sent]);
		expect(await ids(`transaction_ids=tx-draft`)).toEqual([]);
		expect(await ids(`transaction_ids=tx-draft&status=any`)).toEqual([]);
		expect(await ids(`from_date=${from}&status=created`)).toEqual([draft]);
		expect(await ids(`transaction_ids=tx-draft,tx-sent&status=created,sent`)).toEqual(expect.arrayContaining([draft, sent]));
		expect(await ids(`from_date=${from}&status=any,created`)).toHaveLength(2);
		expect((await get(`/envelopes?from_date=${from}&status=drafty`)).data.errorCode).toBe('INVALID_REQUEST_PARAMETER');
	});

	it('stores transactionId, returns it, and finds it for 7 days only', async () => {
		const id = (await create(envelopeDefinition({ transactionId: 'tx-1' }))).data.envelopeId;
		expect((await get(`/envelopes/${id}`)).data.transactionId).toBe('tx-1');
		expect((await get('/envelopes?transaction_ids=tx-1')).data.envelopes).toHaveLength(1);
		sim.state.envelopes.get(id)!.createdDateTime = new Date(Date.now() - 8 * 86_400_000).toISOString();
		expect((await get('/envelopes?transaction_ids=tx-1')).data.envelopes).toBeUndefined();
	});
});

describe('envelope custom fields', () => {
	it('GET /custom_fields lists the account\'s definitions: a required list field and a text field with its default', async () => {
		const res = await get('/custom_fields');
		expect(res.status).toBe(200);
		expect(res.data.listCustomFields).toEqual([
			expect.objectContaining({ name: 'Department', required: 'true', value: 'Sales', listItems: ['Sales', 'Legal', 'Operations'] }),
		]);
		expect(res.data.textCustomFields).toEqual([expect.objectContaining({ name: 'Cost Center', value: 'CC-100' })]);
		expect(sim.counters()['GET custom_fields']).toBe(1);
	});

	it('a create without customFields gets the account\'s fields with their defaults', async () => {
		const { customFields: _omit, ...definition } = envelopeDefinition();
		const id = (await create(definition)).data.envelopeId;
		const fields = await fieldsOf(id);
		expect(fields.listCustomFields).toEqual([expect.objectContaining({ name: 'Department', value: 'Sales', required: 'true' })]);
		expect(fields.textCustomFields).toEqual([expect.objectContaining({ name: 'Cost Center', value: 'CC-100' })]);
	});

	it('customFields in the create replace the account\'s fields, required ones included', async () => {
		const id = (await create(envelopeDefinition())).data.envelopeId;
		expect(names(await fieldsOf(id))).toEqual(['orderId']);
	});

	it('from a template without customFields: the account\'s fields', async () => {
		const id = (await create({ templateId: TEMPLATE_IDS.mutualNda, status: 'sent', templateRoles: [{ roleName: 'Signer', name: 'S', email: 's@example.com' }] })).data.envelopeId;
		expect(names(await fieldsOf(id))).toEqual(['Department', 'Cost Center']);
	});

	it('with compositeTemplates the envelope-level customFields are ignored; an inline template\'s count', async () => {
		const composite = (inlineFields?: object) => ({
			status: 'sent',
			customFields: { textCustomFields: [{ name: 'ignored', value: 'x' }] },
			compositeTemplates: [
				{
					serverTemplates: [{ sequence: '1', templateId: TEMPLATE_IDS.mutualNda }],
					inlineTemplates: [
						{ sequence: '2', recipients: { signers: [{ roleName: 'Signer', name: 'S', email: 's@example.com', recipientId: '1' }] }, ...(inlineFields ? { customFields: inlineFields } : {}) },
					],
				},
			],
		});
		const withoutInline = (await create(composite())).data.envelopeId;
		expect(names(await fieldsOf(withoutInline))).toEqual(['Department', 'Cost Center']);
		const withInline = (await create(composite({ textCustomFields: [{ name: 'kept', value: 'y' }] }))).data.envelopeId;
		expect(names(await fieldsOf(withInline))).toEqual(['kept']);
	});

	it('a required field without a value stops the send (ENVELOPE_CUSTOM_FIELD_MISSING), not a draft', async () => {
		sim.state.accountCustomFields.get(SEED_IDS.accounts.acmeNa)!.list[0].value = '';
		const { customFields: _omit, ...definition } = envelopeDefinition();
		const refused = await create(definition);
		expect(refused.status).toBe(400);
		expect(refused.data).toEqual({
			errorCode: 'ENVELOPE_CUSTOM_FIELD_MISSING',
			message: "A required envelope custom field is missing. The custom field 'Department' requires a value.",
		});
		expect(sim.state.envelopes.size).toBe(0);
		const draft = (await create({ ...definition, status: 'created' })).data.envelopeId;
		expect((await http.put(`${base}/envelopes/${draft}`, { status: 'sent' }, bearer(token))).data.errorCode).toBe('ENVELOPE_CUSTOM_FIELD_MISSING');
		const filled = await create({ ...definition, customFields: { listCustomFields: [{ name: 'Department', value: 'Legal', required: 'true', listItems: ['Sales', 'Legal'] }] } });
		expect(filled.status).toBe(201);
	});

	it('bulk copies fill values of the fields the envelope has and keep the others', async () => {
		const list = await http.post(`${base}/bulk_send_lists`, {
			name: 'fields',
			bulkCopies: [{ recipients: [{ roleName: 'Signer', name: 'A One', email: 'a1@example.com' }, { roleName: 'CC', name: 'C One', email: 'c1@example.com' }], customFields: [{ name: 'Cost Center', value: 'CC-7' }] }],
		}, bearer(token));
		const sent = await http.post(`${base}/bulk_send_lists/${list.data.listId}/send`, { envelopeOrTemplateId: TEMPLATE_IDS.mutualNda }, bearer(token));
		expect(sent.status).toBe(201);
		const envelope = [...sim.state.envelopes.values()][0];
		expect(envelope.listCustomFields).toEqual([expect.objectContaining({ name: 'Department', value: 'Sales' })]);
		expect(envelope.textCustomFields).toEqual([expect.objectContaining({ name: 'Cost Center', value: 'CC-7' })]);
	});
});
