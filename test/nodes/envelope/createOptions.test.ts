/**
 * The recipient and envelope options of Create and Create From Template: recipient
 * authentication (access code, phone, ID verification), signing group and in-person signers,
 * Needs to View, brand, reminders and expiration. Requests are checked against DocuSign's spec,
 * outputs never carry an access code, and bad input is refused before any call.
 */
import {
	BASE_URI,
	REST_PATH,
	binaryBytes,
	installNockLifecycle,
	nockCreateEnvelope,
	nockUserinfo,
	readJson,
	readMultipart,
	runDocuSign,
	runError,
	type CapturedRequest,
} from './createFixtures';
import { BRAND, GROUP, IDV_WORKFLOW, PHONE_WORKFLOW, TEMPLATE_ID, nockOneRoleTemplate } from './optionFixtures';
import { memoryBinary } from '../../engine/binaryData';

import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { clearAccountCache } from '../../../nodes/DocuSign/transport';
import { expectSpecValid } from '../kit';

installNockLifecycle();
beforeEach(() => clearAccountCache());


const pdfItem = (): INodeExecutionData => ({
	json: {},
	binary: { data: memoryBinary(binaryBytes(5_000, 9), { fileName: 'Agreement.pdf', mimeType: 'application/pdf' }) },
});

const create = (overrides: INodeParameters = {}): INodeParameters => ({
	operation: 'create',
	emailSubject: 'Please sign: Service Agreement',
	documents: { document: [{ binaryPropertyName: 'data' }] },
	signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1 }] },
	status: 'sent',
	...overrides,
});

async function createOnce(parameters: INodeParameters) {
	nockUserinfo();
	const captured: CapturedRequest[] = [];
	nockCreateEnvelope(captured);
	const result = await runDocuSign(parameters, [pdfItem()]);
	expect(runError(result)).toBeUndefined();
	expect(captured).toHaveLength(1);
	const { definition } = readMultipart(captured[0]);
	expectSpecValid('envelopeDefinition', definition);
	return { definition, output: result.outputOf('DocuSign')[0].json };
}

