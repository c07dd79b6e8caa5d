/**
 * Drafts and the account's envelope custom fields against the local DocuSign simulator, which
 * lists drafts only when `status` names "created" (as DocuSign does) and lets a create's
 * customFields replace the account's own (spec envelopeDefinition.customFields). Acme Corp, Alice's
 * default account, defines a required list field "Department" (default Sales) and a text field
 * "Cost Center" (default CC-100).
 */
import { memoryBinary } from '../../engine/binaryData';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { searchEnvelopes } from '../../../nodes/DocuSign/methods/listSearch/searchEnvelopes';
import { MARKER_FIELD } from '../../../nodes/DocuSign/transport';
import { SEED_IDS, TEMPLATE_IDS } from '../../simulator';
import { makePdf } from '../../simulator/pdf';
import { bearer, envelopeDefinition, http, jwtToken } from '../../simulator/testHelpers';
import {
	JWT_CREDENTIAL,
	aliceJwtCredential,
	runOnSimulator,
	sim,
	simulatorLoadOptionsContext,
	simulatorNode,
	store,
	useSimulator,
} from '../simulatorKit';
import { byId } from './envelopeKit';

useSimulator();

const ACCOUNT_DEFAULTS = [
	['Department', 'Sales'],
	['Cost Center', 'CC-100'],
];

const node = (parameters: INodeParameters) => simulatorNode('DocuSign', parameters);

async function ok(parameters: INodeParameters, inputItems?: INodeExecutionData[]) {
	const result = await runOnSimulator([node(parameters)], { inputItems: inputItems ?? [pdfItem()] });
	expect(result.error?.message).toBeUndefined();
	return result.outputOf('DocuSign');
}

const pdfItem = (n = 1, json: IDataObject = {}): INodeExecutionData => ({
	json: { n, ...json },
	binary: { data: memoryBinary(makePdf([['Agreement', '/sn1/']], 'Agreement'), { fileName: `Agreement-${n}.pdf`, mimeType: 'application/pdf' }) },
});

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'envelope',
	operation: 'create',
	emailSubject: '=Please sign {{ $json.n }}',
	documents: { document: [{ binaryPropertyName: 'data' }] },
	signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1 }] },
	status: 'sent',
	...extra,
});

/** An envelope's custom fields in the simulator as [name, value], list fields first. */
function fieldsOf(envelopeId: string): string[][] {
	const envelope = sim.state.envelopes.get(envelopeId)!;
	return [...envelope.listCustomFields, ...envelope.textCustomFields].map(({ name, value }) => [name, value]);
}

const accountFieldReads = () => sim.counters()['GET custom_fields'] ?? 0;

async function directEnvelope(status: 'created' | 'sent', emailSubject: string): Promise<string> {
	const token = await jwtToken(sim);
	const response = await http.post(`${sim.restBase(SEED_IDS.accounts.acmeNa)}/envelopes`, envelopeDefinition({ status, emailSubject }), bearer(token));
	return response.data.envelopeId as string;
}

describe('drafts are visible', () => {
	it('Get Many without a status filter returns drafts too, and asks for them by status', async () => {
		const draft = await directEnvelope('created', 'Offer letter');
		const sent = await directEnvelope('sent', 'Lease renewal');

		const listed = await ok({ resource: 'envelope', operation: 'getAll', returnAll: true });

		expect(listed.map((item) => item.json.envelopeId).sort()).toEqual([draft, sent].sort());
		const query = sim.requestLog.find((entry) => entry.endpoint === 'GET envelopes')!.query;
		expect(String(query.status).split(',')).toContain('created');
	});

	it('the envelope picker offers drafts (what Send, Create Sender URL and Bulk Send need)', async () => {
		const draft = await directEnvelope('created', 'Offer letter');
		await store.put(JWT_CREDENTIAL.id, aliceJwtCredential());
		const context = await simulatorLoadOptionsContext(node({ resource: 'envelope', operation: 'send', envelopeId: byId('') }), 'parameters.envelopeId');
		const page = await searchEnvelopes.call(context, 'offer');
		expect(page.results.map((result) => [result.value, result.name.split(' · ')[1]])).toEqual([[draft, 'created']]);
	});
});

