/**
 * Create and Create From Template against the local DocuSign simulator, in n8n's real engine with
 * the JWT credential: the simulator parses the multipart upload as DocuSign does (documentid per
 * part, JSON definition validated against the spec) and keeps the documents byte for byte; one
 * workflow chains Create From Template → Get Status → Download Document (certificate).
 */
import { memoryBinary, storedBinary } from '../../engine/binaryData';
import type { RunResult } from '../../engine/harness';

import { createHash } from 'node:crypto';
import type { INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SEED_IDS, TEMPLATE_IDS } from '../../simulator';
import { runOnSimulator, sim, simulatorNode, useSimulator } from '../simulatorKit';
import { binaryBytes } from './createFixtures';

useSimulator();

const node = (name: string, parameters: INodeParameters, x = 200): INode =>
	simulatorNode(name, { resource: 'envelope', ...parameters }, x);

async function run(nodes: INode[], inputItems: INodeExecutionData[] = [{ json: {} }]): Promise<RunResult> {
	return await runOnSimulator(nodes, { inputItems });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

it('Create uploads documents from memory and from the filesystem store; DocuSign keeps them byte for byte', async () => {
	const pdf = binaryBytes(300_000, 11);
	const docx = binaryBytes(40_000, 12);
	const stored = await storedBinary(docx, {
		fileName: 'terms.docx',
		mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	});

	const result = await run(
		[
			node('Create', {
				operation: 'create',
				emailSubject: 'Please sign: Service Agreement',
				documents: { document: [{ binaryPropertyName: 'contract' }, { binaryPropertyName: 'terms', name: 'Terms' }] },
				signers: {
					signer: [
						{
							name: 'Jane Doe',
							email: 'jane@example.com',
							routingOrder: 1,
							clientUserId: 'crm-7',
							tabs: { signHereTabs: [{ placement: 'position', documentNumber: 2, pageNumber: 1, xPosition: 100, yPosition: 200 }] },
						},
					],
				},
				carbonCopies: { carbonCopy: [{ name: 'Legal', email: 'legal@example.com', routingOrder: 2 }] },
				status: 'sent',
				options: { customFields: { field: [{ name: 'crmDealId', value: 'D-7' }] } },
			}),
		],
		[{ json: {}, binary: { contract: memoryBinary(pdf, { fileName: 'Agreement.pdf', mimeType: 'application/pdf' }), terms: stored } }],
	);

	expect(result.error?.message).toBeUndefined();
	const output = result.outputOf('Create')[0].json;
	expect(output).toMatchObject({ status: 'sent', alreadyExisted: false, accountId: SEED_IDS.accounts.acmeNa });
	const envelope = sim.envelope(String(output.envelopeId)) as {
		status: string;
		documents: Array<{ documentId: string; name: string; size: number; sha256: string }>;
		recipients: Array<{ email: string; clientUserId?: string }>;
	};
	expect(envelope.status).toBe('sent');
	expect(envelope.documents.map(({ documentId, name, size, sha256: hash }) => ({ documentId, name, size, hash }))).toEqual([
		{ documentId: '1', name: 'Agreement.pdf', size: pdf.length, hash: sha256(pdf) },
		{ documentId: '2', name: 'Terms', size: docx.length, hash: sha256(docx) },
	]);
	expect(envelope.recipients.map((r) => [r.email, r.clientUserId]).sort()).toEqual([
		['jane@example.com', 'crm-7'],
		['legal@example.com', undefined],
	]);
	const create = sim.requestLog.find((entry) => entry.method === 'POST' && entry.path.endsWith('/envelopes'));
	expect(String(create?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
	expect(create?.status).toBe(201);
});

it('Create From Template → Get Status → Download Document (certificate), in one workflow', async () => {
	const result = await run(
		[
			node('From Template', {
				operation: 'createFromTemplate',
				templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
				templateRoles: {
					role: [
						{
							roleName: 'signer',
							name: '={{ $json.contact }}',
							email: '={{ $json.email }}',
							routingOrder: 0,
							textTabs: { textTab: [{ tabLabel: 'company_name', value: '={{ $json.company }}' }] },
						},
						{ roleName: 'CC', name: 'Legal', email: 'legal@example.com', routingOrder: 0 },
					],
				},
				status: 'sent',
			}),
			node('Status', { operation: 'getStatus', envelopeId: { __rl: true, mode: 'id', value: '={{ $json.envelopeId }}' } }, 400),
			node(
				'Certificate',
				{
					operation: 'downloadDocument',
					envelopeId: { __rl: true, mode: 'id', value: '={{ $json.envelopeId }}' },
					documentId: 'certificate',
					binaryPropertyName: 'certificate',
				},
				600,
			),
		],
		[
			{ json: { contact: 'Jane Doe', email: 'jane@acme.example', company: 'ACME' } },
			{ json: { contact: 'Bo Chen', email: 'bo@globex.example', company: 'Globex' } },
		],
	);

	expect(result.error?.message).toBeUndefined();
	const created = result.outputOf('From Template');
	expect(created.map((item) => item.json.templateName)).toEqual(['Mutual NDA', 'Mutual NDA']);
	const status = result.outputOf('Status');
	expect(status.map((item) => [item.json.envelopeId, item.json.status])).toEqual(
		created.map((item) => [item.json.envelopeId, 'sent']),
	);
	expect((status[1].json.recipients as Array<{ name: string }>).map((r) => r.name)).toEqual(['Bo Chen', 'Legal']);
	const certificates = result.outputOf('Certificate');
	expect(certificates).toHaveLength(2);
	expect(certificates[0].binary?.certificate).toMatchObject({ mimeType: 'application/pdf' });

	const envelope = sim.envelope(String(created[1].json.envelopeId)) as {
		recipients: Array<{ roleName?: string; email: string; tabs?: { textTabs?: Array<{ tabLabel: string; value: string }> } }>;
	};
	const signer = envelope.recipients.find((r) => r.roleName === 'Signer');
	expect(signer?.email).toBe('bo@globex.example');
	expect(signer?.tabs?.textTabs?.find((t) => t.tabLabel === 'company_name')?.value).toBe('Globex');
	const templateReads = sim.requestLog.filter((entry) => entry.method === 'GET' && entry.path.includes('/templates/'));
	expect(templateReads).toHaveLength(1);
});

it('Create From Template with a role the template lacks creates nothing and names the roles it has', async () => {
	const result = await run([
		node('From Template', {
			operation: 'createFromTemplate',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.offerLetter },
			templateRoles: { role: [{ roleName: 'Manger', name: 'Max', email: 'max@example.com', routingOrder: 0 }] },
			status: 'sent',
		}),
	]);

	expect(result.error?.message).toBe(
		`Item 1: Role 1: template "Employment Offer Letter" (${TEMPLATE_IDS.offerLetter}) has no role "Manger"`,
	);
	expect(result.error?.description).toBe(
		'The template\'s roles are: "Signer" (signer), "Manager" (signer), "CC" (carbon copy). Pick one of these; role names are set in the template.',
	);
	expect(sim.requestLog.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/envelopes'))).toEqual([]);
});
