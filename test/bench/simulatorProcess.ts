/**
 * The DocuSign simulator in a process of its own, so that the benchmark's clients (the node in
 * n8n's engine, and the raw axios loop) are measured without the simulator's own work on their
 * event loop. Prints one JSON line with what the clients need, then serves until stdin closes.
 * The benchmark drives it through its control API (/__sim/reset, /__sim/config, /__sim/counters).
 */
import { SEED_IDS, TEMPLATE_IDS, startSimulator } from '../simulator';

export interface SimulatorInfo {
	url: string;
	integrationKey: string;
	clientSecret: string;
	privateKeyPkcs1: string;
	userId: string;
	accountId: string;
	/** Alice's second account (Acme Europe), for a burst window of its own. */
	otherAccountId: string;
	/** Alice's third account (Globex, another site), picked by the node's Account parameter in figure 1. */
	pickedAccountId: string;
	/** Carol, whose default account (Globex) no other figure uses: a burst window of its own for figure 6b. */
	otherUserId: string;
	restBase: string;
	templateId: string;
}

async function main(): Promise<void> {
	const sim = await startSimulator({ latencyMs: Number(process.argv[2] ?? 0), allowHttpListeners: true });
	const key = sim.seed.integrationKeys.find((candidate) => candidate.integrationKey === SEED_IDS.integrationKey)!;
	const info: SimulatorInfo = {
		url: sim.url,
		integrationKey: key.integrationKey,
		clientSecret: key.clientSecret,
		privateKeyPkcs1: key.privateKeyPkcs1,
		userId: SEED_IDS.users.alice,
		accountId: SEED_IDS.accounts.acmeNa,
		otherAccountId: SEED_IDS.accounts.acmeEu,
		pickedAccountId: SEED_IDS.accounts.globexAu,
		otherUserId: SEED_IDS.users.carol,
		restBase: sim.restBase(SEED_IDS.accounts.acmeNa),
		templateId: TEMPLATE_IDS.mutualNda,
	};
	process.stdout.write(`${JSON.stringify(info)}\n`);
	const stop = () => void sim.close().then(() => process.exit(0));
	process.stdin.on('end', stop);
	process.stdin.on('close', stop);
	process.on('SIGTERM', stop);
	process.stdin.resume();
}

void main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
