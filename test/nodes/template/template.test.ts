/**
 * Template → Get and Get Many, the template search (resource locator) and the role dropdown, in
 * n8n's real engine against DocuSign-shaped answers.
 */
import {
	OTHER_TEMPLATE,
	TEMPLATE,
	calls,
	installNockHooks,
	json,
	loadOptionsContext,
	mockApi,
	mockUserinfo,
	runNode,
	templateById,
	templatePage,
	templateResponse,
} from './kit';

import type { IExecuteFunctions } from 'n8n-workflow';

import { searchTemplates, templateWebUrl } from '../../../nodes/DocuSign/methods/listSearch/searchTemplates';
import { getTemplateRoles } from '../../../nodes/DocuSign/methods/loadOptions/getTemplateRoles';
import { parseTemplateId } from '../../../nodes/DocuSign/actions/template/templateLocator';
import { fetchTemplateOnce } from '../../../nodes/DocuSign/actions/template/templateRoles';

installNockHooks();

const expectedRoles = [
	{
		roleName: 'Employee',
		recipientType: 'signer',
		recipientId: '1',
		routingOrder: 1,
		textTabLabels: ['Start date', 'Salary'],
	},
	{
		roleName: 'Manager',
		recipientType: 'signer',
		recipientId: '2',
		routingOrder: 2,
		name: 'Mia Manager',
		email: 'mia@example.com',
		textTabLabels: ['Approval note'],
	},
	{ roleName: 'HR', recipientType: 'carboncopy', recipientId: '3', routingOrder: 3, textTabLabels: [] },
];

describe('Template → Get', () => {
	it('reads the template with tabs and documents and puts a roles summary before the raw template', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);

		const result = await runNode({ resource: 'template', operation: 'get', templateId: templateById(TEMPLATE, 'list') });

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{ method: 'GET', path: `/templates/${TEMPLATE}`, query: { include: 'documents,tabs' }, body: undefined },
		]);
		const [item] = result.outputOf('DocuSign');
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json.roles).toEqual(expectedRoles);
		expect(item.json).toMatchObject({
			templateId: TEMPLATE,
			name: 'Offer Letter',
			emailSubject: 'Please sign your offer letter',
			documents: [{ documentId: '1', name: 'Offer Letter.pdf', order: '1', pages: '2' }],
		});
		// The raw template is all there, the unnamed recipient included.
		expect((item.json.recipients as { signers: unknown[] }).signers).toHaveLength(3);
	});

	it('takes the template ID out of a DocuSign web app URL', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);

		const result = await runNode({
			resource: 'template',
			operation: 'get',
			templateId: templateById(`https://apps-d.docusign.com/send/templates/details/${TEMPLATE}`, 'url'),
		});

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => call.path)).toEqual([`/templates/${TEMPLATE}`]);
	});

	it('reads a template per item, each with its own ID from an expression', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);
		mockApi('GET', `/templates/${OTHER_TEMPLATE}`, [200, templateResponse({ templateId: OTHER_TEMPLATE, name: 'NDA' })]);

		const result = await runNode(
			{ resource: 'template', operation: 'get', templateId: templateById('={{ $json.id }}') },
			{ inputItems: [{ json: { id: TEMPLATE } }, { json: { id: ` ${OTHER_TEMPLATE} ` } }] },
		);

		expect(result.error).toBeUndefined();
		expect(json(result).map((item) => item.name)).toEqual(['Offer Letter', 'NDA']);
		expect(result.outputOf('DocuSign').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('rejects something that is not a template ID before calling DocuSign', async () => {
		const result = await runNode(
			{ resource: 'template', operation: 'get', templateId: templateById('={{ $json.id }}') },
			{ inputItems: [{ json: { id: 'offer-letter' } }] },
		);

		expect(result.error?.message).toBe('Item 1: "offer-letter" is not a DocuSign template ID or template URL');
		expect(result.error?.description).toContain('GUID');
		expect(calls).toEqual([]);
	});

	it('a fixed value that is not a GUID never runs: n8n reports the ID mode\'s validation', async () => {
		await expect(
			runNode({ resource: 'template', operation: 'get', templateId: templateById('offer-letter') }),
		).rejects.toThrow('Not a template ID: expected a GUID');
		expect(calls).toEqual([]);
	});

	it('names DocuSign\'s error code for an unknown template, as an error item under continueOnFail', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [400, { errorCode: 'TEMPLATE_ID_INVALID', message: 'Invalid template ID.' }]);

		const result = await runNode(
			{ resource: 'template', operation: 'get', templateId: templateById(TEMPLATE) },
			{ continueOnFail: true },
		);

		expect(result.error).toBeUndefined();
		const [item] = result.outputOf('DocuSign');
		expect(item.json.error).toBe(`DocuSign could not read template ${TEMPLATE}: TEMPLATE_ID_INVALID – Invalid template ID.`);
		expect(item.pairedItem).toEqual({ item: 0 });
	});
});

