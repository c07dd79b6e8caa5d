/**
 * Maestro API v1 (`/v1/accounts/{accountId}/workflows…`, maestro.rest.swagger-v1.0.0.json): seeded
 * workflows with their trigger inputs, triggering, instances, cancelling.
 */
import { json, parseJsonBody, type SimResponse } from './http';
import { PlatformError, type PlatformCtx } from './platformAuth';
import type { MaestroInstanceRecord } from './platformTypes';
import type { SimCore } from './core';
import { SEED_IDS } from './seed';
import { validateAgainstSpec } from './specValidation';
import { guid } from './util';

export const MAESTRO_WORKFLOW_IDS = {
	/** Active; inputs Name, Email (String), Amount (Number), Region (String, default "EU"). */
	onboarding: '5d2c8a41-9e7b-4c3d-8f10-6a5b4c3d2e01',
	/** Inactive: cannot be triggered. */
	retired: '5d2c8a41-9e7b-4c3d-8f10-6a5b4c3d2e02',
} as const;

interface SeedWorkflow {
	id: string;
	accountId: string;
	name: string;
	status: 'active' | 'inactive';
	inputs: Array<{ field_name: string; field_data_type: 'String' | 'Number' | 'Boolean'; default_value?: string | number | boolean }>;
	totalSteps: number;
}

export const SEED_WORKFLOWS: SeedWorkflow[] = [
	{
		id: MAESTRO_WORKFLOW_IDS.onboarding,
		accountId: SEED_IDS.accounts.acmeNa,
		name: 'Customer onboarding',
		status: 'active',
		inputs: [
			{ field_name: 'Name', field_data_type: 'String' },
			{ field_name: 'Email', field_data_type: 'String' },
			{ field_name: 'Amount', field_data_type: 'Number' },
			{ field_name: 'Region', field_data_type: 'String', default_value: 'EU' },
		],
		totalSteps: 3,
	},
	{ id: MAESTRO_WORKFLOW_IDS.retired, accountId: SEED_IDS.accounts.acmeNa, name: 'Retired flow', status: 'inactive', inputs: [], totalSteps: 1 },
];

const CREATED = '2026-02-01T10:00:00.000Z';

const metadata = () => ({ request_id: guid(), response_timestamp: new Date().toISOString(), response_duration_ms: 1 });

function findWorkflow(ctx: PlatformCtx): SeedWorkflow {
	const workflow = SEED_WORKFLOWS.find((w) => w.id === ctx.params.workflowId && w.accountId === ctx.account.accountId);
	if (!workflow) throw new PlatformError(404, 'Not Found - The requested resource could not be found.');
	return workflow;
}

/** GET /workflows (GetWorkflowsList), `status` filter. */
export function listWorkflows(ctx: PlatformCtx): SimResponse {
	const status = ctx.query.get('status');
	const data = SEED_WORKFLOWS.filter((w) => w.accountId === ctx.account.accountId && (!status || w.status === status)).map((w) => ({
		id: w.id,
		name: w.name,
		account_id: w.accountId,
		status: w.status,
		metadata: { created_at: CREATED, created_by: ctx.user.userId },
	}));
	return json(200, { data, response_metadata: metadata() });
}

/** GET /workflows/{id}/trigger-requirements (GetWorkflowTriggerRequirements). */
export function triggerRequirements(ctx: PlatformCtx): SimResponse {
	const workflow = findWorkflow(ctx);
	return json(200, {
		trigger_id: guid(),
		trigger_event_type: 'HTTP',
		trigger_http_config: { method: 'POST', url: `${ctx.core.url}/v1/accounts/${ctx.account.accountId}/workflows/${workflow.id}/actions/trigger` },
		trigger_input_schema: workflow.inputs,
		metadata: { created_at: CREATED, created_by: ctx.user.userId, modified_at: CREATED, modified_by: ctx.user.userId },
	});
}

/**
 * POST /workflows/{id}/actions/trigger (TriggerWorkflow): body TriggerWorkflow (instance_name and
 * trigger_inputs required). Stricter than documented: inputs the trigger does not define, required
 * inputs (no default_value) left out, and values of the wrong field_data_type are 400; an inactive
 * workflow is 400.
 */
