/**
 * Template → Create (multipart upload of binary documents with signer / carbon copy roles and
 * anchor tabs, the JSON part validated against the spec's envelopeTemplate) and Template → Update
 * (name, subject, message, description), in n8n's real engine against DocuSign-shaped answers.
 */
import { BASE, docuSignKit, expectSpecValid, json } from '../kit';
import { binaryBytes, bodyBytes, readMultipart, type CapturedRequest } from '../envelope/createFixtures';
import { memoryBinary } from '../../engine/binaryData';

import nock from 'nock';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

const AUTH = 'https://ds-auth.template-write.test';
const ACCOUNT = '3c4d5e6f-1111-2222-3333-444444444444';
const TEMPLATE = '2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21';
const FOLDER = 'f01de700-0000-4000-8000-000000000001';

const { rest, calls, installNockHooks, mockUserinfo, mockApi, runNode } = docuSignKit({
	auth: AUTH,
	accountId: ACCOUNT,
	userinfo: {
		sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
		name: 'Tess Templates',
		email: 'tess@example.com',
		accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Ops', base_uri: `${BASE}/` }],
	},
	defaults: { resource: 'template' },
});

installNockHooks();

const PDF = binaryBytes(30_000, 3);
const item = (): INodeExecutionData => ({
	json: {},
	binary: {
		data: memoryBinary(PDF, { fileName: 'Offer Letter.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' }),
		annex: memoryBinary(Buffer.from('%PDF-1.4 annex'), { fileName: 'annex.pdf', mimeType: 'application/pdf' }),
	},
});

/** Intercepts POST /templates, keeping the raw request; answers as DocuSign does (201 templateSummary). */
function nockCreateTemplate(captured: CapturedRequest[]): void {
	nock(BASE)
		.post(`${rest}/templates`)
		.matchHeader('authorization', 'Bearer access-1')
		.reply(function (_uri, body) {
			captured.push({ headers: this.req.headers, bytes: bodyBytes(body) });
			return [201, { templateId: TEMPLATE, uri: `/templates/${TEMPLATE}`, name: 'Offer Letter' }];
		});
}

const createParameters = (overrides: INodeParameters = {}): INodeParameters => ({
	operation: 'create',
	name: 'Offer Letter',
	documents: { document: [{ binaryPropertyName: 'data' }, { binaryPropertyName: 'annex', name: 'Annex' }] },
	signerRoles: {
		role: [
			{
				roleName: 'Employee',
				routingOrder: 1,
				tabs: {
					signHereTabs: [{ placement: 'anchor', anchorString: '/sn1/', anchorXOffset: 10, anchorYOffset: -5, anchorUnits: 'pixels' }],
					textTabs: [{ placement: 'anchor', anchorString: '/start/', tabLabel: 'start_date', required: true }],
				},
			},
			{
				roleName: 'Manager',
				name: 'Mia Manager',
				email: 'mia@example.com',
				routingOrder: 2,
				tabs: { dateSignedTabs: [{ placement: 'position', documentNumber: 2, pageNumber: 1, xPosition: 100, yPosition: 200 }] },
			},
		],
	},
	carbonCopyRoles: { role: [{ roleName: 'HR', routingOrder: 3 }] },
	emailSubject: 'Your offer letter',
	options: { emailBlurb: 'Welcome!', description: 'Standard offer', folderId: FOLDER, shared: true },
	...overrides,
});

