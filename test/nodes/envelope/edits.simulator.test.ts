/**
 * The new envelope operations against the local DocuSign simulator in n8n's real engine (JWT
 * credential): a signer types into a text field and Get Form Data returns it; a draft's documents,
 * custom fields and reminders are changed and the envelope still sends; DocuSign's refusals for
 * envelopes in the wrong state reach the user as clear errors.
 */
import { memoryBinary } from '../../engine/binaryData';
import type { RunResult } from '../../engine/harness';

import type { INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { makePdf } from '../../simulator/pdf';
import { runOnSimulator, sim, simulatorNode, useSimulator } from '../simulatorKit';

useSimulator();

const node = (name: string, parameters: INodeParameters, x = 200): INode => simulatorNode(name, { resource: 'envelope', ...parameters }, x);
const PDF = makePdf([['Order form', 'PO: ____']], 'Order form');
const file = (name: string, bytes = PDF): INodeExecutionData[] => [
	{ json: {}, binary: { data: memoryBinary(bytes, { fileName: name, mimeType: 'application/pdf', fileExtension: 'pdf' }) } },
];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(name: string, parameters: INodeParameters, inputItems: INodeExecutionData[] = [{ json: {} }]): Promise<RunResult> {
	return await runOnSimulator([node(name, parameters)], { inputItems });
}

async function createEnvelope(status: 'sent' | 'created'): Promise<string> {
	const result = await run(
		'Create',
		{
			operation: 'create',
			emailSubject: 'Purchase order',
			documents: { document: [{ binaryPropertyName: 'data' }] },
			signers: {
				signer: [
					{
						name: 'Ada Lovelace',
						email: 'ada@example.com',
						routingOrder: 1,
						tabs: {
							signHereTabs: [{ placement: 'position', documentNumber: 1, pageNumber: 1, xPosition: 100, yPosition: 100 }],
							textTabs: [{ placement: 'position', documentNumber: 1, pageNumber: 1, xPosition: 100, yPosition: 200, tabLabel: 'po_number' }],
						},
					},
				],
			},
			status,
		},
		file('Order form.pdf'),
	);
	expect(result.error?.message).toBeUndefined();
	return String(result.outputOf('Create')[0].json.envelopeId);
}

it('the value a signer typed comes back from Get Form Data; Get Audit Events tells the story', async () => {
	const envelopeId = await createEnvelope('sent');
	sim.sign(envelopeId, '1', { tabValues: { po_number: 'PO-7781' } });

	const form = await run('DocuSign', { operation: 'getFormData', envelopeId: byId(envelopeId) });
	expect(form.error?.message).toBeUndefined();
	const output = form.outputOf('DocuSign')[0].json as { values: Record<string, string>; recipients: Array<Record<string, unknown>> };
	expect(output.values).toEqual({ po_number: 'PO-7781' });
	expect(output.recipients).toEqual([
		expect.objectContaining({ recipientId: '1', email: 'ada@example.com', values: { po_number: 'PO-7781' }, signedTime: expect.any(String) }),
	]);

	const audit = await run('DocuSign', { operation: 'getAuditEvents', envelopeId: byId(envelopeId) });
	expect(audit.outputOf('DocuSign').map((item) => [item.json.action, item.json.envelopeStatus])).toEqual([
		['Registered', 'created'],
		['Sent Invitations', 'sent'],
		['Viewed', 'delivered'],
		['Signed', 'delivered'],
		['Completed', 'completed'],
	]);
	expect(audit.outputOf('DocuSign')[3].json).toMatchObject({ userName: 'Ada Lovelace', source: 'Web', clientIpAddress: '127.0.0.1' });
});

it('a draft gets a second document, loses the first, gets custom fields and reminders, and still sends', async () => {
	const envelopeId = await createEnvelope('created');
	const annex = makePdf([['Annex A']], 'Annex A');

	expect((await run('DocuSign', { operation: 'upsertDocument', envelopeId: byId(envelopeId), documentId: 2, binaryPropertyName: 'data' }, file('Annex A.pdf', annex))).error).toBeUndefined();
	const listed = await run('DocuSign', { operation: 'getDocuments', envelopeId: byId(envelopeId) });
	expect(listed.outputOf('DocuSign').map((item) => [item.json.documentId, item.json.name])).toEqual([
		['1', 'Order form.pdf'],
		['2', 'Annex A.pdf'],
	]);
	// The fields placed on document 1 go with it.
	expect((await run('DocuSign', { operation: 'deleteDocument', envelopeId: byId(envelopeId), documentId: '1' })).error).toBeUndefined();
	const stored = sim.envelope(envelopeId) as { documents: Array<{ documentId: string; size: number }> };
	expect(stored.documents.map((d) => [d.documentId, d.size])).toEqual([['2', annex.length]]);

	const set = await run('DocuSign', {
		operation: 'setCustomFields',
		envelopeId: byId(envelopeId),
		customFields: { field: [{ name: 'Order Number', value: 'SO-9' }] },
	});
	expect(set.outputOf('DocuSign')[0].json).toMatchObject({ added: ['Order Number'], updated: [], values: { 'Order Number': 'SO-9' } });
	const update = await run('DocuSign', {
		operation: 'setCustomFields',
		envelopeId: byId(envelopeId),
		customFields: { field: [{ name: 'Order Number', value: 'SO-10' }] },
	});
	expect(update.outputOf('DocuSign')[0].json).toMatchObject({ added: [], updated: ['Order Number'] });
	const read = await run('DocuSign', { operation: 'getCustomFields', envelopeId: byId(envelopeId) });
	// Beside the account's own envelope custom fields, which the envelope got at create with their defaults.
	expect(read.outputOf('DocuSign')[0].json.values).toEqual({ Department: 'Sales', 'Cost Center': 'CC-100', 'Order Number': 'SO-10' });
	expect((await run('DocuSign', { operation: 'deleteCustomFields', envelopeId: byId(envelopeId), fieldNames: ['Order Number'] })).error).toBeUndefined();
	expect((sim.envelope(envelopeId) as { textCustomFields: Array<{ name: string }> }).textCustomFields.map((f) => f.name)).toEqual(['Cost Center']);

	const notified = await run('DocuSign', { operation: 'updateNotification', envelopeId: byId(envelopeId), reminderDelay: 1, reminderFrequency: 2, expireAfter: 10, expireWarn: 2 });
	expect(notified.outputOf('DocuSign')[0].json).toMatchObject({ useAccountDefaults: 'false', expirations: { expireAfter: '10' } });

	// Without tabs on the remaining document the signer places a free-form signature.
	const sent = await run('DocuSign', { operation: 'send', envelopeId: byId(envelopeId) });
	expect(sent.error?.message).toBeUndefined();
	expect((sim.envelope(envelopeId) as { status: string }).status).toBe('sent');
});

it('a completed envelope refuses document and custom field changes; a draft has no correction view', async () => {
	const done = await createEnvelope('sent');
	sim.sign(done, '1');
	const put = await run('DocuSign', { operation: 'upsertDocument', envelopeId: byId(done), documentId: 1, binaryPropertyName: 'data' }, file('Order form.pdf'));
	expect(put.error?.message).toContain('ENVELOPE_INVALID_STATUS');
	const fields = await run('DocuSign', { operation: 'setCustomFields', envelopeId: byId(done), customFields: { field: [{ name: 'Late', value: 'x' }] } });
	expect(fields.error?.message).toContain('ENVELOPE_INVALID_STATUS');

	const draft = await createEnvelope('created');
	const correctDraft = await run('DocuSign', { operation: 'createCorrectUrl', envelopeId: byId(draft), returnUrl: 'https://example.com/back' });
	expect(correctDraft.error?.message).toContain('ENVELOPE_INVALID_STATUS');

	const open = await createEnvelope('sent');
	const correct = await run('DocuSign', { operation: 'createCorrectUrl', envelopeId: byId(open), returnUrl: 'https://example.com/back' });
	expect(String(correct.outputOf('DocuSign')[0].json.url)).toMatch(new RegExp(`^${sim.url}/na3/Member/StartInSession\\.aspx\\?StartConsole=1&t=`));
});

it('Get Account Custom Fields lists the account\'s definitions', async () => {
	const result = await run('DocuSign', { operation: 'getAccountCustomFields' });
	expect(result.outputOf('DocuSign').map((item) => [item.json.name, item.json.type])).toEqual([
		['Cost Center', 'text'],
		['Department', 'list'],
	]);
});
