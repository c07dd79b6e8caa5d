/**
 * The node's Account parameter against the simulator, in n8n's real engine: one JWT credential of
 * Alice (member of Acme Corp on na3 — her default —, Acme Europe on eu1 and Globex on au2) works in
 * whichever account each item names, each call at that account's own base URI, with one userinfo
 * call for all of it; bad or foreign accounts fail before any eSignature call.
 */
import type { INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { searchAccounts } from '../../../nodes/DocuSign/methods/listSearch/searchAccounts';
import { searchTemplates } from '../../../nodes/DocuSign/methods/listSearch/searchTemplates';
import { siteOf } from '../../../nodes/DocuSign/transport';
import { SEED_IDS, TEMPLATE_IDS } from '../../simulator';
import { runOnSimulator, sim, simulatorLoadOptionsContext, simulatorNode, useSimulator } from '../simulatorKit';

useSimulator();

const A = SEED_IDS.accounts;

const byExpression = { accountSource: 'node', account: { __rl: true, mode: 'id', value: '={{ $json.accountId }}' } };

function createFromTemplate(extra: INodeParameters = {}): INode {
	return simulatorNode('DocuSign', {
		resource: 'envelope',
		operation: 'createFromTemplate',
		...byExpression,
		templateId: { __rl: true, mode: 'id', value: '={{ $json.templateId }}' },
		templateRoles: { role: [{ roleName: 'Signer', name: '={{ $json.name }}', email: '={{ $json.email }}', routingOrder: 0 }] },
		status: 'sent',
		...extra,
	});
}

const threeAccounts: INodeExecutionData[] = [
	{ json: { accountId: A.acmeEu, templateId: TEMPLATE_IDS.dataProcessing, name: 'Eva Euro', email: 'eva@acme.example' } },
	{ json: { accountId: A.globexAu, templateId: TEMPLATE_IDS.serviceOrder, name: 'Gus Globex', email: 'gus@globex.example' } },
	{ json: { accountId: A.acmeNa, templateId: TEMPLATE_IDS.mutualNda, name: 'Nora North', email: 'nora@acme.example' } },
];

const restCalls = () => sim.requestLog.filter((entry) => entry.path.includes('/restapi/'));

describe('Account parameter', () => {
	it('sends one envelope in each of three accounts on three sites from one node, one userinfo call in all', async () => {
		const result = await runOnSimulator([createFromTemplate()], { inputItems: threeAccounts });

		expect(result.error?.message).toBeUndefined();
		const output = result.outputOf('DocuSign');
		expect(output.map((item) => [item.json.accountId, item.json.status, item.pairedItem])).toEqual([
			[A.acmeEu, 'sent', { item: 0 }],
			[A.globexAu, 'sent', { item: 1 }],
			[A.acmeNa, 'sent', { item: 2 }],
		]);
		const creates = sim.requestLog.filter((entry) => entry.endpoint === 'POST envelopes');
		expect(creates.map((entry) => [entry.path, entry.status])).toEqual(
			expect.arrayContaining([
				[`/eu1/restapi/v2.1/accounts/${A.acmeEu}/envelopes`, 201],
				[`/au2/restapi/v2.1/accounts/${A.globexAu}/envelopes`, 201],
				[`/na3/restapi/v2.1/accounts/${A.acmeNa}/envelopes`, 201],
			]),
		);
		expect(creates).toHaveLength(3);
		// Each envelope lives in its account, sent by Alice.
		for (const item of output) {
			const envelope = sim.envelope(String(item.json.envelopeId));
			expect(envelope).toMatchObject({ accountId: item.json.accountId, senderUserId: SEED_IDS.users.alice, status: 'sent' });
		}
		expect(sim.counters()['GET /oauth/userinfo']).toBe(1);
		expect(sim.counters()['POST /oauth/token:jwt']).toBe(1);
		expect(restCalls().every((entry) => entry.status < 300)).toBe(true);
	});

	it('"From List" keeps the chosen account; Account → Get reports it with its base URI', async () => {
		const result = await runOnSimulator([
			simulatorNode('DocuSign', {
				resource: 'account',
				operation: 'get',
				accountSource: 'node',
				account: { __rl: true, mode: 'list', value: A.globexAu, cachedResultName: 'Globex Pty Ltd (au2)' },
			}),
		]);

		expect(result.error?.message).toBeUndefined();
		const [item] = result.outputOf('DocuSign');
		const globex = sim.seed.accounts.find((account) => account.accountId === A.globexAu)!;
		expect(item.json).toMatchObject({ accountId: A.globexAu, accountName: 'Globex Pty Ltd', baseUri: globex.baseUri, isDefault: false });
		expect(item.json.restBaseUrl).toBe(`${globex.baseUri}/restapi/v2.1/accounts/${A.globexAu}`);
	});

	it("\"Credential's Account\" (the default) keeps today's behaviour: the user's default account", async () => {
		const result = await runOnSimulator([simulatorNode('DocuSign', { resource: 'account', operation: 'get' })]);
		expect(result.outputOf('DocuSign')[0].json.accountId).toBe(A.acmeNa);
	});

	it("an account the user is not in fails before any envelope call and lists the user's accounts", async () => {
		const result = await runOnSimulator([createFromTemplate()], {
			inputItems: [{ json: { accountId: A.initechNa, templateId: TEMPLATE_IDS.mutualNda, name: 'N', email: 'n@example.com' } }],
		});

		expect(result.error?.message).toBe(
			`DocuSign user Alice Adams <alice@acme.example> (${SEED_IDS.users.alice}) is not a member of account ${A.initechNa}`,
		);
		expect(result.error?.description).toBe(
			`The user belongs to: "Acme Corp" (${A.acmeNa}, default); "Acme Europe GmbH" (${A.acmeEu}); "Globex Pty Ltd" (${A.globexAu}). ` +
				'Pick one of these in the node\'s Account parameter (From List), or set Account to "Credential\'s Account".',
		);
		expect(restCalls()).toEqual([]);
	});

	// A fixed value is checked by n8n itself (the mode's validation makes it a workflow issue); an
	// expression's value only at run time.
	it('an ID from an expression that is not a GUID fails before any DocuSign call, even before the token', async () => {
		const result = await runOnSimulator([simulatorNode('DocuSign', { resource: 'account', operation: 'get', ...byExpression })], {
			inputItems: [{ json: { accountId: '18394072' } }],
		});

		expect(result.error?.message).toBe('"18394072" is not a DocuSign API account ID');
		expect(result.error?.description).toMatch(/not the account number/);
		expect(sim.requestLog).toEqual([]);
	});

	it('"Pick an Account" with an expression that gives nothing says so', async () => {
		const result = await runOnSimulator([simulatorNode('DocuSign', { resource: 'account', operation: 'get', ...byExpression })], {
			inputItems: [{ json: {} }],
		});
		expect(result.error?.message).toBe('Choose the DocuSign account to work in');
		expect(sim.requestLog).toEqual([]);
	});

	it('with Continue On Fail only the item with a foreign account fails; the others are sent', async () => {
		const items = [threeAccounts[0], { json: { ...threeAccounts[1].json, accountId: A.initechNa } }, threeAccounts[2]];
		const node = { ...createFromTemplate(), continueOnFail: true };

		const result = await runOnSimulator([node], { inputItems: items });

		expect(result.error).toBeUndefined();
		const output = result.outputOf('DocuSign');
		expect(output.map((item) => [item.json.accountId ?? null, item.json.error ?? null, item.pairedItem])).toEqual([
			[A.acmeEu, null, { item: 0 }],
			[null, expect.stringContaining(`is not a member of account ${A.initechNa}`), { item: 1 }],
			[A.acmeNa, null, { item: 2 }],
		]);
		expect(sim.requestLog.filter((entry) => entry.endpoint === 'POST envelopes')).toHaveLength(2);
	});
});

describe('Account list (From List)', () => {
	it("lists the user's accounts from the cached userinfo: name, site, default mark, API account ID", async () => {
		const node = simulatorNode('DocuSign', { resource: 'account', operation: 'get', accountSource: 'node' });
		await runOnSimulator([simulatorNode('DocuSign', { resource: 'account', operation: 'getAll' })]);
		const context = await simulatorLoadOptionsContext(node, 'parameters.account');

		const all = await searchAccounts.call(context);
		const europe = await searchAccounts.call(context, ' EU1 ');

		const baseUri = (id: string) => sim.seed.accounts.find((account) => account.accountId === id)!.baseUri;
		expect(all.results).toEqual([
			{ name: 'Acme Corp (na3, default)', value: A.acmeNa, description: `API account ID ${A.acmeNa} · ${baseUri(A.acmeNa)}` },
			{ name: 'Acme Europe GmbH (eu1)', value: A.acmeEu, description: `API account ID ${A.acmeEu} · ${baseUri(A.acmeEu)}` },
			{ name: 'Globex Pty Ltd (au2)', value: A.globexAu, description: `API account ID ${A.globexAu} · ${baseUri(A.globexAu)}` },
		]);
		expect(europe.results.map((item) => item.value)).toEqual([A.acmeEu]);
		// The run before and both searches share one userinfo call.
		expect(sim.counters()['GET /oauth/userinfo']).toBe(1);
	});

	it("the node's other lists (here: templates) search the picked account", async () => {
		const node = (accountId: string) =>
			simulatorNode('DocuSign', {
				resource: 'envelope',
				operation: 'createFromTemplate',
				accountSource: 'node',
				account: { __rl: true, mode: 'list', value: accountId },
			});

		await runOnSimulator([simulatorNode('DocuSign', { resource: 'account', operation: 'getAll' })]);
		const europe = await searchTemplates.call(await simulatorLoadOptionsContext(node(A.acmeEu), 'parameters.templateId'));
		const globex = await searchTemplates.call(await simulatorLoadOptionsContext(node(A.globexAu), 'parameters.templateId'));

		expect(europe.results.map((item) => item.value)).toEqual([TEMPLATE_IDS.dataProcessing]);
		expect(globex.results.map((item) => item.value)).toEqual([TEMPLATE_IDS.serviceOrder]);
		expect(sim.requestLog.filter((entry) => entry.endpoint === 'GET templates').map((entry) => entry.path.split('/')[1])).toEqual(['eu1', 'au2']);
	});

	it("names each account's site after its base URI's host, or its first path segment on a bare host", () => {
		expect(siteOf('https://na3.docusign.net')).toBe('na3');
		expect(siteOf('https://eu.docusign.net/')).toBe('eu');
		expect(siteOf('https://demo.docusign.net')).toBe('demo');
		expect(siteOf('http://127.0.0.1:8089/au2')).toBe('au2');
		expect(siteOf('not a url')).toBe('not a url');
	});
});
