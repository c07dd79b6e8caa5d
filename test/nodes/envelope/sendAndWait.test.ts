/**
 * Envelope → Send and Wait for Completion in n8n-core's real engine, nock playing DocuSign. The
 * execution waits as n8n 2.41 keeps it (saved as JSON) and is resumed through n8n-core's real
 * WebhookContext by calls of its resume URL on a loopback server that plays n8n's waiting-webhook
 * route (../../engine/waitingExecutions.ts), or by its wait limit passing, as n8n's WaitTracker does.
 */
import { memoryBinary } from '../../engine/binaryData';
import { startNode } from '../../engine/harness';
import { jsonOf } from '../../engine/waitingExecutions';

import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { clearAccountCache } from '../../../nodes/DocuSign/transport';
import { expectSpecValid } from '../kit';
import {
	ACCOUNT_ID,
	BASE_URI,
	REST_PATH,
	binaryBytes,
	envelopeSummary,
	nockCreateEnvelope,
	nockUserinfo,
	oauthCredential,
	readJson,
	readMultipart,
	type CapturedRequest,
} from './createFixtures';
import {
	HMAC_CREDENTIAL,
	NODE_ID,
	after,
	connectMessage,
	connections,
	deliver,
	host,
	post,
	resumeUrlOf,
	sendAndWaitNode,
	signatureOf,
	tamper,
	useWaitingHost,
} from './sendAndWaitKit';

useWaitingHost();

const KEY = 'hmac-key-1-Zq8V3xL0pR5tW7yB2nD4fH6jK9mC1aE=';
const OTHER_KEY = 'hmac-key-2-Yp7U2wK9oQ4sV6xA1mC3eG5iJ8lB0dF=';
const ENVELOPE_ID = envelopeSummary(1).envelopeId as string;

const unmatched: string[] = [];
const onNoMatch = (req: { method?: string; href?: string; path?: string }) => {
	const where = `${req.method ?? ''} ${req.href ?? req.path ?? ''}`;
	if (!where.includes('127.0.0.1')) unmatched.push(where);
};
beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
	nock.emitter.on('no match', onNoMatch);
});
beforeEach(() => {
	clearAccountCache();
	unmatched.length = 0;
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(unmatched).toEqual([]);
	expect(pending).toEqual([]);
});
afterAll(() => {
	nock.emitter.removeListener('no match', onNoMatch);
	nock.enableNetConnect();
});

const pdf = binaryBytes(20_000, 3);
const inputItem = (): INodeExecutionData => ({
	json: { dealId: 'D-7' },
	binary: { data: memoryBinary(pdf, { fileName: 'Agreement.pdf', mimeType: 'application/pdf' }) },
});

const fromDocuments: INodeParameters = {
	source: 'documents',
	emailSubject: 'Please sign: Service Agreement',
	documents: { document: [{ binaryPropertyName: 'data' }] },
	signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com' }] },
	carbonCopies: { carbonCopy: [{ name: 'Legal', email: 'legal@example.com', routingOrder: 2 }] },
};

function credentials(hmac: boolean, hmacData: IDataObject = { hmacSecret: KEY, additionalHmacSecrets: '' }) {
	return {
		'ds-cred': { type: 'docuSignOAuth2Api', name: 'Ada @ DocuSign', data: oauthCredential() },
		...(hmac ? { [HMAC_CREDENTIAL.id]: { type: 'docuSignConnectHmacApi', name: HMAC_CREDENTIAL.name, data: hmacData } } : {}),
	};
}

const nodeCredentials = (hmac: boolean) => ({
	docuSignOAuth2Api: { id: 'ds-cred', name: 'Ada @ DocuSign' },
	...(hmac ? { docuSignConnectHmacApi: HMAC_CREDENTIAL } : {}),
});

interface StartOptions {
	hmac?: boolean;
	withAfter?: boolean;
	inputItems?: INodeExecutionData[];
	hmacData?: IDataObject;
	continueOnFail?: boolean;
}

async function run(parameters: INodeParameters, options: StartOptions = {}) {
	const hmac = options.hmac ?? true;
	const withAfter = options.withAfter ?? true;
	return await host.run({
		nodes: [
			startNode(),
			sendAndWaitNode(
				{ authentication: 'oAuth2', ...parameters },
				nodeCredentials(hmac),
				options.continueOnFail ? { onError: 'continueRegularOutput' } : {},
			),
			...(withAfter ? [after()] : []),
		],
		connections: connections(withAfter),
		credentials: credentials(hmac, options.hmacData),
		inputItems: options.inputItems ?? [inputItem()],
	});
}

