/**
 * OAuth2 refresh under concurrency: one OAuth2 connection (Alice), used by concurrent executions on
 * both workers, whose access token just expired, while the simulator rotates refresh tokens (each
 * refresh token works once, as DocuSign's do). Phases:
 *  A. warm-up with a valid token (each worker caches the user's accounts, so later calls go
 *     straight to the REST API with the token);
 *  B. the token expires, then 20 executions at once;
 *  C. the same with a token endpoint slower than n8n's 10 s wait for the refresh lock, so other
 *     workers refresh without coordination, with the refresh token that was just rotated away.
 * After B and C one more execution, after another expiry, proves the stored refresh token works.
 */
import { CLIENT_SECRETS, SEED_IDS, TEMPLATE_IDS } from '../../simulator';
import type { Simulator } from '../../simulator';
import { check, checkEqual } from '../../e2e/lib/check';
import type { CredentialFixture } from '../../e2e/lib/n8n';
import { fixedId } from '../../e2e/lib/workflows';
import { callWebhooks, tally, type CallResult } from '../lib/load';
import { countersSince, defineScenario, seconds, simMark, type Context } from '../lib/scenario';
import { chain, docuSign, setFields, webhook } from '../lib/workflows';

const WF = fixedId('wfQueueOauth');
const PATH = 'queue-oauth';
const IK = SEED_IDS.integrationKey;
const CONCURRENT = 20;
const REFRESH = 'POST /oauth/token:refresh_token';
const CRED = fixedId('crQueueOauth');

/** Expires every access token of the OAuth2 connection (not Alice's JWT tokens). */
function expireConnectionTokens(simulator: Simulator): number {
	let n = 0;
	for (const record of simulator.state.accessTokens.values()) {
		if (record.grant === 'jwt' || record.userId !== SEED_IDS.users.alice) continue;
		n += simulator.expireTokens({ accessToken: record.token });
	}
	return n;
}

interface Phase {
	calls: CallResult[];
	/** Statuses of the refresh grants (400 = invalid_grant: a refresh token already rotated away). */
	refreshes: Array<{ status: number }>;
	counters: Record<string, number>;
	byWorker: Record<string, number>;
	failed: string[];
	ms: number;
}

async function phase(ctx: Context, count: number, concurrency: number): Promise<Phase> {
	const { stack, simulator } = ctx;
	const before = new Set((await stack.executions(WF)).map((e) => e.id));
	const mark = simMark(simulator);
	const started = Date.now();
	const calls = await callWebhooks(`${stack.main!.url}/webhook/${PATH}`, count, concurrency, (i) => ({ call: i }));
	const ms = Date.now() - started;
	const executions = (await stack.executions(WF)).filter((e) => !before.has(e.id));
	const ran = stack.executionsByWorker();
	const failed: string[] = [];
	for (const e of executions.filter((x) => x.status !== 'success')) {
		const data = await stack.runData(e.id);
		const error = data?.resultData.error;
		failed.push(`execution ${e.id} (${ran.get(e.id) ?? '?'}): ${e.status}: ${error?.message ?? '?'}`);
	}
	const refreshes = simulator.requestLog
		.filter((l) => l.seq > mark.logSeq && l.endpoint === REFRESH)
		.map((l) => ({ status: l.status }));
	return {
		calls,
		refreshes,
		counters: countersSince(simulator, mark),
		byWorker: tally(executions, (e) => `${ran.get(e.id) ?? 'not on a worker'}:${e.status}`),
		failed,
		ms,
	};
}

function describePhase(p: Phase): string {
	return (
		`${p.calls.length} executions in ${seconds(p.ms)}: answers ${JSON.stringify(tally(p.calls, (c) => String(c.status)))}, ` +
		`per worker ${JSON.stringify(p.byWorker)}; refresh grants ${p.refreshes.length} ` +
		`(statuses ${JSON.stringify(tally(p.refreshes, (r) => String(r.status)))}); ` +
		`GET template ${p.counters['GET template'] ?? 0}, GET userinfo ${p.counters['GET /oauth/userinfo'] ?? 0}`
	);
}

