/**
 * One OAuth2 connection, three accounts on three sites: Alice (Acme Corp on na3 — her default —,
 * Acme Europe on eu1, Globex on au2) sends one envelope in each account from one workflow through
 * the node's Account parameter, each at its account's own base URI, with one userinfo call in all.
 */
import { CLIENT_SECRETS, SEED_IDS, TEMPLATE_IDS } from '../../simulator';
import { check, checkEqual, expectCounters, expectFailure, expectNoSecrets, expectSuccess } from '../lib/check';
import { nodeOutput } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import { docuSignWorkflow, fixedId, oauth2Connection } from '../lib/workflows';

const IK = SEED_IDS.integrationKey;
const A = SEED_IDS.accounts;
const WF_THREE = fixedId('wfAcctParamThree');
const WF_FOREIGN = fixedId('wfAcctParamOut');
const CRED = fixedId('crAcctParamAlice');

/** Node name, account, its template and site, as the editor's "From List" saves the choice. */
const SENDS = [
	{ node: 'Send in Acme Corp', accountId: A.acmeNa, templateId: TEMPLATE_IDS.mutualNda, site: 'na3', label: 'Acme Corp (na3, default)' },
	{ node: 'Send in Acme Europe', accountId: A.acmeEu, templateId: TEMPLATE_IDS.dataProcessing, site: 'eu1', label: 'Acme Europe GmbH (eu1)' },
	{ node: 'Send in Globex', accountId: A.globexAu, templateId: TEMPLATE_IDS.serviceOrder, site: 'au2', label: 'Globex Pty Ltd (au2)' },
] as const;

const accountChoice = (accountId: string, label: string) => ({
	accountSource: 'node',
	account: { __rl: true, mode: 'list', value: accountId, cachedResultName: label },
});

let refreshToken = '';

export default defineScenario({
	name: 'Account parameter: one OAuth2 connection, three accounts',
	async fixtures({ sim }) {
		const connection = await oauth2Connection(sim, { id: CRED, name: 'DocuSign (Alice, one connection)', userId: SEED_IDS.users.alice });
		refreshToken = connection.issued.refresh_token;
		const alice = connection.credential;
		return {
			credentials: [alice],
			workflows: [
				docuSignWorkflow(
					WF_THREE,
					'e2e Account parameter: three accounts',
					SENDS.map((send) => ({
						name: send.node,
						credential: alice,
						parameters: {
							resource: 'envelope',
							operation: 'createFromTemplate',
							...accountChoice(send.accountId, send.label),
							templateId: { __rl: true, mode: 'id', value: send.templateId },
							templateRoles: {
								role: [{ roleName: 'Signer', name: 'Sam Signer', email: `sam+${send.site}@example.com`, routingOrder: 0 }],
							},
							status: 'sent',
						},
					})),
				),
				docuSignWorkflow(WF_FOREIGN, 'e2e Account parameter: not a member', [
					{
						name: 'Send in Initech',
						credential: alice,
						parameters: {
							resource: 'envelope',
							operation: 'createFromTemplate',
							...accountChoice(A.initechNa, 'Initech'),
							templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
							templateRoles: { role: [{ roleName: 'Signer', name: 'Sam Signer', email: 'sam@example.com', routingOrder: 0 }] },
							status: 'sent',
						},
					},
				]),
			],
		};
	},
	cases: {
		'one workflow sends one envelope in each of three accounts, each at its base URI, with one userinfo call': async ({ sim, seed, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_THREE);
			expectSuccess(e);
			const since = await sim.since(mark);
			for (const send of SENDS) {
				const out = nodeOutput(e, send.node);
				checkEqual(out.length, 1, `${send.node} item count`);
				checkEqual([out[0].accountId, out[0].status], [send.accountId, 'sent'], `${send.node} account and status`);
				const envelope = await sim.envelope(String(out[0].envelopeId));
				checkEqual([envelope.accountId, envelope.templateId, envelope.status], [send.accountId, send.templateId, 'sent'], `${send.node}: the simulator's envelope`);
				const baseUri = seed.accounts.find((account) => account.accountId === send.accountId)!.baseUri;
				const creates = since.log.filter((l) => l.endpoint === 'POST envelopes' && l.path === `/${send.site}/restapi/v2.1/accounts/${send.accountId}/envelopes`);
				checkEqual(creates.map((l) => l.status), [201], `${send.node}: POST /envelopes at ${baseUri}`);
			}
			expectCounters(since, { 'GET /oauth/userinfo': 1, 'POST envelopes': 3, 'POST /oauth/token:refresh_token': 0 });
			const wrongSite = since.log.filter((l) => l.path.includes('/restapi/') && l.status >= 300);
			checkEqual(wrongSite.length, 0, 'refused eSignature calls (a wrong base URI would be USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT)');
		},
		"an account the user is not in fails before any envelope call, naming the user's accounts": async ({ sim, seed, execute }) => {
			const mark = await sim.mark();
			const text = expectFailure(await execute(WF_FOREIGN));
			check(text.includes(`is not a member of account ${A.initechNa}`), `error should name the asked account; got:\n${text}`);
			for (const send of SENDS) {
				const account = seed.accounts.find((a) => a.accountId === send.accountId)!;
				check(text.includes(account.accountId) && text.includes(account.accountName), `error should name ${account.accountName}; got:\n${text}`);
			}
			check(text.includes("node's Account parameter"), `error should point at the Account parameter; got:\n${text}`);
			expectNoSecrets(text, [CLIENT_SECRETS[IK], refreshToken]);
			const since = await sim.since(mark);
			checkEqual(since.log.filter((l) => l.path.includes('/restapi/')).length, 0, 'eSignature REST calls before the error');
		},
	},
});