/** Runs Send and Wait (from documents) until it waits; DocuSign answers userinfo and the create. */
async function startWaiting(parameters: INodeParameters = {}, options: StartOptions = {}) {
	const captured: CapturedRequest[] = [];
	nockUserinfo();
	nockCreateEnvelope(captured);
	const execution = await run({ ...fromDocuments, ...parameters }, options);
	expect(execution.error?.message).toBeUndefined();
	expect(execution.status).toBe('waiting');
	expect(captured).toHaveLength(1);
	const { definition } = readMultipart(captured[0]);
	return { execution, definition, ...resumeUrlOf(definition) };
}

const recipients = {
	signers: [
		{
			recipientId: '1',
			recipientIdGuid: '5d1e6e4a-0000-4000-8000-000000000001',
			name: 'Jane Doe',
			email: 'jane@example.com',
			routingOrder: '1',
			status: 'completed',
			deliveredDateTime: '2025-01-03T09:58:00.0000000Z',
			signedDateTime: '2025-01-03T09:59:58.0000000Z',
			recipientType: 'signer',
		},
	],
	carbonCopies: [
		{ recipientId: '2', name: 'Legal', email: 'legal@example.com', routingOrder: '2', status: 'completed', recipientType: 'carboncopy' },
	],
};

const completed = (marker: string, envelopeId = ENVELOPE_ID) =>
	connectMessage('envelope-completed', {
		envelopeId,
		accountId: ACCOUNT_ID,
		marker,
		status: 'completed',
		recipients,
		extra: { completedDateTime: '2025-01-03T10:00:00.0000000Z' },
	});

