/**
 * Bad input, each against the local DocuSign simulator in n8n's real engine: every case must end in
 * a clear error before any eSignature call, with no envelope created (a PKCS#8 key must simply
 * work). Auth problems need the auth server to find out, so their token/userinfo calls are counted
 * apart. Then every failing case runs again with n8n's logger and the console captured, and no
 * secret may show anywhere.
 *
 * `RELIABILITY_REPORT=1 npx jest test/reliability` also writes the messages to test/reliability/badInput.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import nock from 'nock';
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { clearAccountCache } from '../../nodes/DocuSign/transport';
import type { RunResult } from '../engine/harness';
import { memoryBinary } from '../engine/binaryData';
import { SEED_IDS, TEMPLATE_IDS, startSimulator, type Simulator } from '../simulator';
import {
	ALICE,
	IK,
	LogCapture,
	NODE_NAME,
	contractItems,
	createParameters,
	findLeaks,
	isRest,
	jwtCredential,
	knownSecrets,
	runNode,
	runSurfaces,
} from './kit';

const MISSING_ENVELOPE = '5a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
const UNKNOWN_IK = '11111111-2222-4333-8444-555555555555';

interface Case {
	name: string;
	credential?: (sim: Simulator) => ICredentialDataDecryptedObject;
	parameters?: INodeParameters;
	items?: () => INodeExecutionData[];
	/** The error's message; a function when it names something only known at run time. */
	message: string | ((sim: Simulator) => string);
	description?: RegExp;
	/** Calls the simulator saw: to the auth server (token + userinfo) and to the eSignature REST API. */
	calls: { auth: number; rest: number };
}

const signer = (extra: INodeParameters = {}): INodeParameters => ({
	signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1, ...extra }] },
});
const pdfItem = () => contractItems(1);
const envelopeGet = (envelopeId: string): INodeParameters => ({
	resource: 'envelope',
	operation: 'get',
	envelopeId: { __rl: true, mode: 'id', value: envelopeId },
});

