/**
 * Editor smoke test: `n8n start` with the package installed serves its node and credential types,
 * and a person can log in, create a workflow and put the DocuSign node on the canvas (headless Chromium).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { imageStats, launchChromium, loopbackPage } from '../lib/browser';
import { check, checkEqual } from '../lib/check';
import type { N8n } from '../lib/n8n';
import type { Background } from '../lib/proc';
import { defineScenario, type Context } from '../lib/scenario';
import { DOCUSIGN_NODE_TYPE } from '../lib/workflows';

const OWNER = { email: 'owner@e2e.example', firstName: 'E2E', lastName: 'Owner', password: 'E2e-password-1' };
const CREDENTIAL_TYPES = ['docuSignOAuth2Api', 'docuSignJwtApi'];
// Accepted by the DocuSign node too: the Connect HMAC keys that Send and Wait checks resume calls with.
const NODE_CREDENTIAL_TYPES = [...CREDENTIAL_TYPES, 'docuSignConnectHmacApi'];

/** Shared by the cases below: one server, one owner. */
const state: { n8n?: N8n; server?: Background; url?: string; cookie?: string } = {};


async function rest<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
	const res = await fetch(`${state.url}${path}`, {
		...init,
		headers: { 'content-type': 'application/json', ...(state.cookie ? { cookie: state.cookie } : {}), ...init.headers },
		signal: AbortSignal.timeout(60_000),
	});
	const text = await res.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON
	}
	return { status: res.status, body: body as T };
}

/** What a parameter field shows: its input's value, else its text. */
async function fieldValue(field: Locator): Promise<string> {
	return await field.evaluate((el) => {
		const input = el.querySelector('input');
		return (input?.value || el.textContent || '').trim();
	});
}

