/** Routes of the Web Forms, Maestro and Click APIs, served on the simulator's root like DocuSign's own hosts. */
import type { SimCore } from './core';
import type { RequestData, SimResponse } from './http';
import { PlatformError, authorizePlatform, platformErrorResponse, type PlatformApiName, type PlatformCtx } from './platformAuth';
import type { Resolved } from './router';
import { createAgreement, listAgreements, listClickwraps } from './click';
import { cancelWorkflowInstance, getWorkflowInstance, listWorkflowInstances, listWorkflows, triggerRequirements, triggerWorkflow } from './maestro';
import { createInstance, getForm, getInstance, listForms, listInstances } from './webForms';

type PlatformHandler = (ctx: PlatformCtx) => SimResponse | Promise<SimResponse>;

/** [method, path under …/accounts/{accountId}, counter key, scopes (the spec's `security`), handler] */
type Route = [string, string, string, string[], PlatformHandler];

const MAESTRO = ['signature', 'aow_manage'];

const API_PREFIXES: Array<{ api: PlatformApiName; prefix: RegExp; routes: Route[] }> = [
	{
		api: 'webforms',
		prefix: /^\/api\/webforms\/v1\.1\/accounts\/(?<accountId>[^/]+)(?<rest>\/.*)?$/,
		routes: [
			['GET', '/forms', 'GET webforms/forms', ['webforms_read'], listForms],
			['GET', '/forms/:formId', 'GET webforms/form', ['webforms_read'], getForm],
			['GET', '/forms/:formId/instances', 'GET webforms/instances', ['webforms_instance_read'], listInstances],
			['POST', '/forms/:formId/instances', 'POST webforms/instances', ['webforms_instance_write'], createInstance],
			['GET', '/forms/:formId/instances/:instanceId', 'GET webforms/instance', ['webforms_instance_read'], getInstance],
		],
	},
	{
		// Every Maestro operation: "Required scopes: `signature`, `aow_manage`" (its spec's descriptions).
		api: 'maestro',
		prefix: /^\/v1\/accounts\/(?<accountId>[^/]+)(?<rest>\/.*)?$/,
		routes: [
			['GET', '/workflows', 'GET maestro/workflows', MAESTRO, listWorkflows],
			['GET', '/workflows/:workflowId/trigger-requirements', 'GET maestro/trigger-requirements', MAESTRO, triggerRequirements],
			['POST', '/workflows/:workflowId/actions/trigger', 'POST maestro/trigger', MAESTRO, triggerWorkflow],
			['GET', '/workflows/:workflowId/instances', 'GET maestro/instances', MAESTRO, listWorkflowInstances],
			['GET', '/workflows/:workflowId/instances/:instanceId', 'GET maestro/instance', MAESTRO, getWorkflowInstance],
			['POST', '/workflows/:workflowId/instances/:instanceId/actions/cancel', 'POST maestro/cancel', MAESTRO, cancelWorkflowInstance],
		],
	},
	{
		// On the account's own server (`{base_uri}/clickapi`), as eSignature: see `authorizePlatform`.
		api: 'click',
		prefix: /^\/(?<site>[A-Za-z0-9-]+)\/clickapi\/v1\/accounts\/(?<accountId>[^/]+)(?<rest>\/.*)?$/,
		routes: [
			['GET', '/clickwraps', 'GET click/clickwraps', ['click.manage'], listClickwraps],
			['POST', '/clickwraps/:clickwrapId/agreements', 'POST click/agreements', ['click.manage', 'click.send'], createAgreement],
			['GET', '/clickwraps/:clickwrapId/users', 'GET click/users', ['click.manage'], listAgreements],
		],
	},
];

export const PLATFORM_COUNTER_KEYS = API_PREFIXES.flatMap((api) => api.routes.map((route) => route[2]));

const compiled = API_PREFIXES.map(({ api, prefix, routes }) => ({
	api,
	prefix,
	routes: routes.map(([method, path, key, scopes, handler]) => ({
		method, key, scopes, handler,
		regex: new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`),
	})),
}));

/** The route of a Web Forms / Maestro / Click path, or undefined when the path is none of theirs. */
export function resolvePlatform(method: string, path: string): Resolved | undefined {
	for (const { api, prefix, routes } of compiled) {
		const match = prefix.exec(path);
		if (!match?.groups) continue;
		const { accountId, site } = match.groups;
		const rest = match.groups.rest ?? '/';
		const run = (handler: PlatformHandler | undefined, scopes: string[], params: Record<string, string>) =>
			async (core: SimCore, req: RequestData): Promise<SimResponse> => {
				try {
					if (!handler) throw new PlatformError(404, `No such endpoint: ${method} ${rest}`);
					return await handler(authorizePlatform(core, { ...req, params }, accountId, scopes, site));
				} catch (error) {
					if (error instanceof PlatformError) return platformErrorResponse(api, error);
					throw error;
				}
			};
		for (const route of routes) {
			const found = route.regex.exec(rest);
			if (found && route.method === method) {
				const params = { ...(found.groups ?? {}) };
				return { key: route.key, kind: 'rest', params, run: run(route.handler, route.scopes, params) };
			}
		}
		return { key: `${method} unknown`, kind: 'rest', params: {}, run: run(undefined, [], {}) };
	}
	return undefined;
}
