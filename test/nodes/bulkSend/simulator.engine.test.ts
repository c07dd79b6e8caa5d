/**
 * Template and Bulk Send against the local DocuSign simulator, in n8n's real engine with the JWT
 * credential: Start (3 people) → Template → Get Many → Bulk Send → Send → Get Batch Status. The
 * simulator validates every JSON body against the spec and really builds one envelope per copy.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { TEMPLATE_IDS } from '../../simulator';
import { runOnSimulator, sim, simulatorNode as node, useSimulator } from '../simulatorKit';

useSimulator();

async function run(nodes: INode[], inputItems: IDataObject[]) {
	// The PKCS#8 encoding of the key, where the other simulator tests use PKCS#1.
	return await runOnSimulator(nodes, { inputItems: inputItems.map((json) => ({ json })), keyFormat: 'pkcs8' });
}

const people = [
	{ name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines Ltd' },
	{ name: 'Grace Hopper', email: 'grace@example.com', company: 'COBOL Inc' },
	{ name: 'Alan Turing', email: 'alan@example.com', company: 'Bletchley Park' },
];

describe('Template and Bulk Send against the simulator (real engine, JWT)', () => {
	it('finds the NDA template, bulk sends it to every item as one batch and reads the batch status', async () => {
		const result = await run(
			[
				node('Find Template', { resource: 'template', operation: 'getAll', searchText: 'nda', returnAll: true }, 200),
				node(
					'Bulk Send',
					{
						resource: 'bulkSend',
						operation: 'send',
						source: 'template',
						templateId: { __rl: true, mode: 'id', value: "={{ $('Find Template').first().json.templateId }}" },
						batchName: 'NDA round',
						roleName: 'signer',
						recipientName: "={{ $('Start').item.json.name }}",
						recipientEmail: "={{ $('Start').item.json.email }}",
						textTabs: { tab: [{ tabLabel: 'company_name', value: "={{ $('Start').item.json.company }}" }] },
						additionalRecipients: { recipient: [{ roleName: 'CC', name: 'Legal', email: 'legal@example.com' }] },
					},
					400,
				),
				node('Batch Status', { resource: 'bulkSend', operation: 'getBatchStatus', batchId: { __rl: true, mode: 'id', value: '={{ $json.batchId }}' } }, 600),
			],
			people,
		);

		expect(result.error).toBeUndefined();
		const found = result.outputOf('Find Template').map((item) => item.json);
		expect(found.map((t) => t.name)).toEqual(['Mutual NDA', 'Mutual NDA', 'Mutual NDA']);

		// Find Template ran once per input item; Bulk Send made ONE batch of the three people.
		const [batch] = result.outputOf('Bulk Send');
		expect(result.outputOf('Bulk Send')).toHaveLength(1);
		expect(batch.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(batch.json).toMatchObject({
			batchName: 'NDA round',
			batchSize: 3,
			source: 'template',
			envelopeOrTemplateId: TEMPLATE_IDS.mutualNda,
			templateName: 'Mutual NDA',
		});

		const [status] = result.outputOf('Batch Status');
		expect(status.json).toMatchObject({ batchId: batch.json.batchId, batchSize: 3, sent: 3, queued: 0, failed: 0, isComplete: true });

		const sent = [...sim.state.envelopes.values()].filter((envelope) => envelope.bulkBatchId === batch.json.batchId);
		expect(sent).toHaveLength(3);
		const signers = sent.map((envelope) => envelope.recipients.find((r) => r.roleName === 'Signer'));
		expect(signers.map((signer) => signer?.email).sort()).toEqual(['ada@example.com', 'alan@example.com', 'grace@example.com']);
		const ada = sent.find((envelope) => envelope.recipients.some((r) => r.email === 'ada@example.com'));
		expect(ada?.recipients.find((r) => r.roleName === 'CC')?.email).toBe('legal@example.com');
		// The list DocuSign keeps for the batch has each copy's text tab value.
		const list = sim.state.bulkLists.get(String(batch.json.listId));
		expect(list?.bulkCopies[0]).toEqual({
			recipients: [
				{
					roleName: 'Signer',
					name: 'Ada Lovelace',
					email: 'ada@example.com',
					tabs: [{ tabLabel: 'company_name', initialValue: 'Analytical Engines Ltd' }],
				},
				{ roleName: 'CC', name: 'Legal', email: 'legal@example.com' },
			],
		});
	});

	it('a role typo stops the run before any list exists in DocuSign', async () => {
		const result = await run(
			[
				node(
					'Bulk Send',
					{
						resource: 'bulkSend',
						operation: 'send',
						source: 'template',
						templateId: { __rl: true, mode: 'list', value: TEMPLATE_IDS.offerLetter },
						roleName: 'Singer',
						recipientName: '={{ $json.name }}',
						recipientEmail: '={{ $json.email }}',
					},
					200,
				),
			],
			people,
		);

		expect(result.error?.message).toBe('Item 1: Role "Singer" is not a role of the template "Employment Offer Letter"');
		expect(result.error?.description).toContain('"Signer", "Manager", "CC"');
		expect(sim.state.bulkLists.size).toBe(0);
		expect(sim.state.bulkBatches.size).toBe(0);
	});
});
