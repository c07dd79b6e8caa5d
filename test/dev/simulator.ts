/**
 * The simulator side of `npm run dev`: the simulator's CLI (what `npm run simulator` runs, compiled here)
 * in its own process group, its keys persisted in .n8n-dev/simulator/ so the JWT credential stays
 * valid across restarts, and the two credentials of Alice (a seed user with three accounts).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedData } from '../simulator';
import type { CredentialFixture } from '../e2e/lib/n8n';
import { start, type Background } from '../e2e/lib/proc';
import { SimClient } from '../e2e/lib/sim';
import { CREDENTIAL_IDS, DEV_DIR, OAUTH_CALLBACK, REPO, SIM_PORT } from './config';

const SCOPE_OAUTH2 = 'signature extended';

export interface DevSimulator {
	url: string;
	process: Background;
	seed: SeedData;
	user: SeedData['users'][number];
	credentials: CredentialFixture[];
	notes: string[];
}

export async function startDevSimulator(logFile: string): Promise<DevSimulator> {
	const keysDir = join(DEV_DIR, 'simulator');
	mkdirSync(keysDir, { recursive: true });
	const proc = start(process.execPath, [join(__dirname, '..', 'simulator', 'cli.js'), '--port', String(SIM_PORT), '--keys-dir', keysDir, '--allow-http-listeners'], {
		cwd: REPO,
		env: process.env,
	});
	const log = createWriteStream(logFile, { flags: 'a' });
	proc.child.stdout!.on('data', (c: Buffer) => log.write(c));
	proc.child.stderr!.on('data', (c: Buffer) => log.write(c));
	try {
		await proc.waitForLine(/DocuSign simulator listening on /, 60_000);
	} catch (error) {
		const busy = /EADDRINUSE/.test(proc.output());
		await proc.stop();
		throw new Error(
			busy
				? `port ${SIM_PORT} is taken (another simulator or npm run dev?): stop it, or set DOCUSIGN_SIM_PORT`
				: `the simulator did not start: ${(error as Error).message}\n${proc.output().slice(-2000)}`,
		);
	}
	const url = `http://127.0.0.1:${SIM_PORT}`;
	const sim = new SimClient(url);
	const seed = await sim.seed();
	const notes: string[] = [];

	const ik = seed.integrationKeys[0];
	const user = seed.users.find((u) => u.consentedIntegrationKeys.includes(ik.integrationKey))!;
	// A real connection, as n8n's "Connect my account" gets it: consent page (auto-approved), then the code grant.
	const tokens = await sim.authorizationCodeTokens({
		integrationKey: ik.integrationKey,
		clientSecret: ik.clientSecret,
		userId: user.userId,
		scope: SCOPE_OAUTH2,
		redirectUri: OAUTH_CALLBACK,
	});
	const credentials: CredentialFixture[] = [
		{
			id: CREDENTIAL_IDS.simJwt,
			name: `DocuSign JWT (simulator: ${user.name})`,
			type: 'docuSignJwtApi',
			data: {
				environment: 'custom',
				customAuthServer: url,
				integrationKey: ik.integrationKey,
				userId: user.userId,
				privateKey: ik.privateKeyPkcs1,
				accountId: '',
				scopes: 'signature impersonation',
				redirectUri: OAUTH_CALLBACK,
			},
		},
		{
			id: CREDENTIAL_IDS.simOAuth2,
			name: `DocuSign OAuth2 (simulator: ${user.name})`,
			type: 'docuSignOAuth2Api',
			data: {
				environment: 'custom',
				customAuthServer: url,
				clientId: ik.integrationKey,
				clientSecret: ik.clientSecret,
				accountId: '',
				scope: SCOPE_OAUTH2,
				oauthTokenData: {
					access_token: tokens.access_token,
					refresh_token: tokens.refresh_token,
					token_type: tokens.token_type,
					expires_in: tokens.expires_in,
				},
			},
		},
	];
	return { url, process: proc, seed, user, credentials, notes };
}