export function triggerWorkflow(ctx: PlatformCtx): SimResponse {
	const workflow = findWorkflow(ctx);
	const body = parseJsonBody(ctx.body);
	if (ctx.core.config.specValidation) {
		const result = validateAgainstSpec('TriggerWorkflow', body, 'maestro');
		if (!result.valid) throw new PlatformError(400, `Bad Request - ${result.message}`);
	}
	if (workflow.status !== 'active') throw new PlatformError(400, 'Bad Request - The workflow is not active.');
	const inputs = body.trigger_inputs as Record<string, unknown>;
	for (const key of Object.keys(inputs)) {
		const field = workflow.inputs.find((f) => f.field_name === key);
		if (!field) throw new PlatformError(400, `Bad Request - Unknown trigger input "${key}".`);
		const want = field.field_data_type.toLowerCase();
		if (typeof inputs[key] !== want) throw new PlatformError(400, `Bad Request - Trigger input "${key}" must be a ${field.field_data_type}.`);
	}
	const missing = workflow.inputs.filter((f) => f.default_value === undefined && inputs[f.field_name] === undefined);
	if (missing.length) throw new PlatformError(400, `Bad Request - Missing trigger input ${missing.map((f) => f.field_name).join(', ')}.`);
	const now = new Date().toISOString();
	const record: MaestroInstanceRecord = {
		id: guid(),
		workflowId: workflow.id,
		accountId: ctx.account.accountId,
		name: String(body.instance_name),
		status: 'In Progress',
		triggerInputs: { ...inputs, ...Object.fromEntries(workflow.inputs.filter((f) => f.default_value !== undefined && !(f.field_name in inputs)).map((f) => [f.field_name, f.default_value])) },
		startedBy: { userId: ctx.user.userId, name: ctx.user.name },
		startedAt: now,
		modifiedAt: now,
		lastCompletedStep: 0,
	};
	ctx.core.state.maestroInstances.set(record.id, record);
	return json(201, {
		instance_id: record.id,
		instance_url: `${ctx.core.url}/maestro/v1/accounts/${ctx.account.accountId}/instances/${record.id}/execution`,
		...metadata(),
	});
}

function instanceJson(record: MaestroInstanceRecord, workflow: SeedWorkflow): Record<string, unknown> {
	return {
		id: record.id,
		name: record.name,
		workflow_status: record.status,
		account_id: record.accountId,
		started_at: record.startedAt,
		started_by: record.startedBy.userId,
		started_by_name: record.startedBy.name,
		ended_at: record.endedAt ?? null,
		last_modified_at: record.modifiedAt,
		canceled_at: record.canceledAt ?? null,
		canceled_by: record.canceledBy ?? null,
		trigger_inputs: record.triggerInputs,
		total_steps: workflow.totalSteps,
		last_completed_step: record.lastCompletedStep,
		tags: [],
		metadata: { workflow_version: '1.0.0' },
	};
}

function findInstance(ctx: PlatformCtx, workflow: SeedWorkflow): MaestroInstanceRecord {
	const record = ctx.core.state.maestroInstances.get(ctx.params.instanceId);
	if (!record || record.workflowId !== workflow.id) throw new PlatformError(404, 'Not Found - The requested resource could not be found.');
	return record;
}

/** GET /workflows/{id}/instances/{instanceId} (getWorkflowInstance). */
export function getWorkflowInstance(ctx: PlatformCtx): SimResponse {
	const workflow = findWorkflow(ctx);
	return json(200, instanceJson(findInstance(ctx, workflow), workflow));
}

/** GET /workflows/{id}/instances (getWorkflowInstancesList). */
export function listWorkflowInstances(ctx: PlatformCtx): SimResponse {
	const workflow = findWorkflow(ctx);
	const data = [...ctx.core.state.maestroInstances.values()].filter((r) => r.workflowId === workflow.id).map((r) => instanceJson(r, workflow));
	return json(200, { data, response_metadata: metadata() });
}

/** POST …/instances/{instanceId}/actions/cancel (cancelWorkflowInstance): only a running instance (else 409 Conflict). */
export function cancelWorkflowInstance(ctx: PlatformCtx): SimResponse {
	const workflow = findWorkflow(ctx);
	const record = findInstance(ctx, workflow);
	if (record.status !== 'In Progress') throw new PlatformError(409, `Conflict - The workflow instance is ${record.status}.`);
	const now = new Date().toISOString();
	Object.assign(record, { status: 'Canceled', canceledAt: now, canceledBy: ctx.user.userId, endedAt: now, modifiedAt: now });
	return json(200, { message: `Successfully cancelled the workflow instance ${record.id} in ${workflow.id}` });
}

/** The workflow runs to its end (control API). */
export function completeWorkflowInstance(core: SimCore, instanceId: string): MaestroInstanceRecord {
	const record = core.state.maestroInstances.get(instanceId);
	if (!record) throw new PlatformError(404, `No workflow instance ${instanceId}.`);
	if (record.status !== 'In Progress') throw new PlatformError(409, `The workflow instance is ${record.status}.`);
	const workflow = SEED_WORKFLOWS.find((w) => w.id === record.workflowId)!;
	const now = new Date().toISOString();
	Object.assign(record, { status: 'Completed', endedAt: now, modifiedAt: now, lastCompletedStep: workflow.totalSteps });
	return record;
}
