/** Maps method + path to a handler and to its counter key (the names tests count calls with). */
import { listBrands, listIdentityWorkflows, listSigningGroups } from './accountFeatures';
import { authorize, token, tokenEndpointKey, userinfo } from './auth';
import { createBulkList, getBulkBatch, sendBulkList } from './bulkSend';
import { createConnectConfig, deleteConnectConfig, getConnectConfig, listConnectConfigs } from './connect';
import { listConnectFailures, republishEnvelope } from './connectFailures';
import type { SimCore } from './core';
import { deleteCustomFields, postCustomFields, putCustomFields } from './customFields';
import { deleteDocuments, putDocument } from './documentEdits';
import { getDocument, listDocuments } from './documents';
import { getAccountCustomFields } from './accountCustomFields';
import { createEnvelope } from './envelopeCreate';
import { listEnvelopes } from './envelopeList';
import { getCustomFields, getEnvelope, getRecipients, putEnvelope, putRecipients } from './envelopes';
import { DocuSignError } from './errors';
import { getAuditEvents, getFormData } from './formData';
import { errorToResponse, type RequestData, type SimResponse } from './http';
import { getNotification, putNotification } from './notification';
import { PLATFORM_COUNTER_KEYS, resolvePlatform } from './platformRoutes';
import { authorizeRest, type RestCtx } from './restAuth';
import { listFolders } from './templateFolders';
import { getTemplate, listTemplates } from './templates';
import { createTemplate, updateTemplate } from './templateWrite';
import { correctView, recipientView, senderView, sessionPage } from './views';

type RestHandler = (ctx: RestCtx) => SimResponse | Promise<SimResponse>;

/** [method, path under /restapi/v2.1/accounts/{accountId}, counter key, handler] */
const REST_ROUTES: Array<[string, string, string, RestHandler]> = [
	['POST', '/envelopes', 'POST envelopes', createEnvelope],
	['GET', '/envelopes', 'GET envelopes', listEnvelopes],
	['GET', '/envelopes/:envelopeId', 'GET envelope', getEnvelope],
	['PUT', '/envelopes/:envelopeId', 'PUT envelope', putEnvelope],
	['GET', '/envelopes/:envelopeId/recipients', 'GET envelope/recipients', getRecipients],
	['PUT', '/envelopes/:envelopeId/recipients', 'PUT envelope/recipients', putRecipients],
	['GET', '/envelopes/:envelopeId/custom_fields', 'GET envelope/custom_fields', getCustomFields],
	['GET', '/envelopes/:envelopeId/documents', 'GET envelope/documents', listDocuments],
	['GET', '/envelopes/:envelopeId/documents/:documentId', 'GET envelope/document', getDocument],
	['POST', '/envelopes/:envelopeId/views/recipient', 'POST envelope/views/recipient', recipientView],
	['POST', '/envelopes/:envelopeId/views/sender', 'POST envelope/views/sender', senderView],
	['POST', '/envelopes/:envelopeId/custom_fields', 'POST envelope/custom_fields', postCustomFields],
	['PUT', '/envelopes/:envelopeId/custom_fields', 'PUT envelope/custom_fields', putCustomFields],
	['DELETE', '/envelopes/:envelopeId/custom_fields', 'DELETE envelope/custom_fields', deleteCustomFields],
	['GET', '/custom_fields', 'GET custom_fields', getAccountCustomFields],
	['GET', '/envelopes/:envelopeId/form_data', 'GET envelope/form_data', getFormData],
	['GET', '/envelopes/:envelopeId/audit_events', 'GET envelope/audit_events', getAuditEvents],
	['PUT', '/envelopes/:envelopeId/documents/:documentId', 'PUT envelope/document', putDocument],
	['DELETE', '/envelopes/:envelopeId/documents', 'DELETE envelope/documents', deleteDocuments],
	['POST', '/envelopes/:envelopeId/views/correct', 'POST envelope/views/correct', correctView],
	['GET', '/envelopes/:envelopeId/notification', 'GET envelope/notification', getNotification],
	['PUT', '/envelopes/:envelopeId/notification', 'PUT envelope/notification', putNotification],
	['GET', '/templates', 'GET templates', listTemplates],
	['GET', '/templates/:templateId', 'GET template', getTemplate],
	['POST', '/templates', 'POST templates', createTemplate],
	['PUT', '/templates/:templateId', 'PUT template', updateTemplate],
	['GET', '/folders', 'GET folders', listFolders],
	['POST', '/bulk_send_lists', 'POST bulk_send_lists', createBulkList],
	['POST', '/bulk_send_lists/:listId/send', 'POST bulk_send_list/send', sendBulkList],
	['GET', '/bulk_send_batch/:batchId', 'GET bulk_send_batch', getBulkBatch],
	['POST', '/connect', 'POST connect', createConnectConfig],
	['GET', '/connect', 'GET connect', listConnectConfigs],
	// Before /connect/:connectId, which would take "failures" for an id.
	['GET', '/connect/failures', 'GET connect/failures', listConnectFailures],
	['PUT', '/connect/envelopes/:envelopeId/retry_queue', 'PUT connect/envelope/retry_queue', republishEnvelope],
	['GET', '/connect/:connectId', 'GET connect/config', getConnectConfig],
	['DELETE', '/connect/:connectId', 'DELETE connect/config', deleteConnectConfig],
	['GET', '/identity_verification', 'GET identity_verification', listIdentityWorkflows],
	['GET', '/brands', 'GET brands', listBrands],
	['GET', '/signing_groups', 'GET signing_groups', listSigningGroups],
];

