/**
 * Bulk Send → Send and Get Batch Status in n8n's real engine: all input items become ONE bulk
 * send list and ONE batch (spec-valid bodies), bad items stop the run before anything is
 * created, and a batch DocuSign refused leaves no list behind.
 */
import {
	BATCH,
	ENVELOPE,
	LIST,
	OTHER_TEMPLATE,
	TEMPLATE,
	calls,
	expectSpecValid,
	installNockHooks,
	json,
	loadOptionsContext,
	mockApi,
	mockUserinfo,
	runNode,
	singleRoleTemplate,
	templateById,
	templateResponse,
} from '../template/kit';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { searchBulkSendBatches } from '../../../nodes/DocuSign/methods/listSearch/searchBulkSendBatches';

installNockHooks();

const employees: INodeExecutionData[] = [
	{ json: { name: 'Ada Lovelace', email: 'ada@example.com', start: '2024-06-01', salary: '90000', crm: 'C-1' } },
	{ json: { name: 'Grace Hopper', email: 'grace@example.com', start: '2024-07-01', salary: '95000', crm: 'C-2' } },
	{ json: { name: 'Alan Turing', email: 'alan@example.com', start: '2024-08-01', salary: '99000', crm: 'C-3' } },
];

/** Offer Letter template: each item fills "Employee" with its tabs; a fixed manager countersigns. */
const offerLetterSend: INodeParameters = {
	resource: 'bulkSend',
	operation: 'send',
	source: 'template',
	templateId: templateById(TEMPLATE, 'list'),
	batchName: 'June offers',
	roleName: 'employee', // the user's spelling; DocuSign gets the template's ("Employee")
	recipientName: '={{ $json.name }}',
	recipientEmail: '={{ $json.email }}',
	textTabs: {
		tab: [
			{ tabLabel: 'Start date', value: '={{ $json.start }}' },
			{ tabLabel: 'Salary', value: '={{ $json.salary }}' },
			{ tabLabel: 'Approval note', value: 'Approved by HR' },
		],
	},
	additionalRecipients: {
		recipient: [
			{ roleName: 'Manager', name: 'Mia Manager', email: 'mia@example.com' },
			{ roleName: 'HR', name: 'Hana Hr', email: 'hr@example.com' },
		],
	},
	customFields: { field: [{ name: 'crmId', value: '={{ $json.crm }}' }] },
	options: { emailSubject: '={{ "Your offer, " + $json.name }}' },
};

const sendResponse = {
	batchId: BATCH,
	batchName: 'June offers',
	batchSize: '3',
	envelopeOrTemplateId: TEMPLATE,
	errorDetails: [],
	errors: [],
	queueLimit: '2000',
	totalQueued: '3',
};

function expectedCopy(n: number): Record<string, unknown> {
	const e = employees[n].json;
	return {
		recipients: [
			{
				roleName: 'Employee',
				name: e.name,
				email: e.email,
				tabs: [
					{ tabLabel: 'Start date', initialValue: e.start },
					{ tabLabel: 'Salary', initialValue: e.salary },
				],
			},
			{
				roleName: 'Manager',
				name: 'Mia Manager',
				email: 'mia@example.com',
				tabs: [{ tabLabel: 'Approval note', initialValue: 'Approved by HR' }],
			},
			{ roleName: 'HR', name: 'Hana Hr', email: 'hr@example.com' },
		],
		customFields: [{ name: 'crmId', value: e.crm }],
		emailSubject: `Your offer, ${String(e.name)}`,
	};
}