describe('Envelope → Create with recipient options', () => {
	it('sends access code, phone and ID verification, signing group, in-person and Needs to View recipients as DocuSign defines them', async () => {
		const { definition, output } = await createOnce(
			create({
				signers: {
					signer: [
						{ name: 'Jane Doe', email: 'jane@example.com', authentication: 'accessCode', accessCode: ' 4711 ' },
						{
							name: 'Bob Roe',
							email: 'bob@example.com',
							routingOrder: 2,
							authentication: 'phone',
							phoneCountryCode: '+44',
							phoneNumber: '(020) 7946-0958',
							identityWorkflowId: PHONE_WORKFLOW,
						},
						{ name: 'Ida Id', email: 'ida@example.com', routingOrder: 2, authentication: 'idVerification', identityWorkflowId: IDV_WORKFLOW },
						{ signerType: 'signingGroup', signingGroupId: GROUP, routingOrder: 3, tabs: { signHereTabs: [{ anchorString: '/legal/' }] } },
						{ signerType: 'inPerson', name: 'Walk-in Customer', hostName: 'Sam Staff', hostEmail: 'sam@acme.example', routingOrder: 4 },
					],
				},
				carbonCopies: { carbonCopy: [{ name: 'Archive', email: 'archive@example.com', routingOrder: 5 }] },
				certifiedDeliveries: { certifiedDelivery: [{ name: 'Auditor', email: 'audit@example.com', routingOrder: 5 }] },
			}),
		);

		const recipients = definition.recipients as IDataObject;
		expect(recipients.signers).toEqual([
			{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: '1', accessCode: '4711', recipientId: '1' },
			{
				name: 'Bob Roe',
				email: 'bob@example.com',
				routingOrder: '2',
				identityVerification: {
					workflowId: PHONE_WORKFLOW,
					inputOptions: [{ name: 'phone_number_list', valueType: 'PhoneNumberList', phoneNumberList: [{ countryCode: '44', number: '02079460958' }] }],
				},
				recipientId: '2',
			},
			{ name: 'Ida Id', email: 'ida@example.com', routingOrder: '2', identityVerification: { workflowId: IDV_WORKFLOW }, recipientId: '3' },
			{
				signingGroupId: GROUP,
				routingOrder: '3',
				tabs: { signHereTabs: [{ anchorString: '/legal/', anchorXOffset: '0', anchorYOffset: '0', anchorUnits: 'pixels' }] },
				recipientId: '4',
			},
		]);
		expect(recipients.inPersonSigners).toEqual([
			{ hostName: 'Sam Staff', hostEmail: 'sam@acme.example', signerName: 'Walk-in Customer', routingOrder: '4', recipientId: '5' },
		]);
		expect(recipients.carbonCopies).toEqual([{ name: 'Archive', email: 'archive@example.com', routingOrder: '5', recipientId: '6' }]);
		expect(recipients.certifiedDeliveries).toEqual([{ name: 'Auditor', email: 'audit@example.com', routingOrder: '5', recipientId: '7' }]);

		expect(JSON.stringify(output)).not.toContain('4711');
		expect(output.recipients).toEqual([
			{ recipientId: '1', recipientType: 'signer', name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1, authentication: 'accessCode' },
			{ recipientId: '2', recipientType: 'signer', name: 'Bob Roe', email: 'bob@example.com', routingOrder: 2, authentication: 'phone' },
			{ recipientId: '3', recipientType: 'signer', name: 'Ida Id', email: 'ida@example.com', routingOrder: 2, authentication: 'idVerification' },
			{ recipientId: '4', recipientType: 'signer', name: '', email: '', routingOrder: 3, signingGroupId: GROUP },
			{
				recipientId: '5',
				recipientType: 'inPersonSigner',
				name: 'Walk-in Customer',
				email: '',
				routingOrder: 4,
				hostName: 'Sam Staff',
				hostEmail: 'sam@acme.example',
			},
			{ recipientId: '6', recipientType: 'carbonCopy', name: 'Archive', email: 'archive@example.com', routingOrder: 5 },
			{ recipientId: '7', recipientType: 'certifiedDelivery', name: 'Auditor', email: 'audit@example.com', routingOrder: 5 },
		]);
	});

	it('sends the brand and explicit reminders and expiration, or the account defaults', async () => {
		const custom = await createOnce(
			create({
				options: {
					brandId: BRAND,
					notification: { settings: { useAccountDefaults: false, reminderEnabled: true, reminderDelay: 3, reminderFrequency: 5, expireAfter: 30, expireWarn: 5 } },
				},
			}),
		);
		expect(custom.definition.brandId).toBe(BRAND);
		expect(custom.definition.notification).toEqual({
			useAccountDefaults: 'false',
			reminders: { reminderEnabled: 'true', reminderDelay: '3', reminderFrequency: '5' },
			expirations: { expireEnabled: 'true', expireAfter: '30', expireWarn: '5' },
		});

		const noReminders = await createOnce(create({ options: { notification: { settings: { useAccountDefaults: false, reminderEnabled: false, expireAfter: 10 } } } }));
		expect(noReminders.definition.notification).toEqual({
			useAccountDefaults: 'false',
			reminders: { reminderEnabled: 'false' },
			expirations: { expireEnabled: 'true', expireAfter: '10', expireWarn: '0' },
		});

		const defaults = await createOnce(create({ options: { notification: { settings: { useAccountDefaults: true, expireAfter: 10 } } } }));
		expect(defaults.definition.notification).toEqual({ useAccountDefaults: 'true' });

		const none = await createOnce(create());
		expect(none.definition.notification).toBeUndefined();
		expect(none.definition.brandId).toBeUndefined();
	});

	it("explains DocuSign's refusal of a workflow the account does not have", async () => {
		nockUserinfo();
		nock(BASE_URI)
			.post(`${REST_PATH}/envelopes`)
			.reply(400, { errorCode: 'IDENTITY_WORKFLOW_INVALID_ID', message: 'The identity workflow ID specified is not valid.' });

		const result = await runDocuSign(
			create({ signers: { signer: [{ name: 'Ida', email: 'ida@example.com', authentication: 'idVerification', identityWorkflowId: IDV_WORKFLOW }] } }),
			[pdfItem()],
		);

		const error = runError(result);
		expect(error?.message).toBe('DocuSign could not create the envelope: IDENTITY_WORKFLOW_INVALID_ID – The identity workflow ID specified is not valid.');
		expect(error?.description).toMatch(/pick one from the Verification Workflow list.*ID verification is a paid add-on/);
	});
});

