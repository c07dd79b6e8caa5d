/**
 * What `npm run dev` runs against: the local DocuSign simulator (default), or a real DocuSign account
 * when DOCUSIGN_* variables are set. Also the fixed dev login, ports and folders.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CredentialFixture } from '../e2e/lib/n8n';
import { fixedId } from '../e2e/lib/workflows';

// Compiled to test/dev/.build/test/dev/config.js.
export const REPO = resolve(__dirname, '..', '..', '..', '..', '..');
/** The dev n8n user folder (git-ignored): n8n keeps `.n8n/` (database, encryption key, package) in it. */
export const DEV_DIR = join(REPO, '.n8n-dev');

export const OWNER = {
	email: 'dev@example.com',
	password: 'DocuSign-dev-1',
	firstName: 'Dev',
	lastName: 'Owner',
};

function port(name: string, fallback: number): number {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name}=${process.env[name]} is not a port`);
	return value;
}

export const N8N_PORT = port('N8N_PORT', 5678);
export const SIM_PORT = port('DOCUSIGN_SIM_PORT', 8089);
/**
 * The editor's address. `localhost` rather than 127.0.0.1 because the OAuth2 redirect URI derives from
 * it and `http://localhost:5678/rest/oauth2-credential/callback` is what DocuSign accepts over plain
 * http (and what n8n's docs tell people to register). n8n itself listens on 127.0.0.1 only.
 */
export const EDITOR_URL = `http://localhost:${N8N_PORT}`;
export const OAUTH_CALLBACK = `${EDITOR_URL}/rest/oauth2-credential/callback`;

export const CREDENTIAL_IDS = {
	simJwt: fixedId('devSimJwt'),
	simOAuth2: fixedId('devSimOAuth2'),
	realJwt: fixedId('devRealJwt'),
	realOAuth2: fixedId('devRealOAuth2'),
};

export interface RealAccount {
	environment: 'developer' | 'production';
	integrationKey: string;
	userId: string;
	privateKeyFile: string;
	privateKey: string;
	accountId: string;
	clientSecret?: string;
	redirectUri: string;
	signerName: string;
	signerEmail: string;
}

/** A real DocuSign account from DOCUSIGN_* variables, or undefined when none is set (simulator mode). */
export function realAccountFromEnv(env = process.env): RealAccount | undefined {
	const names = ['DOCUSIGN_INTEGRATION_KEY', 'DOCUSIGN_USER_ID', 'DOCUSIGN_PRIVATE_KEY_FILE'];
	const set = names.filter((n) => env[n]);
	if (!set.length) return undefined;
	const missing = names.filter((n) => !env[n]);
	if (missing.length) throw new Error(`${set.join(', ')} set but ${missing.join(', ')} missing: set all three (or none, for the simulator)`);
	const environment = (env.DOCUSIGN_ENVIRONMENT ?? 'developer').toLowerCase();
	if (environment !== 'developer' && environment !== 'production') {
		throw new Error(`DOCUSIGN_ENVIRONMENT=${env.DOCUSIGN_ENVIRONMENT}: use developer or production`);
	}
	const privateKeyFile = resolve(env.DOCUSIGN_PRIVATE_KEY_FILE!);
	let privateKey: string;
	try {
		privateKey = readFileSync(privateKeyFile, 'utf8');
	} catch (error) {
		throw new Error(`DOCUSIGN_PRIVATE_KEY_FILE: cannot read ${privateKeyFile} (${(error as Error).message})`);
	}
	if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) {
		throw new Error(`DOCUSIGN_PRIVATE_KEY_FILE: ${privateKeyFile} holds no PEM private key (-----BEGIN RSA PRIVATE KEY-----)`);
	}
	return {
		environment,
		integrationKey: env.DOCUSIGN_INTEGRATION_KEY!.trim(),
		userId: env.DOCUSIGN_USER_ID!.trim(),
		privateKeyFile,
		privateKey,
		accountId: (env.DOCUSIGN_ACCOUNT_ID ?? '').trim(),
		clientSecret: env.DOCUSIGN_CLIENT_SECRET?.trim() || undefined,
		redirectUri: env.DOCUSIGN_REDIRECT_URI?.trim() || OAUTH_CALLBACK,
		signerName: env.DOCUSIGN_SIGNER_NAME?.trim() || 'Test Signer',
		signerEmail: env.DOCUSIGN_SIGNER_EMAIL?.trim() || 'signer@example.com',
	};
}

export const AUTH_HOSTS = { developer: 'account-d.docusign.com', production: 'account.docusign.com' };

/** The credentials for a real account: JWT always, OAuth2 when a client secret is given (connected in the editor). */
export function realCredentials(a: RealAccount): CredentialFixture[] {
	const label = a.environment === 'developer' ? 'developer account' : 'production';
	const credentials: CredentialFixture[] = [
		{
			id: CREDENTIAL_IDS.realJwt,
			name: `DocuSign JWT (${label})`,
			type: 'docuSignJwtApi',
			data: {
				environment: a.environment,
				integrationKey: a.integrationKey,
				userId: a.userId,
				privateKey: a.privateKey,
				accountId: a.accountId,
				scopes: 'signature impersonation',
				redirectUri: a.redirectUri,
			},
		},
	];
	if (a.clientSecret) {
		credentials.push({
			id: CREDENTIAL_IDS.realOAuth2,
			name: `DocuSign OAuth2 (${label})`,
			type: 'docuSignOAuth2Api',
			data: {
				environment: a.environment,
				clientId: a.integrationKey,
				clientSecret: a.clientSecret,
				accountId: a.accountId,
				scope: 'signature extended',
			},
		});
	}
	return credentials;
}
