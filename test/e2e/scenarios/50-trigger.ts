/**
 * DocuSign Trigger in a running n8n (`n8n start`, one server for every case): publishing the
 * workflow registers an account-level Connect configuration (Automatic, JWT as the admin Alice);
 * a signer signing makes the simulator deliver a signed Connect event, which starts exactly one
 * execution; forged, unsigned and repeated deliveries start none; unpublishing deletes the
 * configuration.
 */
import { randomBytes } from 'node:crypto';
import { CLIENT_SECRETS, SEED_IDS, type DeliveryRecord } from '../../simulator';
import { check, checkEqual, expectCounters } from '../lib/check';
import { defineScenario, type Context } from '../lib/scenario';
import { N8nServer, runOutput, waitFor, type ExecutionSummary } from '../lib/server';
import type { SimClient } from '../lib/sim';
import { chainWorkflow, DOCUSIGN_TRIGGER_NODE_TYPE, fixedId, hmacCredential, jwtCredential } from '../lib/workflows';

const WF = fixedId('wfTrigger');
const CRED_JWT = fixedId('crTrigAlice');
const CRED_HMAC = fixedId('crTrigHmac');
const WEBHOOK_ID = '5d0c5a2e-7f3b-4c1d-9e8a-2b6f4d1c0e50';
const TRIGGER = 'DocuSign Trigger';
const ACCOUNT = SEED_IDS.accounts.acmeNa;
const IK = SEED_IDS.integrationKey;
/** The account's Connect HMAC key: in the simulator (it signs with it) and in n8n's credential. */
const HMAC_KEY = randomBytes(32).toString('base64');

/** Shared by the cases: one server, the envelope that was signed, its delivery. */
const state: {
	server?: N8nServer;
	webhookUrl?: string;
	connectId?: string;
	envelopeId?: string;
	delivery?: DeliveryRecord;
	accessToken?: string;
} = {};

