/** Shared by the simulator's own jest files: an HTTP client that never throws on status, tokens. */
import axios, { type AxiosInstance } from 'axios';
import { loadJose, SEED_IDS, startSimulator, type Simulator, type SimulatorOptions } from './index';

export const http: AxiosInstance = axios.create({ validateStatus: () => true, maxRedirects: 0, proxy: false });

export const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface AssertionClaims {
	iss?: string;
	sub?: string;
	aud?: string;
	scope?: string;
	iat?: number;
	exp?: number;
}

/** A JWT Grant assertion signed with jose (RS256), from the IK's PKCS#8 key unless one is given. */
export async function assertion(sim: Simulator, claims: AssertionClaims = {}, privateKeyPkcs8?: string): Promise<string> {
	const jose = loadJose();
	const ik = sim.seed.integrationKeys.find((k) => k.integrationKey === (claims.iss ?? SEED_IDS.integrationKey));
	const key = await jose.importPKCS8(privateKeyPkcs8 ?? ik?.privateKeyPkcs8 ?? sim.seed.integrationKeys[0].privateKeyPkcs8, 'RS256');
	const now = Math.floor(Date.now() / 1000);
	return new jose.SignJWT({ scope: claims.scope ?? 'signature impersonation' })
		.setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
		.setIssuer(claims.iss ?? SEED_IDS.integrationKey)
		.setSubject(claims.sub ?? SEED_IDS.users.alice)
		.setAudience(claims.aud ?? sim.seed.audience)
		.setIssuedAt(claims.iat ?? now)
		.setExpirationTime(claims.exp ?? now + 3600)
		.sign(key);
}

export function postToken(sim: Simulator, form: Record<string, string>, basic?: string) {
	return http.post(`${sim.url}/oauth/token`, new URLSearchParams(form).toString(), {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(basic ? { Authorization: `Basic ${basic}` } : {}) },
	});
}

/** An access token for the user through the JWT Grant. */
export async function jwtToken(sim: Simulator, userId: string = SEED_IDS.users.alice): Promise<string> {
	const res = await postToken(sim, { grant_type: JWT_GRANT, assertion: await assertion(sim, { sub: userId }) });
	if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.data)}`);
	return res.data.access_token;
}

export const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

/** A small valid PDF whose bytes include every byte value, to catch any re-encoding. */
export function samplePdf(label = 'sample'): Buffer {
	const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
	return Buffer.concat([Buffer.from(`%PDF-1.4\n% ${label}\n`), all, Buffer.from('\n%%EOF\n')]);
}

export function envelopeDefinition(extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		emailSubject: 'Please sign the NDA',
		status: 'sent',
		documents: [{ documentId: '1', name: 'NDA.pdf', fileExtension: 'pdf', documentBase64: samplePdf().toString('base64') }],
		recipients: {
			signers: [
				{ email: 'signer.one@example.com', name: 'Signer One', recipientId: '1', routingOrder: '1',
					tabs: { signHereTabs: [{ anchorString: '/sn1/', anchorUnits: 'pixels', anchorXOffset: '10' }] } },
				{ email: 'signer.two@example.com', name: 'Signer Two', recipientId: '2', routingOrder: '2' },
			],
			carbonCopies: [{ email: 'cc@example.com', name: 'Carbon Copy', recipientId: '3', routingOrder: '3' }],
		},
		customFields: { textCustomFields: [{ name: 'orderId', value: 'A-1001', show: 'false' }] },
		...extra,
	};
}

/** What a simulator test file works with: the simulator, Alice's JWT token and Acme Corp's REST base. */
export interface SimulatorSession {
	sim: Simulator;
	token: string;
	base: string;
}

/**
 * One simulator for the file, reset before each test with a fresh token: `bind` receives the
 * session before every test (assign it to the file's own variables).
 */
export function useSimulatorSession(bind: (session: SimulatorSession) => void, options?: SimulatorOptions): void {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator(options);
	});
	afterAll(() => sim.close());
	beforeEach(async () => {
		sim.reset();
		bind({ sim, token: await jwtToken(sim), base: sim.restBase(SEED_IDS.accounts.acmeNa) });
	});
}
