/**
 * Maestro in a real n8n (JWT credential with the Maestro scope): a workflow triggers a Maestro
 * workflow with mapped inputs and reads the instance's status; the Maestro workflow then runs to its
 * end (the simulator's control API, from the workflow) and the status is read again.
 */
import { MAESTRO_WORKFLOW_IDS } from '../../simulator';
import { check, checkEqual, expectCounters, expectSuccess } from '../lib/check';
import { nodeOutput } from '../lib/n8n';
import { defineScenario } from '../lib/scenario';
import { chainWorkflow, docuSignNode, fixedId, jwtCredential } from '../lib/workflows';

const WF_TRIGGER = fixedId('wfMaestroRun');
const CRED = fixedId('crMaestroAlice');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const instanceId = "$('Trigger').item.json.instanceId";

export default defineScenario({
	name: 'Maestro (IAM)',
	fixtures({ sim, seed }) {
		const alice = jwtCredential({ sim, seed }, { id: CRED, name: 'DocuSign JWT (Alice, Maestro)', scopes: 'signature impersonation aow_manage' });
		const status = (name: string) =>
			docuSignNode(name, alice, { resource: 'maestroWorkflow', operation: 'getInstance', workflowId: byId(MAESTRO_WORKFLOW_IDS.onboarding), instanceId: `={{ ${instanceId} }}` });
		return {
			credentials: [alice],
			workflows: [
				chainWorkflow(WF_TRIGGER, 'e2e maestro: trigger, status, completion', [
					docuSignNode('Trigger', alice, {
						resource: 'maestroWorkflow',
						operation: 'trigger',
						workflowId: byId(MAESTRO_WORKFLOW_IDS.onboarding),
						instanceName: 'e2e onboarding',
						triggerInputs: { mappingMode: 'defineBelow', value: { Name: 'Ada Lovelace', Email: 'ada@example.com', Amount: 250 }, matchingColumns: [], schema: [] },
						options: {},
					}),
					status('Status'),
					{
						name: 'Workflow Completes',
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						parameters: { method: 'POST', url: `=${sim.url}/__sim/maestro/instances/{{ ${instanceId} }}/complete`, options: {} },
					},
					status('Status After'),
				]),
			],
		};
	},
	cases: {
		'triggers a Maestro workflow and reads its status': async ({ sim, execute }) => {
			const mark = await sim.mark();
			const e = await execute(WF_TRIGGER);
			expectSuccess(e);
			const [started] = nodeOutput(e, 'Trigger');
			check(GUID.test(String(started.instanceId)), `instanceId should be a GUID; got ${String(started.instanceId)}`);
			const [running] = nodeOutput(e, 'Status');
			checkEqual([running.instanceId, running.status], [started.instanceId, 'In Progress'], 'status after the trigger');
			checkEqual(running.trigger_inputs, { Name: 'Ada Lovelace', Email: 'ada@example.com', Amount: 250, Region: 'EU' }, 'inputs (with the default)');
			const [done] = nodeOutput(e, 'Status After');
			checkEqual(done.status, 'Completed', 'status after completion');
			expectCounters(await sim.since(mark), { 'GET maestro/trigger-requirements': 1, 'POST maestro/trigger': 1, 'GET maestro/instance': 2 });
		},
	},
});