describe("the account's envelope custom fields stay on every envelope the node creates", () => {
	it('Create, sent and as a draft: no custom fields sent, so DocuSign applies the account defaults', async () => {
		const [sent] = await ok(create());
		const [draft] = await ok(create({ status: 'created' }));

		expect(fieldsOf(String(sent.json.envelopeId))).toEqual(ACCOUNT_DEFAULTS);
		expect(fieldsOf(String(draft.json.envelopeId))).toEqual(ACCOUNT_DEFAULTS);
		expect(accountFieldReads()).toBe(0);
	});

	it("Create with the user's own custom field: the account's fields are read once per run and sent along", async () => {
		const items = [pdfItem(1, { deal: 'D-1' }), pdfItem(2, { deal: 'D-2' })];
		const output = await ok(create({ options: { customFields: { field: [{ name: 'crmDealId', value: '={{ $json.deal }}' }] } } }), items);

		expect(output.map((item) => fieldsOf(String(item.json.envelopeId)))).toEqual([
			[...ACCOUNT_DEFAULTS, ['crmDealId', 'D-1']],
			[...ACCOUNT_DEFAULTS, ['crmDealId', 'D-2']],
		]);
		expect(accountFieldReads()).toBe(1);
	});

	it('a required account field without a default: Create says to set it, and a value in Options → Custom Fields sends', async () => {
		sim.state.accountCustomFields.get(SEED_IDS.accounts.acmeNa)!.list[0].value = '';

		const refused = await runOnSimulator([node(create())], { inputItems: [pdfItem()] });
		expect(refused.error?.message).toContain("The custom field 'Department' requires a value");
		expect(String(refused.error?.description)).toContain('Options → Custom Fields');
		expect(sim.state.envelopes.size).toBe(0);

		const [draft] = await ok(create({ status: 'created' }));
		expect(fieldsOf(String(draft.json.envelopeId))).toEqual([['Department', ''], ['Cost Center', 'CC-100']]);
		const [sent] = await ok(create({ options: { idempotencyKey: 'deal-9', customFields: { field: [{ name: 'Department', value: 'Legal' }] } } }));
		expect(fieldsOf(String(sent.json.envelopeId))).toEqual([['Department', 'Legal'], ['Cost Center', 'CC-100'], [MARKER_FIELD, expect.any(String)]]);
	});

	it('Create From Template', async () => {
		const [created] = await ok({
			resource: 'envelope',
			operation: 'createFromTemplate',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
			templateRoles: { role: [{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com' }] },
			status: 'sent',
		});
		expect(fieldsOf(String(created.json.envelopeId))).toEqual(ACCOUNT_DEFAULTS);
	});

	it('Bulk Send from a draft the node made, and from a template with a per-copy value', async () => {
		const [draft] = await ok(create({ status: 'created', signers: { signer: [{ name: 'Placeholder', email: 'placeholder@example.com', routingOrder: 1 }] } }));
		const people = [1, 2].map((n) => ({ json: { name: `Person ${n}`, email: `person${n}@example.com` } }));
		const recipient = { recipientName: '={{ $json.name }}', recipientEmail: '={{ $json.email }}' };

		await ok({ resource: 'bulkSend', operation: 'send', source: 'envelope', envelopeId: String(draft.json.envelopeId), ...recipient }, people);
		await ok(
			{
				resource: 'bulkSend',
				operation: 'send',
				source: 'template',
				templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
				roleName: 'Signer',
				...recipient,
				// DocuSign refuses a bulk send whose copies leave a template role empty.
				additionalRecipients: { recipient: [{ roleName: 'CC', name: 'Legal', email: 'legal@example.com' }] },
				customFields: { field: [{ name: 'Cost Center', value: 'CC-7' }] },
			},
			people,
		);

		const copies = [...sim.state.envelopes.values()].filter((envelope) => envelope.bulkBatchId);
		expect(copies).toHaveLength(4);
		const fromDraft = copies.filter((copy) => !copy.templateId).map((copy) => fieldsOf(copy.envelopeId));
		const fromTemplate = copies.filter((copy) => copy.templateId).map((copy) => fieldsOf(copy.envelopeId));
		expect(fromDraft).toEqual([ACCOUNT_DEFAULTS, ACCOUNT_DEFAULTS]);
		expect(fromTemplate).toEqual([
			[['Department', 'Sales'], ['Cost Center', 'CC-7']],
			[['Department', 'Sales'], ['Cost Center', 'CC-7']],
		]);
	});
});

describe('Idempotency Key', () => {
	it('finds its envelope after the 7 days a transactionId lasts, and the envelope kept the account fields', async () => {
		const params = create({ status: 'created', options: { idempotencyKey: 'deal-42' } });
		const [first] = await ok(params, [pdfItem()]);
		const envelopeId = String(first.json.envelopeId);
		expect(fieldsOf(envelopeId)).toEqual([...ACCOUNT_DEFAULTS, [MARKER_FIELD, expect.stringMatching(/^k-[0-9a-f]{40}$/)]]);
		const envelope = sim.state.envelopes.get(envelopeId)!;
		const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
		Object.assign(envelope, { createdDateTime: eightDaysAgo, lastModifiedDateTime: eightDaysAgo, statusChangedDateTime: eightDaysAgo });

		const [rerun] = await ok(params, [pdfItem()]);

		expect(rerun.json).toMatchObject({ envelopeId, status: 'created', alreadyExisted: true });
		expect(sim.state.envelopes.size).toBe(1);
	});

	it("a draft made with a key, bulk sent: the copies do not carry the key, so a re-run still finds the draft", async () => {
		const params = create({ status: 'created', options: { idempotencyKey: 'template-draft-1' } });
		const [draft] = await ok(params);
		const people = [1, 2].map((n) => ({ json: { name: `Person ${n}`, email: `person${n}@example.com` } }));
		await ok(
			{ resource: 'bulkSend', operation: 'send', source: 'envelope', envelopeId: String(draft.json.envelopeId), recipientName: '={{ $json.name }}', recipientEmail: '={{ $json.email }}' },
			people,
		);
		const copies = [...sim.state.envelopes.values()].filter((envelope) => envelope.bulkBatchId);
		expect(copies.map((copy) => fieldsOf(copy.envelopeId))).toEqual([
			[...ACCOUNT_DEFAULTS, [MARKER_FIELD, '']],
			[...ACCOUNT_DEFAULTS, [MARKER_FIELD, '']],
		]);

		const [rerun] = await ok(params);

		expect(rerun.json).toMatchObject({ envelopeId: draft.json.envelopeId, alreadyExisted: true });
	});
});

describe('refused before any DocuSign call', () => {
	const composite = JSON.stringify({
		compositeTemplates: [{ compositeTemplateId: '1', inlineTemplates: [{ sequence: '1', recipients: { carbonCopies: [{ name: 'Audit', email: 'audit@example.com', recipientId: '9' }] } }] }],
	});

	it.each([
		[
			'custom fields with compositeTemplates',
			{ advancedJson: composite, customFields: { field: [{ name: 'crmDealId', value: 'D-1' }] } },
			'Item 1: Envelope custom fields are ignored by DocuSign when Options → Advanced (JSON) has compositeTemplates',
		],
		['an Idempotency Key with compositeTemplates', { advancedJson: composite, idempotencyKey: 'deal-1' }, 'Item 1: Idempotency Key cannot be used with compositeTemplates in Options → Advanced (JSON)'],
		['a transactionId of its own', { advancedJson: '{"transactionId": "mine"}' }, 'Item 1: Options → Advanced (JSON) sets "transactionId", which the node sets itself'],
	])('%s', async (_name, options, message) => {
		const result = await runOnSimulator([node(create({ options }))], { inputItems: [pdfItem()] });
		expect(result.error?.message).toBe(message);
		expect(sim.requestLog.filter((entry) => entry.path.includes('/restapi/'))).toEqual([]);
	});
});
