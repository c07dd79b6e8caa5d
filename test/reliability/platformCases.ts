/**
 * continueOnFail cases of the Web Form, Maestro Workflow and Click operations (continueOnFail.test.ts
 * runs them like the eSignature ones), and the instances some of them need, made through the API.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CLICKWRAP_IDS, MAESTRO_WORKFLOW_IDS, SEED_IDS, WEB_FORM_IDS, type Simulator } from '../simulator';
import { assertion, bearer, http, JWT_GRANT, postToken } from '../simulator/testHelpers';

/** Every scope the three resources need, on top of eSignature's. */
export const PLATFORM_SCOPES =
	'signature impersonation webforms_read webforms_instance_read webforms_instance_write aow_manage click.manage click.send';

export type PlatformNeeds = 'webFormInstance' | 'maestroInstance';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const form = rl(WEB_FORM_IDS.customerNda);
const workflow = rl(MAESTRO_WORKFLOW_IDS.onboarding);
const clickwrap = rl(CLICKWRAP_IDS.termsOfService);
const instanceId = '={{ $json.instanceId }}';

export const platformOperations: Array<{
	resource: string;
	operation: string;
	needs: 'nothing' | PlatformNeeds;
	parameters: INodeParameters;
	endpoint: string;
	call: number;
	failing: number;
}> = [
	{ resource: 'webForm', operation: 'getAll', needs: 'nothing', parameters: { returnAll: true }, endpoint: 'GET webforms/forms', call: 2, failing: 1 },
	{ resource: 'webForm', operation: 'get', needs: 'nothing', parameters: { formId: form, state: 'active' }, endpoint: 'GET webforms/form', call: 2, failing: 1 },
	{
		resource: 'webForm',
		operation: 'createInstance',
		needs: 'nothing',
		parameters: { formId: form, delivery: 'embedded', clientUserId: '=crm-{{ $json.n }}' },
		endpoint: 'POST webforms/instances',
		call: 2,
		failing: 1,
	},
	{ resource: 'webForm', operation: 'getInstance', needs: 'webFormInstance', parameters: { formId: form, instanceId }, endpoint: 'GET webforms/instance', call: 2, failing: 1 },
	{ resource: 'webForm', operation: 'getAllInstances', needs: 'webFormInstance', parameters: { formId: form }, endpoint: 'GET webforms/instances', call: 2, failing: 1 },
	{ resource: 'maestroWorkflow', operation: 'getAll', needs: 'nothing', parameters: { status: 'active' }, endpoint: 'GET maestro/workflows', call: 2, failing: 1 },
	{
		resource: 'maestroWorkflow',
		operation: 'trigger',
		needs: 'nothing',
		parameters: {
			workflowId: workflow,
			instanceName: '=run {{ $json.n }}',
			triggerInputs: { mappingMode: 'defineBelow', value: { Name: 'Ada', Email: 'ada@example.com', Amount: 1 }, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false },
		},
		endpoint: 'POST maestro/trigger',
		call: 2,
		failing: 1,
	},
	{ resource: 'maestroWorkflow', operation: 'getInstance', needs: 'maestroInstance', parameters: { workflowId: workflow, instanceId }, endpoint: 'GET maestro/instance', call: 2, failing: 1 },
	{ resource: 'maestroWorkflow', operation: 'cancelInstance', needs: 'maestroInstance', parameters: { workflowId: workflow, instanceId }, endpoint: 'POST maestro/cancel', call: 2, failing: 1 },
	{ resource: 'click', operation: 'getAll', needs: 'nothing', parameters: { status: 'active', returnAll: true }, endpoint: 'GET click/clickwraps', call: 2, failing: 1 },
	{ resource: 'click', operation: 'createAgreementUrl', needs: 'nothing', parameters: { clickwrapId: clickwrap, clientUserId: '=user-{{ $json.n }}' }, endpoint: 'POST click/agreements', call: 2, failing: 1 },
	{ resource: 'click', operation: 'getAgreement', needs: 'nothing', parameters: { clickwrapId: clickwrap, clientUserId: 'user-1' }, endpoint: 'GET click/users', call: 2, failing: 1 },
];

/** Three web form or Maestro instances, made straight through the simulated API. */
export async function preparePlatform(sim: Simulator, needs: PlatformNeeds): Promise<INodeExecutionData[]> {
	const res = await postToken(sim, { grant_type: JWT_GRANT, assertion: await assertion(sim, { scope: PLATFORM_SCOPES }) });
	const auth = bearer(res.data.access_token as string);
	const account = SEED_IDS.accounts.acmeNa;
	const items: INodeExecutionData[] = [];
	for (let n = 0; n < 3; n++) {
		const created =
			needs === 'webFormInstance'
				? await http.post(`${sim.url}/api/webforms/v1.1/accounts/${account}/forms/${WEB_FORM_IDS.customerNda}/instances`, { clientUserId: `c${n}` }, auth)
				: await http.post(
						`${sim.url}/v1/accounts/${account}/workflows/${MAESTRO_WORKFLOW_IDS.onboarding}/actions/trigger`,
						{ instance_name: `run ${n}`, trigger_inputs: { Name: 'Ada', Email: 'ada@example.com', Amount: n } },
						auth,
					);
		if (created.status >= 300) throw new Error(`preparing ${needs}: ${created.status} ${JSON.stringify(created.data)}`);
		items.push({ json: { instanceId: created.data.id ?? created.data.instance_id } });
	}
	return items;
}