describe('Bulk Send → Send from a template', () => {
	it('reads the template once, then makes ONE list of all items and sends it as ONE batch', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);
		mockApi('POST', '/bulk_send_lists', (call) => [201, { listId: LIST, ...(call.body as object) }]);
		mockApi('POST', `/bulk_send_lists/${LIST}/send`, [201, sendResponse]);

		const result = await runNode(offerLetterSend, { inputItems: employees });

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
			`GET /templates/${TEMPLATE}`,
			'POST /bulk_send_lists',
			`POST /bulk_send_lists/${LIST}/send`,
		]);
		expect(calls[0].query).toEqual({ include: 'tabs' });

		const list = calls[1].body as { name: string; bulkCopies: unknown[] };
		expectSpecValid('bulkSendingList', list);
		expect(list).toEqual({ name: 'June offers', bulkCopies: [expectedCopy(0), expectedCopy(1), expectedCopy(2)] });

		expectSpecValid('bulkSendRequest', calls[2].body);
		expect(calls[2].body).toEqual({ envelopeOrTemplateId: TEMPLATE, batchName: 'June offers' });

		const output = result.outputOf('DocuSign');
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json).toEqual({
			batchId: BATCH,
			batchName: 'June offers',
			batchSize: 3,
			totalQueued: 3,
			queueLimit: 2000,
			listId: LIST,
			listName: 'June offers',
			source: 'template',
			envelopeOrTemplateId: TEMPLATE,
			templateName: 'Offer Letter',
			errors: [],
			errorDetails: [],
		});
	});

	it('fills the only role of a one-role template when no role is chosen, and names the batch itself', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, singleRoleTemplate()]);
		mockApi('POST', '/bulk_send_lists', [201, { listId: LIST }]);
		mockApi('POST', `/bulk_send_lists/${LIST}/send`, (call) => [
			201,
			{ ...sendResponse, batchName: (call.body as { batchName: string }).batchName, batchSize: '2' },
		]);

		const result = await runNode(
			{
				resource: 'bulkSend',
				operation: 'send',
				source: 'template',
				templateId: templateById(TEMPLATE),
				recipientName: '={{ $json.name }}',
				recipientEmail: '={{ $json.email }}',
			},
			{ inputItems: employees.slice(0, 2) },
		);

		expect(result.error).toBeUndefined();
		const list = calls[1].body as { name: string; bulkCopies: unknown[] };
		expectSpecValid('bulkSendingList', list);
		expect(list.bulkCopies).toEqual([
			{ recipients: [{ roleName: 'Signer', name: 'Ada Lovelace', email: 'ada@example.com' }] },
			{ recipients: [{ roleName: 'Signer', name: 'Grace Hopper', email: 'grace@example.com' }] },
		]);
		expect(list.name).toMatch(/^n8n bulk send \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect((calls[2].body as { batchName: string }).batchName).toBe(list.name);
		expect(json(result)[0]).toMatchObject({ batchId: BATCH, batchSize: 2, templateName: 'Mutual NDA' });
	});

	it('stops on a malformed e-mail before any DocuSign call, naming the item and the other bad items', async () => {
		const items = [
			employees[0],
			{ json: { ...employees[1].json, email: 'grace(at)example.com' } },
			{ json: { ...employees[2].json, name: '  ' } },
		];

		const result = await runNode(offerLetterSend, { inputItems: items });

		expect(result.error?.message).toBe('Item 2: Recipient Email "grace(at)example.com" is not a valid e-mail address');
		expect(result.error?.description).toContain('2 of 3 items are invalid, so nothing was sent');
		expect(result.error?.description).toContain('Item 3: Recipient Name is empty');
		expect(calls).toEqual([]);
	});

	it('stops on a role the template does not have, listing its roles, with only the template read', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);

		const result = await runNode({ ...offerLetterSend, roleName: '={{ $json.role }}' }, {
			inputItems: [
				{ json: { ...employees[0].json, role: 'Employee' } },
				{ json: { ...employees[1].json, role: 'Employe' } },
			],
		});

		expect(result.error?.message).toBe('Item 2: Role "Employe" is not a role of the template "Offer Letter"');
		expect(result.error?.description).toBe('The template "Offer Letter" has the roles "Employee", "Manager", "HR".');
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('stops when a copy leaves a template role empty (DocuSign refuses the batch), with only the template read', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);

		const result = await runNode(
			{ ...offerLetterSend, additionalRecipients: { recipient: [{ roleName: 'Manager', name: 'Mia Manager', email: 'mia@example.com' }] } },
			{ inputItems: employees.slice(0, 1) },
		);

		expect(result.error?.message).toBe(
			'Item 1: this copy leaves the template role "HR" empty, and DocuSign refuses a bulk send whose copies do not fill every role',
		);
		expect(result.error?.description).toMatch(/^The template "Offer Letter" has the roles "Employee", "Manager", "HR"\. Give each copy a person for every role/);
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('fills a role the template presets with a name and e-mail when the copy does not', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);
		mockApi('POST', '/bulk_send_lists', (call) => [201, { listId: LIST, ...(call.body as object) }]);
		mockApi('POST', `/bulk_send_lists/${LIST}/send`, [201, { ...sendResponse, batchSize: '1' }]);

		const result = await runNode(
			{ ...offerLetterSend, textTabs: {}, additionalRecipients: { recipient: [{ roleName: 'HR', name: 'Hana Hr', email: 'hr@example.com' }] } },
			{ inputItems: employees.slice(0, 1) },
		);

		expect(result.error).toBeUndefined();
		const [copy] = (calls[1].body as { bulkCopies: Array<{ recipients: unknown[] }> }).bulkCopies;
		expect(copy.recipients).toEqual([
			{ roleName: 'Employee', name: employees[0].json.name, email: employees[0].json.email },
			{ roleName: 'HR', name: 'Hana Hr', email: 'hr@example.com' },
			{ roleName: 'Manager', name: 'Mia Manager', email: 'mia@example.com' },
		]);
	});

	it('stops on a text tab label no recipient of the copy has, listing the labels per role', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);

		const result = await runNode(
			{ ...offerLetterSend, textTabs: { tab: [{ tabLabel: 'Salery', value: '1' }] } },
			{ inputItems: employees.slice(0, 1) },
		);

		expect(result.error?.message).toBe('Item 1: no recipient of this copy has a text tab labelled "Salery"');
		expect(result.error?.description).toBe(
			'Text tab labels by recipient: role "Employee": "Start date", "Salary"; role "Manager": "Approval note"; role "HR": no text tabs.',
		);
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('stops on a custom field the template does not define', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);

		const result = await runNode(
			{ ...offerLetterSend, customFields: { field: [{ name: 'crm_id', value: 'x' }] } },
			{ inputItems: employees.slice(0, 1) },
		);

		expect(result.error?.message).toBe('Item 1: the template has no custom field "crm_id"');
		expect(result.error?.description).toContain('"crmId", "region"');
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('refuses items that name another template: a batch sends one template', async () => {
		const result = await runNode(
			{ ...offerLetterSend, templateId: templateById('={{ $json.template }}') },
			{
				inputItems: [
					{ json: { ...employees[0].json, template: TEMPLATE } },
					{ json: { ...employees[1].json, template: OTHER_TEMPLATE } },
				],
			},
		);

		expect(result.error?.message).toBe(
			`Item 2: it names template ${OTHER_TEMPLATE}, but the batch sends ${TEMPLATE} (from item 1)`,
		);
		expect(calls).toEqual([]);
	});

	it('refuses a person filling the same role twice in one copy', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);

		const result = await runNode(
			{
				...offerLetterSend,
				textTabs: {},
				additionalRecipients: { recipient: [{ roleName: 'Employee', name: 'Bob', email: 'bob@example.com' }] },
			},
			{ inputItems: employees.slice(0, 1) },
		);

		expect(result.error?.message).toBe('Item 1: role "Employee" is filled twice');
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('under continueOnFail sends the valid items and gives each bad item its own error item', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);
		mockApi('POST', '/bulk_send_lists', [201, { listId: LIST }]);
		mockApi('POST', `/bulk_send_lists/${LIST}/send`, [201, { ...sendResponse, batchSize: '2' }]);

		const items = [employees[0], { json: { ...employees[1].json, email: 'nope' } }, employees[2]];
		const result = await runNode(offerLetterSend, { inputItems: items, continueOnFail: true });

		expect(result.error).toBeUndefined();
		const list = calls[1].body as { bulkCopies: unknown[] };
		expect(list.bulkCopies).toEqual([expectedCopy(0), expectedCopy(2)]);
		const output = result.outputOf('DocuSign');
		expect(output).toHaveLength(2);
		expect(output[0].json).toMatchObject({ batchId: BATCH, batchSize: 2 });
		expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(output[1]).toEqual({
			json: {
				error: 'Item 2: Recipient Email "nope" is not a valid e-mail address',
				description: 'Give one address such as jane@example.com, without a display name or spaces.',
			},
			pairedItem: { item: 1 },
		});
	});

	it('deletes the list again when DocuSign refuses the batch, and says so', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);
		mockApi('POST', '/bulk_send_lists', [201, { listId: LIST }]);
		mockApi('POST', `/bulk_send_lists/${LIST}/send`, [
			400,
			{ errorCode: 'BULK_SEND_ENVELOPE_LIST_CONTAINS_NO_COPIES', message: 'The list contains no copies.' },
		]);
		mockApi('DELETE', `/bulk_send_lists/${LIST}`, [200, { bulkListSummaries: [] }]);

		const result = await runNode(offerLetterSend, { inputItems: employees });

		expect(result.error?.message).toBe(
			`DocuSign could not bulk send the template ${TEMPLATE}: BULK_SEND_ENVELOPE_LIST_CONTAINS_NO_COPIES – The list contains no copies.`,
		);
		expect(result.error?.description).toContain('Nothing was sent, and the bulk send list made for this run was deleted again.');
		expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
			`GET /templates/${TEMPLATE}`,
			'POST /bulk_send_lists',
			`POST /bulk_send_lists/${LIST}/send`,
			`DELETE /bulk_send_lists/${LIST}`,
		]);
	});

	it('keeps the list when the answer to the send is a server error: the batch may be running', async () => {
		mockUserinfo();
		mockApi('GET', `/templates/${TEMPLATE}`, [200, templateResponse()]);
		mockApi('POST', '/bulk_send_lists', [201, { listId: LIST }]);
		mockApi('POST', `/bulk_send_lists/${LIST}/send`, [503, { errorCode: 'SERVICE_UNAVAILABLE', message: 'Try later.' }]);

		const result = await runNode(offerLetterSend, { inputItems: employees });

		expect(result.error?.message).toContain('SERVICE_UNAVAILABLE');
		expect(result.error?.description).toContain(`so it may have started. Check the DocuSign web app (bulk send list ${LIST})`);
		// One POST only (a send is never repeated) and no DELETE.
		expect(calls.map((call) => call.method)).toEqual(['GET', 'POST', 'POST']);
	});

	it('over 1,000 items asks the account\'s batch size limit and stops before creating anything', async () => {
		mockUserinfo();
		mockApi('GET', '/bulk_send_batch', [200, { batchSizeLimit: '1000', queueLimit: '2000', bulkBatchSummaries: [] }]);

		const many = Array.from({ length: 1001 }, (_, n) => ({ json: { name: `Person ${n}`, email: `p${n}@example.com` } }));
		const result = await runNode(offerLetterSend, { inputItems: many });

		expect(result.error?.message).toBe('Bulk send got 1001 items, but a DocuSign bulk send list holds at most 1000 copies');
		expect(result.error?.description).toContain('Loop Over Items node with a batch size of 1000');
		expect(calls).toEqual([{ method: 'GET', path: '/bulk_send_batch', query: { count: '1' }, body: undefined }]);
	});
});