describe('Template → Get Many', () => {
	it('returns all templates across DocuSign pages with the search text and filters', async () => {
		mockUserinfo();
		mockApi('GET', '/templates', (call) => [200, templatePage(Number(call.query.start_position), Number(call.query.count), 130)], 2);

		const result = await runNode({
			resource: 'template',
			operation: 'getAll',
			searchText: ' Offer ',
			returnAll: true,
			filters: { userFilter: 'owned_by_me', modifiedFromDate: '2024-01-01T00:00:00' },
			options: { orderBy: 'modified', order: 'desc' },
		});

		expect(result.error).toBeUndefined();
		const common = {
			search_text: 'Offer',
			user_filter: 'owned_by_me',
			modified_from_date: '2024-01-01T00:00:00',
			order_by: 'modified',
			order: 'desc',
		};
		expect(calls.map((call) => call.query)).toEqual([
			{ ...common, start_position: '0', count: '100' },
			{ ...common, start_position: '100', count: '100' },
		]);
		const items = json(result);
		expect(items).toHaveLength(130);
		expect(items[0]).toMatchObject({ templateId: '00000000-0000-4000-8000-000000000001', name: 'Template 1' });
		expect(items[129].name).toBe('Template 130');
		expect(result.outputOf('DocuSign').every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('asks only for the limit and stops there', async () => {
		mockUserinfo();
		mockApi('GET', '/templates', (call) => [200, templatePage(Number(call.query.start_position), Number(call.query.count), 130)]);

		const result = await runNode({ resource: 'template', operation: 'getAll', returnAll: false, limit: 5 });

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => call.query)).toEqual([{ start_position: '0', count: '5' }]);
		expect(json(result).map((item) => item.name)).toEqual(['Template 1', 'Template 2', 'Template 3', 'Template 4', 'Template 5']);
	});

	it('pages on when the limit is larger than a page', async () => {
		mockUserinfo();
		mockApi('GET', '/templates', (call) => [200, templatePage(Number(call.query.start_position), Number(call.query.count), 500)], 2);

		const result = await runNode({ resource: 'template', operation: 'getAll', returnAll: false, limit: 150 });

		expect(calls.map((call) => call.query)).toEqual([
			{ start_position: '0', count: '100' },
			{ start_position: '100', count: '50' },
		]);
		expect(json(result)).toHaveLength(150);
	});

	it('outputs nothing when DocuSign finds no template (it then omits envelopeTemplates)', async () => {
		mockUserinfo();
		mockApi('GET', '/templates', [200, templatePage(0, 100, 0)]);

		const result = await runNode({ resource: 'template', operation: 'getAll', searchText: 'nothing', returnAll: true });

		expect(result.error).toBeUndefined();
		expect(calls).toHaveLength(1);
		expect(json(result)).toEqual([]);
	});
});

describe('template search (resource locator list mode)', () => {
	it('searches by name, 50 a page, and hands back the next start position', async () => {
		mockUserinfo();
		mockApi('GET', '/templates', (call) => [200, templatePage(Number(call.query.start_position), Number(call.query.count), 120)]);
		mockApi('GET', '/templates', (call) => [200, templatePage(Number(call.query.start_position), Number(call.query.count), 120)]);

		const context = await loadOptionsContext({ resource: 'template', operation: 'get' }, 'parameters.templateId');
		const first = await searchTemplates.call(context, ' offer ');
		const second = await searchTemplates.call(context, 'offer', '100');

		expect(calls.map((call) => call.query)).toEqual([
			{ start_position: '0', count: '50', order_by: 'name', order: 'asc', search_text: 'offer' },
			{ start_position: '100', count: '50', order_by: 'name', order: 'asc', search_text: 'offer' },
		]);
		expect(first.results).toHaveLength(50);
		// The custom auth server of the test credential has no web app: no links.
		expect(first.results[0]).toEqual({ name: 'Template 1', value: '00000000-0000-4000-8000-000000000001' });
		expect(first.paginationToken).toBe('50');
		expect(second.results).toHaveLength(20);
		expect(second.paginationToken).toBeUndefined();
	});

	it('cuts a typed filter to the 48 characters DocuSign searches with (spec search_text)', async () => {
		mockUserinfo();
		mockApi('GET', '/templates', [200, templatePage(0, 50, 0)]);

		const context = await loadOptionsContext({ resource: 'template', operation: 'get' }, 'parameters.templateId');
		await searchTemplates.call(context, 'Offer letter for the senior engineering position in Berlin');

		expect(calls.map((call) => call.query.search_text)).toEqual(['Offer letter for the senior engineering position']);
	});

	it('links each template to the web app of the credential\'s environment', () => {
		expect(templateWebUrl('https://account-d.docusign.com', TEMPLATE)).toBe(
			`https://apps-d.docusign.com/send/templates/details/${TEMPLATE}`,
		);
		expect(templateWebUrl('https://account.docusign.com', TEMPLATE)).toBe(
			`https://apps.docusign.com/send/templates/details/${TEMPLATE}`,
		);
		expect(templateWebUrl('http://127.0.0.1:8089', TEMPLATE)).toBeUndefined();
	});

	it('reads template IDs from IDs and from the web app URLs DocuSign has used', () => {
		expect(parseTemplateId({ __rl: true, mode: 'id', value: ` ${TEMPLATE} ` })).toBe(TEMPLATE);
		for (const url of [
			`https://apps-d.docusign.com/send/templates/details/${TEMPLATE}`,
			`https://apps.docusign.com/send/templates/${TEMPLATE}/edit`,
			`https://appdemo.docusign.com/templates/details/${TEMPLATE}`,
			`https://app.docusign.com/templates/edit/${TEMPLATE}?view=recipients`,
		]) {
			expect(parseTemplateId({ __rl: true, mode: 'url', value: url })).toBe(TEMPLATE);
		}
		expect(parseTemplateId('https://example.com/templates/' + TEMPLATE)).toBeUndefined();
		expect(parseTemplateId(`https://apps-d.docusign.com/send/documents/details/${TEMPLATE}`)).toBeUndefined();
		expect(parseTemplateId({ __rl: true, mode: 'id', value: '' })).toBeUndefined();
	});
});

describe('role dropdown (getTemplateRoles)', () => {
	it('lists the named roles of the chosen template in routing order, with type and text tabs', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);

		const context = await loadOptionsContext(
			{ resource: 'bulkSend', operation: 'send', source: 'template', templateId: templateById(TEMPLATE, 'list') },
			'parameters.roleName',
		);
		const options = await getTemplateRoles.call(context);

		expect(calls).toEqual([{ method: 'GET', path: `/templates/${TEMPLATE}`, query: { include: 'tabs' }, body: undefined }]);
		expect(options).toEqual([
			{ name: 'Employee', value: 'Employee', description: 'signer, routing order 1; text tabs: Start date, Salary' },
			{ name: 'Manager', value: 'Manager', description: 'signer, routing order 2; text tabs: Approval note' },
			{ name: 'HR', value: 'HR', description: 'carboncopy, routing order 3' },
		]);
	});

	it('offers nothing, and calls nobody, until a template is chosen', async () => {
		const context = await loadOptionsContext(
			{ resource: 'bulkSend', operation: 'send', source: 'template', templateId: templateById('') },
			'parameters.roleName',
		);

		expect(await getTemplateRoles.call(context)).toEqual([]);
		expect(calls).toEqual([]);
	});
});

describe('fetchTemplateOnce (the role check of Create From Template)', () => {
	it('reads a template once per node run, whatever the number of items and the ID\'s case', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);
		// Only the first is answered: a second GET would show up in `unmatched`.
		const context = (await loadOptionsContext({}, 'parameters.templateId')) as unknown as IExecuteFunctions;

		const [first, second, third] = await Promise.all([
			fetchTemplateOnce.call(context, TEMPLATE, 0).then(({ roles }) => roles),
			fetchTemplateOnce.call(context, TEMPLATE, 1).then(({ roles }) => roles),
			fetchTemplateOnce.call(context, TEMPLATE.toUpperCase(), 2).then(({ roles }) => roles),
		]);

		expect(calls).toEqual([{ method: 'GET', path: `/templates/${TEMPLATE}`, query: { include: 'tabs' }, body: undefined }]);
		expect(first).toEqual(expectedRoles);
		expect(second).toBe(first);
		expect(third).toBe(first);
	});
});
