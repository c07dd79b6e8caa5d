/**
 * continueOnFail for every operation of the DocuSign node, against the local simulator in n8n's
 * real engine: three input items, DocuSign refuses the call of one of them (HTTP 400), and that
 * item becomes an error item paired with it while the others go on. Bulk Send → Send sends all
 * items in ONE request, so a refusal there is one error item paired with every item.
 */
import nock from 'nock';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters, INodeProperties } from 'n8n-workflow';

import { DocuSign } from '../../nodes/DocuSign/DocuSign.node';
import { clearAccountCache } from '../../nodes/DocuSign/transport';
import { SEED_IDS, TEMPLATE_IDS, startSimulator, type Simulator } from '../simulator';
import { bearer, envelopeDefinition, http, jwtToken } from '../simulator/testHelpers';
import { PLATFORM_SCOPES, platformOperations, preparePlatform, type PlatformNeeds } from './platformCases';
import { LogCapture, NODE_NAME, contractItems, findLeaks, jwtCredential, knownSecrets, onRequest, runNode, runSurfaces } from './kit';

type Needs = 'nothing' | 'draft' | 'sent' | 'embedded' | 'batch' | 'connectFailures' | PlatformNeeds;

interface OperationCase {
	resource: string;
	operation: string;
	needs: Needs;
	parameters: INodeParameters;
	/** The simulator endpoint (counter key) whose answer is refused, and which of its calls. */
	endpoint: string;
	call: number;
	/** The input item whose call that is (0-based). */
	failing: number;
	items?: () => INodeExecutionData[];
	/** Each prepared item also carries a PDF in binary field "data". */
	withPdf?: boolean;
}

const byId = { __rl: true, mode: 'id', value: '={{ $json.envelopeId }}' };
const returnUrl = 'https://example.com/done';

