/**
 * Envelope → Create From Template in n8n's real engine: every role filled, the template read once
 * per run to check role names and field labels before anything is created, spec-valid bodies.
 */
import {
	ACCOUNT_ID,
	AUTH,
	BASE_URI,
	REST_PATH,
	accountFieldsSent,
	derivedTransactionId,
	nockAccountCustomFields,
	userKeyMarker,
	envelopeSummary,
	installNockLifecycle,
	nockCreateEnvelope,
	nockUserinfo,
	readJson,
	runDocuSign,
	runError,
	userinfo,
	type CapturedRequest,
} from './createFixtures';

import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { clearAccountCache } from '../../../nodes/DocuSign/transport';
import { expectSpecValid } from '../kit';

installNockLifecycle();
beforeEach(() => clearAccountCache());

const TEMPLATE_ID = '2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21';

const template = {
	templateId: TEMPLATE_ID,
	name: 'Mutual NDA',
	emailSubject: 'Please sign the NDA',
	recipients: {
		signers: [
			{
				roleName: 'Signer',
				recipientId: '1',
				routingOrder: '1',
				name: '',
				email: '',
				tabs: {
					signHereTabs: [{ tabLabel: 'Signer signature', documentId: '1' }],
					textTabs: [{ tabLabel: 'company_name' }, { tabLabel: 'Title' }],
				},
			},
			{ roleName: 'Manager', recipientId: '2', routingOrder: '2', name: '', email: '', tabs: { signHereTabs: [{ tabLabel: 'Manager signature' }] } },
		],
		carbonCopies: [{ roleName: 'Legal', recipientId: '3', routingOrder: '3', name: '', email: '' }],
	},
};

function nockTemplate(times = 1, body: IDataObject = template): nock.Scope {
	return nock(BASE_URI)
		.get(`${REST_PATH}/templates/${TEMPLATE_ID}`)
		.query({ include: 'tabs' })
		.times(times)
		.reply(200, body);
}

const role = (overrides: INodeParameters = {}): INodeParameters => ({
	roleName: 'Signer',
	name: 'Jane Doe',
	email: 'jane@example.com',
	routingOrder: 0,
	clientUserId: '',
	...overrides,
});

const parameters = (overrides: INodeParameters = {}): INodeParameters => ({
	operation: 'createFromTemplate',
	templateId: { __rl: true, mode: 'list', value: TEMPLATE_ID },
	templateRoles: { role: [role()] },
	emailSubject: '',
	status: 'sent',
	...overrides,
});

const expectValidDefinition = (definition: IDataObject) => expectSpecValid('envelopeDefinition', definition);

