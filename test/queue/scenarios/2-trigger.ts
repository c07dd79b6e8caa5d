/**
 * Trigger: the DocuSign Trigger, active on main (Automatic registration as Alice over JWT, HMAC
 * verification). Main receives every Connect delivery and answers it; the executions it starts run
 * on the workers. 50 signed deliveries, 5 of them repeats of earlier ones, then forged ones.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { SEED_IDS, type DeliveryRecord } from '../../simulator';
import { check, checkEqual } from '../../e2e/lib/check';
import { waitFor } from '../../e2e/lib/server';
import { fixedId } from '../../e2e/lib/workflows';
import { tally } from '../lib/load';
import { countersSince, defineScenario, HMAC_KEY, hmacCredential, jwtAlice, simMark } from '../lib/scenario';
import { chain, setFields } from '../lib/workflows';

const WF = fixedId('wfQueueTrigger');
const DISTINCT = 45;
const REPEATS = 5;
const ACCOUNT = SEED_IDS.accounts.acmeNa;

export default defineScenario({
	name: '2 Trigger: 50 signed Connect deliveries (5 repeats) → 45 executions on workers',
	fixtures(ctx) {
		const jwt = jwtAlice(ctx);
		const hmac = hmacCredential();
		return {
			credentials: [jwt, hmac],
			workflows: [
				chain(WF, 'queue: DocuSign Trigger', [
					{
						name: 'DocuSign Trigger',
						type: 'n8n-nodes-docusign.docuSignTrigger',
						typeVersion: 1,
						webhookId: randomUUID(),
						parameters: {
							registration: 'automatic',
							authentication: 'jwt',
							events: ['envelope-completed'],
							includeData: ['custom_fields', 'recipients'],
							verifySignature: true,
						},
						credentials: {
							docuSignJwtApi: { id: jwt.id, name: jwt.name },
							docuSignConnectHmacApi: { id: hmac.id, name: hmac.name },
						},
					},
					setFields('Result', { executionId: '={{ $execution.id }}', envelopeId: '={{ $json.envelopeId }}' }),
				]),
			],
		};
	},
	async run({ stack, simulator, log }) {
		simulator.addHmacKey(ACCOUNT, HMAC_KEY);
		const mark = simMark(simulator);
		const configsBefore = simulator.state.connectConfigs.size;
		await stack.activate(WF);
		const configs = await waitFor(
			'the Connect configuration that activation registers',
			async () => (simulator.state.connectConfigs.size > configsBefore ? [...simulator.state.connectConfigs.values()] : undefined),
			60_000,
		);
		checkEqual(configs.length, configsBefore + 1, 'Connect configurations after activation');
		const url = String(configs[configs.length - 1].config.urlToPublishTo ?? '');
		check(url.startsWith(`${stack.main!.url}/webhook/`), `the configuration publishes to main (${url})`);
		log(`activation on main registered Connect configuration → ${url.replace(stack.main!.url, '<main>')}`);

		// 45 distinct events, then 5 of them again (same bodies and signatures, as DocuSign retries).
		const started = Date.now();
		const first: DeliveryRecord[] = [];
		for (let i = 0; i < DISTINCT; i++) {
			first.push(...(await simulator.deliverConnect({ url, event: 'envelope-completed', accountId: ACCOUNT, hmac: 'valid' })));
		}
		const repeats: DeliveryRecord[] = [];
		for (const earlier of [first[3], first[11], first[20], first[33], first[44]]) {
			repeats.push(...(await simulator.deliverConnect({ deliveryId: earlier.deliveryId })));
		}
		checkEqual(first.length + repeats.length, DISTINCT + REPEATS, 'signed deliveries sent');
		const forged = [
			...(await simulator.deliverConnect({ url, event: 'envelope-completed', accountId: ACCOUNT, hmac: 'invalid' })),
			...(await simulator.deliverConnect({ url, event: 'envelope-completed', accountId: ACCOUNT, hmac: 'invalid' })),
			...(await simulator.deliverConnect({ url, event: 'envelope-completed', accountId: ACCOUNT, hmac: 'none' })),
			...(await simulator.deliverConnect({ deliveryId: first[0].deliveryId, headers: { 'X-DocuSign-Signature-1': randomBytes(32).toString('base64') } })),
		];
		const deliverMs = Date.now() - started;
		checkEqual(tally([...first, ...repeats], (d) => String(d.lastStatus)), { '200': DISTINCT + REPEATS }, 'answers to the signed deliveries');
		checkEqual(tally(forged, (d) => String(d.lastStatus)), { '401': forged.length }, 'answers to forged or unsigned deliveries');
		log(`${DISTINCT + REPEATS} signed deliveries answered 200, ${forged.length} forged/unsigned answered 401 (${(deliverMs / 1000).toFixed(1)} s)`);

		// Exactly one execution per distinct event, each run by a worker.
		const executions = await waitFor(
			`${DISTINCT} finished trigger executions`,
			async () => {
				const rows = await stack.executions(WF);
				return rows.length >= DISTINCT && rows.every((r) => r.status !== 'new' && r.status !== 'running') ? rows : undefined;
			},
			120_000,
			500,
		);
		await new Promise((resolve) => setTimeout(resolve, 3_000)); // a late extra execution would show up now
		const settled = await stack.executions(WF);
		checkEqual(settled.length, DISTINCT, 'trigger executions (repeats must start none)');
		checkEqual(tally(settled, (e) => e.status), { success: DISTINCT }, 'execution statuses');
		const ran = stack.executionsByWorker();
		const split = tally(executions, (e) => ran.get(e.id) ?? 'not on a worker');
		log(`worker split: ${JSON.stringify(split)}`);
		check(!split['not on a worker'], `trigger executions that ran outside the workers: ${split['not on a worker']}`);
		log(`simulator counters: ${JSON.stringify(countersSince(simulator, mark))}`);

		await stack.deactivate(WF);
		await waitFor(
			'main to delete the Connect configuration on deactivation',
			async () => (simulator.state.connectConfigs.size === configsBefore ? true : undefined),
			60_000,
		);
	},
});