const operations: OperationCase[] = [
	// The connected user is read once and cached; a failed read is not kept, so the next item reads again.
	{ resource: 'account', operation: 'get', needs: 'nothing', parameters: {}, endpoint: 'GET /oauth/userinfo', call: 1, failing: 0 },
	{ resource: 'account', operation: 'getAll', needs: 'nothing', parameters: {}, endpoint: 'GET /oauth/userinfo', call: 1, failing: 0 },
	{
		resource: 'envelope',
		operation: 'create',
		needs: 'nothing',
		parameters: {
			emailSubject: 'Please sign',
			documents: { document: [{ binaryPropertyName: 'data' }] },
			signers: { signer: [{ name: '={{ $json.name }}', email: '={{ $json.email }}', routingOrder: 1 }] },
			status: 'sent',
		},
		items: () => contractItems(3),
		endpoint: 'POST envelopes',
		call: 2,
		failing: 1,
	},
	{
		resource: 'envelope',
		operation: 'createFromTemplate',
		needs: 'nothing',
		parameters: {
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
			templateRoles: { role: [{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com', routingOrder: 0 }] },
			status: 'sent',
		},
		endpoint: 'POST envelopes',
		call: 2,
		failing: 1,
	},
	{ resource: 'envelope', operation: 'createSenderUrl', needs: 'draft', parameters: { envelopeId: byId, returnUrl }, endpoint: 'POST envelope/views/sender', call: 2, failing: 1 },
	{
		resource: 'envelope',
		operation: 'createSigningUrl',
		needs: 'embedded',
		parameters: { envelopeId: byId, returnUrl, signerBy: 'identity', userName: 'Signer One', email: 'signer.one@example.com', clientUserId: 'crm-1' },
		endpoint: 'POST envelope/views/recipient',
		call: 2,
		failing: 1,
	},
	{ resource: 'envelope', operation: 'downloadDocument', needs: 'sent', parameters: { envelopeId: byId, documentId: 'combined' }, endpoint: 'GET envelope/document', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'get', needs: 'sent', parameters: { envelopeId: byId }, endpoint: 'GET envelope', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'getAll', needs: 'sent', parameters: { returnAll: true }, endpoint: 'GET envelopes', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'getRecipients', needs: 'sent', parameters: { envelopeId: byId }, endpoint: 'GET envelope/recipients', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'getStatus', needs: 'sent', parameters: { envelopeId: byId }, endpoint: 'GET envelope', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'resend', needs: 'sent', parameters: { envelopeId: byId }, endpoint: 'PUT envelope', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'send', needs: 'draft', parameters: { envelopeId: byId }, endpoint: 'PUT envelope', call: 2, failing: 1 },
	{
		resource: 'envelope',
		operation: 'updateRecipients',
		needs: 'sent',
		parameters: { envelopeId: byId, corrections: { recipients: [{ recipientId: '1', name: 'Signer Uno' }] } },
		endpoint: 'PUT envelope/recipients',
		call: 2,
		failing: 1,
	},
	{ resource: 'envelope', operation: 'voidEnvelope', needs: 'sent', parameters: { envelopeId: byId, voidedReason: 'Replaced' }, endpoint: 'PUT envelope', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'createCorrectUrl', needs: 'sent', parameters: { envelopeId: byId, returnUrl }, endpoint: 'POST envelope/views/correct', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'deleteCustomFields', needs: 'draft', parameters: { envelopeId: byId, fieldNames: ['orderId'] }, endpoint: 'DELETE envelope/custom_fields', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'deleteDocument', needs: 'draft', parameters: { envelopeId: byId, documentId: '1' }, endpoint: 'DELETE envelope/documents', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'getAccountCustomFields', needs: 'nothing', parameters: {}, endpoint: 'GET custom_fields', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'getAuditEvents', needs: 'sent', parameters: { envelopeId: byId }, endpoint: 'GET envelope/audit_events', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'getCustomFields', needs: 'sent', parameters: { envelopeId: byId }, endpoint: 'GET envelope/custom_fields', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'getDocuments', needs: 'sent', parameters: { envelopeId: byId }, endpoint: 'GET envelope/documents', call: 2, failing: 1 },
	{ resource: 'envelope', operation: 'getFormData', needs: 'sent', parameters: { envelopeId: byId }, endpoint: 'GET envelope/form_data', call: 2, failing: 1 },
	{
		resource: 'envelope',
		operation: 'setCustomFields',
		needs: 'sent',
		parameters: { envelopeId: byId, customFields: { field: [{ name: 'region', value: 'EMEA' }] } },
		endpoint: 'POST envelope/custom_fields',
		call: 2,
		failing: 1,
	},
	{ resource: 'envelope', operation: 'updateNotification', needs: 'sent', parameters: { envelopeId: byId, expireAfter: 30, expireWarn: 2 }, endpoint: 'PUT envelope/notification', call: 2, failing: 1 },
	{
		resource: 'envelope',
		operation: 'upsertDocument',
		needs: 'draft',
		withPdf: true,
		parameters: { envelopeId: byId, documentId: 2, binaryPropertyName: 'data' },
		endpoint: 'PUT envelope/document',
		call: 2,
		failing: 1,
	},
	{
		resource: 'template',
		operation: 'create',
		needs: 'nothing',
		parameters: {
			name: '=Contract {{ $json.n }}',
			documents: { document: [{ binaryPropertyName: 'data' }] },
			signerRoles: { role: [{ roleName: 'Signer', routingOrder: 1 }] },
		},
		items: () => contractItems(3),
		endpoint: 'POST templates',
		call: 2,
		failing: 1,
	},
	{ resource: 'template', operation: 'getFolders', needs: 'nothing', parameters: { includeShared: false }, endpoint: 'GET folders', call: 2, failing: 1 },
	{
		resource: 'template',
		operation: 'update',
		needs: 'nothing',
		parameters: { templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda }, updateFields: { name: '=NDA {{ $json.n }}' } },
		endpoint: 'PUT template',
		call: 2,
		failing: 1,
	},
	{ resource: 'template', operation: 'get', needs: 'nothing', parameters: { templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda } }, endpoint: 'GET template', call: 2, failing: 1 },
	{ resource: 'template', operation: 'getAll', needs: 'nothing', parameters: { returnAll: true }, endpoint: 'GET templates', call: 2, failing: 1 },
	{ resource: 'connect', operation: 'getConfigurations', needs: 'connectFailures', parameters: {}, endpoint: 'GET connect', call: 2, failing: 1 },
	{ resource: 'connect', operation: 'getFailures', needs: 'connectFailures', parameters: {}, endpoint: 'GET connect/failures', call: 2, failing: 1 },
	{ resource: 'connect', operation: 'republishEnvelope', needs: 'connectFailures', parameters: { envelopeId: byId }, endpoint: 'PUT connect/envelope/retry_queue', call: 2, failing: 1 },
	{
		resource: 'bulkSend',
		operation: 'getBatchStatus',
		needs: 'batch',
		parameters: { batchId: { __rl: true, mode: 'id', value: '={{ $json.batchId }}' } },
		endpoint: 'GET bulk_send_batch',
		call: 2,
		failing: 1,
	},
	...platformOperations,
];

let sim: Simulator;
let token: string;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sim = await startSimulator({ allowHttpListeners: true });
});
afterAll(async () => await sim.close());

