/**
 * Envelope → Send and Wait for Completion in a running n8n (`n8n start`, one server for every
 * case): a published Webhook → DocuSign → No-Op workflow, started through its production URL,
 * sends an envelope from a seeded template and waits (n8n lists the execution as waiting, the
 * simulator sees no envelope read); the envelope's own eventNotification, signed with the account's
 * Connect HMAC key, resumes it at the signed resume URL: completed (with the combined PDF and the
 * certificate), voided by the sender, or declined. Forged calls of the resume URL (wrong HMAC, no
 * or a wrong n8n URL signature) get 401 and the execution keeps waiting.
 */
import { randomBytes } from 'node:crypto';
import { CLIENT_SECRETS, SEED_IDS, TEMPLATE_IDS, type DeliveryRecord } from '../../simulator';
import { check, checkEqual, expectCounters } from '../lib/check';
import { defineScenario, type Context } from '../lib/scenario';
import { N8nServer, runOutput, waitFor, type ExecutionDetail, type ExecutionSummary } from '../lib/server';
import type { SimClient } from '../lib/sim';
import { chainWorkflow, docuSignNode, fixedId, hmacCredential, jwtCredential } from '../lib/workflows';

const WF = fixedId('wfSendWait');
const CRED_JWT = fixedId('crSwAlice');
const CRED_HMAC = fixedId('crSwHmac');
const WEBHOOK_ID = '8b1f4c2d-3e5a-4f6b-9c7d-1a2b3c4d5e60';
const WEBHOOK_PATH = 'e2e-send-and-wait';
const NODE = 'DocuSign';
const AFTER = 'After';
const ACCOUNT = SEED_IDS.accounts.acmeNa;
const IK = SEED_IDS.integrationKey;
/** The account's Connect HMAC key: the simulator signs the envelope's events with it, n8n's credential checks them. */
const HMAC_KEY = randomBytes(32).toString('base64');
const VOID_REASON = 'e2e: superseded by a corrected contract';
const DECLINE_REASON = 'e2e: the price is wrong';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Shared by the cases: one server and its production webhook URL, Alice's own token. */
const state: { server?: N8nServer; webhookUrl?: string; accessToken?: string } = {};