async function ensureServer({ n8n, log }: Context): Promise<N8nServer> {
	if (state.server) return state.server;
	const started = Date.now();
	// The suite's instance: the fixtures below are already imported there. Nothing else runs
	// `n8n execute` on it while this server is up (they would share its task-runner port).
	state.server = await N8nServer.start(n8n);
	state.webhookUrl = `${state.server.url}/webhook/${WEBHOOK_ID}/webhook`;
	log(`n8n start ready on ${state.server.url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return state.server;
}

/** Alice's own access token (authorization code grant), to look at the account as DocuSign would show it. */
async function aliceToken(sim: SimClient): Promise<string> {
	state.accessToken ??= (
		await sim.authorizationCodeTokens({ integrationKey: IK, clientSecret: CLIENT_SECRETS[IK], userId: SEED_IDS.users.alice, scope: 'signature' })
	).access_token;
	return state.accessToken;
}

async function restBase(sim: SimClient): Promise<string> {
	const seed = await sim.seed();
	const account = seed.accounts.find((a) => a.accountId === ACCOUNT)!;
	return `${account.baseUri}/restapi/v2.1/accounts/${ACCOUNT}`;
}

/** The account's Connect configurations, read through the REST API with Alice's token. */
async function connectConfigurations(sim: SimClient): Promise<Array<Record<string, unknown>>> {
	const res = await sim.http.get(`${await restBase(sim)}/connect`, { headers: { Authorization: `Bearer ${await aliceToken(sim)}` } });
	checkEqual(res.status, 200, 'GET /connect status');
	return (res.data as { configurations?: Array<Record<string, unknown>> }).configurations ?? [];
}

/** The workflow's executions once none is still running. */
async function settledExecutions(server: N8nServer, atLeast: number): Promise<ExecutionSummary[]> {
	return await waitFor(
		`${atLeast} finished execution(s) of workflow ${WF}`,
		async () => {
			const list = await server.executions(WF);
			return list.length >= atLeast && list.every((x) => x.status !== 'running' && x.status !== 'new') ? list : undefined;
		},
		90_000,
		500,
	);
}

/** Waits long enough for a wrongly started execution to show up, then lists the executions. */
async function executionsAfterQuiet(server: N8nServer): Promise<ExecutionSummary[]> {
	await new Promise((resolve) => setTimeout(resolve, 2_000));
	return await settledExecutions(server, 0);
}

function onlyAttempt(record: DeliveryRecord | undefined, what: string): number | undefined {
	check(record, `${what}: the simulator made no delivery`);
	checkEqual(record.attempts.length, 1, `${what}: attempts`);
	return record.attempts[0].status;
}

export default defineScenario({
	name: 'DocuSign Trigger',
	async fixtures({ sim, seed }) {
		await sim.addHmacKey(ACCOUNT, HMAC_KEY);
		const jwt = jwtCredential({ sim, seed }, { id: CRED_JWT, name: 'DocuSign JWT (Alice, admin, trigger)', accountId: ACCOUNT });
		const hmac = hmacCredential(CRED_HMAC, 'DocuSign Connect HMAC (Acme)', HMAC_KEY);
		const trigger = {
			name: TRIGGER,
			type: DOCUSIGN_TRIGGER_NODE_TYPE,
			typeVersion: 1,
			webhookId: WEBHOOK_ID,
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
		};
		return {
			credentials: [jwt, hmac],
			workflows: [
				chainWorkflow(WF, 'e2e trigger: envelope completed', [{ name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }], trigger),
			],
		};
	},
	cases: {
		'publishing registers an account Connect configuration for the webhook URL': async (ctx) => {
			const { sim, log } = ctx;
			const server = await ensureServer(ctx);
			const mark = await sim.mark();
			const started = Date.now();
			await server.activate(WF);
			// Registration may finish after the REST answer: wait for the simulator to have it.
			const post = await waitFor('POST /connect from n8n', async () => (await sim.log(mark.seq)).find((l) => l.endpoint === 'POST connect'));
			log(`Connect configuration registered ${((Date.now() - started) / 1000).toFixed(1)} s after publishing`);
			checkEqual(post.status, 201, 'POST /connect status');
			const body = post.body as Record<string, unknown>;
			checkEqual(
				{
					urlToPublishTo: body.urlToPublishTo,
					configurationType: body.configurationType,
					deliveryMode: body.deliveryMode,
					events: body.events,
					eventData: body.eventData,
					includeHMAC: body.includeHMAC,
					allUsers: body.allUsers,
					allowEnvelopePublish: body.allowEnvelopePublish,
				},
				{
					urlToPublishTo: state.webhookUrl,
					configurationType: 'custom',
					deliveryMode: 'SIM',
					events: ['envelope-completed'],
					eventData: { version: 'restv2.1', format: 'json', includeData: ['custom_fields', 'recipients'] },
					includeHMAC: 'true',
					allUsers: 'true',
					allowEnvelopePublish: 'true',
				},
				'the Connect configuration n8n registered',
			);
			check(post.path.includes(`/accounts/${ACCOUNT}/connect`), `registered in account ${ACCOUNT}: ${post.path}`);

			const ours = (await connectConfigurations(sim)).filter((c) => c.urlToPublishTo === state.webhookUrl);
			checkEqual(ours.length, 1, `Connect configurations publishing to ${state.webhookUrl}`);
			state.connectId = String(ours[0].connectId);
			expectCounters(await sim.since(mark), { 'POST connect': 1, 'DELETE connect/config': 0 });
		},
		'a signed Connect event starts exactly one execution with the envelope': async (ctx) => {
			const { sim } = ctx;
			const server = await ensureServer(ctx);
			check(state.connectId, 'no Connect configuration was registered (see the first case)');
			const before = (await server.executions(WF)).length;
			checkEqual(before, 0, 'executions of the trigger workflow before any event');

			// Alice sends an envelope (her own REST call), then its signer signs (control API).
			const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
			const created = await sim.http.post(
				`${await restBase(sim)}/envelopes`,
				{
					emailSubject: 'Please sign: e2e trigger',
					status: 'sent',
					documents: [{ documentId: '1', name: 'trigger.pdf', fileExtension: 'pdf', documentBase64: pdf.toString('base64') }],
					recipients: { signers: [{ recipientId: '1', routingOrder: '1', name: 'Tess Trigger', email: 'tess.trigger@example.com' }] },
				},
				{ headers: { Authorization: `Bearer ${await aliceToken(sim)}` } },
			);
			checkEqual(created.status, 201, `POST /envelopes status (${JSON.stringify(created.data)})`);
			const envelopeId = String(created.data.envelopeId);
			state.envelopeId = envelopeId;
			const mark = await sim.mark();
			checkEqual(await sim.recipient(envelopeId, '1', 'sign'), { envelopeStatus: 'completed', recipientStatus: 'completed' }, 'control API sign');

			const deliveries = await sim.deliveries({ envelopeId });
			checkEqual(
				deliveries.map((d) => [d.event, d.url, d.source, d.state, d.lastStatus]),
				[['envelope-completed', state.webhookUrl, 'account', 'delivered', 200]],
				'Connect deliveries for the envelope (only the subscribed event, answered 200)',
			);
			state.delivery = deliveries[0];
			checkEqual(onlyAttempt(state.delivery, 'the signed delivery'), 200, 'status n8n answered');
			check(/^[A-Za-z0-9+/]+=*$/.test(state.delivery.headers['X-DocuSign-Signature-1'] ?? ''), 'the delivery carries X-DocuSign-Signature-1');

			const executions = await settledExecutions(server, before + 1);
			checkEqual(executions.length, before + 1, 'executions after the signed event');
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			checkEqual((await server.executions(WF)).length, before + 1, 'executions a moment later (still exactly one more)');
			const [newest] = executions;
			checkEqual([newest.mode, newest.status], ['webhook', 'success'], 'the execution (mode, status)');
			const detail = await server.execution(newest.id);
			const [item] = runOutput(detail, TRIGGER);
			checkEqual(
				[item.event, item.envelopeId, item.status, item.accountId, item.configurationId],
				['envelope-completed', envelopeId, 'completed', ACCOUNT, state.connectId],
				'trigger output (event, envelopeId, status, accountId, configurationId)',
			);
			checkEqual(runOutput(detail, 'Received').length, 1, 'items reaching the next node');
			expectCounters(await sim.since(mark), { 'connect:attempt': 1, 'connect:delivered': 1, 'connect:failed': 0 });
		},
		'forged and unsigned deliveries get 401 and start no execution': async (ctx) => {
			const { sim } = ctx;
			const server = await ensureServer(ctx);
			check(state.webhookUrl && state.envelopeId, 'needs the signed envelope of the previous case');
			const before = (await server.executions(WF)).length;
			const forged = await sim.deliver({ url: state.webhookUrl, envelopeId: state.envelopeId, event: 'envelope-completed', hmac: 'invalid', maxAttempts: 1 });
			checkEqual(onlyAttempt(forged[0], 'forged signature'), 401, 'status n8n answered a forged signature');
			const unsigned = await sim.deliver({ url: state.webhookUrl, envelopeId: state.envelopeId, event: 'envelope-completed', hmac: 'none', maxAttempts: 1 });
			checkEqual(onlyAttempt(unsigned[0], 'no signature'), 401, 'status n8n answered an unsigned delivery');
			// The real event's signature over a changed body: the HMAC covers the raw bytes.
			const tampered = state.delivery!.body.replace('"completed"', '"voided"');
			check(tampered !== state.delivery!.body, 'the tampered body differs');
			const replayedSignature = await sim.deliver({
				url: state.webhookUrl,
				body: tampered,
				accountId: ACCOUNT,
				hmac: 'none',
				headers: { 'X-DocuSign-Signature-1': state.delivery!.headers['X-DocuSign-Signature-1'] },
				maxAttempts: 1,
			});
			checkEqual(onlyAttempt(replayedSignature[0], 'tampered body'), 401, 'status n8n answered a body that does not match its signature');
			checkEqual((await executionsAfterQuiet(server)).length, before, 'executions after three refused deliveries');
		},
		'repeated deliveries of the event start no second execution; a new event does': async (ctx) => {
			const { sim } = ctx;
			const server = await ensureServer(ctx);
			check(state.webhookUrl && state.delivery, 'needs the signed delivery of an earlier case');
			const before = (await server.executions(WF)).length;
			// The identical message again (body and signature), and DocuSign's retry of it (retryCount 1, a
			// new generatedDateTime: nothing documents that it stays, signed anew).
			const same = await sim.deliver({ deliveryId: state.delivery.deliveryId, maxAttempts: 1 });
			checkEqual(onlyAttempt(same[0], 'the identical message'), 200, 'status n8n answered the identical message');
			const original = JSON.parse(state.delivery.body) as Record<string, unknown>;
			const retryBody = JSON.stringify({ ...original, retryCount: 1, generatedDateTime: new Date().toISOString() });
			const retry = await sim.deliver({ url: state.webhookUrl, body: retryBody, accountId: ACCOUNT, hmac: 'valid', maxAttempts: 1 });
			checkEqual(onlyAttempt(retry[0], 'the retry'), 200, 'status n8n answered the retry');
			checkEqual((await executionsAfterQuiet(server)).length, before, 'executions after two repeats of the event');

			// An event of the same envelope with other content (a later status change): not a repeat, so it runs.
			const data = original.data as Record<string, unknown>;
			const freshBody = JSON.stringify({
				...original,
				generatedDateTime: new Date().toISOString(),
				data: { ...data, envelopeSummary: { ...(data.envelopeSummary as Record<string, unknown>), statusChangedDateTime: new Date().toISOString() } },
			});
			const fresh = await sim.deliver({ url: state.webhookUrl, body: freshBody, accountId: ACCOUNT, hmac: 'valid', maxAttempts: 1 });
			checkEqual(onlyAttempt(fresh[0], 'a new event'), 200, 'status n8n answered a new event');
			const executions = await settledExecutions(server, before + 1);
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			checkEqual((await server.executions(WF)).length, before + 1, 'executions after the new event (exactly one more)');
			const [item] = runOutput(await server.execution(executions[0].id), TRIGGER);
			const generated = String((JSON.parse(fresh[0].body) as Record<string, unknown>).generatedDateTime);
			checkEqual([item.envelopeId, item.generatedDateTime], [state.envelopeId, generated], 'the new execution is the new event');
		},
		'unpublishing deletes the Connect configuration': async (ctx) => {
			const { sim } = ctx;
			try {
				const server = await ensureServer(ctx);
				check(state.connectId, 'no Connect configuration was registered (see the first case)');
				const mark = await sim.mark();
				await server.deactivate(WF);
				const del = await waitFor('DELETE /connect/{id} from n8n', async () =>
					// The simulator logs a request when it arrives (status 0) and sets the status when it answers.
					(await sim.log(mark.seq)).find((l) => l.endpoint === 'DELETE connect/config' && l.status !== 0),
				);
				checkEqual([del.status, del.path.endsWith(`/connect/${state.connectId}`)], [200, true], `DELETE ${del.path}`);
				expectCounters(await sim.since(mark), { 'DELETE connect/config': 1, 'POST connect': 0 });
				const left = (await connectConfigurations(sim)).filter((c) => c.urlToPublishTo === state.webhookUrl || c.connectId === state.connectId);
				checkEqual(left.length, 0, 'Connect configurations left for the webhook URL');
				// The production URL is gone with it: a correctly signed message is no longer taken.
				const late = await sim.deliver({ url: state.webhookUrl!, envelopeId: state.envelopeId, event: 'envelope-completed', hmac: 'valid', maxAttempts: 1 });
				checkEqual(onlyAttempt(late[0], 'after unpublishing'), 404, 'status n8n answered after unpublishing');
			} finally {
				await state.server?.stop();
				state.server = undefined;
			}
		},
	},
});
