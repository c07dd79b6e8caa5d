import { CLIENT_SECRETS, SEED_IDS, startSimulator, type Simulator } from './index';
import { JWT_GRANT, assertion, bearer, http, jwtToken, postToken } from './testHelpers';
import { generateKeyPairSync } from 'node:crypto';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const IK = SEED_IDS.integrationKey;
const basic = (ik = IK) => Buffer.from(`${ik}:${CLIENT_SECRETS[ik]}`).toString('base64');
const jwtError = async (claims: Parameters<typeof assertion>[1], key?: string) =>
	(await postToken(sim, { grant_type: JWT_GRANT, assertion: await assertion(sim, claims, key) })).data;

describe('JWT Grant', () => {
	it('mints a 1 h token for a consented user and counts the call', async () => {
		const res = await postToken(sim, { grant_type: JWT_GRANT, assertion: await assertion(sim) });
		expect(res.status).toBe(200);
		expect(res.data).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
		expect(res.data.refresh_token).toBeUndefined();
		expect(sim.counters()['POST /oauth/token:jwt']).toBe(1);
	});

	it('answers consent_required before consent, and works after /__sim/consent', async () => {
		const bob = SEED_IDS.users.bob;
		const before = await postToken(sim, { grant_type: JWT_GRANT, assertion: await assertion(sim, { sub: bob }) });
		expect(before.status).toBe(400);
		expect(before.data).toEqual({ error: 'consent_required' });
		const consent = await http.post(`${sim.url}/__sim/consent`, { integrationKey: IK, userId: bob });
		expect(consent.status).toBe(200);
		await expect(jwtToken(sim, bob)).resolves.toEqual(expect.any(String));
	});

	it('rejects like DocuSign: unknown IK, foreign key, unknown user, wrong aud, long exp, scope', async () => {
		const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const now = Math.floor(Date.now() / 1000);
		expect(await jwtError({ iss: '00000000-0000-4000-8000-000000000000' })).toEqual({ error: 'invalid_grant', error_description: 'issuer_not_found' });
		expect(await jwtError({}, foreign)).toEqual({ error: 'invalid_grant', error_description: 'no_valid_keys_or_signatures' });
		expect(await jwtError({ sub: '00000000-0000-4000-8000-000000000001' })).toMatchObject({ error: 'invalid_grant', error_description: 'user_not_found' });
		expect(await jwtError({ aud: sim.url })).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('invalid_audience') });
		expect(await jwtError({ aud: 'account-d.docusign.com' })).toMatchObject({ error: 'invalid_grant' });
		expect(await jwtError({ iat: now, exp: now + 7200 })).toMatchObject({ error: 'invalid_grant', error_description: 'expired_or_invalid_exp' });
		expect(await jwtError({ iat: now - 4000, exp: now - 400 })).toMatchObject({ error: 'invalid_grant' });
		expect(await jwtError({ scope: 'signature' })).toMatchObject({ error: 'invalid_scope' });
	});

	it('accepts an assertion signed with the PKCS#1 key as well', async () => {
		const { createPrivateKey } = await import('node:crypto');
		const pkcs8 = createPrivateKey(sim.seed.integrationKeys[0].privateKeyPkcs1).export({ type: 'pkcs8', format: 'pem' }).toString();
		const res = await postToken(sim, { grant_type: JWT_GRANT, assertion: await assertion(sim, {}, pkcs8) });
		expect(res.status).toBe(200);
	});
});

