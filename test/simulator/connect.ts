/**
 * Account-level Connect configurations: POST /connect (Connect_PostConnectConfiguration),
 * GET /connect (Connect_GetConnectConfigs), GET /connect/{id} (Connect_GetConnectConfig),
 * DELETE /connect/{id} (Connect_DeleteConnectConfig). Account administrators only.
 */
import { readJson } from './bodies';
import { badRequest } from './errors';
import { json, type SimResponse } from './http';
import type { RestCtx } from './restAuth';
import type { ConnectConfigRecord } from './types';
import { str } from './util';

export function requireAdmin(ctx: RestCtx): void {
	if (!ctx.membership.isAdmin) {
		throw badRequest('USER_LACKS_PERMISSIONS', 'This user lacks sufficient permissions to access this resource.');
	}
}

function configJson(record: ConnectConfigRecord): Record<string, unknown> {
	return {
		configurationType: 'custom',
		allowEnvelopePublish: 'false',
		allUsers: 'false',
		includeHMAC: 'false',
		enableLog: 'true',
		...record.config,
		connectId: record.connectId,
	};
}

function findConfig(ctx: RestCtx): ConnectConfigRecord {
	const record = ctx.core.state.connectConfigs.get(ctx.params.connectId);
	if (!record || record.accountId !== ctx.account.accountId) {
		throw badRequest('INVALID_CONNECT_CONFIGURATION_ID', 'The Connect configuration ID is not valid for this account.');
	}
	return record;
}

/**
 * DocuSign delivers Connect messages to https:// listeners only (spec: eventNotification.url "must
 * start with https"); an http URL is refused with HTTPS_REQUIRED_FOR_CONNECT_LISTENER (the code and
 * message DocuSign answered in docusign-esign-php-client issue #131).
 */
export function requireHttpsListener(core: RestCtx['core'], url: string): void {
	if (core.config.connect.allowHttpListeners || /^https:\/\//i.test(url.trim())) return;
	throw badRequest('HTTPS_REQUIRED_FOR_CONNECT_LISTENER', 'HTTPS required for Connect listener communication.');
}

export function createConnectConfig(ctx: RestCtx): SimResponse {
	requireAdmin(ctx);
	const config = readJson(ctx, 'connectCustomConfiguration');
	if (!str(config.urlToPublishTo)?.trim()) {
		throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. urlToPublishTo is required.');
	}
	requireHttpsListener(ctx.core, str(config.urlToPublishTo) ?? '');
	const connectId = String(10_000 + ++ctx.core.state.connectSeq);
	const record: ConnectConfigRecord = { connectId, accountId: ctx.account.accountId, createdByUserId: ctx.user.userId, config };
	ctx.core.state.connectConfigs.set(connectId, record);
	return json(201, configJson(record));
}

export function listConnectConfigs(ctx: RestCtx): SimResponse {
	requireAdmin(ctx);
	const configurations = [...ctx.core.state.connectConfigs.values()]
		.filter((r) => r.accountId === ctx.account.accountId)
		.map(configJson);
	return json(200, { configurations, totalRecords: String(configurations.length) });
}

export function getConnectConfig(ctx: RestCtx): SimResponse {
	requireAdmin(ctx);
	return json(200, { configurations: [configJson(findConfig(ctx))], totalRecords: '1' });
}

export function deleteConnectConfig(ctx: RestCtx): SimResponse {
	requireAdmin(ctx);
	ctx.core.state.connectConfigs.delete(findConfig(ctx).connectId);
	return { status: 200, body: '' };
}
