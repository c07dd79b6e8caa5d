/**
 * Maestro Workflow resource against the simulator (real engine, JWT): list workflows, trigger with
 * mapped inputs (checked against the trigger's requirements before anything starts), read the
 * instance's status, cancel it; the picker and the inputs mapper; the scope check.
 */
import type { IDataObject } from 'n8n-workflow';

import { getMaestroTriggerInputs } from '../../../nodes/DocuSign/methods/resourceMapping/getMaestroTriggerInputs';
import { searchMaestroWorkflows } from '../../../nodes/DocuSign/methods/listSearch/searchMaestroWorkflows';
import { MAESTRO_WORKFLOW_IDS, SEED_IDS } from '../../simulator';
import { assertMatchesSpec } from '../../simulator/specValidation';
import { requestsTo, runWithScopes } from '../platformKit';
import { sim, simulatorLoadOptionsContext, simulatorNode as node, useSimulator } from '../simulatorKit';

useSimulator();

const BASE = `/v1/accounts/${SEED_IDS.accounts.acmeNa}`;
const WORKFLOW = MAESTRO_WORKFLOW_IDS.onboarding;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);
const inputs = (value: IDataObject) => ({
	mappingMode: 'defineBelow',
	value: value as Record<string, string | number>,
	matchingColumns: [],
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

const trigger = (value: IDataObject, extra: IDataObject = {}) =>
	node('Trigger', { resource: 'maestroWorkflow', operation: 'trigger', workflowId: byId(WORKFLOW), instanceName: '={{ "Onboarding " + $json.name }}', triggerInputs: inputs(value), ...extra });

describe('Maestro Workflow against the simulator', () => {
	it('lists the active workflows at the Maestro host', async () => {
		const result = await runWithScopes([node('List', { resource: 'maestroWorkflow', operation: 'getAll', status: 'active' })]);
		expect(result.error).toBeUndefined();
		expect(json(result.outputOf('List')).map((w) => [w.workflowId, w.name, w.status])).toEqual([[WORKFLOW, 'Customer onboarding', 'active']]);
		expect(requestsTo('/v1/').map((c) => [c.method, c.path, c.query])).toEqual([['GET', `${BASE}/workflows`, { status: 'active' }]]);
	});

	it('triggers once per item with the mapped inputs, reading the trigger requirements once; status, then cancel', async () => {
		const result = await runWithScopes(
			[
				trigger({ Name: '={{ $json.name }}', Email: '={{ $json.email }}', Amount: '={{ $json.amount }}' }),
				node('Status', { resource: 'maestroWorkflow', operation: 'getInstance', workflowId: byId(WORKFLOW), instanceId: '={{ $json.instanceId }}' }, 400),
			],
			undefined,
			[{ json: { name: 'Ada', email: 'ada@example.com', amount: 250 } }, { json: { name: 'Grace', email: 'grace@example.com', amount: 99 } }],
		);
		expect(result.error).toBeUndefined();
		const triggered = json(result.outputOf('Trigger'));
		expect(triggered).toHaveLength(2);
		const posts = requestsTo('/v1/').filter((c) => c.method === 'POST');
		expect(posts.map((c) => c.body)).toEqual([
			{ instance_name: 'Onboarding Ada', trigger_inputs: { Name: 'Ada', Email: 'ada@example.com', Amount: 250 } },
			{ instance_name: 'Onboarding Grace', trigger_inputs: { Name: 'Grace', Email: 'grace@example.com', Amount: 99 } },
		]);
		for (const post of posts) assertMatchesSpec('TriggerWorkflow', post.body, 'maestro');
		expect(sim.counters()['GET maestro/trigger-requirements']).toBe(1);
		const status = json(result.outputOf('Status'));
		expect(status.map((s) => [s.instanceId, s.status])).toEqual(triggered.map((t) => [t.instanceId, 'In Progress']));
		expect(status[0].trigger_inputs).toEqual({ Name: 'Ada', Email: 'ada@example.com', Amount: 250, Region: 'EU' });
		expect(result.outputOf('Status').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);

		const cancel = await runWithScopes([
			node('Cancel', { resource: 'maestroWorkflow', operation: 'cancelInstance', workflowId: byId(WORKFLOW), instanceId: String(triggered[0].instanceId) }),
			node('After', { resource: 'maestroWorkflow', operation: 'getInstance', workflowId: byId(WORKFLOW), instanceId: String(triggered[0].instanceId) }, 400),
		]);
		expect(cancel.error).toBeUndefined();
		expect(json(cancel.outputOf('Cancel'))[0]).toMatchObject({ canceled: true, message: expect.stringContaining('Successfully cancelled') });
		expect(json(cancel.outputOf('After'))[0].status).toBe('Canceled');

		const again = await runWithScopes([node('Cancel', { resource: 'maestroWorkflow', operation: 'cancelInstance', workflowId: byId(WORKFLOW), instanceId: String(triggered[0].instanceId) })]);
		expect(again.error?.message).toMatch(/DocuSign could not cancel the workflow instance: Conflict - The workflow instance is Canceled/);
	});

	it('a required input left out or an unknown one: refused before anything starts', async () => {
		const missing = await runWithScopes([trigger({ Name: 'Ada' })], undefined, [{ json: { name: 'Ada' } }]);
		expect(missing.error?.message).toContain('the workflow needs the input "Email", "Amount"');
		const unknown = await runWithScopes([trigger({ Name: 'Ada', Email: 'a@example.com', Amount: 1, Colour: 'red' })], undefined, [{ json: { name: 'Ada' } }]);
		expect(unknown.error?.message).toContain('the workflow\'s trigger has no input "Colour"');
		const badJson = await runWithScopes([trigger({ Name: 'Ada' }, { options: { inputsJson: '[1, 2]' } })], undefined, [{ json: { name: 'Ada' } }]);
		expect(badJson.error?.message).toContain('"Inputs (JSON)" is not a JSON object');
		expect(sim.counters()['POST maestro/trigger']).toBeUndefined();
	});

	it('the workflow picker and the inputs mapper read the workflows and their trigger requirements', async () => {
		await runWithScopes([node('List', { resource: 'maestroWorkflow', operation: 'getAll', status: '' })]);
		const picker = node('Trigger', { resource: 'maestroWorkflow', operation: 'trigger', workflowId: byId(WORKFLOW) });
		const found = await searchMaestroWorkflows.call(await simulatorLoadOptionsContext(picker, 'parameters.workflowId'), 'onboard');
		expect(found.results).toEqual([{ name: 'Customer onboarding', value: WORKFLOW }]);
		const mapper = await getMaestroTriggerInputs.call(await simulatorLoadOptionsContext(picker, 'parameters.triggerInputs'));
		expect(mapper.fields.map((f) => [f.id, f.type, f.required])).toEqual([
			['Name', 'string', true],
			['Email', 'string', true],
			['Amount', 'number', true],
			['Region', 'string', false],
		]);
	});

	it('without the Maestro scope the error names "aow_manage" and nothing is called', async () => {
		const result = await runWithScopes([trigger({ Name: 'Ada', Email: 'a@example.com', Amount: 1 })], 'signature impersonation webforms_read', [{ json: { name: 'Ada' } }]);
		expect(result.error?.message).toBe('The DocuSign credential does not ask DocuSign for the scope "aow_manage" that the Maestro API needs');
		expect(sim.requestLog).toHaveLength(0);
	});
});