describe('sending', () => {
	it("sends the envelope with its eventNotification at this execution's signed resume URL, and waits without reading the envelope", async () => {
		const { execution, definition, url, marker, signature } = await startWaiting();

		expectSpecValid('envelopeDefinition', definition);
		expect(definition.status).toBe('sent');
		// created: when the envelope was made, to know it once DocuSign drops the transactionId (7 days).
		const created = Number(new URL(url).searchParams.get('created'));
		expect(Math.abs(created - Date.now())).toBeLessThan(60_000);
		expect(url).toBe(`${host.waitingBaseUrl}/${execution.id}/${NODE_ID}?envelope=${marker}&created=${created}&signature=${signature}`);
		expect(marker).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(signature).toMatch(/^[0-9a-f]{64}$/);
		expect(definition.eventNotification).toEqual({
			url,
			deliveryMode: 'SIM',
			events: ['envelope-completed', 'envelope-declined', 'envelope-voided'],
			eventData: { version: 'restv2.1', format: 'json', includeData: ['custom_fields', 'recipients'] },
			includeHMAC: 'true',
			requireAcknowledgment: 'true',
			loggingEnabled: 'true',
		});
		// The event names the envelope by the transactionId the create gave it (Connect messages carry it);
		// no customFields, so the envelope keeps the account's own envelope custom fields.
		expect(definition.transactionId).toBe(marker);
		expect(definition.customFields).toBeUndefined();

		expect(execution.waitTill?.getTime()).toBe(WAIT_INDEFINITELY.getTime());
		expect(execution.outputOf('After')).toEqual([]);
		expect(execution.outputOf('DocuSign')).toEqual([
			{
				json: {
					envelopeId: ENVELOPE_ID,
					status: 'sent',
					accountId: ACCOUNT_ID,
					waitingFor: ['envelope-completed', 'envelope-declined', 'envelope-voided'],
					waitTill: WAIT_INDEFINITELY.toISOString(),
				},
				pairedItem: { item: 0 },
			},
		]);
		// Only userinfo and the create reached DocuSign (afterEach: no other call, none pending).
	});

	it('without a Connect HMAC credential asks DocuSign for no signature, and the signed URL alone admits the event', async () => {
		const { execution, definition, url, marker } = await startWaiting({}, { hmac: false });
		expect((definition.eventNotification as IDataObject).includeHMAC).toBe('false');

		const answer = await deliver(execution, url, completed(marker));

		expect(answer.status).toBe(200);
		expect(execution.status).toBe('success');
		expect(execution.outputOf('After')[0].json).toMatchObject({ status: 'completed', envelopeId: ENVELOPE_ID });
	});

	it('from a template: the same eventNotification on a template envelope', async () => {
		const TEMPLATE_ID = '2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21';
		nockUserinfo();
		nock(BASE_URI)
			.get(`${REST_PATH}/templates/${TEMPLATE_ID}`)
			.query({ include: 'tabs' })
			.reply(200, {
				templateId: TEMPLATE_ID,
				name: 'Mutual NDA',
				recipients: { signers: [{ roleName: 'Signer', recipientId: '1', routingOrder: '1', tabs: {} }] },
			});
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const execution = await run({
			source: 'template',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_ID },
			templateRoles: { role: [{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com' }] },
		});

		expect(execution.error?.message).toBeUndefined();
		expect(execution.status).toBe('waiting');
		const definition = readJson(captured[0]);
		expectSpecValid('envelopeDefinition', definition);
		expect(definition).toMatchObject({
			templateId: TEMPLATE_ID,
			status: 'sent',
			templateRoles: [{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com' }],
			eventNotification: { url: expect.stringContaining(`/webhook-waiting/${execution.id}/${NODE_ID}?envelope=`), includeHMAC: 'true' },
		});
		expect(execution.outputOf('DocuSign')[0].json).toMatchObject({ envelopeId: ENVELOPE_ID, templateName: 'Mutual NDA' });
	});
});

describe('resuming', () => {
	it('a signed envelope-completed event resumes it with the status, recipients and completion time of the event', async () => {
		const { execution, url, marker } = await startWaiting();
		const message = completed(marker);

		const answer = await deliver(execution, url, message, KEY);

		expect(answer.status).toBe(200);
		expect(execution.status).toBe('success');
		expect(execution.runs).toHaveLength(2);
		const output = execution.outputOf('After');
		expect(output).toEqual([
			{
				json: {
					status: 'completed',
					event: 'envelope-completed',
					envelopeId: ENVELOPE_ID,
					accountId: ACCOUNT_ID,
					emailSubject: 'Please sign: Service Agreement',
					sentDateTime: '2025-01-02T03:04:05.0000000Z',
					completedDateTime: '2025-01-03T10:00:00.0000000Z',
					declinedDateTime: null,
					voidedDateTime: null,
					statusChangedDateTime: '2025-01-03T10:00:00.0000000Z',
					eventDateTime: '2025-01-03T10:00:01.1230000Z',
					recipients: [
						{
							recipientId: '1',
							recipientType: 'signer',
							name: 'Jane Doe',
							email: 'jane@example.com',
							status: 'completed',
							routingOrder: 1,
							signedDateTime: '2025-01-03T09:59:58.0000000Z',
						},
						{
							recipientId: '2',
							recipientType: 'carbonCopy',
							name: 'Legal',
							email: 'legal@example.com',
							status: 'completed',
							routingOrder: 2,
							signedDateTime: null,
						},
					],
					payload: message,
				},
				pairedItem: { item: 0 },
			},
		]);
		// The DocuSign node ran once more (its resume), as n8n shows it: one run, the outcome.
		expect(execution.data.resultData.runData.DocuSign).toHaveLength(1);
		expect(execution.outputOf('DocuSign')).toEqual(output);
	});

	it.each([
		[
			'declined',
			{
				recipients: {
					signers: [
						{
							recipientId: '1',
							name: 'Jane Doe',
							email: 'jane@example.com',
							routingOrder: '1',
							status: 'declined',
							declinedDateTime: '2025-01-03T09:59:00.0000000Z',
							declinedReason: 'Wrong price',
						},
					],
				},
				extra: { declinedDateTime: '2025-01-03T09:59:00.0000000Z' },
			},
			{ declinedDateTime: '2025-01-03T09:59:00.0000000Z', declinedReason: 'Wrong price', completedDateTime: null },
		],
		[
			'voided',
			{ extra: { voidedDateTime: '2025-01-03T09:30:00.0000000Z', voidedReason: 'Superseded by v2' } },
			{ voidedDateTime: '2025-01-03T09:30:00.0000000Z', voidedReason: 'Superseded by v2', completedDateTime: null },
		],
	])('envelope-%s finishes it with that status', async (status, envelope, expected) => {
		const { execution, url, marker } = await startWaiting();

		const answer = await deliver(
			execution,
			url,
			connectMessage(`envelope-${status}`, { envelopeId: ENVELOPE_ID, accountId: ACCOUNT_ID, marker, status, ...envelope }),
			KEY,
		);

		expect(answer.status).toBe(200);
		expect(execution.status).toBe('success');
		expect(execution.outputOf('After')[0].json).toMatchObject({ status, event: `envelope-${status}`, ...expected });
	});

	it('an event that does not end the wait is answered 200, and the execution keeps waiting', async () => {
		const { execution, url, marker } = await startWaiting();
		const saved = JSON.stringify(execution.data);

		for (const event of ['envelope-sent', 'envelope-delivered', 'recipient-completed']) {
			const answer = await deliver(
				execution,
				url,
				connectMessage(event, { envelopeId: ENVELOPE_ID, accountId: ACCOUNT_ID, marker, status: 'sent', recipients }),
				KEY,
			);
			expect(answer).toEqual({
				status: 200,
				text: JSON.stringify({
					message: `Received ${event}; still waiting for envelope-completed, envelope-declined, envelope-voided`,
				}),
			});
		}
		expect(execution.status).toBe('waiting');
		expect(JSON.stringify(execution.data)).toBe(saved);

		await deliver(execution, url, completed(marker), KEY);
		expect(execution.status).toBe('success');
	});

	it('a terminal event DocuSign sends again after the execution finished gets "no action required" (200) and changes nothing', async () => {
		const { execution, url, marker } = await startWaiting();
		await deliver(execution, url, completed(marker), KEY);
		const finished = JSON.stringify(execution.data);

		const again = await deliver(execution, url, completed(marker), KEY);

		expect(again).toEqual({ status: 200, text: 'send-and-wait-no-action-required' });
		expect(JSON.stringify(execution.data)).toBe(finished);
		expect(execution.runs).toHaveLength(2);
	});
});

describe('refusing calls that do not prove themselves (401, still waiting)', () => {
	async function expectStillWaiting(execution: Awaited<ReturnType<typeof startWaiting>>['execution'], saved: string) {
		expect(execution.status).toBe('waiting');
		expect(execution.runs).toHaveLength(1);
		expect(JSON.stringify(execution.data)).toBe(saved);
	}

	it('unsigned, forged, signed over other bytes, or signed by another key', async () => {
		const { execution, url, marker } = await startWaiting();
		const saved = JSON.stringify(execution.data);
		const body = JSON.stringify(completed(marker));
		const reserialised = JSON.stringify(completed(marker), null, 2);

		const attempts: Array<[string, string, Record<string, string>]> = [
			['unsigned', body, {}],
			['forged', body, { 'X-DocuSign-Signature-1': 'bm90LWEtcmVhbC1zaWduYXR1cmUtYXQtYWxsLi4uLi4uLi4=' }],
			['re-serialised body', reserialised, { 'X-DocuSign-Signature-1': signatureOf(body, KEY) }],
			['another key', body, { 'X-DocuSign-Signature-1': signatureOf(body, OTHER_KEY) }],
		];
		for (const [, payload, headers] of attempts) {
			const answer = await post(url, payload, headers);
			expect(answer).toEqual({
				status: 401,
				text: JSON.stringify({ message: 'Unauthorized: missing or invalid X-DocuSign-Signature' }),
			});
			await execution.settled();
		}
		await expectStillWaiting(execution, saved);

		// The second of two signature headers may be the valid one (DocuSign signs once per key).
		await post(url, body, { 'X-DocuSign-Signature-1': signatureOf(body, OTHER_KEY), 'X-DocuSign-Signature-2': signatureOf(body, KEY) });
		await execution.settled();
		expect(execution.status).toBe('success');
	});

	it('a URL without the signature n8n gave this execution: n8n refuses it, and so does the node where n8n did not check', async () => {
		const { execution, url, marker, signature } = await startWaiting();
		const saved = JSON.stringify(execution.data);
		const body = JSON.stringify(completed(marker));
		const signed = { 'X-DocuSign-Signature-1': signatureOf(body, KEY) };
		const forgedToken = signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
		const badUrls = [
			tamper(url, 'signature', forgedToken),
			tamper(url, 'signature', undefined),
			tamper(url, 'envelope', 'r-0000000000000000000000000000000000000000'),
			tamper(url, 'documents', 'true'),
		];

		for (const bad of badUrls) {
			expect(await post(bad, body, signed)).toEqual({ status: 401, text: 'form-invalid-token' });
		}
		host.n8nChecksResume = false;
		for (const bad of badUrls) {
			expect(await post(bad, body, signed)).toEqual({
				status: 401,
				text: JSON.stringify({ message: 'Unauthorized: not the resume URL of a waiting DocuSign envelope' }),
			});
			await execution.settled();
		}
		await expectStillWaiting(execution, saved);
	});

	it("a validly signed event about another envelope of the account (another envelope's marker)", async () => {
		const { execution, url } = await startWaiting();
		const saved = JSON.stringify(execution.data);
		const other = completed('r-1111111111111111111111111111111111111111', 'e0000000-0000-4000-8000-0000000000ff');

		const answer = await deliver(execution, url, other, KEY);

		expect(answer).toEqual({
			status: 401,
			text: JSON.stringify({ message: 'Unauthorized: the event is not about the envelope this execution waits for' }),
		});
		await expectStillWaiting(execution, saved);
	});
});

describe('executions that began waiting before the node set transactionIds', () => {
	it('resume on an event whose envelope carries the marker in the hidden n8nIdempotencyKey custom field', async () => {
		const { execution, url, marker } = await startWaiting();
		const legacy = connectMessage('envelope-completed', {
			envelopeId: ENVELOPE_ID,
			accountId: ACCOUNT_ID,
			marker,
			status: 'completed',
			extra: {
				transactionId: undefined,
				customFields: { textCustomFields: [{ fieldId: '1', name: 'n8nIdempotencyKey', value: marker, show: 'false' }], listCustomFields: [] },
			},
		});

		expect((await deliver(execution, url, legacy, KEY)).status).toBe(200);
		await execution.settled();
		expect(execution.outputOf('DocuSign')[0].json).toMatchObject({ status: 'completed', envelopeId: ENVELOPE_ID });
	});
});

describe('wait limit', () => {
	it('after the limit it continues with status "timeout", without reading the envelope', async () => {
		const before = Date.now();
		const { execution, url, marker } = await startWaiting({
			waitOptions: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' } } },
		});
		const waitTill = execution.waitTill!.getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000);

		await execution.resumeAfterWaitLimit();

		expect(execution.status).toBe('success');
		expect(execution.outputOf('After')).toEqual([
			{
				json: {
					status: 'timeout',
					envelopeId: ENVELOPE_ID,
					accountId: ACCOUNT_ID,
					emailSubject: 'Please sign: Service Agreement',
					sentDateTime: '2025-01-02T03:04:05.0000000Z',
					waitedUntil: new Date(waitTill).toISOString(),
				},
				pairedItem: { item: 0 },
			},
		]);
		// A late event finds nothing to resume.
		expect(await deliver(execution, url, completed(marker), KEY)).toEqual({ status: 200, text: 'send-and-wait-no-action-required' });
	});

	it('At Specified Time waits until then', async () => {
		const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
		const { execution } = await startWaiting({
			waitOptions: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: at } } },
		});
		expect(execution.waitTill?.toISOString()).toBe(at);
	});
});

