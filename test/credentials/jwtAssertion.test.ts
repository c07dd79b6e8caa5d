import { importSPKI, jwtVerify, decodeProtectedHeader } from 'jose';

import { buildJwtAssertion, consentUrl, readJwtGrantSettings } from '../../credentials/common/jwtGrant';
import { normalizePem, parseRsaPrivateKey } from '../../credentials/common/privateKey';
import { keyFragments, makeKeyPair } from '../helpers/keys';

const INTEGRATION_KEY = '11111111-2222-3333-4444-555555555555';
const USER_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const keys = makeKeyPair();

function settingsFor(environment: string, extra: Record<string, string> = {}) {
	return readJwtGrantSettings({
		environment,
		integrationKey: INTEGRATION_KEY,
		userId: USER_ID,
		scopes: 'signature impersonation',
		redirectUri: 'https://app.example.com/callback',
		...extra,
	});
}

async function verify(assertion: string, audience: string) {
	const publicKey = await importSPKI(keys.publicPem, 'RS256');
	return await jwtVerify(assertion, publicKey, { issuer: INTEGRATION_KEY, subject: USER_ID, audience });
}

describe('JWT assertion, verified independently with jose', () => {
	it.each([
		['PKCS#1', keys.pkcs1Pem],
		['PKCS#8', keys.pkcs8Pem],
	])('signs a %s key with RS256 and DocuSign\'s claims', async (_format, pem) => {
		const before = Math.floor(Date.now() / 1000);
		const assertion = buildJwtAssertion(settingsFor('developer'), pem);
		expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'RS256', typ: 'JWT' });
		const { payload } = await verify(assertion, 'account-d.docusign.com');
		expect(payload.scope).toBe('signature impersonation');
		expect(payload.iat).toBeGreaterThanOrEqual(before);
		expect(payload.iat).toBeLessThanOrEqual(before + 5);
		expect(payload.exp! - payload.iat!).toBe(3600);
	});

	it('uses the production and custom auth hosts, without scheme, as audience', async () => {
		await expect(verify(buildJwtAssertion(settingsFor('production'), keys.pkcs1Pem), 'account.docusign.com')).resolves.toBeTruthy();
		const custom = settingsFor('custom', { customAuthServer: 'http://127.0.0.1:8089/' });
		expect(custom.authServer).toBe('http://127.0.0.1:8089');
		await expect(verify(buildJwtAssertion(custom, keys.pkcs1Pem), '127.0.0.1:8089')).resolves.toBeTruthy();
	});

	it.each([
		['literal \\n line breaks', keys.pkcs1Pem.trim().replace(/\n/g, '\\n')],
		['lines joined by spaces', keys.pkcs1Pem.trim().replace(/\n/g, ' ')],
		['CRLF line breaks and quotes', `"${keys.pkcs8Pem.replace(/\n/g, '\r\n')}"`],
		['the body without BEGIN/END lines', keys.pkcs1Pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('')],
		['a PKCS#8 body without BEGIN/END lines', keys.pkcs8Pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('\n')],
	])('accepts a key pasted with %s', async (_how, pasted) => {
		const assertion = buildJwtAssertion(settingsFor('developer'), pasted);
		await expect(verify(assertion, 'account-d.docusign.com')).resolves.toBeTruthy();
	});

	it('rebuilds a mangled PEM into 64-character lines', () => {
		const pem = normalizePem(keys.pkcs1Pem.trim().replace(/\n/g, ' '));
		expect(pem.startsWith('-----BEGIN RSA PRIVATE KEY-----\n')).toBe(true);
		expect(pem.split('\n').slice(1, -3).every((line) => line.length === 64)).toBe(true);
	});
});

describe('unusable keys say what is wrong, never what the key is', () => {
	const body = keys.pkcs1Pem.split('\n').filter((l) => l && !l.startsWith('-----'));
	const small = makeKeyPair(1024);
	const cases: Array<[string, string, RegExp]> = [
		['an empty field', '   ', /the field is empty/],
		['a public key', keys.publicPem, /public key, not a private key/],
		['a key with a damaged body', keys.pkcs1Pem.replace(body[3], body[3].slice(0, 30)), /does not decode to a private key/],
		['a missing END line', keys.pkcs1Pem.replace('-----END RSA PRIVATE KEY-----', ''), /no matching "-----END/],
		['text that is not a key', 'my secret password!', /not base64/],
		['an encrypted key', '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----', /encrypted with a passphrase/],
		['a 1024-bit key', small.pkcs1Pem, /1024 bits/],
	];
	it.each(cases)('%s', (_name, pasted, expected) => {
		let message = '';
		try {
			parseRsaPrivateKey(pasted);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(expected);
		expect(message).toMatch(/^The RSA private key in the DocuSign JWT credential is not usable/);
		for (const fragment of [...keyFragments(pasted), ...keyFragments(keys.pkcs1Pem)]) {
			expect(message).not.toContain(fragment);
		}
	});
});

describe('JWT credential fields', () => {
	it('rejects a user ID that is not a GUID before anything is signed', () => {
		expect(() => settingsFor('developer', { userId: 'jane@example.com' })).toThrow(/user ID .* is not a GUID/);
	});

	it('rejects an integration key that is not a GUID', () => {
		expect(() => settingsFor('developer', { integrationKey: 'my-app' })).toThrow(/integration key .* is not a GUID/);
	});

	it('rejects a custom environment without an auth server URL', () => {
		expect(() => settingsFor('custom', { customAuthServer: '' })).toThrow(/Auth Server URL/);
	});

	it('builds the consent URL for this key, environment, scopes and redirect URI', () => {
		expect(consentUrl(settingsFor('developer'))).toBe(
			`https://account-d.docusign.com/oauth/auth?response_type=code&scope=signature%20impersonation&client_id=${INTEGRATION_KEY}&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback`,
		);
	});
});