describe('Authorization Code Grant', () => {
	const redirect = 'http://localhost:5678/rest/oauth2-credential/callback';

	async function code(scope = 'signature extended', extra = ''): Promise<string> {
		const res = await http.get(`${sim.url}/oauth/auth?response_type=code&scope=${encodeURIComponent(scope)}&client_id=${IK}&redirect_uri=${encodeURIComponent(redirect)}&state=xyz&auto_approve=true${extra}`);
		expect(res.status).toBe(302);
		const location = new URL(res.headers.location);
		expect(`${location.origin}${location.pathname}`).toBe(redirect);
		expect(location.searchParams.get('state')).toBe('xyz');
		return location.searchParams.get('code')!;
	}

	it('shows a consent page without auto_approve, and rejects unknown clients', async () => {
		const page = await http.get(`${sim.url}/oauth/auth?response_type=code&client_id=${IK}&redirect_uri=${encodeURIComponent(redirect)}`);
		expect(page.status).toBe(200);
		expect(page.data).toContain('Alice Adams');
		const bad = await http.get(`${sim.url}/oauth/auth?response_type=code&client_id=nope&redirect_uri=${encodeURIComponent(redirect)}`);
		expect(bad.status).toBe(400);
	});

	it('exchanges the code, rotates refresh tokens, and honours expires_in', async () => {
		sim.config.tokens.authorizationCodeExpiresIn = 1;
		const first = await postToken(sim, { grant_type: 'authorization_code', code: await code(), redirect_uri: redirect }, basic());
		expect(first.status).toBe(200);
		expect(first.data).toMatchObject({ token_type: 'Bearer', expires_in: 1, refresh_token: expect.any(String) });
		expect((await http.get(`${sim.url}/oauth/userinfo`, bearer(first.data.access_token))).status).toBe(200);
		await new Promise((r) => setTimeout(r, 1100));
		const expired = await http.get(`${sim.url}/oauth/userinfo`, bearer(first.data.access_token));
		expect(expired.status).toBe(401);

		const refreshed = await postToken(sim, { grant_type: 'refresh_token', refresh_token: first.data.refresh_token }, basic());
		expect(refreshed.status).toBe(200);
		expect(refreshed.data.refresh_token).not.toBe(first.data.refresh_token);
		const reused = await postToken(sim, { grant_type: 'refresh_token', refresh_token: first.data.refresh_token }, basic());
		expect(reused.status).toBe(400);
		expect(reused.data).toEqual({ error: 'invalid_grant' });
		expect(sim.counters()).toMatchObject({ 'POST /oauth/token:authorization_code': 1, 'POST /oauth/token:refresh_token': 2, 'GET /oauth/auth': 1 });
	});

	it('wants Basic client authentication and a single-use code', async () => {
		const c = await code();
		expect((await postToken(sim, { grant_type: 'authorization_code', code: c })).data.error).toBe('invalid_client');
		expect((await postToken(sim, { grant_type: 'authorization_code', code: c }, basic())).status).toBe(200);
		expect((await postToken(sim, { grant_type: 'authorization_code', code: c }, basic())).data).toEqual({ error: 'invalid_grant' });
	});

	it('records JWT consent when the consent URL asks for impersonation', async () => {
		const bob = SEED_IDS.users.bob;
		await code('signature extended', `&sim_user=${bob}`);
		await expect(jwtToken(sim, bob)).rejects.toThrow('consent_required');
		await code('signature impersonation', `&sim_user=${bob}`);
		await expect(jwtToken(sim, bob)).resolves.toEqual(expect.any(String));
	});
});

describe('userinfo', () => {
	it("lists the user's accounts with base URIs on different sites", async () => {
		const res = await http.get(`${sim.url}/oauth/userinfo`, bearer(await jwtToken(sim)));
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ sub: SEED_IDS.users.alice, name: 'Alice Adams', given_name: 'Alice', family_name: 'Adams', email: 'alice@acme.example' });
		expect(res.data.accounts).toHaveLength(3);
		expect(res.data.accounts[0]).toMatchObject({ account_id: SEED_IDS.accounts.acmeNa, is_default: true, account_name: 'Acme Corp', base_uri: `${sim.url}/na3` });
		expect(new Set(res.data.accounts.map((a: { base_uri: string }) => a.base_uri)).size).toBe(3);
		expect(sim.counters()['GET /oauth/userinfo']).toBe(1);
	});

	it('answers 401 to unknown and expired tokens', async () => {
		expect((await http.get(`${sim.url}/oauth/userinfo`, bearer('nope'))).status).toBe(401);
		const token = await jwtToken(sim);
		expect(sim.expireTokens({ accessToken: token })).toBe(1);
		expect((await http.get(`${sim.url}/oauth/userinfo`, bearer(token))).status).toBe(401);
	});
});