describe('Download Completed Documents', () => {
	const combined = Buffer.from('%PDF-1.7\ncombined documents\n%%EOF');
	const certificate = Buffer.from('%PDF-1.7\ncertificate of completion\n%%EOF');

	it('puts the combined PDF and the certificate into binary: two GETs, after completion', async () => {
		const { execution, url, marker } = await startWaiting({ waitOptions: { downloadDocuments: true } });
		expect(url).toMatch(/&documents=true&created=\d+&signature=/);
		const downloads: string[] = [];
		nock(BASE_URI)
			.get(`${REST_PATH}/envelopes/${ENVELOPE_ID}/documents/combined`)
			.query({ certificate: 'false' })
			.reply(function () {
				downloads.push(this.req.path);
				return [200, combined, { 'Content-Type': 'application/pdf' }];
			})
			.get(`${REST_PATH}/envelopes/${ENVELOPE_ID}/documents/certificate`)
			.reply(function () {
				downloads.push(this.req.path);
				return [200, certificate, { 'Content-Type': 'application/pdf' }];
			});

		await deliver(execution, url, completed(marker), KEY);

		expect(execution.status).toBe('success');
		expect(downloads).toEqual([
			`${REST_PATH}/envelopes/${ENVELOPE_ID}/documents/combined?certificate=false`,
			`${REST_PATH}/envelopes/${ENVELOPE_ID}/documents/certificate`,
		]);
		const [item] = execution.outputOf('After');
		expect(item.json.status).toBe('completed');
		expect(Object.keys(item.binary ?? {})).toEqual(['combined', 'certificate']);
		expect(item.binary?.combined).toMatchObject({ fileName: `${ENVELOPE_ID}_combined.pdf`, mimeType: 'application/pdf' });
		expect(item.binary?.certificate).toMatchObject({ fileName: `${ENVELOPE_ID}_certificate.pdf`, mimeType: 'application/pdf' });
		expect(Buffer.from(item.binary!.combined.data, 'base64')).toEqual(combined);
		expect(Buffer.from(item.binary!.certificate.data, 'base64')).toEqual(certificate);
	});

	it('a declined envelope has no documents to download', async () => {
		const { execution, url, marker } = await startWaiting({ waitOptions: { downloadDocuments: true } });

		await deliver(
			execution,
			url,
			connectMessage('envelope-declined', { envelopeId: ENVELOPE_ID, accountId: ACCOUNT_ID, marker, status: 'declined' }),
			KEY,
		);

		expect(execution.status).toBe('success');
		const [item] = execution.outputOf('After');
		expect(item.json.status).toBe('declined');
		expect(item.binary).toBeUndefined();
	});
});