describe('Envelope → Create From Template', () => {
	it('fills every role, reads the template once for all items and sends spec-valid JSON', async () => {
		nockUserinfo();
		const templateScope = nockTemplate(1);
		const accountFieldsRead = nockAccountCustomFields(1); // once per run, for all items
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured, 3);
		const items: INodeExecutionData[] = ['ACME', 'Globex', 'Initech'].map((company, n) => ({
			json: { company, email: `ceo${n}@example.com` },
		}));

		const result = await runDocuSign(
			parameters({
				templateRoles: {
					role: [
						role({
							roleName: 'signer',
							email: '={{ $json.email }}',
							clientUserId: '={{ "user-" + $json.company }}',
							textTabs: { textTab: [{ tabLabel: 'company_name', value: '={{ $json.company }}' }, { tabLabel: 'Title', value: 'CEO' }] },
						}),
						role({ roleName: 'Manager', name: 'Max Manager', email: 'max@example.com', routingOrder: 2 }),
						role({ roleName: 'Legal', name: 'Legal Team', email: 'legal@example.com', routingOrder: 5 }),
					],
				},
				emailSubject: '=NDA for {{ $json.company }}',
				options: {
					emailBlurb: 'Please sign.',
					customFields: { field: [{ name: 'company', value: '={{ $json.company }}', show: true }] },
					statusNotification: { webhook: { url: 'https://hooks.example.com/ds', events: ['envelope-completed'], includeHMAC: false, requireAcknowledgment: false } },
				},
			}),
			items,
		);

		expect(runError(result)).toBeUndefined();
		expect(templateScope.isDone()).toBe(true);
		expect(accountFieldsRead.isDone()).toBe(true);
		expect(captured).toHaveLength(3);
		const bodies = captured.map(readJson);
		bodies.forEach(expectValidDefinition);
		expect(String(captured[0].headers['content-type'])).toMatch(/^application\/json/);
		expect(bodies[1]).toEqual({
			templateId: TEMPLATE_ID,
			status: 'sent',
			emailSubject: 'NDA for Globex',
			templateRoles: [
				{
					roleName: 'Signer',
					name: 'Jane Doe',
					email: 'ceo1@example.com',
					clientUserId: 'user-Globex',
					tabs: { textTabs: [{ tabLabel: 'company_name', value: 'Globex' }, { tabLabel: 'Title', value: 'CEO' }] },
				},
				{ roleName: 'Manager', name: 'Max Manager', email: 'max@example.com', routingOrder: '2' },
				{ roleName: 'Legal', name: 'Legal Team', email: 'legal@example.com', routingOrder: '5' },
			],
			emailBlurb: 'Please sign.',
			customFields: {
				textCustomFields: [...accountFieldsSent().text, { name: 'company', value: 'Globex', show: 'true' }],
				listCustomFields: accountFieldsSent().list,
			},
			transactionId: derivedTransactionId(),
			eventNotification: {
				url: 'https://hooks.example.com/ds',
				deliveryMode: 'SIM',
				events: ['envelope-completed'],
				eventData: { version: 'restv2.1', format: 'json', includeData: ['custom_fields', 'recipients'] },
				includeHMAC: 'false',
				requireAcknowledgment: 'false',
				loggingEnabled: 'true',
			},
		});
		expect(bodies.map((body) => body.emailSubject)).toEqual(['NDA for ACME', 'NDA for Globex', 'NDA for Initech']);

		const output = result.outputOf('DocuSign');
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[2].json).toEqual({
			...envelopeSummary(3),
			alreadyExisted: false,
			accountId: ACCOUNT_ID,
			templateId: TEMPLATE_ID,
			templateName: 'Mutual NDA',
			emailSubject: 'NDA for Initech',
			roles: [
				{ roleName: 'Signer', name: 'Jane Doe', email: 'ceo2@example.com', clientUserId: 'user-Initech' },
				{ roleName: 'Manager', name: 'Max Manager', email: 'max@example.com', routingOrder: 2 },
				{ roleName: 'Legal', name: 'Legal Team', email: 'legal@example.com', routingOrder: 5 },
			],
		});
	});

	it('takes the template from a DocuSign URL and saves a draft with the template\'s subject', async () => {
		nockUserinfo();
		nockTemplate();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const result = await runDocuSign(
			parameters({
				templateId: { __rl: true, mode: 'url', value: `https://appdemo.docusign.com/templates/details/${TEMPLATE_ID}` },
				status: 'created',
			}),
		);

		expect(runError(result)).toBeUndefined();
		const body = readJson(captured[0]);
		expectValidDefinition(body);
		expect(body).toEqual({
			templateId: TEMPLATE_ID,
			status: 'created',
			templateRoles: [{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com' }],
			transactionId: derivedTransactionId(),
		});
		expect(result.outputOf('DocuSign')[0].json.status).toBe('created');
	});

	it('marks the envelope with the Idempotency Key and creates it when no envelope carries the key yet', async () => {
		nockUserinfo();
		nockTemplate();
		nock(BASE_URI).get(`${REST_PATH}/envelopes`).query(true).reply(200, { resultSetSize: '0' });
		nockAccountCustomFields();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const result = await runDocuSign(parameters({ options: { idempotencyKey: 'crm-42' } }));

		expect(runError(result)).toBeUndefined();
		const body = readJson(captured[0]);
		expectValidDefinition(body);
		// The key's hidden field goes with the account's own fields, which a create's customFields would replace.
		expect(body.customFields).toEqual({
			textCustomFields: [...accountFieldsSent().text, userKeyMarker()],
			listCustomFields: accountFieldsSent().list,
		});
		expect(result.outputOf('DocuSign')[0].json).toMatchObject({ envelopeId: envelopeSummary(1).envelopeId, alreadyExisted: false });
	});

	it('accepts a template whose roles already name their people, with no role filled', async () => {
		nockUserinfo();
		const preset = JSON.parse(JSON.stringify(template)) as typeof template;
		preset.recipients.signers[0].email = 'fixed@example.com';
		preset.recipients.signers[0].name = 'Fixed Signer';
		nockTemplate(1, preset);
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const result = await runDocuSign(parameters({ templateRoles: {} }));

		expect(runError(result)).toBeUndefined();
		expect(readJson(captured[0])).toEqual({ templateId: TEMPLATE_ID, status: 'sent', transactionId: derivedTransactionId() });
	});
});

