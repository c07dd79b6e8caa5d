/**
 * Web Form in a real n8n (JWT credential with the Web Forms scopes): a workflow creates an embedded
 * instance with prefilled values, the person submits it (the simulator's control API, called from the
 * workflow), and Get Instance returns the submitted values and the ID of the envelope it produced.
 */
import { WEB_FORM_IDS } from '../../simulator';
import { check, checkEqual, expectCounters, expectSuccess } from '../lib/check';
import { nodeOutput } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import { chainWorkflow, docuSignNode, fixedId, jwtCredential } from '../lib/workflows';

const WF_SUBMIT = fixedId('wfWebFormSubmit');
const CRED = fixedId('crWebFormAlice');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const instanceId = "$('Create Instance').item.json.instanceId";

export default defineScenario({
	name: 'Web Form (IAM)',
	fixtures({ sim, seed }) {
		const alice = jwtCredential({ sim, seed }, { id: CRED, name: 'DocuSign JWT (Alice, Web Forms)', scopes: 'signature impersonation webforms_read webforms_instance_read webforms_instance_write' });
		return {
			credentials: [alice],
			workflows: [
				chainWorkflow(WF_SUBMIT, 'e2e web form: prefill, submit, read back', [
					docuSignNode('Create Instance', alice, {
						resource: 'webForm',
						operation: 'createInstance',
						formId: byId(WEB_FORM_IDS.customerNda),
						delivery: 'embedded',
						clientUserId: 'e2e-crm-42',
						formValues: { value: [{ name: 'FullName', value: 'Ada Lovelace' }, { name: 'company_name', value: 'Analytical Engines' }] },
						options: {},
					}),
					{
						// The person fills in the e-mail and submits, as in DocuSign's form page.
						name: 'Person Submits',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						parameters: {
							method: 'POST',
							url: `=${sim.url}/__sim/webforms/instances/{{ ${instanceId} }}/submit`,
							sendBody: true,
							specifyBody: 'json',
							jsonBody: '{"formValues": {"Email": "ada@example.com"}}',
							options: {},
						},
					},
					docuSignNode('Get Instance', alice, {
						resource: 'webForm',
						operation: 'getInstance',
						formId: byId(WEB_FORM_IDS.customerNda),
						instanceId: `={{ ${instanceId} }}`,
					}),
				]),
			],
		};
	},
	cases: {
		'a prefilled instance, submitted, reads back with its values and envelope ID': async ({ sim, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_SUBMIT);
			expectSuccess(e);
			const [created] = nodeOutput(e, 'Create Instance');
			checkEqual(created.status, 'INITIATED', 'status after create');
			check(String(created.signedUrl).includes('#instanceToken='), `signedUrl should carry the instance token; got ${String(created.signedUrl)}`);
			const [read] = nodeOutput(e, 'Get Instance');
			checkEqual(read.instanceId, created.instanceId, 'instance ID');
			checkEqual(read.status, 'SUBMITTED', 'status after submission');
			const values = read.formValues as Record<string, unknown>;
			checkEqual([values.FullName, values.company_name, values.Email], ['Ada Lovelace', 'Analytical Engines', 'ada@example.com'], 'submitted values');
			check(GUID.test(String(read.envelopeId)), `envelopeId should be a GUID; got ${String(read.envelopeId)}`);
			const envelope = await sim.envelope(String(read.envelopeId));
			checkEqual(envelope.status, 'sent', 'the envelope the submission produced');
			expectCounters(await sim.since(mark), { 'POST webforms/instances': 1, 'GET webforms/instance': 1 });
		},
	},
});
