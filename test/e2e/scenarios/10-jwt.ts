/** JWT Grant credential: mint, reuse, re-mint after a 401, and the consent link when consent is missing. */
import { SEED_IDS } from '../../simulator';
import { check, checkEqual, expectCounters, expectFailure, expectNoSecrets, expectSuccess } from '../lib/check';
import { nodeOutput, type CredentialFixture } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import { docuSignWorkflow, fixedId } from '../lib/workflows';

const REDIRECT_URI = 'http://localhost/callback';
const WF_ALICE = fixedId('wfJwtAlice');
const WF_BOB = fixedId('wfJwtBob');
const NODE = 'DocuSign';

function jwtCredential(id: string, name: string, authServer: string, userId: string, privateKey: string): CredentialFixture {
	return {
		id,
		name,
		type: 'docuSignJwtApi',
		data: {
			environment: 'custom',
			customAuthServer: authServer,
			integrationKey: SEED_IDS.integrationKey,
			userId,
			privateKey,
			accountId: '',
			scopes: 'signature impersonation',
			redirectUri: REDIRECT_URI,
		},
	};
}

function decodeJwtPayload(assertion: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}

export default defineScenario({
	name: 'JWT Grant',
	fixtures({ sim, seed }) {
		const key = seed.integrationKeys.find((k) => k.integrationKey === SEED_IDS.integrationKey)!.privateKeyPkcs1;
		const alice = jwtCredential(fixedId('crJwtAlice'), 'DocuSign JWT (Alice)', sim.url, SEED_IDS.users.alice, key);
		const bob = jwtCredential(fixedId('crJwtBob'), 'DocuSign JWT (Bob, no consent)', sim.url, SEED_IDS.users.bob, key);
		return {
			credentials: [alice, bob],
			workflows: [
				docuSignWorkflow(WF_ALICE, 'e2e JWT: account of Alice', [
					{ name: NODE, credential: alice, parameters: { resource: 'account', operation: 'get' } },
				]),
				docuSignWorkflow(WF_BOB, 'e2e JWT: Bob without consent', [
					{ name: NODE, credential: bob, parameters: { resource: 'account', operation: 'get' } },
				]),
			],
		};
	},
	cases: {
		"mints a token and returns the user's default account": async ({ sim, seed, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_ALICE);
			expectSuccess(e);
			const [out] = nodeOutput(e, NODE);
			const acmeNa = seed.accounts.find((a) => a.accountId === SEED_IDS.accounts.acmeNa)!;
			checkEqual(out.accountId, acmeNa.accountId, 'accountId');
			checkEqual(out.baseUri, acmeNa.baseUri, 'baseUri');
			checkEqual(out.isDefault, true, 'isDefault');
			checkEqual(out.userId, SEED_IDS.users.alice, 'userId');
			const since = await sim.since(mark);
			expectCounters(since, { 'POST /oauth/token:jwt': 1, 'GET /oauth/userinfo': 1 });
			const grant = since.log.find((l) => l.endpoint === 'POST /oauth/token:jwt');
			const claims = decodeJwtPayload(String((grant?.body as Record<string, unknown>)?.assertion ?? ''));
			checkEqual(
				{ iss: claims.iss, sub: claims.sub, aud: claims.aud, scope: claims.scope },
				{ iss: SEED_IDS.integrationKey, sub: SEED_IDS.users.alice, aud: seed.audience, scope: 'signature impersonation' },
				'JWT assertion claims',
			);
			const key = seed.integrationKeys.find((k) => k.integrationKey === SEED_IDS.integrationKey)!;
			expectNoSecrets(e.stdout, [key.privateKeyPkcs1]);
		},
		'a second run reuses the token n8n stored with the credential': async ({ sim, execute }) => {
			const mark = await sim.mark();
			expectSuccess(await execute(WF_ALICE));
			expectCounters(await sim.since(mark), { 'POST /oauth/token:jwt': 0, 'GET /oauth/userinfo': 1 });
		},
		'an expired token is minted again after the 401': async ({ sim, execute }) => {
			// Only the JWT tokens: other scenarios' OAuth2 connections for Alice must stay valid.
			await sim.expireTokens({ userId: SEED_IDS.users.alice, grant: 'jwt' });
			const mark = await sim.mark();
			const e = await execute(WF_ALICE);
			expectSuccess(e);
			checkEqual(nodeOutput(e, NODE)[0].accountId, SEED_IDS.accounts.acmeNa, 'accountId');
			const since = await sim.since(mark);
			expectCounters(since, { 'POST /oauth/token:jwt': 1, 'GET /oauth/userinfo': 2 });
			checkEqual(
				since.log.filter((l) => l.endpoint === 'GET /oauth/userinfo').map((l) => l.status),
				[401, 200],
				'userinfo statuses',
			);
		},
		'without consent the error carries the consent URL': async ({ sim, seed, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_BOB);
			const text = expectFailure(e);
			const consentUrl =
				`${sim.url}/oauth/auth?response_type=code&scope=signature%20impersonation` +
				`&client_id=${SEED_IDS.integrationKey}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`;
			check(text.includes(consentUrl), `error should contain the consent URL ${consentUrl}; got:\n${text}`);
			const key = seed.integrationKeys.find((k) => k.integrationKey === SEED_IDS.integrationKey)!;
			expectNoSecrets(e.stdout + e.stderr, [key.privateKeyPkcs1]);
			const since = await sim.since(mark);
			expectCounters(since, { 'POST /oauth/token:jwt': 1, 'GET /oauth/userinfo': 0 });
		},
	},
});