async function ensureServer({ n8n, log }: Context): Promise<N8nServer> {
	if (state.server) return state.server;
	const started = Date.now();
	// The suite's instance (fixtures imported). No `n8n execute` runs on it while this server is up.
	const server = await N8nServer.start(n8n);
	state.server = server;
	state.webhookUrl = `${server.url}/webhook/${WEBHOOK_PATH}`;
	await server.activate(WF);
	log(`n8n start ready and workflow published after ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return server;
}

/** Alice's own access token (authorization code grant): the sender acting in DocuSign, outside n8n. */
async function aliceToken(sim: SimClient): Promise<string> {
	state.accessToken ??= (
		await sim.authorizationCodeTokens({ integrationKey: IK, clientSecret: CLIENT_SECRETS[IK], userId: SEED_IDS.users.alice, scope: 'signature' })
	).access_token;
	return state.accessToken;
}

async function restBase(sim: SimClient): Promise<string> {
	const account = (await sim.seed()).accounts.find((a) => a.accountId === ACCOUNT)!;
	return `${account.baseUri}/restapi/v2.1/accounts/${ACCOUNT}`;
}

interface Waiting {
	executionId: string;
	envelopeId: string;
	resumeUrl: string;
}

/**
 * Calls the production webhook with a signer, then waits until n8n lists a new execution as
 * waiting; returns it with its envelope and the resume URL the envelope reports to.
 */
async function startWaiting(sim: SimClient, server: N8nServer, signer: { name: string; email: string }): Promise<Waiting> {
	const before = new Set((await server.executions(WF)).map((e) => e.id));
	// Publishing answers before the production webhook is registered: a 404 meanwhile starts nothing.
	const { status, text } = await waitFor(
		`POST ${state.webhookUrl} to be answered by a registered webhook`,
		async () => {
			const res = await fetch(state.webhookUrl!, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ signer }),
				signal: AbortSignal.timeout(60_000),
			});
			const answer = { status: res.status, text: await res.text() };
			return res.status === 404 ? undefined : answer;
		},
		30_000,
		500,
	);
	checkEqual(status, 200, `POST ${state.webhookUrl} status (${text.slice(0, 300)})`);
	const execution = await waitFor(
		'a new execution listed as waiting',
		async () => {
			const fresh = (await server.executions(WF)).filter((e) => !before.has(e.id));
			const failed = fresh.find((e) => ['error', 'crashed', 'success', 'canceled'].includes(e.status));
			if (failed) {
				const detail = await server.execution(failed.id);
				throw new Error(`execution ${failed.id} ended ${failed.status} instead of waiting: ${detail.data.resultData.error?.message ?? ''}`);
			}
			return fresh.find((e) => e.status === 'waiting');
		},
		90_000,
		500,
	);
	checkEqual(execution.mode, 'webhook', 'the waiting execution mode');
	const [sent] = runOutput(await server.execution(execution.id), NODE);
	const envelopeId = String(sent.envelopeId);
	check(GUID.test(envelopeId), `the waiting node's envelopeId should be a GUID, got ${envelopeId}`);
	checkEqual(
		[sent.status, sent.accountId, sent.templateName, sent.waitingFor],
		['sent', ACCOUNT, 'Mutual NDA', ['envelope-completed', 'envelope-declined', 'envelope-voided']],
		'the waiting node output (status, accountId, templateName, waitingFor)',
	);
	const stored = await sim.envelope(envelopeId);
	checkEqual([stored.status, stored.templateId], ['sent', TEMPLATE_IDS.mutualNda], 'simulator envelope (status, templateId)');
	checkEqual(
		stored.recipients.map((r) => [r.type, r.roleName, r.name, r.email, r.status]),
		[['signers', 'Signer', signer.name, signer.email, 'sent']],
		'simulator recipients (the one signer, from the webhook body)',
	);
	const notification = stored.eventNotification as Record<string, unknown> | undefined;
	check(notification, 'the envelope has no eventNotification');
	const resumeUrl = String(notification.url);
	const pattern = new RegExp(
		`^${server.url.replace(/\./g, '\\.')}/webhook-waiting/${execution.id}/[^/?]+\\?envelope=[^&]+&(documents=true&)?created=\\d+&signature=[0-9a-f]{64}$`,
	);
	check(pattern.test(resumeUrl), `eventNotification.url should be this execution's signed resume URL, got ${resumeUrl}`);
	checkEqual(
		[notification.events, notification.includeHMAC, notification.requireAcknowledgment],
		[['envelope-completed', 'envelope-declined', 'envelope-voided'], 'true', 'true'],
		'eventNotification (events, includeHMAC, requireAcknowledgment)',
	);
	return { executionId: execution.id, envelopeId, resumeUrl };
}

/** The execution once n8n no longer lists it as waiting or running. */
async function finished(server: N8nServer, executionId: string): Promise<{ summary: ExecutionSummary; detail: ExecutionDetail }> {
	const summary = await waitFor(
		`execution ${executionId} to finish`,
		async () => (await server.executions(WF)).find((e) => e.id === executionId && !['waiting', 'running', 'new'].includes(e.status)),
		90_000,
		500,
	);
	return { summary, detail: await server.execution(executionId) };
}

/** The deliveries of the envelope's own eventNotification (not of account Connect configurations). */
async function envelopeDeliveries(sim: SimClient, envelopeId: string): Promise<DeliveryRecord[]> {
	return (await sim.deliveries({ envelopeId })).filter((d) => d.source === 'envelope');
}

/** Binary fields of the node's items in the run data (`runOutput` gives only the JSON). */
function runBinary(detail: ExecutionDetail, nodeName: string): Array<Record<string, Record<string, unknown>>> {
	const runs = detail.data.resultData.runData[nodeName] as unknown as Array<{
		data?: { main: Array<Array<{ binary?: Record<string, Record<string, unknown>> }> | null> };
	}>;
	return (runs?.[0]?.data?.main[0] ?? []).map((item) => item.binary ?? {});
}

async function stillWaiting(server: N8nServer, executionId: string, what: string): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 1_500));
	const now = (await server.executions(WF)).find((e) => e.id === executionId);
	checkEqual(now?.status, 'waiting', `execution ${executionId} status ${what}`);
}