const cases: Case[] = [
	{
		name: 'malformed PEM (key cut short)',
		credential: (sim) => jwtCredential(sim, { privateKey: sim.seed.integrationKeys[0].privateKeyPkcs1.slice(0, 900) }),
		message:
			'The RSA private key in the DocuSign JWT credential is not usable: the "-----BEGIN …-----" line has no matching "-----END …-----" line. Paste the whole key DocuSign generated for the integration key, from "-----BEGIN RSA PRIVATE KEY-----" to "-----END RSA PRIVATE KEY-----" (PKCS#8 "BEGIN PRIVATE KEY" works too).',
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'malformed PEM (a character lost inside)',
		credential: (sim) => {
			const pem = sim.seed.integrationKeys[0].privateKeyPkcs1;
			const cut = pem.indexOf('\n', 200);
			return jwtCredential(sim, { privateKey: pem.slice(0, cut - 5) + pem.slice(cut - 4) });
		},
		message:
			'The RSA private key in the DocuSign JWT credential is not usable: its base64 body does not decode to a private key (a character is missing or the text was cut). Paste the whole key DocuSign generated for the integration key, from "-----BEGIN RSA PRIVATE KEY-----" to "-----END RSA PRIVATE KEY-----" (PKCS#8 "BEGIN PRIVATE KEY" works too).',
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'public key pasted instead of the private key',
		credential: (sim) => jwtCredential(sim, { privateKey: sim.seed.integrationKeys[0].publicKey }),
		message:
			'The RSA private key in the DocuSign JWT credential is not usable: it is a public key, not a private key (DocuSign shows both; use the private one). Paste the whole key DocuSign generated for the integration key, from "-----BEGIN RSA PRIVATE KEY-----" to "-----END RSA PRIVATE KEY-----" (PKCS#8 "BEGIN PRIVATE KEY" works too).',
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'key of another integration key',
		credential: (sim) => jwtCredential(sim, { privateKey: sim.seed.integrationKeys[1].privateKeyPkcs1 }),
		message: `DocuSign rejected the JWT signature for integration key ${IK}`,
		description: /^The private key does not belong to this integration key\./,
		calls: { auth: 1, rest: 0 },
	},
	{
		name: 'user ID that is not a GUID (the e-mail address)',
		credential: (sim) => jwtCredential(sim, { userId: 'alice@acme.example' }),
		message: 'The user ID in the DocuSign JWT credential is not a GUID',
		description: /not the e-mail address or the account ID/,
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'user who has not given consent',
		credential: (sim) => jwtCredential(sim, { userId: SEED_IDS.users.bob, redirectUri: 'https://app.example.com/callback' }),
		message: (sim) =>
			`DocuSign user ${SEED_IDS.users.bob} has not yet given consent to integration key ${IK}. Open this URL once, sign in as that user and accept: ${sim.url}/oauth/auth?response_type=code&scope=signature%20impersonation&client_id=${IK}&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback`,
		calls: { auth: 1, rest: 0 },
	},
	{
		name: 'integration key unknown in this environment',
		credential: (sim) => jwtCredential(sim, { integrationKey: UNKNOWN_IK }),
		message: (sim) => `Integration key ${UNKNOWN_IK} is unknown at the ${sim.url} auth server`,
		description: /keys made in a developer account only work with "Developer"/,
		calls: { auth: 1, rest: 0 },
	},
	{
		name: 'user not in the account',
		credential: (sim) => jwtCredential(sim, { accountId: SEED_IDS.accounts.initechNa }),
		message: `DocuSign user Alice Adams <alice@acme.example> (${ALICE}) is not a member of account ${SEED_IDS.accounts.initechNa}`,
		description: /^The user belongs to: "Acme Corp" \(.*, default\); "Acme Europe GmbH" .*; "Globex Pty Ltd" .*\. Set the credential's Account ID/,
		calls: { auth: 2, rest: 0 },
	},
	{
		name: 'missing binary',
		items: () => [{ json: {} }],
		message: 'Item 1: Document 1: the input item has no binary field "data"',
		description: /^The item has no binary data at all\./,
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'binary in another field',
		items: () => [{ json: {}, binary: { contract: pdfItem()[0].binary!.data } }],
		message: 'Item 1: Document 1: the input item has no binary field "data"',
		description: /^The item's binary fields are: "contract"\./,
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'empty binary',
		items: () => [{ json: {}, binary: { data: memoryBinary(Buffer.alloc(0), { fileName: 'empty.pdf', mimeType: 'application/pdf' }) } }],
		message: 'Item 1: Document 1: the file in "empty.pdf" (binary field "data") is empty',
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'zero signers',
		parameters: { signers: { signer: [] } },
		message: 'Item 1: the envelope has no signer',
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'bad e-mail',
		parameters: signer({ email: 'jane.doe@example' }),
		message: 'Item 1: Signer 1\'s e-mail "jane.doe@example" is not a valid e-mail address',
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'negative routing order',
		parameters: signer({ routingOrder: -1 }),
		message: 'Item 1: Signer 1\'s routing order is -1; it must be a whole number of at least 1',
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'unknown template role',
		parameters: {
			resource: 'envelope',
			operation: 'createFromTemplate',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.offerLetter },
			templateRoles: { role: [{ roleName: 'Manger', name: 'Max', email: 'max@example.com', routingOrder: 0 }] },
			status: 'sent',
		},
		message: `Item 1: Role 1: template "Employment Offer Letter" (${TEMPLATE_IDS.offerLetter}) has no role "Manger"`,
		description: /^The template's roles are: "Signer" \(signer\), "Manager" \(signer\), "CC" \(carbon copy\)\./,
		// Reading the template's roles is the only call; nothing is created.
		calls: { auth: 2, rest: 1 },
	},
	{
		name: 'envelope ID that is not a GUID (mapped from an earlier node)',
		parameters: envelopeGet('={{ $json.envelopeId }}'),
		items: () => [{ json: { envelopeId: 'envelope-42' } }],
		message: 'Envelope: "envelope-42" is not an envelope ID or a DocuSign envelope link',
		calls: { auth: 0, rest: 0 },
	},
	{
		name: 'envelope ID that does not exist',
		parameters: envelopeGet(MISSING_ENVELOPE),
		message:
			'DocuSign could not read the envelope: ENVELOPE_DOES_NOT_EXIST – The envelope specified either does not exist or you have no rights to it.',
		description: /^No envelope with this ID exists in the account\. Check the envelope ID and that the credential points at the account that owns it\.$/,
		// DocuSign is the only one who can tell: one GET, answered with its error, explained.
		calls: { auth: 2, rest: 1 },
	},
];

let sim: Simulator;
const recorded: Array<{ name: string; message: string; description: string }> = [];
const hygiene = { cases: 0, surfaces: 0, leaks: [] as string[] };

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sim = await startSimulator({ allowHttpListeners: true });
});
afterAll(async () => {
	await sim.close();
	if (process.env.RELIABILITY_REPORT) writeFileSync(join(__dirname, 'badInput.md'), markdown());
});

