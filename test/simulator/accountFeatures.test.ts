/**
 * Identity-verification workflows, brands and signing groups: the three list endpoints (bodies
 * checked against the spec's response definitions) and what the simulator enforces on create and
 * on signing (access code, identity check, unknown ids, accounts without the feature).
 */
import { FEATURE_IDS, SEED_IDS, assertMatchesSpec, startSimulator, type Simulator } from './index';
import { bearer, envelopeDefinition, http, jwtToken } from './testHelpers';

let sim: Simulator;
let token: string;
beforeAll(async () => {
	sim = await startSimulator({ allowHttpListeners: true });
});
afterAll(() => sim.close());
beforeEach(async () => {
	sim.reset();
	token = await jwtToken(sim);
});

const base = (account: keyof typeof SEED_IDS.accounts = 'acmeNa') => sim.restBase(SEED_IDS.accounts[account]);
const get = (path: string, account?: keyof typeof SEED_IDS.accounts) => http.get(`${base(account)}${path}`, bearer(token));
const create = (def: Record<string, unknown>, account?: keyof typeof SEED_IDS.accounts) =>
	http.post(`${base(account)}/envelopes`, def, bearer(token));

const oneSigner = (signer: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	envelopeDefinition({
		recipients: {
			signers: [
				{
					recipientId: '1',
					routingOrder: '1',
					name: 'Jane Doe',
					email: 'jane@example.com',
					tabs: { textTabs: [{ tabLabel: 'employee_id', anchorString: '/id/', required: 'true' }] },
					...signer,
				},
			],
		},
		...extra,
	});

describe('list endpoints', () => {
	it('GET /identity_verification lists the workflows, valid against accountIdentityVerificationResponse', async () => {
		const na = await get('/identity_verification');
		expect(na.status).toBe(200);
		assertMatchesSpec('accountIdentityVerificationResponse', na.data);
		expect(na.data.identityVerification.map((w: { defaultName: string }) => w.defaultName)).toEqual(['Phone Authentication', 'DocuSign ID Verification']);
		expect((await get('/identity_verification', 'acmeEu')).data.identityVerification).toHaveLength(1);
		expect((await get('/identity_verification', 'globexAu')).data).toEqual({ identityVerification: [] });
	});

	it('GET /brands and GET /signing_groups, valid against brandsResponse and signingGroupInformation; refused without the feature', async () => {
		const brands = await get('/brands');
		assertMatchesSpec('brandsResponse', brands.data);
		expect(brands.data.senderBrandIdDefault).toBe(FEATURE_IDS.brands.acmeBlue);
		expect(brands.data.brands.map((b: { isSendingDefault: unknown }) => b.isSendingDefault)).toEqual([true, false]);
		const groups = await get('/signing_groups?include_users=true');
		assertMatchesSpec('signingGroupInformation', groups.data);
		expect(groups.data.groups[0].users).toHaveLength(2);
		expect((await get('/signing_groups')).data.groups[0].users).toBeUndefined();

		const noBranding = await get('/brands', 'acmeEu');
		expect([noBranding.status, noBranding.data.errorCode]).toEqual([400, 'ACCOUNT_LACKS_PERMISSIONS']);
		const noGroups = await get('/signing_groups', 'globexAu');
		expect([noGroups.status, noGroups.data.errorCode]).toEqual([400, 'ACCOUNT_LACKS_PERMISSIONS']);
	});
});

describe('envelope create', () => {
	it('refuses an unknown workflow, a workflow of another account, and identity verification on an account without it', async () => {
		const unknown = await create(oneSigner({ identityVerification: { workflowId: 'f00dfeed-0000-4000-8000-000000000000' } }));
		expect([unknown.status, unknown.data.errorCode]).toEqual([400, 'IDENTITY_WORKFLOW_INVALID_ID']);
		const idvOnEu = await create(oneSigner({ identityVerification: { workflowId: FEATURE_IDS.workflows.idVerification } }), 'acmeEu');
		expect(idvOnEu.data.errorCode).toBe('IDENTITY_WORKFLOW_INVALID_ID');
		const globex = await create(oneSigner({ identityVerification: { workflowId: FEATURE_IDS.workflows.phone } }), 'globexAu');
		expect(globex.data.errorCode).toBe('ACCOUNT_LACKS_PERMISSIONS');
		expect(sim.state.envelopes.size).toBe(0);
	});

	it('the phone workflow needs the number in inputOptions phone_number_list, digits only (spec recipientIdentityPhoneNumber)', async () => {
		const phone = (phoneNumberList?: unknown[]) =>
			oneSigner({
				identityVerification: {
					workflowId: FEATURE_IDS.workflows.phone,
					...(phoneNumberList ? { inputOptions: [{ name: 'phone_number_list', valueType: 'PhoneNumberList', phoneNumberList }] } : {}),
				},
			});
		for (const bad of [undefined, [], [{ countryCode: '+1', number: '4155550100' }], [{ countryCode: '1', number: '415-555-0100' }]]) {
			const refused = await create(phone(bad));
			expect([refused.status, refused.data.errorCode]).toEqual([400, 'INVALID_REQUEST_PARAMETER']);
		}
		expect(sim.state.envelopes.size).toBe(0);
		expect((await create(phone([{ countryCode: '44', number: '2071234567' }]))).status).toBe(201);
	});

	it('checks notification (reminders and expiration) on create as PUT …/notification does; useAccountDefaults "true" keeps the account defaults', async () => {
		const withNotification = (expirations: Record<string, string | undefined>, useAccountDefaults = 'false') =>
			oneSigner({}, { notification: { useAccountDefaults, reminders: { reminderEnabled: 'true', reminderDelay: '2', reminderFrequency: '3' }, expirations } });
		for (const expirations of [{ expireEnabled: 'true', expireAfter: '0' }, { expireEnabled: 'true', expireAfter: 'ten' }, { expireEnabled: 'true', expireAfter: '5', expireWarn: '5' }]) {
			const refused = await create(withNotification(expirations));
			expect([refused.status, refused.data.errorCode]).toEqual([400, 'INVALID_REQUEST_PARAMETER']);
		}
		expect(sim.state.envelopes.size).toBe(0);
		const custom = await create(withNotification({ expireEnabled: 'true', expireAfter: '30', expireWarn: '5' }));
		expect((await get(`/envelopes/${custom.data.envelopeId}/notification`)).data).toMatchObject({
			useAccountDefaults: 'false',
			reminders: { reminderEnabled: 'true', reminderDelay: '2', reminderFrequency: '3' },
			expirations: { expireAfter: '30', expireWarn: '5' },
		});
		const defaults = await create(withNotification({ expireEnabled: 'true', expireAfter: '30' }, 'true'));
		expect((await get(`/envelopes/${defaults.data.envelopeId}/notification`)).data).toMatchObject({ useAccountDefaults: 'true' });
	});

	it('refuses a brand not in the account and signing groups it does not have; fills a signing group signer from the group', async () => {
		expect((await create(oneSigner({}, { brandId: 'b1a7c0de-0009-4000-8000-00000000b009' }))).data.errorCode).toBe('BRAND_ID_INVALID');
		expect((await create(oneSigner({}, { brandId: FEATURE_IDS.brands.acmeBlue }), 'acmeEu')).data.errorCode).toBe('ACCOUNT_LACKS_PERMISSIONS');
		const badGroup = await create(oneSigner({ name: undefined, email: undefined, signingGroupId: '1a2b3c4d-0009-4000-8000-0000000050a9' }));
		expect(badGroup.data.errorCode).toBe('SIGNING_GROUP_ID_INVALID');

		const ok = await create(
			oneSigner({ name: undefined, email: undefined, signingGroupId: FEATURE_IDS.signingGroups.acmeLegal }, { brandId: FEATURE_IDS.brands.acmeGreen }),
		);
		expect(ok.status).toBe(201);
		const recipients = await get(`/envelopes/${ok.data.envelopeId}/recipients`);
		expect(recipients.data.signers[0]).toMatchObject({ name: 'Acme Legal', signingGroupId: FEATURE_IDS.signingGroups.acmeLegal, signingGroupName: 'Acme Legal' });
		expect(sim.envelope(ok.data.envelopeId)).toMatchObject({ brandId: FEATURE_IDS.brands.acmeGreen });
	});

	it('in-person signers need a host name, a host e-mail and the signer name; names and e-mails at most 100 characters, access codes 50', async () => {
		const def = (inPerson: Record<string, unknown>) =>
			envelopeDefinition({ recipients: { inPersonSigners: [{ recipientId: '1', routingOrder: '1', ...inPerson }] } });
		expect((await create(def({ hostName: 'Sam', signerName: 'Jane' }))).data.errorCode).toBe('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT');
		expect((await create(def({ hostName: 'Sam', hostEmail: 'sam@acme.example' }))).data.errorCode).toBe('INVALID_USERNAME_FOR_RECIPIENT');
		expect((await create(def({ hostName: 'Sam', hostEmail: 'sam@acme.example', signerName: 'Jane', signerEmail: 'jane@' }))).data.errorCode).toBe('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT');
		// Spec "Maximum Length: 100 characters" (hostName, signerName, e-mails); 50 for accessCode.
		expect((await create(def({ hostName: 'S'.repeat(101), hostEmail: 'sam@acme.example', signerName: 'Jane' }))).data.errorCode).toBe('INVALID_USERNAME_FOR_RECIPIENT');
		expect((await create(oneSigner({ email: `${'j'.repeat(90)}@example.com` }))).data.errorCode).toBe('INVALID_EMAIL_ADDRESS_FOR_RECIPIENT');
		expect((await create(oneSigner({ accessCode: 'x'.repeat(51) }))).data.errorCode).toBe('INVALID_REQUEST_PARAMETER');
		expect(sim.state.envelopes.size).toBe(0);
		expect((await create(def({ hostName: 'Sam', hostEmail: 'sam@acme.example', signerName: 'Jane' }))).status).toBe(201);
	});
});

describe('signing with authentication', () => {
	it('an access-code recipient must enter the code to view or sign; the code never comes back; text tabs take values', async () => {
		const created = await create(oneSigner({ accessCode: '4711' }));
		expect(created.status).toBe(201);
		const id = created.data.envelopeId;
		const recipients = await get(`/envelopes/${id}/recipients?include_tabs=true`);
		expect(JSON.stringify(recipients.data)).not.toContain('4711');

		expect(() => sim.view(id, '1')).toThrow(/access code/);
		expect(() => sim.sign(id, '1', { accessCode: '0000', tabValues: { employee_id: 'E-1' } })).toThrow(/access code/);
		expect(sim.envelope(id)).toMatchObject({ status: 'sent' });
		const control = await http.post(`${sim.url}/__sim/envelopes/${id}/recipients/1/sign`, { accessCode: 'nope' });
		expect([control.status, control.data.errorCode]).toEqual([409, 'RECIPIENT_AUTHENTICATION_FAILED']);
		await sim.connectIdle();
		expect(() => sim.sign(id, '1', { accessCode: '4711', tabValues: { no_such_label: 'x' } })).toThrow(/no text or list field/);

		sim.sign(id, '1', { accessCode: '4711', tabValues: { employee_id: 'E-1' } });
		expect(sim.envelope(id)).toMatchObject({ status: 'completed' });
		const after = await get(`/envelopes/${id}/recipients?include_tabs=true`);
		expect(after.data.signers[0].tabs.textTabs[0]).toMatchObject({ tabLabel: 'employee_id', value: 'E-1' });
	});

	it('an identity-verified recipient signs only after the check passed; the signing page asks for the access code', async () => {
		const phone = {
			workflowId: FEATURE_IDS.workflows.phone,
			inputOptions: [{ name: 'phone_number_list', valueType: 'PhoneNumberList', phoneNumberList: [{ countryCode: '1', number: '4155550100' }] }],
		};
		const created = await create(oneSigner({ identityVerification: phone }));
		expect(created.status).toBe(201);
		expect(() => sim.sign(created.data.envelopeId, '1')).toThrow(/identity verification/);
		sim.sign(created.data.envelopeId, '1', { identityVerified: true });
		expect(sim.envelope(created.data.envelopeId)).toMatchObject({ status: 'completed' });

		const embedded = await create(oneSigner({ accessCode: 'open-sesame', clientUserId: 'crm-1' }));
		const view = await http.post(
			`${base()}/envelopes/${embedded.data.envelopeId}/views/recipient`,
			{ returnUrl: 'http://127.0.0.1/back', authenticationMethod: 'none', email: 'jane@example.com', userName: 'Jane Doe', clientUserId: 'crm-1', recipientId: '1' },
			bearer(token),
		);
		const page = await http.get(view.data.url);
		expect(page.status).toBe(401);
		expect(page.data).toContain('accessCode');
		const signed = await http.get(`${view.data.url}&action=sign&accessCode=open-sesame`);
		expect(signed.status).toBe(302);
		expect(sim.envelope(embedded.data.envelopeId)).toMatchObject({ status: 'completed' });
	});

	it('a failed access code emits recipient-authenticationfailed to the envelope\'s eventNotification', async () => {
		const created = await create(
			oneSigner(
				{ accessCode: '4711' },
				{
					eventNotification: {
						url: 'http://127.0.0.1:9/hook',
						events: ['recipient-authenticationfailed'],
						eventData: { version: 'restv2.1', format: 'json' },
					},
				},
			),
		);
		expect(() => sim.sign(created.data.envelopeId, '1', { accessCode: '1' })).toThrow();
		await sim.connectIdle();
		expect(sim.deliveries().map((d) => d.event)).toContain('recipient-authenticationfailed');
	});
});
