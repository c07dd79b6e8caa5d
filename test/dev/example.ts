/**
 * The example workflow `npm run dev` imports: Manual Trigger → contract details → a one-page PDF made
 * in a Code node → DocuSign Envelope → Send and Wait for Completion when the built package has that
 * operation, else Create (sent to the signer) with a note on how to wait. A sticky note says how to sign.
 */
import type { CredentialFixture, WorkflowFixture } from '../e2e/lib/n8n';
import { DOCUSIGN_NODE_TYPE } from '../e2e/lib/workflows';

export const EXAMPLE_NAME = 'Send a contract for signature and wait for it to be completed';
export const SEND_NODE = 'Send for signature';

/** Builds a valid one-page PDF (Helvetica text, xref offsets computed) and returns it as binary `data`. */
const PDF_CODE = String.raw`// A one-page contract PDF, made here so the example needs no file.
// Any document from an earlier node (Read File, HTTP Request, Google Drive…) works the same way:
// DocuSign Create sends the binary field named in "Documents".
const { signerName, signerEmail, company } = $input.first().json;
const today = new Date().toISOString().slice(0, 10);
const lines = [
  'SERVICE AGREEMENT',
  '',
  'Between ' + company + ' (the provider) and ' + signerName + ' (the customer), ' + today + '.',
  'The provider delivers the services described in the order form.',
  'The customer pays each invoice within 30 days.',
  '',
  'Customer signature:   /sn1/',
];
const ascii = (s) => s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => '\\' + c);
const text = lines.map((l, i) => 'BT /F1 12 Tf 72 ' + (720 - i * 20) + ' Td (' + ascii(l) + ') Tj ET').join('\n');
const objects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  '<< /Length ' + text.length + ' >>\nstream\n' + text + '\nendstream',
];
let pdf = '%PDF-1.4\n';
const offsets = objects.map((body, i) => {
  const at = pdf.length;
  pdf += (i + 1) + ' 0 obj\n' + body + '\nendobj\n';
  return at;
});
const xref = pdf.length;
pdf += 'xref\n0 ' + (objects.length + 1) + '\n0000000000 65535 f \n';
pdf += offsets.map((o) => String(o).padStart(10, '0') + ' 00000 n \n').join('');
pdf += 'trailer\n<< /Size ' + (objects.length + 1) + ' /Root 1 0 R >>\nstartxref\n' + xref + '\n%%EOF\n';

return [{
  json: { signerName, signerEmail, fileName: 'Service agreement.pdf', bytes: pdf.length },
  binary: {
    data: { data: Buffer.from(pdf, 'latin1').toString('base64'), mimeType: 'application/pdf', fileName: 'Service agreement.pdf' },
  },
}];
`;

export interface ExampleOptions {
	id: string;
	name: string;
	credential: CredentialFixture;
	signerName: string;
	signerEmail: string;
	/** Sticky-note text on how the signer signs here (simulator control API, or DocuSign's e-mail). */
	howToSign: string;
	/** Use Envelope → Send and Wait for Completion (else Create + a note). */
	sendAndWait: boolean;
	/** Sticky-note text on what the waiting execution needs (the simulator reaches n8n; DocuSign needs a public URL). */
	howToResume: string;
}

export function exampleWorkflow(o: ExampleOptions): WorkflowFixture {
	const authentication = o.credential.type === 'docuSignJwtApi' ? 'jwt' : 'oAuth2';
	const node = (name: string, type: string, typeVersion: number, x: number, parameters: Record<string, unknown>, extra = {}) => ({
		id: `${o.id}-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type,
		typeVersion,
		position: [x, 300],
		parameters,
		...extra,
	});
	const assignment = (name: string, value: string) => ({ id: `${o.id}-${name}`, name, value, type: 'string' });
	const note = [
		`## ${EXAMPLE_NAME}`,
		'1. **Execute workflow**: it writes a one-page contract PDF and sends it to the signer in *Contract details* as a DocuSign envelope (a Sign Here field on the text `/sn1/`).',
		`2. **Sign it**: ${o.howToSign}`,
		o.sendAndWait
			? `3. **Wait for completion**: the execution waits (Executions → *Waiting*) until DocuSign reports the envelope completed, declined or voided, then continues with the outcome and the signed PDF. ${o.howToResume}`
			: '3. **Wait for completion**: the *Send and Wait for Completion* operation (being built) will replace *Create* here. Until then: a second workflow with a **DocuSign Trigger** on *Envelope Completed*. Do not loop over *Get Status*: DocuSign allows one status read per envelope every 15 minutes.',
	].join('\n\n');
	const sendParameters = o.sendAndWait
		? {
				operation: 'sendAndWait',
				source: 'documents',
				waitOptions: {
					downloadDocuments: true,
					limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 1, resumeUnit: 'days' } },
				},
			}
		: { operation: 'create', status: 'sent' };
	return {
		id: o.id,
		name: o.name,
		nodes: [
			node('When clicking "Execute workflow"', 'n8n-nodes-base.manualTrigger', 1, 0, {}),
			node('Contract details', 'n8n-nodes-base.set', 3.4, 220, {
				assignments: {
					assignments: [
						assignment('signerName', o.signerName),
						assignment('signerEmail', o.signerEmail),
						assignment('company', 'Acme Corp'),
					],
				},
				options: {},
			}),
			node('Write the contract (PDF)', 'n8n-nodes-base.code', 2, 440, { jsCode: PDF_CODE }),
			node(
				SEND_NODE,
				DOCUSIGN_NODE_TYPE,
				1,
				660,
				{
					authentication,
					resource: 'envelope',
					...sendParameters,
					emailSubject: 'Please sign: Service agreement',
					documents: { document: [{ binaryPropertyName: 'data', name: '' }] },
					signers: {
						signer: [
							{
								name: "={{ $('Contract details').item.json.signerName }}",
								email: "={{ $('Contract details').item.json.signerEmail }}",
								routingOrder: 1,
								tabs: { signHereTabs: [{ placement: 'anchor', anchorString: '/sn1/', anchorUnits: 'pixels', anchorXOffset: 0, anchorYOffset: -4 }] },
							},
						],
					},
				},
				{ credentials: { [o.credential.type]: { id: o.credential.id, name: o.credential.name } } },
			),
			node('Note', 'n8n-nodes-base.stickyNote', 1, 0, { content: note, height: 260, width: 860, color: 7 }, { position: [0, 0] }),
		],
		connections: {
			'When clicking "Execute workflow"': { main: [[{ node: 'Contract details', type: 'main', index: 0 }]] },
			'Contract details': { main: [[{ node: 'Write the contract (PDF)', type: 'main', index: 0 }]] },
			'Write the contract (PDF)': { main: [[{ node: SEND_NODE, type: 'main', index: 0 }]] },
		},
	};
}