async function runCase(testCase: Case, capture = false): Promise<{ result: RunResult; logs: string[] }> {
	sim.reset();
	clearAccountCache();
	const logs = capture ? new LogCapture().start() : undefined;
	try {
		const result = await runNode({
			parameters: createParameters({ ...testCase.parameters }),
			items: testCase.items?.() ?? pdfItem(),
			credential: testCase.credential?.(sim) ?? jwtCredential(sim),
		});
		return { result, logs: logs?.lines ?? [] };
	} finally {
		logs?.stop();
	}
}

function callsSeen(): { auth: number; rest: number } {
	const rest = sim.requestLog.filter(isRest).length;
	return { auth: sim.requestLog.length - rest, rest };
}

describe('bad input: a clear error, no envelope', () => {
	it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
		const { result } = await runCase(testCase);
		const message = String(result.error?.message);
		recorded.push({ name: testCase.name, message, description: String(result.error?.description ?? '') });

		expect(message).toBe(typeof testCase.message === 'function' ? testCase.message(sim) : testCase.message);
		if (testCase.description) expect(result.error?.description).toMatch(testCase.description);
		expect(result.outputOf(NODE_NAME)).toEqual([]);
		expect(sim.state.envelopes.size).toBe(0);
		expect(sim.requestLog.filter((entry) => entry.endpoint === 'POST envelopes')).toEqual([]);
		expect(callsSeen()).toEqual(testCase.calls);
	});

	it('a PKCS#8 key ("BEGIN PRIVATE KEY") where DocuSign hands out PKCS#1 works', async () => {
		const pkcs8 = sim.seed.integrationKeys[0].privateKeyPkcs8;
		expect(pkcs8).toMatch(/^-----BEGIN PRIVATE KEY-----/);
		const { result } = await runCase({ name: 'pkcs8', credential: () => jwtCredential(sim, { privateKey: pkcs8 }), message: '', calls: { auth: 0, rest: 0 } });
		expect(result.error).toBeUndefined();
		expect(result.outputOf(NODE_NAME)[0].json).toMatchObject({ status: 'sent' });
		expect(sim.state.envelopes.size).toBe(1);
	});

	it('a PKCS#8 key pasted with literal \\n and no line breaks works too', async () => {
		const flat = sim.seed.integrationKeys[0].privateKeyPkcs8.trim().replace(/\n/g, '\\n');
		const { result } = await runCase({ name: 'pkcs8 flat', credential: () => jwtCredential(sim, { privateKey: flat }), message: '', calls: { auth: 0, rest: 0 } });
		expect(result.error).toBeUndefined();
		expect(sim.state.envelopes.size).toBe(1);
	});
});

describe('secret hygiene of bad input', () => {
	it('no failing case shows a key, token, client secret, assertion or HMAC key anywhere', async () => {
		for (const testCase of cases) {
			const { result, logs } = await runCase(testCase, true);
			expect(result.error).toBeDefined();
			const surfaces = runSurfaces(result, logs);
			// A wrong key is still a secret: the one the case put in the credential counts too.
			const given = testCase.credential?.(sim);
			const secrets = knownSecrets(sim, given ? [String(given.privateKey)] : []);
			hygiene.cases++;
			hygiene.surfaces += Object.keys(surfaces).length;
			hygiene.leaks.push(...findLeaks(surfaces, secrets).map((leak) => `${testCase.name}: ${leak}`));
		}
		expect(hygiene.cases).toBe(cases.length);
		expect(hygiene.leaks).toEqual([]);
	});
});

function markdown(): string {
	const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
	const lines = [
		'# Bad input',
		'',
		'Generated by `RELIABILITY_REPORT=1 npx jest test/reliability/badInput.test.ts`: what the DocuSign node says, in',
		'n8n-core 2.41.1\'s WorkflowExecute against the local simulator. No case created an envelope; a PKCS#8 key works.',
		'',
		'| Case | Message | Description |',
		'|---|---|---|',
		...recorded.map(({ name, message, description }) => `| ${name} | ${cell(message)} | ${cell(description)} |`),
		'',
		`Secret hygiene: ${hygiene.cases} failing cases made again with n8n's logger and the console captured, ${hygiene.surfaces} surfaces checked, ${hygiene.leaks.length} leaks.`,
		'',
	];
	return lines.join('\n');
}