/** Starts `n8n start` in a fresh user folder and creates the owner, once for both cases. */
async function ensureServer({ newN8n, log }: Context): Promise<void> {
	if (state.url && state.cookie) return;
	state.n8n = await newN8n('editor');
	const started = Date.now();
	const { url, process } = await state.n8n.startServer();
	state.server = process;
	state.url = url;
	log(`n8n start ready on ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	checkEqual(setup.status, 200, 'POST /rest/owner/setup status');
	const cookie = setup.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	check(cookie, 'owner setup returned no n8n-auth cookie');
	state.cookie = cookie.split(';')[0];
}

/** The labels above each credential field of the open node details view, in panel order. */
async function credentialLabels(ndv: Locator): Promise<string[]> {
	return await ndv.locator('[data-test-id=credentials-label]').evaluateAll((labels) =>
		labels.map((label) => (label.querySelector('label')?.textContent ?? label.textContent ?? '').replace(/\s+/g, ' ').trim()),
	);
}

/** A browser page that only reaches loopback, signed in as the owner; refused URLs go to `blocked`. */
async function signedInPage(browser: Browser, blocked: string[]): Promise<Page> {
	const page = await loopbackPage(browser, blocked);
	await page.goto(`${state.url}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
	await page.fill('input[name=password]', OWNER.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
	return page;
}

/** A new workflow: a manual trigger, then the DocuSign action named `action` after it, as a person would add them. */
async function addDocuSignAction(page: Page, action: string): Promise<void> {
	await page.goto(`${state.url}/workflow/new`);
	await page.click('[data-test-id=canvas-add-button]');
	await page.locator('[data-test-id=node-creator-search-bar]').waitFor();
	await page.click('[data-test-id=node-creator-item-name]:text-is("Trigger manually")');
	await page.waitForFunction(() => document.querySelectorAll('[data-test-id=canvas-node]').length === 1);
	await page.click('[data-test-id=node-creator-plus-button]');
	await page.locator('[data-test-id=node-creator-search-bar]').waitFor();
	await page.keyboard.type('DocuSign');
	await page.click('[data-test-id=node-creator-item-name]:text-is("DocuSign")');
	await page.getByText(action, { exact: true }).click();
}

/**
 * Runs `work` in a fresh headless Chromium signed in as the owner (loopback only); on failure takes
 * a screenshot named `failureShot`; reports refused requests; then `after` (e.g. stopping n8n).
 */
async function inEditor(ctx: Context, failureShot: string, work: (page: Page) => Promise<void>, after?: () => Promise<unknown>): Promise<void> {
	const { artifactsDir, log } = ctx;
	await ensureServer(ctx);
	let browser: Browser | undefined;
	let page: Page | undefined;
	let passed = false;
	const blocked: string[] = [];
	try {
		browser = await launchChromium();
		page = await signedInPage(browser, blocked);
		await work(page);
		passed = true;
	} finally {
		if (!passed && page) {
			const failure = join(artifactsDir, failureShot);
			await page.screenshot({ path: failure }).then(() => log(`screenshot at the failure: ${failure}`), () => undefined);
		}
		await browser?.close();
		if (blocked.length) log(`refused ${blocked.length} non-loopback request(s) from the editor: ${[...new Set(blocked)].slice(0, 5).join(' ')}`);
		await after?.();
	}
}

export default defineScenario({
	name: 'Editor smoke',
	cases: {
		'n8n start serves the DocuSign node and both credential types': async (ctx) => {
			const { log } = ctx;
			await ensureServer(ctx);
			const nodes = await rest<Array<{ name: string; credentials?: Array<{ name: string }> }>>('/types/nodes.json');
			checkEqual(nodes.status, 200, '/types/nodes.json status');
			const docuSign = nodes.body.filter((n) => n.name === DOCUSIGN_NODE_TYPE);
			check(docuSign.length > 0, `/types/nodes.json has no ${DOCUSIGN_NODE_TYPE}`);
			checkEqual(
				[...new Set(docuSign.flatMap((n) => (n.credentials ?? []).map((c) => c.name)))].sort(),
				[...NODE_CREDENTIAL_TYPES].sort(),
				`credential types the ${DOCUSIGN_NODE_TYPE} node accepts`,
			);
			const credentials = await rest<Array<{ name: string; displayName: string }>>('/types/credentials.json');
			checkEqual(credentials.status, 200, '/types/credentials.json status');
			for (const type of CREDENTIAL_TYPES) {
				const found = credentials.body.find((c) => c.name === type);
				check(found, `/types/credentials.json has no ${type}`);
				log(`credential type ${type}: "${found.displayName}"`);
			}
		},
		'the Send and Wait panel says what each credential field is for, and offers the Account parameter': async (ctx) => {
			const { artifactsDir, log } = ctx;
			await inEditor(ctx, 'editor-send-and-wait-failure.png', async (page) => {
				await addDocuSignAction(page, 'Send an envelope and wait for completion');

				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				// Two credential slots: the DocuSign login and the optional Connect HMAC key.
				await page.waitForFunction(() => document.querySelectorAll('[data-test-id=ndv] [data-test-id=node-credentials-slot]').length === 2);
				await ndv.locator('[data-test-id=parameter-input-accountSource]').waitFor();
				const operation = await fieldValue(ndv.locator('[data-test-id=parameter-input-operation]'));
				check(/wait/i.test(operation), `the operation should be Send and Wait; the panel shows "${operation}"`);
				const labels = await credentialLabels(ndv);
				log(`credential labels with Send and Wait: ${JSON.stringify(labels)}`);
				checkEqual(
					labels,
					['DocuSign Login (OAuth2)', 'Connect HMAC Key to Verify Resume Calls (Optional)'],
					'credential field labels with Send and Wait chosen',
				);
				checkEqual(await fieldValue(ndv.locator('[data-test-id=parameter-input-accountSource]')), "Credential's Account", 'Account (default)');
				const notice = await ndv.getByText('Connect HMAC Key to Verify Resume Calls (Optional)', { exact: false }).count();
				check(notice >= 2, `the Send and Wait notice should name the HMAC field (found the text ${notice} time(s))`);
				const file = join(artifactsDir, 'editor-send-and-wait.png');
				await ndv.screenshot({ path: file });
				log(`screenshot of the Send and Wait panel: ${file}`);

				// Picking another account shows the account locator.
				await ndv.locator('[data-test-id=parameter-input-accountSource]').click();
				await page.locator('.el-select-dropdown__item:visible', { hasText: 'Pick an Account' }).click();
				await ndv.locator('[data-test-id=resource-locator-account], [data-test-id=parameter-input-account]').first().waitFor();
				const accountLabel = await ndv.getByText('Account to Use', { exact: true }).count();
				check(accountLabel === 1, `"Account to Use" should appear once after picking another account (found ${accountLabel})`);
				const picked = join(artifactsDir, 'editor-account-picker.png');
				await ndv.screenshot({ path: picked });
				log(`screenshot with Pick an Account: ${picked}`);
			});
		},
		'a person logs in, creates a workflow and adds the DocuSign node': async (ctx) => {
			const { artifactsDir, log } = ctx;
			await inEditor(ctx, 'editor-failure.png', async (page) => {
				await addDocuSignAction(page, 'Get the connected account');

				// The node's details view opens with the action's resource and operation chosen.
				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				await ndv.locator('[data-test-id=node-credentials-slot]').waitFor();
				const resource = await fieldValue(ndv.locator('[data-test-id=parameter-input-resource]'));
				const operation = await fieldValue(ndv.locator('[data-test-id=parameter-input-operation]'));
				checkEqual([resource, operation], ['Account', 'Get'], 'Resource and Operation in the node details view');
				await page.keyboard.press('Escape');
				await ndv.waitFor({ state: 'hidden' });

				const canvasNodes = page.locator('[data-test-id=canvas-node]');
				await page.waitForFunction(() => document.querySelectorAll('[data-test-id=canvas-node]').length === 2);
				const titles = await canvasNodes.allInnerTexts();
				check(
					titles.some((t) => t.includes('Get the connected account')),
					`the canvas should show the DocuSign node; it shows: ${JSON.stringify(titles)}`,
				);

				// Saved (n8n also autosaves): the stored workflow gets the node, as the editor shows it.
				await page.keyboard.press('Control+s');
				await page.waitForURL((u) => /^\/workflow\/[A-Za-z0-9]+$/.test(u.pathname) && u.pathname !== '/workflow/new');
				const workflowId = new URL(page.url()).pathname.split('/').pop()!;
				type Saved = { data: { nodes: Array<{ type: string; parameters: Record<string, unknown> }> } };
				let saved: { status: number; body: Saved } | undefined;
				for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(500)) {
					saved = await rest<Saved>(`/rest/workflows/${workflowId}`);
					if (saved.status === 200 && saved.body.data.nodes.some((n) => n.type === DOCUSIGN_NODE_TYPE)) break;
				}
				checkEqual(saved?.status, 200, `GET /rest/workflows/${workflowId} status`);
				const node = saved!.body.data.nodes.find((n) => n.type === DOCUSIGN_NODE_TYPE);
				check(node, `saved workflow ${workflowId} has no ${DOCUSIGN_NODE_TYPE} node: ${JSON.stringify(saved!.body.data.nodes.map((n) => n.type))}`);
				checkEqual(node.parameters.resource, 'account', 'saved node resource');

				const file = join(artifactsDir, 'editor.png');
				const png = await page.screenshot({ path: file });
				const stats = await imageStats(page, png);
				const size = statSync(file).size;
				log(`screenshot ${file}: ${size} bytes, ${stats.colors} colours, luminance stddev ${stats.stddev.toFixed(1)}`);
				check(size > 20_000 && stats.colors > 100 && stats.stddev > 5, `the screenshot looks blank (${size} bytes, ${stats.colors} colours, stddev ${stats.stddev.toFixed(1)})`);
			}, async () => await state.server?.stop());
		},
	},
});