describe('Template → Create', () => {
	it('uploads the documents as multipart with a spec-valid envelopeTemplate: roles, routing order, anchor tabs', async () => {
		mockUserinfo();
		const captured: CapturedRequest[] = [];
		nockCreateTemplate(captured);

		const result = await runNode(createParameters(), { inputItems: [item()] });

		expect(result.error).toBeUndefined();
		expect(captured).toHaveLength(1);
		const { contentType, definition, documentParts } = readMultipart(captured[0]);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
		expectSpecValid('envelopeTemplate', definition);
		expect(definition).toEqual({
			name: 'Offer Letter',
			emailSubject: 'Your offer letter',
			emailBlurb: 'Welcome!',
			description: 'Standard offer',
			folderId: FOLDER,
			shared: 'true',
			documents: [
				{ documentId: '1', name: 'Offer Letter.pdf', fileExtension: 'pdf' },
				{ documentId: '2', name: 'Annex', fileExtension: 'pdf' },
			],
			recipients: {
				signers: [
					{
						roleName: 'Employee',
						routingOrder: '1',
						recipientId: '1',
						tabs: {
							signHereTabs: [{ anchorString: '/sn1/', anchorXOffset: '10', anchorYOffset: '-5', anchorUnits: 'pixels' }],
							textTabs: [
								{ anchorString: '/start/', anchorXOffset: '0', anchorYOffset: '0', anchorUnits: 'pixels', tabLabel: 'start_date', required: 'true', locked: 'false' },
							],
						},
					},
					{
						roleName: 'Manager',
						routingOrder: '2',
						name: 'Mia Manager',
						email: 'mia@example.com',
						recipientId: '2',
						tabs: { dateSignedTabs: [{ documentId: '2', pageNumber: '1', xPosition: '100', yPosition: '200' }] },
					},
				],
				carbonCopies: [{ roleName: 'HR', routingOrder: '3', recipientId: '3' }],
			},
		});
		expect(documentParts.map((part) => part.disposition.documentid)).toEqual(['1', '2']);
		expect(Buffer.compare(documentParts[0].data, PDF)).toBe(0);

		const [output] = result.outputOf('DocuSign');
		expect(output.pairedItem).toEqual({ item: 0 });
		expect(output.json).toEqual({
			templateId: TEMPLATE,
			uri: `/templates/${TEMPLATE}`,
			name: 'Offer Letter',
			roles: [
				{ roleName: 'Employee', routingOrder: 1, recipientType: 'signer', recipientId: '1' },
				{ roleName: 'Manager', routingOrder: 2, name: 'Mia Manager', email: 'mia@example.com', recipientType: 'signer', recipientId: '2' },
				{ roleName: 'HR', routingOrder: 3, recipientType: 'carbonCopy', recipientId: '3' },
			],
			documents: [
				{ documentId: '1', name: 'Offer Letter.pdf', fileExtension: 'pdf', bytes: PDF.length },
				{ documentId: '2', name: 'Annex', fileExtension: 'pdf', bytes: 14 },
			],
		});
	});

	it('leaves out what is not set: no folder, not shared, no subject', async () => {
		mockUserinfo();
		const captured: CapturedRequest[] = [];
		nockCreateTemplate(captured);

		const result = await runNode(
			createParameters({ emailSubject: '', options: {}, carbonCopyRoles: {} }),
			{ inputItems: [item()] },
		);

		expect(result.error).toBeUndefined();
		const { definition } = readMultipart(captured[0]);
		expectSpecValid('envelopeTemplate', definition);
		expect(Object.keys(definition).sort()).toEqual(['documents', 'name', 'recipients']);
	});

	const refusals: Array<[string, INodeParameters, string]> = [
		['no template name', { name: '  ' }, 'Item 1: the template has no name'],
		['no signer role', { signerRoles: {} }, 'Item 1: the template has no signer role'],
		[
			'a role name used twice',
			{ carbonCopyRoles: { role: [{ roleName: 'employee', routingOrder: 3 }] } },
			'Item 1: role name "employee" is used twice, by Signer Role 1 and Carbon Copy Role 1',
		],
		[
			'a name without an e-mail',
			{ carbonCopyRoles: { role: [{ roleName: 'HR', name: 'Hank', routingOrder: 3 }] } },
			'Item 1: Carbon Copy Role 1 ("HR") has a name but no e-mail',
		],
		[
			'an anchor tab without anchor text',
			{ signerRoles: { role: [{ roleName: 'Employee', tabs: { signHereTabs: [{ placement: 'anchor', anchorString: '' }] } }] } },
			'Item 1: Signer Role 1 → Sign Here field 1 is placed by anchor text but has no anchor text',
		],
		[
			'a position tab on a document the template does not have',
			{ signerRoles: { role: [{ roleName: 'Employee', tabs: { signHereTabs: [{ placement: 'position', documentNumber: 3 }] } }] } },
			"Item 1: Signer Role 1 → Sign Here field 1's document number is 3; it must be a whole number from 1 to 2",
		],
		['a folder that is not an ID', { options: { folderId: 'HR' } }, 'Item 1: Options → Folder: "HR" is not a DocuSign folder ID'],
		['a missing binary field', { documents: { document: [{ binaryPropertyName: 'contract' }] } }, 'Item 1: Document 1: the input item has no binary field "contract"'],
	];

	it.each(refusals)('refuses %s before calling DocuSign', async (_name, overrides, message) => {
		const result = await runNode(createParameters(overrides), { inputItems: [item()] });

		expect(result.error?.message).toBe(message);
		expect(calls).toEqual([]);
	});

	it('is an error item under continueOnFail when DocuSign refuses, and is not sent twice', async () => {
		mockUserinfo();
		nock(BASE).post(`${rest}/templates`).reply(400, { errorCode: 'ACCOUNT_LACKS_PERMISSIONS', message: 'This Account lacks sufficient permissions. Invalid folder ID.' });

		const result = await runNode(createParameters(), { inputItems: [item()], continueOnFail: true });

		expect(result.error).toBeUndefined();
		const [output] = result.outputOf('DocuSign');
		expect(output.json.error).toBe(
			'DocuSign could not create the template "Offer Letter": ACCOUNT_LACKS_PERMISSIONS – This Account lacks sufficient permissions. Invalid folder ID.',
		);
		expect(output.pairedItem).toEqual({ item: 0 });
	});
});