/** Every execution answered 200 with the template; none failed. */
function expectAllSucceeded(p: Phase, what: string): void {
	check(p.failed.length === 0, `${what}: ${p.failed.length} executions failed:\n${p.failed.slice(0, 5).join('\n')}`);
	const bad = p.calls.filter((c) => c.status !== 200 || (c.body as { templateId?: string })?.templateId !== TEMPLATE_IDS.mutualNda);
	check(bad.length === 0, `${what}: ${bad.length} answers without the template, e.g. ${JSON.stringify(bad[0])}`);
}

export default defineScenario({
	name: '4 OAuth2: 20 concurrent executions on both workers, expired token, rotating refresh tokens',
	async fixtures({ sim }) {
		const tokens = await sim.authorizationCodeTokens({ integrationKey: IK, clientSecret: CLIENT_SECRETS[IK], userId: SEED_IDS.users.alice, scope: 'signature extended' });
		const credential: CredentialFixture = {
			id: CRED,
			name: 'DocuSign OAuth2 (Alice) — queue suite',
			type: 'docuSignOAuth2Api',
			data: {
				environment: 'custom',
				customAuthServer: sim.url,
				clientId: IK,
				clientSecret: CLIENT_SECRETS[IK],
				accountId: '',
				scope: 'signature extended',
				oauthTokenData: { access_token: tokens.access_token, refresh_token: tokens.refresh_token, token_type: 'Bearer', expires_in: 28800 },
			},
		};
		return {
			credentials: [credential],
			workflows: [
				chain(WF, 'queue: OAuth2 template read', [
					webhook(PATH, 'lastNode'),
					docuSign('DocuSign', credential, {
						resource: 'template',
						operation: 'get',
						templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
					}),
					setFields('Result', { executionId: '={{ $execution.id }}', templateId: '={{ $json.templateId }}' }),
				]),
			],
		};
	},
	async run(ctx) {
		const { stack, simulator, log } = ctx;
		await stack.activate(WF);
		await stack.waitForWebhook(PATH);

		const warm = await phase(ctx, 16, 8);
		log(`A warm-up: ${describePhase(warm)}`);
		expectAllSucceeded(warm, 'warm-up');
		checkEqual(warm.refreshes.length, 0, 'refresh grants during the warm-up');

		log(`B: expired ${expireConnectionTokens(simulator)} access token(s) of the connection`);
		const b = await phase(ctx, CONCURRENT, CONCURRENT);
		log(`B expired token: ${describePhase(b)}`);
		const survivesB = await survives(ctx);
		log(`B connection after rotation: ${survivesB}`);

		// A token endpoint slower than n8n's refresh lock wait (10 s): the first refresh is answered after 12 s.
		log(`C: expired ${expireConnectionTokens(simulator)} access token(s); the next refresh answers after 12 s`);
		simulator.faults.add({ kind: 'slow', count: 1, match: { endpoint: REFRESH }, delayMs: 12_000 });
		const c = await phase(ctx, CONCURRENT, CONCURRENT);
		simulator.faults.clear();
		log(`C slow token endpoint: ${describePhase(c)}`);
		for (const line of c.failed.slice(0, 3)) log(`  ${line}`);
		const survivesC = await survives(ctx);
		log(`C connection after rotation: ${survivesC}`);

		expectAllSucceeded(b, 'B (expired token)');
		check(b.refreshes.length >= 1, 'B: the expired token was refreshed');
		check(b.refreshes.every((r) => r.status === 200), `B: every refresh grant succeeded: ${JSON.stringify(b.refreshes)}`);
		check(survivesB.startsWith('survives'), `B: the connection does not survive: ${survivesB}`);
		expectAllSucceeded(c, 'C (slow token endpoint)');
		check(survivesC.startsWith('survives'), `C: the connection does not survive: ${survivesC}`);
		await stack.deactivate(WF);
	},
});

/** Expires the token again and runs one execution: it must refresh with the stored refresh token. */
async function survives(ctx: Context): Promise<string> {
	expireConnectionTokens(ctx.simulator);
	const p = await phase(ctx, 1, 1);
	const ok = p.failed.length === 0 && p.calls[0]?.status === 200;
	return ok
		? `survives (next execution refreshed with the stored refresh token: ${JSON.stringify(tally(p.refreshes, (r) => String(r.status)))})`
		: `broken: ${p.failed[0] ?? JSON.stringify(p.calls[0])}`;
}
