/**
 * The envelope operations builders reach for after "send", in a real n8n: a signer types a PO number
 * into a text field (the simulator's control API, called from the workflow, signs with that value)
 * and Get Form Data returns it; Get Audit Events lists the history; Set Custom Fields and Update
 * Reminders and Expiration change the sent envelope; Create Correct URL opens its correction.
 */
import { makePdf } from '../../simulator/pdf';
import { check, checkEqual, expectCounters, expectSuccess } from '../lib/check';
import { nodeOutput } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import { chainWorkflow, docuSignNode, fixedId, jwtCredential, pdfNodes } from '../lib/workflows';

const WF_FORM_DATA = fixedId('wfEnvFormData');
const CRED = fixedId('crEnvEdits');
const PDF = makePdf([['Purchase order', 'PO number: ____']], 'Purchase order');

const byId = (expression: string) => ({ __rl: true, mode: 'id', value: `={{ ${expression} }}` });

export default defineScenario({
	name: 'Envelope edits',
	fixtures({ sim, seed }) {
		const alice = jwtCredential({ sim, seed }, { id: CRED, name: 'DocuSign JWT (Alice, envelope edits)' });
		const envelopeId = "$('Create').item.json.envelopeId";
		return {
			credentials: [alice],
			workflows: [
				chainWorkflow(WF_FORM_DATA, 'e2e envelope edits: typed value → Get Form Data', [
					...pdfNodes(PDF, 'Purchase order.pdf'),
					docuSignNode('Create', alice, {
						resource: 'envelope',
						operation: 'create',
						emailSubject: 'Please sign: e2e purchase order',
						documents: { document: [{ binaryPropertyName: 'data', name: '' }] },
						signers: {
							signer: [
								{
									name: 'Pat Purchaser',
									email: 'pat.purchaser@example.com',
									routingOrder: 1,
									tabs: {
										signHereTabs: [{ placement: 'position', documentNumber: 1, pageNumber: 1, xPosition: 100, yPosition: 650 }],
										textTabs: [{ placement: 'position', documentNumber: 1, pageNumber: 1, xPosition: 200, yPosition: 600, tabLabel: 'po_number' }],
									},
								},
							],
						},
						status: 'sent',
						options: {},
					}),
					docuSignNode('Set Custom Fields', alice, {
						resource: 'envelope',
						operation: 'setCustomFields',
						envelopeId: byId(envelopeId),
						customFields: { field: [{ name: 'Order Number', value: 'SO-4411', show: true }] },
					}),
					docuSignNode('Reminders', alice, {
						resource: 'envelope',
						operation: 'updateNotification',
						envelopeId: byId(envelopeId),
						useAccountDefaults: false,
						reminderEnabled: true,
						reminderDelay: 1,
						reminderFrequency: 2,
						expireEnabled: true,
						expireAfter: 14,
						expireWarn: 3,
					}),
					docuSignNode('Correct URL', alice, {
						resource: 'envelope',
						operation: 'createCorrectUrl',
						envelopeId: byId(envelopeId),
						returnUrl: 'https://example.com/corrected',
					}),
					{
						// The signer's side: the simulator's control API, as a person typing and signing in DocuSign.
						name: 'Signer Types and Signs',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						parameters: {
							method: 'POST',
							url: `=${sim.url}/__sim/envelopes/{{ ${envelopeId} }}/recipients/1/sign`,
							sendBody: true,
							specifyBody: 'json',
							jsonBody: '{"tabValues": {"po_number": "PO-7781"}}',
							options: {},
						},
					},
					docuSignNode('Form Data', alice, { resource: 'envelope', operation: 'getFormData', envelopeId: byId(envelopeId) }),
					docuSignNode('Audit Events', alice, { resource: 'envelope', operation: 'getAuditEvents', envelopeId: byId(envelopeId) }),
				]),
			],
		};
	},
	cases: {
		'a value the signer typed comes back from Get Form Data; the sent envelope took custom fields and reminders': async ({ sim, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_FORM_DATA);
			expectSuccess(e);

			const [form] = nodeOutput(e, 'Form Data');
			checkEqual(form.values, { po_number: 'PO-7781' }, 'Form Data values');
			checkEqual((form.recipients as Array<Record<string, unknown>>).map((r) => [r.email, r.values]), [['pat.purchaser@example.com', { po_number: 'PO-7781' }]], 'Form Data recipients');
			checkEqual(nodeOutput(e, 'Set Custom Fields')[0].added, ['Order Number'], 'Set Custom Fields added');
			checkEqual(nodeOutput(e, 'Reminders')[0].expirations, { expireEnabled: 'true', expireAfter: '14', expireWarn: '3' }, 'Reminders expirations');
			check(String(nodeOutput(e, 'Correct URL')[0].url).startsWith(`${sim.url}/na3/Member/StartInSession.aspx?`), 'Correct URL points at the account\'s base URI');
			checkEqual(
				nodeOutput(e, 'Audit Events').map((event) => event.action),
				['Registered', 'Sent Invitations', 'Correct', 'Viewed', 'Signed', 'Completed'],
				'Audit Events actions',
			);
			expectCounters(await sim.since(mark), {
				'POST envelopes': 1,
				'GET envelope/custom_fields': 1,
				'POST envelope/custom_fields': 1,
				'PUT envelope/notification': 1,
				'POST envelope/views/correct': 1,
				'GET envelope/form_data': 1,
				'GET envelope/audit_events': 1,
			});
		},
	},
});
