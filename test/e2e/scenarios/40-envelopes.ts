/**
 * Envelopes with the JWT credential: a PDF made in the workflow (Set → Convert to File) goes up as a
 * draft, is sent, signed (the simulator's control API, called from the workflow), read back as
 * completed and downloaded (certificate and the document itself); an envelope from a seeded
 * template with its roles filled; and another sent envelope voided.
 */
import { createHash } from 'node:crypto';
import { SEED_IDS, TEMPLATE_IDS } from '../../simulator';
import { check, checkEqual, expectCounters, expectNoSecrets, expectSuccess } from '../lib/check';
import { nodeOutput, type CredentialFixture, type Execution } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import type { SimClient, SimEnvelope } from '../lib/sim';
import { chainWorkflow, docuSignNode, fixedId, jwtCredential, pdfNodes, type ChainNode } from '../lib/workflows';

const WF_DOCUMENTS = fixedId('wfEnvDocs');
const WF_TEMPLATE = fixedId('wfEnvTemplate');
const WF_VOID = fixedId('wfEnvVoid');
const CRED = fixedId('crEnvAlice');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const FILE_NAME = 'Service Agreement.pdf';
const SIGNER = { name: 'Sam Signer', email: 'sam.signer@example.com' };
const VOID_REASON = 'e2e: replaced by a corrected contract';

/**
 * A small PDF whose bytes are not all text: a binary comment line (bytes ≥ 0x80), CR LF and NUL
 * bytes in a stream, so any re-encoding on the way (UTF-8, line endings) changes its SHA-256.
 */
function makePdfBytes(): Buffer {
	const binary = Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);
	const noise = Buffer.alloc(256);
	for (let i = 0; i < noise.length; i++) noise[i] = (i * 167 + 13) % 256;
	const text = 'BT /F1 18 Tf 72 720 Td (e2e Service Agreement) Tj ET';
	return Buffer.concat([
		Buffer.from('%PDF-1.4\n', 'latin1'),
		binary,
		Buffer.from(
			'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\r\n' +
				'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\r\n' +
				'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\r\n' +
				`4 0 obj << /Length ${text.length} >> stream\n${text}\nendstream endobj\n` +
				`5 0 obj << /Length ${noise.length} >> stream\n`,
			'latin1',
		),
		noise,
		Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
	]);
}

const PDF = makePdfBytes();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const byId = (expression: string) => ({ __rl: true, mode: 'id', value: `={{ ${expression} }}` });

function createFromDocuments(name: string, credential: CredentialFixture, status: 'created' | 'sent'): ChainNode {
	return docuSignNode(name, credential, {
		resource: 'envelope',
		operation: 'create',
		emailSubject: `Please sign: e2e ${status === 'created' ? 'draft' : 'sent'} agreement`,
		documents: { document: [{ binaryPropertyName: 'data', name: '' }] },
		signers: {
			signer: [
				{
					...SIGNER,
					routingOrder: 1,
					tabs: { signHereTabs: [{ placement: 'position', documentNumber: 1, pageNumber: 1, xPosition: 100, yPosition: 650 }] },
				},
			],
		},
		status,
		options: {},
	});
}

/** Items of a node output, with the base64 field of an Extract From File node decoded. */
function decoded(e: Execution, node: string, field: string): Buffer {
	const [out] = nodeOutput(e, node);
	check(typeof out?.[field] === 'string', `${node} has no ${field}: ${JSON.stringify(out).slice(0, 300)}`);
	return Buffer.from(out[field] as string, 'base64');
}

/** The eSignature REST calls since the mark, in order, as counter keys. */
async function restCalls(sim: SimClient, seq: number): Promise<string[]> {
	return (await sim.log(seq)).filter((l) => l.path.includes('/restapi/')).map((l) => `${l.endpoint}→${l.status}`);
}

const state: { documentsEnvelope?: string } = {};

