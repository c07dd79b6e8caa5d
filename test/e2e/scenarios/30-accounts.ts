/** A user in several accounts: listing them, choosing one, and asking for one the user is not in. */
import { SEED_IDS } from '../../simulator';
import { check, checkEqual, expectCounters, expectFailure, expectNoSecrets, expectSuccess } from '../lib/check';
import { nodeOutput, type CredentialFixture } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import { docuSignWorkflow, fixedId } from '../lib/workflows';

const A = SEED_IDS.accounts;
const WF_LIST = fixedId('wfAccList');
const WF_EU = fixedId('wfAccEu');
const WF_FOREIGN = fixedId('wfAccForeign');
const WF_SHARED = fixedId('wfAccShared');
const NODE = 'DocuSign';

export default defineScenario({
	name: 'Multi-account and not-a-member',
	fixtures({ sim, seed }) {
		const key = seed.integrationKeys.find((k) => k.integrationKey === SEED_IDS.integrationKey)!.privateKeyPkcs1;
		const alice = (id: string, name: string, accountId: string): CredentialFixture => ({
			id,
			name,
			type: 'docuSignJwtApi',
			data: {
				environment: 'custom',
				customAuthServer: sim.url,
				integrationKey: SEED_IDS.integrationKey,
				userId: SEED_IDS.users.alice,
				privateKey: key,
				accountId,
				scopes: 'signature impersonation',
				redirectUri: 'http://localhost/callback',
			},
		});
		const any = alice(fixedId('crAccAlice'), 'DocuSign JWT (Alice, default account)', '');
		const eu = alice(fixedId('crAccAliceEu'), 'DocuSign JWT (Alice, Acme Europe)', A.acmeEu);
		const foreign = alice(fixedId('crAccForeign'), 'DocuSign JWT (Alice, Initech)', A.initechNa);
		return {
			credentials: [any, eu, foreign],
			workflows: [
				docuSignWorkflow(WF_LIST, 'e2e accounts: list', [{ name: NODE, credential: any, parameters: { resource: 'account', operation: 'getAll' } }]),
				docuSignWorkflow(WF_EU, 'e2e accounts: chosen account', [{ name: NODE, credential: eu, parameters: { resource: 'account', operation: 'get' } }]),
				docuSignWorkflow(WF_FOREIGN, 'e2e accounts: not a member', [
					{ name: NODE, credential: foreign, parameters: { resource: 'account', operation: 'get' } },
				]),
				docuSignWorkflow(WF_SHARED, 'e2e accounts: two nodes, one connection', [
					{ name: 'Get', credential: any, parameters: { resource: 'account', operation: 'get' } },
					{ name: 'List', credential: any, parameters: { resource: 'account', operation: 'getAll' } },
				]),
			],
		};
	},
	cases: {
		"lists every account of the user, default first, each with its base URI": async ({ sim, seed, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_LIST);
			expectSuccess(e);
			const out = nodeOutput(e, NODE);
			const alice = seed.users.find((u) => u.userId === SEED_IDS.users.alice)!;
			checkEqual(out.length, alice.memberships.length, 'number of accounts');
			checkEqual(out[0].accountId, A.acmeNa, 'first account (the default)');
			checkEqual(out.map((o) => o.isDefault), [true, ...out.slice(1).map(() => false)], 'isDefault flags');
			checkEqual(
				out.map((o) => o.accountId).sort(),
				alice.memberships.map((m) => m.accountId).sort(),
				'account ids',
			);
			for (const o of out) {
				checkEqual(o.baseUri, seed.accounts.find((a) => a.accountId === o.accountId)!.baseUri, `baseUri of ${String(o.accountId)}`);
			}
			checkEqual(new Set(out.map((o) => o.baseUri)).size, out.length, 'distinct base URIs');
			expectCounters(await sim.since(mark), { 'GET /oauth/userinfo': 1 });
		},
		'a chosen non-default account comes with its own base URI': async ({ seed, execute }) => {
			const e = await execute(WF_EU);
			expectSuccess(e);
			const [out] = nodeOutput(e, NODE);
			const eu = seed.accounts.find((a) => a.accountId === A.acmeEu)!;
			checkEqual([out.accountId, out.baseUri, out.isDefault], [eu.accountId, eu.baseUri, false], 'account, base URI, isDefault');
			checkEqual(out.restBaseUrl, `${eu.baseUri}/restapi/v2.1/accounts/${eu.accountId}`, 'restBaseUrl');
		},
		"an account the user is not in fails and names the user's accounts": async ({ sim, seed, execute }) => {
			const mark = await sim.mark();
			const text = expectFailure(await execute(WF_FOREIGN));
			check(text.includes(A.initechNa), `error should name the asked account ${A.initechNa}; got:\n${text}`);
			const alice = seed.users.find((u) => u.userId === SEED_IDS.users.alice)!;
			for (const m of alice.memberships) {
				const account = seed.accounts.find((a) => a.accountId === m.accountId)!;
				check(
					text.includes(account.accountId) && text.includes(account.accountName),
					`error should name ${account.accountName} (${account.accountId}); got:\n${text}`,
				);
			}
			expectNoSecrets(text, [seed.integrationKeys.find((k) => k.integrationKey === SEED_IDS.integrationKey)!.privateKeyPkcs1]);
			const since = await sim.since(mark);
			const rest = since.log.filter((l) => l.path.includes('/restapi/'));
			checkEqual(rest.length, 0, 'eSignature REST calls before the error');
		},
		'two nodes on one connection share one userinfo call in a run': async ({ sim, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_SHARED);
			expectSuccess(e);
			checkEqual(nodeOutput(e, 'Get')[0].accountId, A.acmeNa, 'Get accountId');
			checkEqual(nodeOutput(e, 'List').length, 3, 'List item count');
			expectCounters(await sim.since(mark), { 'GET /oauth/userinfo': 1 });
		},
	},
});
