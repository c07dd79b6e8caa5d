/**
 * The Web Forms, Maestro and Click routes of the simulator: the order of its checks (token, scopes,
 * membership), each API's error shape, and the bodies checked against each API's OpenAPI file.
 */
import { CLICKWRAP_IDS, MAESTRO_WORKFLOW_IDS, SEED_IDS, WEB_FORM_IDS, startSimulator, type Simulator } from './index';
import { assertion, bearer, http, JWT_GRANT, postToken } from './testHelpers';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const ALL = 'signature impersonation webforms_read webforms_instance_read webforms_instance_write aow_manage click.manage click.send';

async function token(scope: string, sub: string = SEED_IDS.users.alice): Promise<string> {
	const res = await postToken(sim, { grant_type: JWT_GRANT, assertion: await assertion(sim, { sub, scope }) });
	if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.data)}`);
	return res.data.access_token;
}

const acme = SEED_IDS.accounts.acmeNa;
const forms = `/api/webforms/v1.1/accounts/${acme}/forms`;

describe('simulator: Web Forms, Maestro and Click', () => {
	it('token, then scopes, then membership', async () => {
		expect((await http.get(`${sim.url}${forms}`)).status).toBe(401);
		const signatureOnly = await http.get(`${sim.url}${forms}`, bearer(await token('signature impersonation')));
		expect([signatureOnly.status, signatureOnly.data]).toEqual([403, { errorCode: 'FORBIDDEN', message: 'The requestor is not authorized.' }]);
		expect((await http.get(`${sim.url}${forms}`, bearer(await token(ALL)))).status).toBe(200);
		const carol = await http.get(`${sim.url}${forms}`, bearer(await token(ALL, SEED_IDS.users.carol)));
		expect(carol.status).toBe(200); // Carol is a member of Acme Corp too; nobody is of Initech's:
		expect((await http.get(`${sim.url}/api/webforms/v1.1/accounts/${SEED_IDS.accounts.initechNa}/forms`, bearer(await token(ALL)))).status).toBe(403);
	});

	it('Web Forms: unknown body fields and prefill values of the wrong type are 400', async () => {
		const auth = bearer(await token(ALL));
		const unknown = await http.post(`${sim.url}${forms}/${WEB_FORM_IDS.customerNda}/instances`, { clientUserId: 'x', prefill: {} }, auth);
		expect([unknown.status, unknown.data.message]).toEqual([400, expect.stringContaining("Unknown property 'prefill'")]);
		const wrongType = await http.post(`${sim.url}${forms}/${WEB_FORM_IDS.customerNda}/instances`, { clientUserId: 'x', formValues: { Employees: '12' } }, auth);
		expect([wrongType.status, wrongType.data.message]).toEqual([400, expect.stringContaining('"Employees" (Number) must be a number')]);
		const draft = await http.post(`${sim.url}${forms}/${WEB_FORM_IDS.draftSurvey}/instances`, { clientUserId: 'x' }, auth);
		expect(draft.status).toBe(400);
		const noClient = await http.post(`${sim.url}${forms}/${WEB_FORM_IDS.customerNda}/instances`, { formValues: {} }, auth);
		expect([noClient.status, noClient.data.message]).toEqual([400, 'clientUserId is required.']);
	});

	it('Maestro: its own error shape; instance_name is required by its spec', async () => {
		const base = `${sim.url}/v1/accounts/${acme}/workflows/${MAESTRO_WORKFLOW_IDS.onboarding}`;
		const res = await http.post(`${base}/actions/trigger`, { trigger_inputs: { Name: 'A' } }, bearer(await token(ALL)));
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ error: expect.stringContaining("must have required property 'instance_name'"), code: '400', timestamp: expect.any(String) });
		const noScope = await http.get(`${sim.url}/v1/accounts/${acme}/workflows`, bearer(await token('signature impersonation')));
		expect([noScope.status, noScope.data.code]).toEqual([403, '403']);
	});

	it('Click: 201 with a URL until the user agrees, then 200 without', async () => {
		const auth = bearer(await token(ALL));
		const url = `${sim.url}/na3/clickapi/v1/accounts/${acme}/clickwraps/${CLICKWRAP_IDS.termsOfService}/agreements`;
		const first = await http.post(url, { clientUserId: 'u1' }, auth);
		expect([first.status, typeof first.data.agreementUrl]).toEqual([201, 'string']);
		sim.answerClickAgreement(first.data.agreementId, 'agree');
		const second = await http.post(url, { clientUserId: 'u1' }, auth);
		expect([second.status, second.data.agreementUrl, second.data.status]).toEqual([200, undefined, 'agreed']);
		const manageOnly = await http.post(url, { clientUserId: 'u2' }, bearer(await token('signature impersonation click.manage')));
		expect(manageOnly.status).toBe(403);
		// Click lives on the account's own server ({base_uri}/clickapi): Acme NA is on na3, not eu1 or the root.
		const otherSite = await http.post(url.replace('/na3/', '/eu1/'), { clientUserId: 'u3' }, auth);
		expect([otherSite.status, otherSite.data.errorCode]).toEqual([400, 'ACCOUNT_NOT_ON_SERVER']);
		const root = await http.post(url.replace('/na3/', '/'), { clientUserId: 'u3' }, auth);
		expect(root.status).toBe(404);
	});
});