describe('Envelope → Create From Template refuses bad input before creating anything', () => {
	it('a role name the template lacks: lists the template\'s roles, reads the template once, creates nothing', async () => {
		const templateScope = nockTemplate(1);
		nock(AUTH).get('/oauth/userinfo').reply(200, userinfo);
		const createScope = nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(201, envelopeSummary(1));

		const result = await runDocuSign(
			parameters({ templateRoles: { role: [role({ roleName: '={{ $json.role }}' })] } }),
			[{ json: { role: 'Signer ' } }, { json: { role: 'Sgner' } }],
			{ node: { continueOnFail: true } },
		);

		expect(templateScope.isDone()).toBe(true);
		const output = result.outputOf('DocuSign');
		expect(output[0].json.envelopeId).toBe(envelopeSummary(1).envelopeId);
		expect(output[1]).toEqual({
			json: {
				error: `Item 2: Role 1: template "Mutual NDA" (${TEMPLATE_ID}) has no role "Sgner"`,
				description:
					'The template\'s roles are: "Signer" (signer), "Manager" (signer), "Legal" (carbon copy). Pick one of these; role names are set in the template.',
			},
			pairedItem: { item: 1 },
		});
		expect(createScope.isDone()).toBe(true);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('a role typo stops the run before any envelope is created', async () => {
		nockUserinfo();
		nockTemplate();
		const createScope = nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(201, envelopeSummary(1));

		const result = await runDocuSign(parameters({ templateRoles: { role: [role(), role({ roleName: 'Manger', email: 'm@example.com' })] } }));

		expect(runError(result)?.message).toBe(`Item 1: Role 2: template "Mutual NDA" (${TEMPLATE_ID}) has no role "Manger"`);
		expect(runError(result)?.description).toContain('"Manager" (signer)');
		expect(createScope.isDone()).toBe(false);
	});

	it('a field label the role lacks: names the labels, and the right case when only that differs', async () => {
		nockUserinfo();
		nockTemplate();
		const createScope = nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(201, envelopeSummary(1));

		const typo = await runDocuSign(parameters({ templateRoles: { role: [role({ textTabs: { textTab: [{ tabLabel: 'company', value: 'x' }] } })] } }));
		expect(runError(typo)?.message).toBe(
			`Item 1: Role 1: role "Signer" of template "Mutual NDA" (${TEMPLATE_ID}) has no text field labelled "company"`,
		);
		expect(runError(typo)?.description).toBe('The role\'s text field labels are: "company_name", "Title".');

		nockUserinfo();
		nockTemplate();
		const caseOnly = await runDocuSign(parameters({ templateRoles: { role: [role({ textTabs: { textTab: [{ tabLabel: 'title', value: 'x' }] } })] } }));
		expect(runError(caseOnly)?.description).toBe('Labels are case-sensitive: the template calls it "Title".');
		expect(createScope.isDone()).toBe(false);
	});

	const localCases: Array<[string, INodeParameters, RegExp]> = [
		[
			'a role filled twice',
			{ templateRoles: { role: [role(), role({ roleName: 'SIGNER', email: 'x@example.com' })] } },
			/^Item 1: the role "SIGNER" is filled twice, by Role 1 and Role 2$/,
		],
		[
			'a malformed e-mail',
			{ templateRoles: { role: [role({ email: 'jane.example.com' })] } },
			/^Item 1: Role 1 \("Signer"\)'s e-mail "jane.example.com" is not a valid e-mail address$/,
		],
		[
			'a negative routing order',
			{ templateRoles: { role: [role({ routingOrder: -2 })] } },
			/^Item 1: Role 1 \("Signer"\)'s routing order is -2; it must be a whole number of at least 1$/,
		],
		[
			'a role without a name',
			{ templateRoles: { role: [role({ name: '={{ $json.missing }}' })] } },
			/^Item 1: Role 1 \("Signer"\) has no name$/,
		],
		[
			'no template',
			{ templateId: { __rl: true, mode: 'id', value: '={{ $json.missing }}' } },
			/^Item 1: no template is selected$/,
		],
		[
			'a status notification URL that is not a URL',
			{ options: { statusNotification: { webhook: { url: 'hooks.example.com', events: ['envelope-sent'] } } } },
			/^Item 1: Options → Status Notifications: "hooks.example.com" is not a web address$/,
		],
	];

	it.each(localCases)('%s: refused without any call', async (_name, overrides, message) => {
		const scopes = [
			nock(AUTH).get('/oauth/userinfo').reply(200, userinfo),
			nockTemplate(),
			nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(201, envelopeSummary(1)),
		];

		const result = await runDocuSign(parameters(overrides));

		expect(runError(result)?.message).toMatch(message);
		expect(runError(result)?.description).toBeTruthy();
		for (const scope of scopes) expect(scope.isDone()).toBe(false);
	});

	it('no role filled while the template names nobody: the envelope would have no recipient', async () => {
		nockUserinfo();
		nockTemplate();
		const createScope = nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(201, envelopeSummary(1));

		const result = await runDocuSign(parameters({ templateRoles: {} }));

		expect(runError(result)?.message).toBe(
			`Item 1: no role of template "Mutual NDA" (${TEMPLATE_ID}) is filled, so the envelope would have no recipient`,
		);
		expect(createScope.isDone()).toBe(false);
	});

	it('a template DocuSign does not know: its error, and nothing created', async () => {
		nockUserinfo();
		nock(BASE_URI)
			.get(`${REST_PATH}/templates/${TEMPLATE_ID}`)
			.query(true)
			.reply(400, { errorCode: 'TEMPLATE_ID_INVALID', message: 'Invalid template ID.' });
		const createScope = nock(BASE_URI).post(`${REST_PATH}/envelopes`).reply(201, envelopeSummary(1));

		const result = await runDocuSign(parameters());

		expect(runError(result)?.message).toBe(
			`DocuSign could not read template ${TEMPLATE_ID}: TEMPLATE_ID_INVALID – Invalid template ID.`,
		);
		expect(createScope.isDone()).toBe(false);
	});
});