export default defineScenario({
	name: 'Envelopes',
	fixtures({ sim, seed }) {
		const alice = jwtCredential({ sim, seed }, { id: CRED, name: 'DocuSign JWT (Alice, envelopes)' });
		const draftId = "$('Create Draft').item.json.envelopeId";
		return {
			credentials: [alice],
			workflows: [
				chainWorkflow(WF_DOCUMENTS, 'e2e envelopes: draft, send, sign, download', [
					...pdfNodes(PDF, FILE_NAME),
					createFromDocuments('Create Draft', alice, 'created'),
					docuSignNode('Send', alice, { resource: 'envelope', operation: 'send', envelopeId: byId('$json.envelopeId') }),
					docuSignNode('Status After Send', alice, { resource: 'envelope', operation: 'getStatus', envelopeId: byId(draftId) }),
					{
						// The signer's side: the simulator's control API, as a person signing in DocuSign.
						name: 'Signer Signs',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						parameters: {
							method: 'POST',
							url: `=${sim.url}/__sim/envelopes/{{ ${draftId} }}/recipients/1/sign`,
							options: {},
						},
					},
					docuSignNode('Status After Signing', alice, { resource: 'envelope', operation: 'getStatus', envelopeId: byId(draftId) }),
					docuSignNode('Download Certificate', alice, {
						resource: 'envelope',
						operation: 'downloadDocument',
						envelopeId: byId(draftId),
						documentId: 'certificate',
						binaryPropertyName: 'certificate',
						options: {},
					}),
					docuSignNode('Download Document', alice, {
						resource: 'envelope',
						operation: 'downloadDocument',
						envelopeId: byId(draftId),
						documentId: '1',
						binaryPropertyName: 'document',
						options: {},
					}),
					{
						name: 'Certificate as Base64',
						type: 'n8n-nodes-base.extractFromFile',
						typeVersion: 1.1,
						parameters: {
							operation: 'binaryToPropery',
							binaryPropertyName: 'certificate',
							destinationKey: 'certificateBase64',
							options: { keepSource: 'both' },
						},
					},
					{
						name: 'Document as Base64',
						type: 'n8n-nodes-base.extractFromFile',
						typeVersion: 1.1,
						parameters: {
							operation: 'binaryToPropery',
							binaryPropertyName: 'document',
							destinationKey: 'documentBase64',
							options: { keepSource: 'json' },
						},
					},
				]),
				chainWorkflow(WF_TEMPLATE, 'e2e envelopes: from template', [
					docuSignNode('From Template', alice, {
						resource: 'envelope',
						operation: 'createFromTemplate',
						templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.mutualNda },
						templateRoles: {
							role: [
								{
									roleName: 'Signer',
									name: 'Tina Template',
									email: 'tina.template@example.com',
									routingOrder: 0,
									clientUserId: '',
									textTabs: {
										textTab: [
											{ tabLabel: 'company_name', value: 'Example GmbH' },
											{ tabLabel: 'effective_date', value: '2025-01-01' },
										],
									},
								},
								{ roleName: 'CC', name: 'Carl Copy', email: 'carl.copy@example.com', routingOrder: 0, clientUserId: '' },
							],
						},
						emailSubject: '',
						status: 'sent',
						options: {},
					}),
				]),
				chainWorkflow(WF_VOID, 'e2e envelopes: send, then void', [
					...pdfNodes(PDF, FILE_NAME),
					createFromDocuments('Create and Send', alice, 'sent'),
					docuSignNode('Void', alice, {
						resource: 'envelope',
						operation: 'voidEnvelope',
						envelopeId: byId('$json.envelopeId'),
						voidedReason: VOID_REASON,
					}),
					docuSignNode('Status After Void', alice, {
						resource: 'envelope',
						operation: 'getStatus',
						envelopeId: byId("$('Create and Send').item.json.envelopeId"),
					}),
				]),
			],
		};
	},
	cases: {
		'a PDF made in the workflow goes up as a draft, is sent, signed and downloaded': async ({ sim, seed, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_DOCUMENTS);
			expectSuccess(e);

			const [created] = nodeOutput(e, 'Create Draft');
			const envelopeId = String(created.envelopeId);
			check(GUID.test(envelopeId), `Create Draft: envelopeId should be a GUID, got ${envelopeId}`);
			state.documentsEnvelope = envelopeId;
			checkEqual(created.status, 'created', 'Create Draft status');
			checkEqual(created.accountId, SEED_IDS.accounts.acmeNa, 'Create Draft accountId');
			checkEqual(created.alreadyExisted, false, 'Create Draft alreadyExisted');
			checkEqual(
				created.documents,
				[{ documentId: '1', name: FILE_NAME, fileExtension: 'pdf', bytes: PDF.length }],
				'Create Draft documents',
			);
			checkEqual(nodeOutput(e, 'Send'), [{ envelopeId, status: 'sent' }], 'Send output');

			const [afterSend] = nodeOutput(e, 'Status After Send');
			checkEqual(afterSend.status, 'sent', 'status after Send');
			checkEqual(afterSend.completedDateTime, null, 'completedDateTime after Send');
			checkEqual(
				(afterSend.recipients as Array<Record<string, unknown>>).map((r) => [r.name, r.email, r.status]),
				[[SIGNER.name, SIGNER.email, 'sent']],
				'recipients after Send',
			);
			checkEqual(nodeOutput(e, 'Signer Signs'), [{ envelopeStatus: 'completed', recipientStatus: 'completed' }], 'control API sign');

			const [afterSign] = nodeOutput(e, 'Status After Signing');
			checkEqual(afterSign.status, 'completed', 'status after signing');
			check(typeof afterSign.completedDateTime === 'string', `completedDateTime after signing: ${JSON.stringify(afterSign.completedDateTime)}`);
			const [signer] = afterSign.recipients as Array<Record<string, unknown>>;
			checkEqual([signer?.email, signer?.status], [SIGNER.email, 'completed'], 'signer after signing');
			check(typeof signer.signedDateTime === 'string', `signer signedDateTime: ${JSON.stringify(signer.signedDateTime)}`);

			const [certificate] = nodeOutput(e, 'Download Certificate');
			checkEqual(
				[certificate.envelopeId, certificate.documentId, certificate.mimeType, certificate.fileName],
				[envelopeId, 'certificate', 'application/pdf', `${envelopeId}_certificate.pdf`],
				'Download Certificate output',
			);
			const certificateBytes = decoded(e, 'Certificate as Base64', 'certificateBase64');
			checkEqual(certificateBytes.length, certificate.fileSize, 'certificate bytes vs fileSize');
			checkEqual(certificateBytes.subarray(0, 5).toString('latin1'), '%PDF-', 'certificate starts with %PDF-');
			check(certificateBytes.subarray(-32).toString('latin1').includes('%%EOF'), 'the certificate PDF ends with %%EOF');

			const [document] = nodeOutput(e, 'Download Document');
			checkEqual([document.documentId, document.mimeType, document.fileSize], ['1', 'application/pdf', PDF.length], 'Download Document output');
			checkEqual(sha256(decoded(e, 'Document as Base64', 'documentBase64')), sha256(PDF), 'downloaded document SHA-256 vs the PDF made in the workflow');

			// What the simulator saw: one multipart create with the PDF's bytes, then exactly the calls the nodes need.
			const since = await sim.since(mark);
			expectCounters(since, {
				'POST envelopes': 1,
				'PUT envelope': 1,
				'GET envelope': 2,
				'GET envelope/document': 2,
				'GET envelopes': 0,
				'GET /oauth/userinfo': 1,
			});
			checkEqual(
				await restCalls(sim, mark.seq),
				['POST envelopes→201', 'PUT envelope→200', 'GET envelope→200', 'GET envelope→200', 'GET envelope/document→200', 'GET envelope/document→200'],
				'eSignature REST calls in order',
			);
			const post = since.log.find((l) => l.endpoint === 'POST envelopes')!;
			check(/^multipart\/form-data; boundary=/.test(String(post.headers['content-type'])), `create content-type: ${String(post.headers['content-type'])}`);
			const parts = (post.body as { parts?: Array<{ headers: Record<string, string>; size: number; json?: Record<string, unknown> }> }).parts ?? [];
			checkEqual(parts.length, 2, 'multipart parts (definition + one document)');
			checkEqual(parts[0].json?.status, 'created', 'definition status');
			checkEqual(parts[0].json?.documents, [{ documentId: '1', name: FILE_NAME, fileExtension: 'pdf' }], 'definition documents (metadata only)');
			checkEqual(parts[1].size, PDF.length, 'document part size');
			check(/documentid=1/.test(parts[1].headers['content-disposition'] ?? ''), `document part disposition: ${parts[1].headers['content-disposition']}`);
			const send = since.log.find((l) => l.endpoint === 'PUT envelope')!;
			checkEqual(send.body, { status: 'sent' }, 'Send request body');

			const stored: SimEnvelope = await sim.envelope(envelopeId);
			checkEqual(stored.status, 'completed', 'simulator envelope status');
			checkEqual(stored.documents.map((d) => [d.documentId, d.size, d.sha256]), [['1', PDF.length, sha256(PDF)]], 'stored document (id, size, SHA-256)');
			const key = seed.integrationKeys.find((k) => k.integrationKey === SEED_IDS.integrationKey)!;
			expectNoSecrets(e.stdout, [key.privateKeyPkcs1]);
		},
		'an envelope from a seeded template, roles and fields filled, is sent': async ({ sim, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_TEMPLATE);
			expectSuccess(e);
			const [out] = nodeOutput(e, 'From Template');
			const envelopeId = String(out.envelopeId);
			check(GUID.test(envelopeId), `From Template: envelopeId should be a GUID, got ${envelopeId}`);
			check(envelopeId !== state.documentsEnvelope, 'a new envelope');
			checkEqual([out.status, out.templateId, out.templateName], ['sent', TEMPLATE_IDS.mutualNda, 'Mutual NDA'], 'From Template output');
			checkEqual(
				out.roles,
				[
					{ roleName: 'Signer', name: 'Tina Template', email: 'tina.template@example.com' },
					{ roleName: 'CC', name: 'Carl Copy', email: 'carl.copy@example.com' },
				],
				'From Template roles',
			);

			const since = await sim.since(mark);
			expectCounters(since, { 'GET template': 1, 'POST envelopes': 1, 'GET envelope': 0, 'GET envelopes': 0, 'GET /oauth/userinfo': 1 });
			const post = since.log.find((l) => l.endpoint === 'POST envelopes')!;
			const body = post.body as Record<string, unknown>;
			checkEqual([body.templateId, body.status], [TEMPLATE_IDS.mutualNda, 'sent'], 'create body templateId, status');
			check(!('documents' in body), 'a template envelope is created without documents');

			const stored = await sim.envelope(envelopeId);
			checkEqual([stored.status, stored.templateId, stored.emailSubject], ['sent', TEMPLATE_IDS.mutualNda, 'Please sign: Mutual NDA'], 'simulator envelope');
			checkEqual(
				stored.recipients.map((r) => [r.type, r.roleName, r.name, r.email, r.status]),
				[
					['signers', 'Signer', 'Tina Template', 'tina.template@example.com', 'sent'],
					['carbonCopies', 'CC', 'Carl Copy', 'carl.copy@example.com', 'created'],
				],
				'simulator recipients',
			);
			const textTabs = stored.recipients[0].tabs?.textTabs ?? [];
			checkEqual(
				Object.fromEntries(textTabs.map((t) => [t.tabLabel, t.value])),
				{ company_name: 'Example GmbH', effective_date: '2025-01-01' },
				"the Signer's prefilled text fields",
			);
			checkEqual(stored.documents.length, 1, "the template's document");
		},
		'another sent envelope is voided with its reason': async ({ sim, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_VOID);
			expectSuccess(e);
			const [created] = nodeOutput(e, 'Create and Send');
			const envelopeId = String(created.envelopeId);
			checkEqual(created.status, 'sent', 'Create and Send status');
			check(envelopeId !== state.documentsEnvelope, 'another envelope than the signed one');
			checkEqual(nodeOutput(e, 'Void'), [{ envelopeId, status: 'voided', voidedReason: VOID_REASON }], 'Void output');
			checkEqual(nodeOutput(e, 'Status After Void')[0].status, 'voided', 'status after Void');

			const since = await sim.since(mark);
			expectCounters(since, { 'POST envelopes': 1, 'PUT envelope': 1, 'GET envelope': 1, 'GET envelopes': 0 });
			checkEqual(
				since.log.find((l) => l.endpoint === 'PUT envelope')?.body,
				{ status: 'voided', voidedReason: VOID_REASON },
				'Void request body',
			);
			const stored = await sim.envelope(envelopeId);
			checkEqual([stored.status, stored.voidedReason], ['voided', VOID_REASON], 'simulator envelope status and reason');
			checkEqual(stored.documents.map((d) => d.sha256), [sha256(PDF)], 'stored document SHA-256');
		},
	},
});