describe('Bulk Send → Send from a draft envelope', () => {
	const draft = (status: string) => ({
		envelopeId: ENVELOPE,
		status,
		emailSubject: 'Policy acknowledgement',
		recipients: {
			signers: [
				{
					recipientId: '1',
					name: 'Placeholder',
					email: 'placeholder@example.com',
					routingOrder: '1',
					recipientType: 'signer',
					tabs: { textTabs: [{ tabLabel: 'Team', recipientId: '1' }] },
				},
			],
			carbonCopies: [{ recipientId: '2', name: 'Legal', email: 'legal@example.com', routingOrder: '2', recipientType: 'carboncopy' }],
		},
		customFields: { textCustomFields: [{ name: 'crmId', value: '' }] },
	});

	const params: INodeParameters = {
		resource: 'bulkSend',
		operation: 'send',
		source: 'envelope',
		envelopeId: ENVELOPE,
		batchName: 'Policy 2024',
		recipientId: '1',
		recipientName: '={{ $json.name }}',
		recipientEmail: '={{ $json.email }}',
		textTabs: { tab: [{ tabLabel: 'Team', value: 'Ops' }] },
	};

	it('checks the draft, addresses recipients by recipient ID and sends the envelope ID', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}`, [200, draft('created')]);
		mockApi('POST', '/bulk_send_lists', [201, { listId: LIST }]);
		mockApi('POST', `/bulk_send_lists/${LIST}/send`, [201, { ...sendResponse, envelopeOrTemplateId: ENVELOPE, batchSize: '2' }]);

		const result = await runNode(params, { inputItems: employees.slice(0, 2) });

		expect(result.error).toBeUndefined();
		expect(calls[0]).toMatchObject({ method: 'GET', query: { include: 'recipients,tabs,custom_fields' } });
		const list = calls[1].body as { bulkCopies: unknown[] };
		expectSpecValid('bulkSendingList', list);
		expect(list.bulkCopies).toEqual([
			{ recipients: [{ recipientId: '1', name: 'Ada Lovelace', email: 'ada@example.com', tabs: [{ tabLabel: 'Team', initialValue: 'Ops' }] }] },
			{ recipients: [{ recipientId: '1', name: 'Grace Hopper', email: 'grace@example.com', tabs: [{ tabLabel: 'Team', initialValue: 'Ops' }] }] },
		]);
		expectSpecValid('bulkSendRequest', calls[2].body);
		expect(calls[2].body).toEqual({ envelopeOrTemplateId: ENVELOPE, batchName: 'Policy 2024' });
		expect(json(result)[0]).toMatchObject({ source: 'envelope', envelopeOrTemplateId: ENVELOPE, batchSize: 2 });
		expect(json(result)[0]).not.toHaveProperty('templateName');
	});

	it('refuses an envelope that is no longer a draft, before creating a list', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}`, [200, draft('sent')]);

		const result = await runNode(params, { inputItems: employees.slice(0, 1) });

		expect(result.error?.message).toBe(
			`Envelope ${ENVELOPE} is "sent", not a draft: bulk send copies a draft envelope or a template`,
		);
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('refuses a recipient ID the draft does not have, listing the IDs it has', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}`, [200, draft('created')]);

		const result = await runNode({ ...params, recipientId: '3', textTabs: {} }, { inputItems: employees.slice(0, 1) });

		expect(result.error?.message).toBe('Item 1: Recipient ID "3" is not a recipient of the draft envelope');
		expect(result.error?.description).toBe("The envelope's recipient IDs are 1, 2.");
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('refuses a draft envelope ID that is not a GUID, before any call', async () => {
		const result = await runNode({ ...params, envelopeId: 'draft-1' }, { inputItems: employees.slice(0, 1) });

		expect(result.error?.message).toBe('Item 1: Draft Envelope ID "draft-1" is not an envelope ID');
		expect(calls).toEqual([]);
	});
});

describe('Bulk Send → Get Batch Status', () => {
	const batchStatus = (sent: string, queued: string, failed: string) => ({
		batchId: BATCH,
		batchName: 'June offers',
		batchSize: '3',
		bulkErrors: failed === '0' ? [] : [{ created: '2024-06-01T10:00:00Z', errorMessage: 'Invalid email', recipientEmails: ['x@example.com'] }],
		envelopeIdOrTemplateId: TEMPLATE,
		envelopesUri: `/bulk_send_batch/${BATCH}/envelopes`,
		failed,
		mailingListId: LIST,
		queued,
		sent,
		submittedDate: '2024-06-01T09:59:00Z',
	});

	it('reads the batch and outputs its counts as numbers, complete once nothing is queued', async () => {
		mockUserinfo();
		mockApi('GET', `/bulk_send_batch/${BATCH}`, [200, batchStatus('2', '0', '1')]);

		const result = await runNode({ resource: 'bulkSend', operation: 'getBatchStatus', batchId: { __rl: true, mode: 'id', value: ` ${BATCH} ` } });

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([{ method: 'GET', path: `/bulk_send_batch/${BATCH}`, query: {}, body: undefined }]);
		const [item] = result.outputOf('DocuSign');
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toEqual({
			...batchStatus('2', '0', '1'),
			batchSize: 3,
			sent: 2,
			queued: 0,
			failed: 1,
			isComplete: true,
		});
	});

	it('is not complete while envelopes are queued', async () => {
		mockUserinfo();
		mockApi('GET', `/bulk_send_batch/${BATCH}`, [200, batchStatus('1', '2', '0')]);

		const result = await runNode({ resource: 'bulkSend', operation: 'getBatchStatus', batchId: { __rl: true, mode: 'list', value: BATCH } });

		expect(json(result)[0]).toMatchObject({ sent: 1, queued: 2, failed: 0, isComplete: false });
	});

	it('rejects a batch ID that is not a GUID before calling DocuSign', async () => {
		const result = await runNode(
			{ resource: 'bulkSend', operation: 'getBatchStatus', batchId: { __rl: true, mode: 'id', value: '={{ $json.batch }}' } },
			{ inputItems: [{ json: { batch: 'June offers' } }] },
		);

		expect(result.error?.message).toBe('Item 1: Batch ID "June offers" is not a bulk send batch ID');
		expect(calls).toEqual([]);
	});

	it('lists the account\'s batches for the picker, with counts, filtered by name', async () => {
		mockUserinfo();
		mockApi('GET', '/bulk_send_batch', [
			200,
			{
				batchSizeLimit: '1000',
				queueLimit: '2000',
				totalQueued: '0',
				resultSetSize: '2',
				startPosition: '0',
				endPosition: '1',
				totalSetSize: '2',
				bulkBatchSummaries: [
					{ batchId: BATCH, batchName: 'June offers', batchSize: '3', sent: '2', queued: '0', failed: '1', submittedDate: '2024-06-01T09:59:00Z' },
					{ batchId: LIST, batchName: 'Policy 2024', batchSize: '10', sent: '4', queued: '6', failed: '0', submittedDate: '2024-05-01T08:00:00Z' },
				],
			},
		]);

		const context = await loadOptionsContext({ resource: 'bulkSend', operation: 'getBatchStatus' }, 'parameters.batchId');
		const found = await searchBulkSendBatches.call(context, 'june');

		expect(calls[0].query).toEqual({ count: '50', status: 'all' });
		expect(found).toEqual({
			results: [{ name: 'June offers: 2/3 sent, 1 failed (2024-06-01)', value: BATCH }],
			paginationToken: undefined,
		});
	});

	it('names DocuSign\'s error for an unknown batch', async () => {
		mockUserinfo();
		mockApi('GET', `/bulk_send_batch/${BATCH}`, [400, { errorCode: 'BULK_SEND_BATCH_NOT_FOUND', message: 'The bulk send batch was not found.' }]);

		const result = await runNode({ resource: 'bulkSend', operation: 'getBatchStatus', batchId: { __rl: true, mode: 'list', value: BATCH } });

		expect(result.error?.message).toBe(
			`DocuSign could not read bulk send batch ${BATCH}: BULK_SEND_BATCH_NOT_FOUND – The bulk send batch was not found.`,
		);
	});
});