describe('checked before anything is sent', () => {
	async function expectRefused(parameters: INodeParameters, message: string, options: StartOptions = {}) {
		const execution = await run({ ...fromDocuments, ...parameters }, options);
		expect(execution.status).toBe('error');
		expect(execution.error?.message).toBe(message);
		expect(execution.waitTill).toBeUndefined();
		// No DocuSign call: none is mocked (afterEach fails on any).
	}

	it('more than one item: one execution waits for one envelope', async () => {
		await expectRefused({}, 'Send and Wait for Completion sends one envelope and waits for it, but got 2 items', {
			inputItems: [inputItem(), inputItem()],
		});
	});

	it('with Continue On Fail, one error item per input item and no wait', async () => {
		const execution = await run(fromDocuments, { inputItems: [inputItem(), inputItem()], continueOnFail: true });
		expect(execution.status).toBe('success');
		expect(jsonOf(execution.outputOf('After'))).toEqual([
			expect.objectContaining({ error: 'Send and Wait for Completion sends one envelope and waits for it, but got 2 items' }),
			expect.objectContaining({ error: 'Send and Wait for Completion sends one envelope and waits for it, but got 2 items' }),
		]);
		expect(execution.outputOf('After').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('an eventNotification of its own in Advanced (JSON)', async () => {
		await expectRefused(
			{ options: { advancedJson: JSON.stringify({ eventNotification: { url: 'https://example.com/hook' } }) } },
			"Item 1: Send and Wait for Completion sets the envelope's status notification (eventNotification) itself",
		);
	});

	it('a draft status in Advanced (JSON)', async () => {
		await expectRefused(
			{ options: { advancedJson: JSON.stringify({ status: 'created' }) } },
			'Item 1: Options → Advanced (JSON) sets the status "created", but Send and Wait for Completion must send the envelope',
		);
	});

	it('a wait limit that has passed', async () => {
		await expectRefused(
			{ waitOptions: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00.000Z' } } } },
			'Item 1: Wait Options → Limit Wait Time: 2020-01-01T00:00:00.000Z has passed',
		);
	});

	it('a Connect HMAC credential whose key cannot be a DocuSign key', async () => {
		await expectRefused({}, 'The DocuSign Connect HMAC credential cannot verify events', { hmacData: { hmacSecret: 'short' } });
	});
});

it('an Idempotency Key that finds an envelope sent before: nothing is sent, and this execution does not wait for it', async () => {
	nockUserinfo();
	const lookups: Array<Record<string, string>> = [];
	nock(BASE_URI)
		.get(`${REST_PATH}/envelopes`)
		.query((query) => {
			lookups.push(query as Record<string, string>);
			return true;
		})
		.reply(200, { resultSetSize: '1', envelopes: [{ envelopeId: ENVELOPE_ID, status: 'sent' }] });

	const execution = await run({ ...fromDocuments, options: { idempotencyKey: 'deal-7' } });

	expect(lookups).toEqual([expect.objectContaining({ custom_field: expect.stringMatching(/^n8nIdempotencyKey=k-[0-9a-f]{40}$/) })]);
	expect(execution.status).toBe('error');
	expect(execution.error?.message).toBe(
		`An envelope with this Idempotency Key exists already (${ENVELOPE_ID}, sent), and it reports to the execution that sent it`,
	);
});
