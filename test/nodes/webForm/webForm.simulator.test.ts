/**
 * Web Form resource against the simulator (real engine, JWT): list, get with fields, create an
 * embedded and a remote instance with prefilled values, the person submits, Get Instance returns the
 * submitted values and the envelope DocuSign sent; pickers; input errors before any call.
 */
import type { IDataObject } from 'n8n-workflow';

import { getWebFormFields } from '../../../nodes/DocuSign/methods/loadOptions/getWebFormFields';
import { searchWebForms } from '../../../nodes/DocuSign/methods/listSearch/searchWebForms';
import { SEED_IDS, TEMPLATE_IDS, WEB_FORM_IDS } from '../../simulator';
import { assertMatchesSpec } from '../../simulator/specValidation';
import { requestsTo, runWithScopes } from '../platformKit';
import { sim, simulatorLoadOptionsContext, simulatorNode as node, useSimulator } from '../simulatorKit';

useSimulator();

const ACME = SEED_IDS.accounts.acmeNa;
const FORMS_BASE = `/api/webforms/v1.1/accounts/${ACME}`;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('Web Form against the simulator', () => {
	it('lists the account\'s published forms at the Web Forms host and reads one with its fields', async () => {
		const result = await runWithScopes([
			node('List', { resource: 'webForm', operation: 'getAll', returnAll: true, filters: { isPublished: true } }),
			node('Get', { resource: 'webForm', operation: 'get', formId: byId(WEB_FORM_IDS.customerNda), state: 'active' }, 400),
		]);
		expect(result.error).toBeUndefined();
		expect(json(result.outputOf('List')).map((f) => [f.formId, f.name])).toEqual([[WEB_FORM_IDS.customerNda, 'Customer NDA intake']]);
		const [form] = json(result.outputOf('Get'));
		expect(form.fields).toEqual(
			expect.arrayContaining([{ name: 'FullName', type: 'TextBox' }, { name: 'Email', type: 'Email' }, { name: 'Employees', type: 'Number' }]),
		);
		const calls = requestsTo('/api/webforms/');
		expect(calls.map((c) => [c.method, c.path, c.query])).toEqual([
			['GET', `${FORMS_BASE}/forms`, { is_published: 'true', start_position: '0', count: '100' }],
			['GET', `${FORMS_BASE}/forms/${WEB_FORM_IDS.customerNda}`, { state: 'active' }],
		]);
		expect(calls.every((c) => /^Bearer /.test(String(c.headers.authorization)))).toBe(true);
	});

	it('creates an embedded instance with prefilled values; after submission Get Instance has the values and the envelope', async () => {
		const create = await runWithScopes([
			node('Create', {
				resource: 'webForm',
				operation: 'createInstance',
				formId: byId(WEB_FORM_IDS.customerNda),
				delivery: 'embedded',
				clientUserId: 'crm-4711',
				formValues: { value: [{ name: 'FullName', value: 'Ada Lovelace' }, { name: 'company_name', value: 'Analytical Engines' }] },
				options: { expirationOffset: 24, formValuesJson: '{"Employees": 12, "Topics": ["IP", "Pricing"]}', tags: 'crm, nda' },
			}),
		]);
		expect(create.error).toBeUndefined();
		const [instance] = json(create.outputOf('Create'));
		const [post] = requestsTo('/api/webforms/').filter((c) => c.method === 'POST');
		expect(post.path).toBe(`${FORMS_BASE}/forms/${WEB_FORM_IDS.customerNda}/instances`);
		expect(post.body).toEqual({
			formValues: { Employees: 12, Topics: ['IP', 'Pricing'], FullName: 'Ada Lovelace', company_name: 'Analytical Engines' },
			clientUserId: 'crm-4711',
			expirationOffset: 24,
			tags: ['crm', 'nda'],
		});
		assertMatchesSpec('CreateInstanceRequestBody', post.body, 'webforms');
		expect(instance.status).toBe('INITIATED');
		expect(instance.envelopeId).toBeNull();
		expect(instance.signedUrl).toBe(`${String(instance.formUrl)}#instanceToken=${String(instance.instanceToken)}`);

		sim.submitWebForm(String(instance.instanceId), { Email: 'ada@example.com' });

		const read = await runWithScopes([
			node('Get Instance', { resource: 'webForm', operation: 'getInstance', formId: byId(WEB_FORM_IDS.customerNda), instanceId: String(instance.instanceId) }),
			node('Many', { resource: 'webForm', operation: 'getAllInstances', formId: byId(WEB_FORM_IDS.customerNda), clientUserId: 'crm-4711' }, 400),
		]);
		expect(read.error).toBeUndefined();
		const [submitted] = json(read.outputOf('Get Instance'));
		expect(submitted).toMatchObject({
			instanceId: instance.instanceId,
			status: 'SUBMITTED',
			formValues: { FullName: 'Ada Lovelace', Email: 'ada@example.com', company_name: 'Analytical Engines', Employees: 12 },
		});
		expect(typeof submitted.submittedDateTime).toBe('string');
		const envelope = sim.state.envelopes.get(String(submitted.envelopeId));
		expect(envelope).toMatchObject({ status: 'sent', templateId: TEMPLATE_IDS.mutualNda });
		expect(envelope?.recipients.find((r) => r.roleName === 'Signer')).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
		expect(json(read.outputOf('Many')).map((i) => [i.instanceId, i.envelopeId])).toEqual([[instance.instanceId, submitted.envelopeId]]);
		expect(read.outputOf('Many')[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends a remote instance to recipients (sendOption "now"), no signed URL', async () => {
		const result = await runWithScopes([
			node('Remote', {
				resource: 'webForm',
				operation: 'createInstance',
				formId: byId(WEB_FORM_IDS.customerNda),
				delivery: 'remote',
				recipients: { recipient: [{ roleName: 'Signer', name: 'Grace Hopper', email: 'grace@example.com' }] },
				formValues: { value: [{ name: 'FullName', value: 'Grace Hopper' }] },
			}),
		]);
		expect(result.error).toBeUndefined();
		const [post] = requestsTo('/api/webforms/');
		expect(post.body).toEqual({
			formValues: { FullName: 'Grace Hopper' },
			recipients: [{ roleName: 'Signer', name: 'Grace Hopper', email: 'grace@example.com' }],
			sendOption: 'now',
		});
		const [out] = json(result.outputOf('Remote'));
		expect(out.signedUrl).toBeUndefined();
		expect(out.instanceMetadata).toMatchObject({ instanceSource: 'API_REMOTE' });
	});

	it('refuses bad input before any call, and continueOnFail gives the item its error', async () => {
		const result = await runWithScopes(
			[
				{
					...node('Create', {
						resource: 'webForm',
						operation: 'createInstance',
						formId: byId('={{ $json.formId }}'),
						delivery: 'embedded',
						clientUserId: '={{ $json.client }}',
					}),
					continueOnFail: true,
				},
			],
			undefined,
			[{ json: { formId: 'not-a-guid', client: 'x' } }, { json: { formId: WEB_FORM_IDS.customerNda, client: '' } }],
		);
		const out = result.outputOf('Create');
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(out[0].json.error)).toContain('"not-a-guid" is not a web form ID');
		expect(String(out[1].json.error)).toContain('Client User ID');
		expect(requestsTo('/api/webforms/')).toHaveLength(0);
	});

	it('a form DocuSign does not know: the Web Forms 404 becomes an actionable error', async () => {
		const result = await runWithScopes([node('Get', { resource: 'webForm', operation: 'get', formId: byId('00000000-0000-4000-8000-000000000000') })]);
		expect(result.error?.message).toMatch(/DocuSign could not read the web form: 404/);
		expect((result.error as { description?: string }).description).toMatch(/Check the IDs and the account/);
	});

	it('the form picker and the prefill field dropdown read the Web Forms API', async () => {
		await runWithScopes([node('List', { resource: 'webForm', operation: 'getAll', returnAll: true })]);
		const picker = node('Create', { resource: 'webForm', operation: 'createInstance', formId: byId(WEB_FORM_IDS.customerNda) });
		const search = await searchWebForms.call(await simulatorLoadOptionsContext(picker, 'parameters.formId'), 'nda');
		expect(search.results).toEqual([{ name: 'Customer NDA intake', value: WEB_FORM_IDS.customerNda }]);
		const fields = await getWebFormFields.call(await simulatorLoadOptionsContext(picker, 'parameters.formValues'));
		// Only fields that take text: Number (Employees) and CheckboxGroup (Topics) need a number / a list
		// (CreateInstanceRequestBody.formValues), which Prefill Values (JSON) carries.
		expect(fields.map((f) => f.value)).toEqual(['company_name', 'effective_date', 'Email', 'FullName']);
	});
});
