/**
 * Recipient authentication in a running n8n: a workflow creates an envelope whose signer has an
 * access code and a text field; the signer (the simulator's control API, called from the workflow)
 * is refused with a wrong code, then signs with the right one and fills the field; the workflow
 * reads the envelope back with the value. The code never shows in the node's output.
 */
import { SEED_IDS } from '../../simulator';
import { check, checkEqual, expectCounters, expectSuccess } from '../lib/check';
import { nodeOutput } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import { chainWorkflow, docuSignNode, fixedId, jwtCredential, pdfNodes, type ChainNode } from '../lib/workflows';

const WF = fixedId('wfAccessCode');
const CRED = fixedId('crAccessAlice');
const ACCESS_CODE = 'e2e-19-11-1990';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** The signer's side: POST to the simulator's control API, answered in full whatever the status. */
function signerSigns(name: string, simUrl: string, body: Record<string, unknown>): ChainNode {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `=${simUrl}/__sim/envelopes/{{ $('Create').item.json.envelopeId }}/recipients/1/sign`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: JSON.stringify(body),
			options: { response: { response: { neverError: true, fullResponse: true } } },
		},
	};
}

export default defineScenario({
	name: 'Access code',
	fixtures({ sim, seed }) {
		const alice = jwtCredential({ sim, seed }, { id: CRED, name: 'DocuSign JWT (Alice, access code)' });
		return {
			credentials: [alice],
			workflows: [
				chainWorkflow(WF, 'e2e: access code and a text field', [
					...pdfNodes(PDF, 'Onboarding.pdf'),
					docuSignNode('Create', alice, {
						resource: 'envelope',
						operation: 'create',
						emailSubject: 'Please complete your onboarding form',
						documents: { document: [{ binaryPropertyName: 'data', name: '' }] },
						signers: {
							signer: [
								{
									name: 'Olga Onboard',
									email: 'olga@example.com',
									routingOrder: 1,
									authentication: 'accessCode',
									accessCode: ACCESS_CODE,
									tabs: {
										signHereTabs: [{ placement: 'position', documentNumber: 1, pageNumber: 1, xPosition: 100, yPosition: 650 }],
										textTabs: [{ placement: 'position', documentNumber: 1, pageNumber: 1, xPosition: 100, yPosition: 600, tabLabel: 'employee_id', required: true }],
									},
								},
							],
						},
						status: 'sent',
						options: {},
					}),
					signerSigns('Wrong Code', sim.url, { accessCode: 'not-the-code', tabValues: { employee_id: 'E-1' } }),
					signerSigns('Signer Signs', sim.url, { accessCode: ACCESS_CODE, tabValues: { employee_id: 'E-4711' } }),
					docuSignNode('Read Back', alice, {
						resource: 'envelope',
						operation: 'get',
						envelopeId: { __rl: true, mode: 'id', value: "={{ $('Create').item.json.envelopeId }}" },
						include: ['tabs'],
					}),
				]),
			],
		};
	},
	cases: {
		'an access-code signer gets in only with the code and fills a text field; the value comes back': async ({ sim, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF);
			expectSuccess(e);
			const [created] = nodeOutput(e, 'Create');
			checkEqual([created.status, created.accountId], ['sent', SEED_IDS.accounts.acmeNa], 'Create output');
			checkEqual((created.recipients as Array<Record<string, unknown>>)[0].authentication, 'accessCode', 'Create output names the method');
			const [wrong] = nodeOutput(e, 'Wrong Code');
			checkEqual([wrong.statusCode, (wrong.body as Record<string, unknown>).errorCode], [409, 'RECIPIENT_AUTHENTICATION_FAILED'], 'wrong access code refused');
			const [signed] = nodeOutput(e, 'Signer Signs');
			checkEqual([signed.statusCode, signed.body], [200, { envelopeStatus: 'completed', recipientStatus: 'completed' }], 'signing with the code');
			const [read] = nodeOutput(e, 'Read Back');
			checkEqual(read.status, 'completed', 'envelope status read back');
			const signer = ((read.recipients as Record<string, unknown>).signers as Array<Record<string, unknown>>)[0];
			const textTabs = (signer.tabs as Record<string, Array<Record<string, unknown>>>).textTabs;
			checkEqual(textTabs.map((t) => [t.tabLabel, t.value]), [['employee_id', 'E-4711']], 'text field value read back');
			check(!JSON.stringify(nodeOutput(e, 'Create')).includes(ACCESS_CODE), 'the access code is not in the Create output');
			check(!JSON.stringify(read).includes(ACCESS_CODE), 'the access code is not in the envelope read back');
			const since = await sim.since(mark);
			expectCounters(since, { 'POST envelopes': 1, 'GET envelope': 1, 'GET /oauth/userinfo': 1 });
			const post = since.log.find((l) => l.endpoint === 'POST envelopes')!;
			const parts = (post.body as { parts?: Array<{ json?: Record<string, unknown> }> }).parts ?? [];
			const signers = ((parts[0]?.json?.recipients as Record<string, unknown>)?.signers ?? []) as Array<Record<string, unknown>>;
			checkEqual(signers[0]?.accessCode, ACCESS_CODE, 'the create sent the access code to DocuSign');
		},
	},
});