describe('Template → Update', () => {
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	it('PUTs only the fields given, spec-valid, and says what changed', async () => {
		mockUserinfo();
		mockApi('PUT', `/templates/${TEMPLATE}`, [200, {}]);

		const result = await runNode({
			operation: 'update',
			templateId: byId(TEMPLATE),
			updateFields: { name: ' Offer Letter 2027 ', emailSubject: 'Your new offer', emailBlurb: 'Hi!\nWelcome.', description: '' },
		});

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{
				method: 'PUT',
				path: `/templates/${TEMPLATE}`,
				query: {},
				body: { name: 'Offer Letter 2027', emailSubject: 'Your new offer', emailBlurb: 'Hi!\nWelcome.' },
			},
		]);
		expectSpecValid('envelopeTemplate', calls[0].body);
		expect(json(result)).toEqual([
			{ templateId: TEMPLATE, updated: { name: 'Offer Letter 2027', emailSubject: 'Your new offer', emailBlurb: 'Hi!\nWelcome.' } },
		]);
	});

	it('refuses an update with nothing to change, and a subject over 100 characters, before calling DocuSign', async () => {
		const nothing = await runNode({ operation: 'update', templateId: byId(TEMPLATE), updateFields: { name: '  ' } });
		expect(nothing.error?.message).toBe('Item 1: nothing to update');

		const long = await runNode({ operation: 'update', templateId: byId(TEMPLATE), updateFields: { emailSubject: 'x'.repeat(101) } });
		expect(long.error?.message).toBe('Item 1: Email Subject is 101 characters long; DocuSign allows at most 100');
		expect(calls).toEqual([]);
	});

	it('names DocuSign\'s code when the user may not change the template', async () => {
		mockUserinfo();
		mockApi('PUT', `/templates/${TEMPLATE}`, [400, { errorCode: 'USER_LACKS_PERMISSIONS', message: 'This user lacks sufficient permissions to access this resource.' }]);

		const result = await runNode({ operation: 'update', templateId: byId(TEMPLATE), updateFields: { name: 'New' } });

		expect(result.error?.message).toBe(
			`DocuSign could not update template ${TEMPLATE}: USER_LACKS_PERMISSIONS – This user lacks sufficient permissions to access this resource.`,
		);
	});
});
