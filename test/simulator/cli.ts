/**
 * `npm run simulator [-- --port 8089 --keys-dir DIR --latency MS --allow-http-listeners]` (port also from DOCUSIGN_SIM_PORT).
 * Keys persist in the keys dir (default: $TMPDIR/docusign-simulator), so credentials stay valid
 * across restarts; seed.json there has the whole seed of the running simulator.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_IDS, startSimulator } from './index';

function option(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	if (i >= 0) return process.argv[i + 1];
	return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(): Promise<void> {
	const port = Number(option('port') ?? process.env.DOCUSIGN_SIM_PORT ?? 8089);
	const keysDir = option('keys-dir') ?? join(tmpdir(), 'docusign-simulator');
	mkdirSync(keysDir, { recursive: true });
	const privateKeys: Record<string, string> = {};
	for (const ik of [SEED_IDS.integrationKey, SEED_IDS.otherIntegrationKey]) {
		const file = join(keysDir, `${ik}.pkcs1.pem`);
		if (existsSync(file)) privateKeys[ik] = readFileSync(file, 'utf8');
	}
	const sim = await startSimulator({
		port,
		latencyMs: Number(option('latency') ?? 0),
		privateKeys,
		allowHttpListeners: process.argv.includes('--allow-http-listeners'),
	});
	const files: string[] = [];
	for (const ik of sim.seed.integrationKeys) {
		for (const [suffix, pem] of [['pkcs1.pem', ik.privateKeyPkcs1], ['pkcs8.pem', ik.privateKeyPkcs8], ['public.pem', ik.publicKey]]) {
			const file = join(keysDir, `${ik.integrationKey}.${suffix}`);
			writeFileSync(file, pem, { mode: 0o600 });
			files.push(file);
		}
	}
	const seedFile = join(keysDir, 'seed.json');
	writeFileSync(seedFile, JSON.stringify(sim.seed, null, 2), { mode: 0o600 });

	const lines = [
		`DocuSign simulator listening on ${sim.url}`,
		`  inbox:       ${sim.url}/  (the signer's inbox: open the documents, Review / Sign / Decline)`,
		`  auth server: ${sim.url}  (JWT aud: ${sim.seed.audience})`,
		`  control API: ${sim.url}/__sim/  (seed, counters, log, reset, faults, config, consent, envelopes, connect)`,
		'',
		'Integration keys:',
		...sim.seed.integrationKeys.map((k) => `  ${k.integrationKey}  ${k.name}  secret: ${k.clientSecret}`),
		'',
		'Users:',
		...sim.seed.users.flatMap((u) => [
			`  ${u.userId}  ${u.name} <${u.email}>  consented to: ${u.consentedIntegrationKeys.join(', ') || 'nothing'}`,
			...u.memberships.map((m) => {
				const a = sim.seed.accounts.find((x) => x.accountId === m.accountId)!;
				return `      ${a.accountId}  ${a.accountName}  ${a.baseUri}${m.isDefault ? '  (default)' : ''}${m.isAdmin ? '  (admin)' : ''}`;
			}),
		]),
		'',
		`Key files (${keysDir}):`,
		...files.map((f) => `  ${f}`),
		`  ${seedFile}`,
	];
	console.log(lines.join('\n'));
	const stop = () => void sim.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