describe('Envelope → Create From Template with recipient options', () => {
	it('gives a role an access code, the envelope a brand and the account reminder defaults', async () => {
		nockUserinfo();
		nockOneRoleTemplate();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const result = await runDocuSign({
			operation: 'createFromTemplate',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_ID },
			templateRoles: { role: [{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com', routingOrder: 0, authentication: 'accessCode', accessCode: 'A-77' }] },
			status: 'sent',
			options: { brandId: BRAND, notification: { settings: { useAccountDefaults: true } } },
		});

		expect(runError(result)).toBeUndefined();
		const definition = readJson(captured[0]);
		expectSpecValid('envelopeDefinition', definition);
		expect(definition).toMatchObject({
			templateId: TEMPLATE_ID,
			brandId: BRAND,
			notification: { useAccountDefaults: 'true' },
			templateRoles: [{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com', accessCode: 'A-77' }],
		});
		const output = result.outputOf('DocuSign')[0].json;
		expect(output.roles).toEqual([{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com', authentication: 'accessCode' }]);
		expect(JSON.stringify(output)).not.toContain('A-77');
	});
});

describe('recipient options: bad input is refused before any call', () => {
	const signer = (fields: INodeParameters) => ({ signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', ...fields }] } });
	const cases: Array<[string, INodeParameters, RegExp]> = [
		['an empty access code', signer({ authentication: 'accessCode', accessCode: '  ' }), /^Item 1: Signer 1 uses an access code but the code is empty$/],
		['an access code over 50 characters', signer({ authentication: 'accessCode', accessCode: 'x'.repeat(51) }), /access code is 51 characters long; DocuSign allows at most 50/],
		['phone (SMS) without a number', signer({ authentication: 'phone', identityWorkflowId: PHONE_WORKFLOW }), /^Item 1: Signer 1 uses phone authentication but has no phone number$/],
		['a malformed phone number', signer({ authentication: 'phone', phoneNumber: '555-CALL-NOW', identityWorkflowId: PHONE_WORKFLOW }), /phone number "555-CALL-NOW" is not a phone number/],
		['a phone number over 15 digits', signer({ authentication: 'phone', phoneCountryCode: '44', phoneNumber: '1234567890123456', identityWorkflowId: PHONE_WORKFLOW }), /is not a phone number/],
		['a malformed country code', signer({ authentication: 'phone', phoneCountryCode: '+4 4', phoneNumber: '2079460958', identityWorkflowId: PHONE_WORKFLOW }), /country code "4 4" is not a calling code/],
		['phone without a workflow', signer({ authentication: 'phone', phoneNumber: '2079460958' }), /^Item 1: Signer 1 needs a verification workflow$/],
		['ID verification without a workflow', signer({ authentication: 'idVerification' }), /^Item 1: Signer 1 needs a verification workflow$/],
		['a signing group signer without a group', { signers: { signer: [{ signerType: 'signingGroup' }] } }, /^Item 1: Signer 1 has no signing group$/],
		[
			'an in-person signer whose host has a malformed e-mail',
			{ signers: { signer: [{ signerType: 'inPerson', name: 'Walk-in', hostName: 'Sam', hostEmail: 'sam@' }] } },
			/^Item 1: Signer 1's host's e-mail "sam@" is not a valid e-mail address$/,
		],
		[
			'an in-person host name over 100 characters (spec inPersonSigner.hostName)',
			{ signers: { signer: [{ signerType: 'inPerson', name: 'Walk-in', hostName: 'S'.repeat(101), hostEmail: 'sam@acme.example' }] } },
			/^Item 1: Signer 1's host's name is 101 characters long; DocuSign allows at most 100$/,
		],
		['a signer e-mail over 100 characters (spec signer.email)', signer({ email: `${'j'.repeat(90)}@example.com` }), /^Item 1: Signer 1's e-mail is 102 characters long; DocuSign allows at most 100$/],
		['a Needs to View name over 100 characters', { certifiedDeliveries: { certifiedDelivery: [{ name: 'A'.repeat(120), email: 'audit@example.com' }] } }, /Needs to View 1's name is 120 characters long/],
		['a Needs to View recipient with a malformed e-mail', { certifiedDeliveries: { certifiedDelivery: [{ name: 'Auditor', email: 'audit.example.com' }] } }, /^Item 1: Needs to View 1's e-mail "audit.example.com" is not a valid e-mail address$/],
		[
			'an expiry warning after the expiry',
			{ options: { notification: { settings: { useAccountDefaults: false, expireAfter: 5, expireWarn: 5 } } } },
			/the warning comes 5 days before expiry, but the envelope expires after 5 days/,
		],
		['an expiry over 999 days', { options: { notification: { settings: { useAccountDefaults: false, expireAfter: 1000 } } } }, /Expires After is 1000; it must be a whole number from 1 to 999/],
	];

	it.each(cases)('%s', async (_name, overrides, message) => {
		const result = await runDocuSign(create(overrides), [pdfItem()]);
		expect(runError(result)?.message).toMatch(message);
		// No interceptor was set: any DocuSign call would have failed with a network error instead.
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('a template role with an empty access code', async () => {
		const result = await runDocuSign({
			operation: 'createFromTemplate',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_ID },
			templateRoles: { role: [{ roleName: 'Signer', name: 'Jane', email: 'jane@example.com', authentication: 'accessCode', accessCode: '' }] },
		});
		expect(runError(result)?.message).toBe('Item 1: Role 1 ("Signer") uses an access code but the code is empty');
	});
});
