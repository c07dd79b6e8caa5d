/**
 * Signing as a person does, in headless Chromium: a published Webhook → DocuSign Send and Wait for
 * Completion workflow sends the Data Processing Agreement template (Acme Europe) and waits; the
 * signer opens the simulator's inbox (`GET /` on the simulator), finds the envelope at the top, opens
 * its document, fills in the required text field and clicks Sign; the waiting execution finishes
 * with the completed envelope. Screenshots go to artifacts/inbox-*.png.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SEED_IDS, TEMPLATE_IDS } from '../../simulator';
import { imageStats, launchChromium, loopbackPage } from '../lib/browser';
import { check, checkEqual, expectCounters } from '../lib/check';
import { defineScenario } from '../lib/scenario';
import { N8nServer, runOutput, waitFor } from '../lib/server';
import { chainWorkflow, docuSignNode, fixedId, hmacCredential, jwtCredential } from '../lib/workflows';

const WF = fixedId('wfInboxSign');
const CRED_JWT = fixedId('crInboxJwt');
const CRED_HMAC = fixedId('crInboxHmac');
const WEBHOOK_ID = '5d7e2a91-6b3c-4e8f-a1d2-9c0b8e7f6a51';
const WEBHOOK_PATH = 'e2e-inbox-sign';
const NODE = 'DocuSign';
// Its own account and HMAC key: independent of the other Send and Wait scenario.
const ACCOUNT = SEED_IDS.accounts.acmeEu;
const HMAC_KEY = randomBytes(32).toString('base64');
const SIGNER = { name: 'Ines Inbox', email: 'ines.inbox@example.com' };
const CONTROLLER = 'Acme Europe GmbH <controller> & Co';

async function shot(page: Page, file: string, log: (m: string) => void): Promise<void> {
	const png = await page.screenshot({ path: file, fullPage: true });
	const stats = await imageStats(page, png);
	log(`screenshot ${file}: ${png.length} bytes, ${stats.colors} colours, luminance stddev ${stats.stddev.toFixed(1)}`);
	check(png.length > 10_000 && stats.colors > 20 && stats.stddev > 5, `the screenshot ${file} looks blank`);
}

export default defineScenario({
	name: 'Signer inbox',
	async fixtures({ sim, seed }) {
		await sim.addHmacKey(ACCOUNT, HMAC_KEY);
		const jwt = jwtCredential({ sim, seed }, { id: CRED_JWT, name: 'DocuSign JWT (Alice, Acme Europe, inbox)', accountId: ACCOUNT });
		const hmac = hmacCredential(CRED_HMAC, 'DocuSign Connect HMAC (Acme Europe, inbox)', HMAC_KEY);
		const sendAndWait = docuSignNode(NODE, jwt, {
			resource: 'envelope',
			operation: 'sendAndWait',
			source: 'template',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.dataProcessing },
			templateRoles: { role: [{ roleName: 'Signer', name: '={{ $json.body.signer.name }}', email: '={{ $json.body.signer.email }}' }] },
			emailSubject: '',
			options: {},
			waitOptions: { downloadDocuments: false },
		});
		sendAndWait.credentials = { ...sendAndWait.credentials, docuSignConnectHmacApi: { id: hmac.id, name: hmac.name } };
		const webhook = {
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: WEBHOOK_ID,
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
		};
		return { credentials: [jwt, hmac], workflows: [chainWorkflow(WF, 'e2e inbox: webhook → send and wait', [sendAndWait], webhook)] };
	},
	cases: {
		'the signer opens the inbox in Chromium, fills in the field, clicks Sign, and the waiting execution finishes': async ({ n8n, sim, artifactsDir, log }) => {
			const server = await N8nServer.start(n8n);
			let browser: Browser | undefined;
			let page: Page | undefined;
			let passed = false;
			const blocked: string[] = [];
			try {
				await server.activate(WF);
				const webhookUrl = `${server.url}/webhook/${WEBHOOK_PATH}`;
				await waitFor(`POST ${webhookUrl} answered by the registered webhook`, async () => {
					const res = await fetch(webhookUrl, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ signer: SIGNER }),
						signal: AbortSignal.timeout(60_000),
					});
					if (res.status === 404) return undefined;
					checkEqual(res.status, 200, `POST ${webhookUrl} status`);
					return true;
				}, 30_000, 500);
				const execution = await waitFor('the execution to wait', async () => {
					const [latest] = await server.executions(WF);
					if (latest && ['error', 'crashed', 'success'].includes(latest.status)) throw new Error(`execution ${latest.id} ended ${latest.status} instead of waiting`);
					return latest?.status === 'waiting' ? latest : undefined;
				}, 90_000, 500);
				const envelopeId = String(runOutput(await server.execution(execution.id), NODE)[0].envelopeId);
				log(`execution ${execution.id} waits for envelope ${envelopeId}`);

				browser = await launchChromium();
				page = await loopbackPage(browser, blocked);
				const mark = await sim.mark();
				await page.goto(`${sim.url}/`);
				// The newest envelope is first, with the signer's row, its document and the three actions.
				const first = page.locator('section.envelope').first();
				checkEqual(await first.getAttribute('data-envelope-id'), envelopeId, 'the first envelope of the inbox');
				check((await first.locator('h2').innerText()).includes('sent'), 'the envelope shows its status (sent)');
				check((await first.innerText()).includes('From Alice Adams <alice@acme.example> · Acme Europe GmbH'), 'the envelope shows its sender and account');
				const signerRow = first.locator('tr[data-recipient-id="1"]');
				check((await signerRow.innerText()).includes(`${SIGNER.name}\n${SIGNER.email}`), `the recipient row shows ${SIGNER.name}`);
				const href = await first.locator('.documents a').first().getAttribute('href');
				const doc = await page.request.get(`${sim.url}${href}`);
				checkEqual([doc.status(), doc.headers()['content-type']], [200, 'application/pdf'], `GET ${href} (the document link)`);
				checkEqual((await doc.body()).subarray(0, 5).toString(), '%PDF-', 'the document link serves the PDF');

				const sign = signerRow.locator('form.sign');
				const field = sign.locator('input[name^="tab_"]');
				checkEqual(await field.count(), 1, 'text fields in the Sign form (controller_name)');
				await field.fill(CONTROLLER);
				await shot(page, join(artifactsDir, 'inbox-before-sign.png'), log);
				await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === 'sign'), sign.locator('button', { hasText: 'Sign' }).click()]);
				const flash = await page.locator('.flash').innerText();
				checkEqual(flash, `${SIGNER.name} signed "Please sign: Data Processing Agreement": the envelope is completed.`, 'the message after Sign');
				await shot(page, join(artifactsDir, 'inbox-signed.png'), log);

				const summary = await waitFor('the execution to finish', async () => {
					const found = (await server.executions(WF)).find((e) => e.id === execution.id);
					return found && !['waiting', 'running', 'new'].includes(found.status) ? found : undefined;
				}, 90_000, 500);
				checkEqual(summary.status, 'success', `execution ${execution.id} status`);
				const [out] = runOutput(await server.execution(execution.id), NODE);
				checkEqual([out.status, out.event, out.envelopeId], ['completed', 'envelope-completed', envelopeId], 'DocuSign output after signing in the inbox');
				const stored = await sim.envelope(envelopeId);
				checkEqual(stored.recipients.find((r) => r.type === 'signers')?.tabs?.textTabs?.map((t) => [t.tabLabel, t.value]), [['controller_name', CONTROLLER]], 'the text field as typed');
				// The inbox is a person's browser, not an API client; the node read nothing either.
				expectCounters(await sim.since(mark), { 'GET envelope': 0, 'GET envelopes': 0, 'POST envelopes': 0 });
				passed = true;
			} finally {
				if (!passed && page) await page.screenshot({ path: join(artifactsDir, 'inbox-failure.png'), fullPage: true }).catch(() => undefined);
				await browser?.close();
				if (blocked.length) log(`refused ${blocked.length} non-loopback request(s): ${[...new Set(blocked)].slice(0, 5).join(' ')}`);
				await server.stop();
			}
		},
	},
});