/** Three envelopes (or one bulk batch) in the state the operation needs, made straight through the API. */
async function prepare(needs: Needs): Promise<INodeExecutionData[]> {
	if (needs === 'nothing') return [0, 1, 2].map((n) => ({ json: { n } }));
	if (needs === 'webFormInstance' || needs === 'maestroInstance') return await preparePlatform(sim, needs);
	token = await jwtToken(sim);
	const base = sim.restBase(SEED_IDS.accounts.acmeNa);
	if (needs === 'batch') {
		const list = await http.post(
			`${base}/bulk_send_lists`,
			{
				name: 'list',
				bulkCopies: [
					{
						recipients: [
							{ roleName: 'Signer', name: 'Ada', email: 'ada@example.com' },
							{ roleName: 'CC', name: 'Legal', email: 'legal@example.com' },
						],
					},
				],
			},
			bearer(token),
		);
		const batch = await http.post(
			`${base}/bulk_send_lists/${list.data.listId}/send`,
			{ envelopeOrTemplateId: TEMPLATE_IDS.mutualNda },
			bearer(token),
		);
		expect(batch.status).toBe(201);
		return [0, 1, 2].map(() => ({ json: { batchId: batch.data.batchId } }));
	}
	if (needs === 'connectFailures') {
		// A configuration whose receiver refuses connections: every sent envelope is a delivery failure.
		const config = await http.post(
			`${base}/connect`,
			{ configurationType: 'custom', name: 'down', urlToPublishTo: 'http://127.0.0.1:1/hook', allUsers: 'true', allowEnvelopePublish: 'true', events: ['envelope-sent'], eventData: { version: 'restv2.1', format: 'json' } },
			bearer(token),
		);
		expect(config.status).toBe(201);
		sim.config.connect.retryDelayMs = 1;
	}
	const items: INodeExecutionData[] = [];
	for (let n = 0; n < 3; n++) {
		const extra: IDataObject = needs === 'draft' ? { status: 'created' } : {};
		if (needs === 'embedded') {
			extra.recipients = { signers: [{ email: 'signer.one@example.com', name: 'Signer One', recipientId: '1', routingOrder: '1', clientUserId: 'crm-1' }] };
		}
		const created = await http.post(`${base}/envelopes`, envelopeDefinition(extra), bearer(token));
		expect(created.status).toBe(201);
		items.push({ json: { envelopeId: created.data.envelopeId } });
	}
	if (needs === 'connectFailures') await sim.connectIdle();
	return items;
}

/**
 * Every operation the node offers, from its own description. Send and Wait is left out: it puts
 * the execution to wait for a webhook instead of making one call per item.
 */
function nodeOperations(): string[] {
	const properties = new DocuSign().description.properties as INodeProperties[];
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as Array<{ value: string }>).map(
				(option) => `${(property.displayOptions?.show?.resource as string[])[0]}.${option.value}`,
			),
		)
		.filter((operation) => operation !== `envelope.${SEND_AND_WAIT_OPERATION}`)
		.sort();
}

const REFUSAL = { status: 400, errorCode: 'INVALID_REQUEST_PARAMETER' };

