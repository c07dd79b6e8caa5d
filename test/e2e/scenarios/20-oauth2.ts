/**
 * OAuth2 (Authorization Code Grant), two customers on one integration key: n8n refreshes each
 * connection through the simulator, persists the rotated tokens, and each node works in its own account.
 */
import { CLIENT_SECRETS, SEED_IDS } from '../../simulator';
import { check, checkEqual, expectCounters, expectNoSecrets, expectSuccess } from '../lib/check';
import { nodeOutput, type CredentialFixture } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import type { SimClient } from '../lib/sim';
import { docuSignWorkflow, fixedId, oauth2Connection } from '../lib/workflows';

const IK = SEED_IDS.integrationKey;
const WF = fixedId('wfOauthTwo');
const NODE_A = 'Customer A';
const NODE_B = 'Customer B';
const CRED_A = fixedId('crOauthAlice');
const CRED_B = fixedId('crOauthCarol');

/** What the fixtures handed to n8n, to tell n8n's own tokens from them later. */
const issued: Record<string, { access_token: string; refresh_token: string }> = {};

async function connection(sim: SimClient, id: string, name: string, userId: string, accessToken?: string): Promise<CredentialFixture> {
	// Alice's connection starts with a token the simulator never issued, Carol's with a real one
	// that expires (through the control API) just before the run: both must end in a refresh.
	const { credential, issued: tokens } = await oauth2Connection(sim, { id, name, userId, accessToken });
	issued[id] = tokens;
	return credential;
}

export default defineScenario({
	name: 'OAuth2 refresh, two connections',
	async fixtures({ sim }) {
		const alice = await connection(sim, CRED_A, 'DocuSign (customer A: Alice)', SEED_IDS.users.alice, 'e2e-unknown-access-token');
		const carol = await connection(sim, CRED_B, 'DocuSign (customer B: Carol)', SEED_IDS.users.carol);
		return {
			credentials: [alice, carol],
			workflows: [
				docuSignWorkflow(WF, 'e2e OAuth2: two customers', [
					{ name: NODE_A, credential: alice, parameters: { resource: 'account', operation: 'get' } },
					{ name: NODE_B, credential: carol, parameters: { resource: 'account', operation: 'get' } },
				]),
			],
		};
	},
	cases: {
		'refreshes each connection and returns its own account': async ({ sim, seed, execute }) => {
			await sim.expireTokens({ accessToken: issued[CRED_B].access_token });
			const mark = await sim.mark();
			const e = await execute(WF);
			expectSuccess(e);
			const expected = [
				[NODE_A, SEED_IDS.users.alice, SEED_IDS.accounts.acmeNa],
				[NODE_B, SEED_IDS.users.carol, SEED_IDS.accounts.globexAu],
			] as const;
			for (const [node, userId, accountId] of expected) {
				const out = nodeOutput(e, node);
				checkEqual(out.length, 1, `${node} item count`);
				checkEqual(out[0].userId, userId, `${node} userId`);
				checkEqual(out[0].accountId, accountId, `${node} accountId`);
				checkEqual(out[0].baseUri, seed.accounts.find((a) => a.accountId === accountId)!.baseUri, `${node} baseUri`);
			}
			const since = await sim.since(mark);
			expectCounters(since, { 'POST /oauth/token:refresh_token': 2, 'GET /oauth/userinfo': 4, 'POST /oauth/token:jwt': 0 });
			const refreshes = since.log.filter((l) => l.endpoint === 'POST /oauth/token:refresh_token');
			const sent = refreshes.map((l) => String((l.body as Record<string, unknown>)?.refresh_token)).sort();
			checkEqual(sent, [issued[CRED_A].refresh_token, issued[CRED_B].refresh_token].sort(), 'refresh tokens n8n sent');
			check(
				refreshes.every((l) => /^Basic /i.test(String(l.headers.authorization ?? '')) && l.status === 200),
				'each refresh authenticates the integration key with Basic auth and succeeds',
			);
			const userinfo = since.log.filter((l) => l.endpoint === 'GET /oauth/userinfo').map((l) => l.status);
			checkEqual(userinfo.filter((s) => s === 401).length, 2, 'userinfo 401s (one per stale token)');
			expectNoSecrets(e.stdout, [CLIENT_SECRETS[IK], issued[CRED_A].refresh_token, issued[CRED_B].refresh_token]);
		},
		"n8n's database holds the rotated tokens": async ({ n8n }) => {
			const stored = await n8n.exportCredentials();
			for (const id of [CRED_A, CRED_B]) {
				const credential = stored.find((c) => c.id === id);
				check(credential, `credential ${id} missing from n8n export:credentials`);
				const tokens = credential.data.oauthTokenData as Record<string, unknown> | undefined;
				check(tokens?.access_token && tokens.refresh_token, `credential ${id} has no oauthTokenData`);
				check(tokens.access_token !== issued[id].access_token, `credential ${id} still holds the stale access token`);
				check(tokens.refresh_token !== issued[id].refresh_token, `credential ${id} still holds the used (rotated-away) refresh token`);
			}
		},
		'the next run uses the stored tokens without refreshing': async ({ sim, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF);
			expectSuccess(e);
			checkEqual(nodeOutput(e, NODE_A)[0].accountId, SEED_IDS.accounts.acmeNa, `${NODE_A} accountId`);
			checkEqual(nodeOutput(e, NODE_B)[0].accountId, SEED_IDS.accounts.globexAu, `${NODE_B} accountId`);
			const since = await sim.since(mark);
			expectCounters(since, { 'POST /oauth/token:refresh_token': 0, 'GET /oauth/userinfo': 2 });
		},
	},
});