export default defineScenario({
	name: 'Send and Wait for Completion',
	async fixtures({ sim, seed }) {
		await sim.addHmacKey(ACCOUNT, HMAC_KEY);
		const jwt = jwtCredential({ sim, seed }, { id: CRED_JWT, name: 'DocuSign JWT (Alice, send and wait)', accountId: ACCOUNT });
		const hmac = hmacCredential(CRED_HMAC, 'DocuSign Connect HMAC (Acme, send and wait)', HMAC_KEY);
		const webhook = {
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: WEBHOOK_ID,
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
		};
		const sendAndWait = docuSignNode(NODE, jwt, {
			resource: 'envelope',
			operation: 'sendAndWait',
			source: 'template',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
			templateRoles: {
				role: [{ roleName: 'Signer', name: '={{ $json.body.signer.name }}', email: '={{ $json.body.signer.email }}' }],
			},
			emailSubject: '',
			options: {},
			waitOptions: { downloadDocuments: true },
		});
		sendAndWait.credentials = { ...sendAndWait.credentials, docuSignConnectHmacApi: { id: hmac.id, name: hmac.name } };
		return {
			credentials: [jwt, hmac],
			workflows: [
				chainWorkflow(
					WF,
					'e2e send and wait: webhook → send and wait',
					[sendAndWait, { name: AFTER, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} }],
					webhook,
				),
			],
		};
	},
	cases: {
		'a webhook call sends and waits without reading the envelope; the signer signing completes it with the documents': async (ctx) => {
			const { sim, log } = ctx;
			const server = await ensureServer(ctx);
			const signer = { name: 'Wanda Waiter', email: 'wanda.waiter@example.com' };
			const mark = await sim.mark();
			const started = Date.now();
			const waiting = await startWaiting(sim, server, signer);
			log(`execution ${waiting.executionId} waiting ${((Date.now() - started) / 1000).toFixed(1)} s after the webhook call`);
			await stillWaiting(server, waiting.executionId, 'a moment later');
			expectCounters(await sim.since(mark), {
				'GET template': 1,
				'POST envelopes': 1,
				'GET envelope': 0,
				'GET envelopes': 0,
				'GET envelope/recipients': 0,
				'GET envelope/document': 0,
			});

			const signed = await sim.mark();
			checkEqual(await sim.recipient(waiting.envelopeId, '1', 'sign'), { envelopeStatus: 'completed', recipientStatus: 'completed' }, 'control API sign');
			const { summary, detail } = await finished(server, waiting.executionId);
			checkEqual(summary.status, 'success', `execution ${waiting.executionId} status`);
			const deliveries = await envelopeDeliveries(sim, waiting.envelopeId);
			checkEqual(
				deliveries.map((d) => [d.event, d.url, d.state, d.lastStatus, typeof d.headers['X-DocuSign-Signature-1']]),
				[['envelope-completed', waiting.resumeUrl, 'delivered', 200, 'string']],
				'eventNotification deliveries (only the terminal event, signed, answered 200)',
			);

			const [out] = runOutput(detail, NODE);
			checkEqual(
				[out.status, out.event, out.envelopeId, out.accountId, out.emailSubject],
				['completed', 'envelope-completed', waiting.envelopeId, ACCOUNT, 'Please sign: Mutual NDA'],
				'DocuSign output (status, event, envelopeId, accountId, emailSubject)',
			);
			check(typeof out.completedDateTime === 'string' && !Number.isNaN(Date.parse(out.completedDateTime)), `completedDateTime: ${String(out.completedDateTime)}`);
			const recipients = out.recipients as Array<Record<string, unknown>>;
			checkEqual(
				recipients.map((r) => [r.recipientType, r.name, r.email, r.status, typeof r.signedDateTime]),
				[['signer', signer.name, signer.email, 'completed', 'string']],
				'DocuSign output recipients',
			);
			const [binary] = runBinary(detail, NODE);
			checkEqual(Object.keys(binary).sort(), ['certificate', 'combined'], 'binary fields of the output');
			for (const field of ['certificate', 'combined']) {
				checkEqual(
					[binary[field].mimeType, binary[field].fileName],
					['application/pdf', `${waiting.envelopeId}_${field}.pdf`],
					`binary ${field} (mimeType, fileName)`,
				);
			}
			checkEqual(runOutput(detail, AFTER).map((j) => [j.status, j.envelopeId]), [['completed', waiting.envelopeId]], 'the item reaching the next node');
			// Still no envelope read: the outcome came from the event; only the two documents were fetched.
			expectCounters(await sim.since(signed), { 'GET envelope': 0, 'GET envelopes': 0, 'GET envelope/document': 2, 'POST envelopes': 0 });
		},
		'the sender voids the envelope in DocuSign: the execution finishes with voided and the reason': async (ctx) => {
			const { sim } = ctx;
			const server = await ensureServer(ctx);
			const waiting = await startWaiting(sim, server, { name: 'Victor Void', email: 'victor.void@example.com' });
			const mark = await sim.mark();
			const voided = await sim.http.put(
				`${await restBase(sim)}/envelopes/${waiting.envelopeId}`,
				{ status: 'voided', voidedReason: VOID_REASON },
				{ headers: { Authorization: `Bearer ${await aliceToken(sim)}` } },
			);
			checkEqual(voided.status, 200, `PUT /envelopes/{id} voided (${JSON.stringify(voided.data)})`);
			const { summary, detail } = await finished(server, waiting.executionId);
			checkEqual(summary.status, 'success', `execution ${waiting.executionId} status`);
			const [out] = runOutput(detail, NODE);
			checkEqual(
				[out.status, out.event, out.envelopeId, out.voidedReason],
				['voided', 'envelope-voided', waiting.envelopeId, VOID_REASON],
				'DocuSign output (status, event, envelopeId, voidedReason)',
			);
			check(typeof out.voidedDateTime === 'string', `voidedDateTime: ${String(out.voidedDateTime)}`);
			checkEqual(Object.keys(runBinary(detail, NODE)[0]), [], 'binary fields of a voided envelope (none)');
			checkEqual(
				(await envelopeDeliveries(sim, waiting.envelopeId)).map((d) => [d.event, d.state, d.lastStatus]),
				[['envelope-voided', 'delivered', 200]],
				'eventNotification deliveries',
			);
			expectCounters(await sim.since(mark), { 'GET envelope': 0, 'GET envelope/document': 0 });
		},
		'forged resume calls get 401 and the execution keeps waiting until the signer declines': async (ctx) => {
			const { sim } = ctx;
			try {
				const server = await ensureServer(ctx);
				const { executionId, envelopeId, resumeUrl } = await startWaiting(sim, server, { name: 'Fiona Forged', email: 'fiona.forged@example.com' });
				const mark = await sim.mark();

				// Right URL, body signed with a key that is not the account's.
				const wrongHmac = await sim.deliver({ url: resumeUrl, envelopeId, event: 'envelope-completed', hmac: 'invalid', maxAttempts: 1 });
				// Right URL, no X-DocuSign-Signature at all.
				const unsigned = await sim.deliver({ url: resumeUrl, envelopeId, event: 'envelope-completed', hmac: 'none', maxAttempts: 1 });
				// A valid DocuSign signature, but the URL without n8n's signature, or with another one.
				const url = new URL(resumeUrl);
				url.searchParams.delete('signature');
				const noUrlSignature = await sim.deliver({ url: url.toString(), envelopeId, event: 'envelope-completed', hmac: 'valid', maxAttempts: 1 });
				url.searchParams.set('signature', 'f'.repeat(64));
				const wrongUrlSignature = await sim.deliver({ url: url.toString(), envelopeId, event: 'envelope-completed', hmac: 'valid', maxAttempts: 1 });
				checkEqual(
					[wrongHmac, unsigned, noUrlSignature, wrongUrlSignature].map((records) => records.map((r) => r.attempts.map((a) => a.status))),
					[[[401]], [[401]], [[401]], [[401]]],
					'statuses n8n answered (wrong HMAC, no HMAC, no URL signature, wrong URL signature)',
				);
				await stillWaiting(server, executionId, 'after four forged calls');
				expectCounters(await sim.since(mark), { 'GET envelope/document': 0, 'GET envelope': 0 });

				// The genuine event still resumes it.
				checkEqual(
					await sim.recipient(envelopeId, '1', 'decline', DECLINE_REASON),
					{ envelopeStatus: 'declined', recipientStatus: 'declined' },
					'control API decline',
				);
				const { summary, detail } = await finished(server, executionId);
				checkEqual(summary.status, 'success', `execution ${executionId} status`);
				const [out] = runOutput(detail, NODE);
				checkEqual(
					[out.status, out.envelopeId, out.declinedReason],
					['declined', envelopeId, DECLINE_REASON],
					'DocuSign output (status, envelopeId, declinedReason)',
				);
				checkEqual(Object.keys(runBinary(detail, NODE)[0]), [], 'binary fields of a declined envelope (none)');
			} finally {
				await state.server?.stop();
				state.server = undefined;
			}
		},
	},
});
