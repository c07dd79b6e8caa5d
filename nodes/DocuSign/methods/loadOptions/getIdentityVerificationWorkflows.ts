import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';

/**
 * The account's identity-verification workflows (GET /identity_verification): Phone
 * Authentication, ID verification… Empty when the account has none (ID verification is an add-on).
 */
export async function getIdentityVerificationWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = (await apiRequest.call(this, 'GET', '/identity_verification', {
		action: "list the account's identity-verification workflows",
	})) as { identityVerification?: IDataObject[] };
	return (response.identityVerification ?? [])
		.filter((workflow) => typeof workflow.workflowId === 'string' && workflow.workflowId)
		.map((workflow) => ({
			name: String(workflow.defaultName ?? '').trim() || String(workflow.workflowId),
			value: String(workflow.workflowId),
			description: typeof workflow.defaultDescription === 'string' ? workflow.defaultDescription : '',
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