async function runRefused(testCase: OperationCase, capture = false) {
	sim.reset();
	clearAccountCache();
	const prepared = await prepare(testCase.needs);
	const pdf = testCase.withPdf ? contractItems(1)[0].binary : undefined;
	const items = pdf ? prepared.map((item) => ({ ...item, binary: pdf })) : prepared;
	let seen = 0;
	const undo = onRequest(
		sim,
		(entry) => entry.endpoint === testCase.endpoint && ++seen === testCase.call,
		() => void sim.faults.failNext(1, { ...REFUSAL, match: { endpoint: testCase.endpoint } }),
	);
	const logs = capture ? new LogCapture().start() : undefined;
	try {
		const result = await runNode({
			parameters: { resource: testCase.resource, operation: testCase.operation, ...testCase.parameters },
			items: testCase.items?.() ?? items,
			continueOnFail: true,
			credential: jwtCredential(sim, { scopes: PLATFORM_SCOPES }),
		});
		return { result, logs: logs?.lines ?? [] };
	} finally {
		logs?.stop();
		undo();
		// Connect deliveries a run set off (republish) finish here, not in a later test file's nock.
		await sim.connectIdle();
	}
}

describe('continueOnFail: a refused item becomes an error item, the others go on', () => {
	it('the table covers every operation of the node (Bulk Send → Send has its own test)', () => {
		const covered = [...operations.map((o) => `${o.resource}.${o.operation}`), 'bulkSend.send'].sort();
		expect(covered).toEqual(nodeOperations());
	});

	it.each(operations.map((o) => [`${o.resource} → ${o.operation}`, o] as const))('%s', async (_name, testCase) => {
		const { result } = await runRefused(testCase);

		expect(result.error).toBeUndefined();
		const output = result.outputOf(NODE_NAME);
		const errors = output.filter((item) => item.json.error !== undefined);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: testCase.failing });
		expect(errors[0].json.error).toMatch(/: INVALID_REQUEST_PARAMETER – Simulated failure \(HTTP 400\)\.$/);
		// Every other item went on and produced output paired with it, in item order.
		const pairedOk = output.filter((item) => item.json.error === undefined).map((item) => (item.pairedItem as { item: number }).item);
		expect([...new Set(pairedOk)].sort()).toEqual([0, 1, 2].filter((i) => i !== testCase.failing));
		const order = output.map((item) => (item.pairedItem as { item: number }).item);
		expect(order).toEqual([...order].sort());
		expect(sim.requestLog.filter((entry) => entry.endpoint === testCase.endpoint && entry.status === 400)).toHaveLength(1);
	});

	it('bulkSend → send: a refused batch is one error item paired with every item; a bad item is its own error item', async () => {
		sim.reset();
		clearAccountCache();
		sim.faults.failNext(1, { ...REFUSAL, match: { endpoint: 'POST bulk_send_list/send' } });
		const people = [
			{ name: 'Ada', email: 'ada@example.com' },
			{ name: 'Bad', email: 'not-an-address' },
			{ name: 'Alan', email: 'alan@example.com' },
		];
		const result = await runNode({
			parameters: {
				resource: 'bulkSend',
				operation: 'send',
				source: 'template',
				templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
				roleName: 'Signer',
				recipientName: '={{ $json.name }}',
				recipientEmail: '={{ $json.email }}',
				additionalRecipients: { recipient: [{ roleName: 'CC', name: 'Legal', email: 'legal@example.com' }] },
			},
			items: people.map((json) => ({ json })),
			continueOnFail: true,
			credential: jwtCredential(sim),
		});
		expect(result.error).toBeUndefined();
		const output = result.outputOf(NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([[{ item: 0 }, { item: 2 }], { item: 1 }]);
		expect(output[0].json.error).toMatch(/INVALID_REQUEST_PARAMETER/);
		expect(output[1].json.error).toMatch(/not-an-address/);
	});
});

describe('secret hygiene of refused operations', () => {
	it('no error item or log line of any operation shows a secret', async () => {
		const leaks: string[] = [];
		for (const testCase of operations) {
			const { result, logs } = await runRefused(testCase, true);
			leaks.push(...findLeaks(runSurfaces(result, logs), knownSecrets(sim)).map((leak) => `${testCase.operation}: ${leak}`));
		}
		expect(leaks).toEqual([]);
	});
});