/** Every counter key the simulator uses (token keys end in the grant: jwt, authorization_code, refresh_token). */
export const COUNTER_KEYS = [
	'GET /oauth/auth', 'POST /oauth/token:jwt', 'POST /oauth/token:authorization_code', 'POST /oauth/token:refresh_token',
	'GET /oauth/userinfo', ...REST_ROUTES.map((r) => r[2]), ...PLATFORM_COUNTER_KEYS, 'GET signing page', 'GET sender page',
	'connect:attempt', 'connect:delivered', 'connect:failed', 'connect:blocked', 'polling:violation',
];

const compiled = REST_ROUTES.map(([method, path, key, handler]) => ({
	method, key, handler,
	regex: new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`),
}));

export interface Resolved {
	key: string;
	kind: 'auth' | 'rest' | 'page' | 'none';
	params: Record<string, string>;
	run: (core: SimCore, req: RequestData) => SimResponse | Promise<SimResponse>;
}

const REST_PREFIX = /^\/(?<site>[A-Za-z0-9-]+)\/restapi\/v2\.1\/accounts\/(?<accountId>[^/]+)(?<rest>\/.*)?$/;

const notFound = (): SimResponse => ({ status: 404, body: 'Not Found', headers: { 'Content-Type': 'text/plain' } });

export function resolve(core: SimCore, method: string, path: string, body: Buffer): Resolved {
	const plain = (key: string, kind: Resolved['kind'], run: Resolved['run'], params: Record<string, string> = {}): Resolved => ({ key, kind, params, run });
	if (path === '/oauth/auth' && method === 'GET') return plain('GET /oauth/auth', 'auth', authorize);
	if (path === '/oauth/token' && method === 'POST') return plain(tokenEndpointKey(body), 'auth', token);
	if (path === '/oauth/userinfo' && method === 'GET') return plain('GET /oauth/userinfo', 'auth', userinfo);
	const platform = resolvePlatform(method, path);
	if (platform) return platform;
	const sites = new Set(core.seed.accounts.map((a) => a.site));
	const signing = /^\/([^/]+)\/Signing\/MTRedeem\/v1\/([^/]+)$/.exec(path);
	if (method === 'GET' && signing && sites.has(signing[1])) return plain('GET signing page', 'page', sessionPage, { token: signing[2] });
	const sender = /^\/([^/]+)\/Member\/StartInSession\.aspx$/.exec(path);
	if (method === 'GET' && sender && sites.has(sender[1])) return plain('GET sender page', 'page', sessionPage);
	const prefix = REST_PREFIX.exec(path);
	if (!prefix?.groups || !sites.has(prefix.groups.site)) return plain(`${method} unknown`, 'none', notFound);
	const { site, accountId } = prefix.groups;
	const rest = prefix.groups.rest ?? '/';
	for (const route of compiled) {
		const match = route.regex.exec(rest);
		if (!match || route.method !== method) continue;
		const params = { ...(match.groups ?? {}) };
		return plain(route.key, 'rest', async (c, req) => {
			const { ctx, rateHeaders } = authorizeRest(c, { ...req, params }, site, accountId);
			let response: SimResponse;
			try {
				if (params.envelopeId) c.envelopeLimiter.hit(accountId, params.envelopeId, method, route.key === 'GET envelope');
				response = await route.handler(ctx);
			} catch (error) {
				response = errorToResponse(error);
			}
			return { ...response, headers: { ...rateHeaders, ...response.headers } };
		}, params);
	}
	return plain(`${method} unknown`, 'rest', () => {
		throw new DocuSignError(404, 'RESOURCE_NOT_FOUND', `The URL provided does not resolve to a resource: ${method} ${rest}`);
	});
}
