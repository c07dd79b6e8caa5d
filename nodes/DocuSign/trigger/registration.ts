import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { requireHttpsListener } from '../helpers/httpsListener';
import { apiRequest, resolveAccount, type ResolvedAccount } from '../transport';

/** DocuSign's answers when the user is not an admin, or the account's plan lacks Connect. */
const PERMISSION_CODES = new Set(['USER_LACKS_PERMISSIONS', 'ACCOUNT_LACKS_PERMISSIONS']);

const isAutomatic = (context: IHookFunctions) =>
	context.getNodeParameter('registration', 'automatic') === 'automatic';

function storedConnectId(context: IHookFunctions): string | undefined {
	const connectId = context.getWorkflowStaticData('node').connectId;
	return typeof connectId === 'string' && connectId !== '' ? connectId : undefined;
}

function forgetConnectId(context: IHookFunctions): void {
	const staticData = context.getWorkflowStaticData('node');
	delete staticData.connectId;
	delete staticData.accountId;
}

/**
 * The account holding the registered configuration: the one stored at creation (the node's Account
 * may have changed since), else, for configurations registered before accounts were stored, the
 * node's current account.
 */
async function registeredAccount(context: IHookFunctions): Promise<ResolvedAccount> {
	const accountId = context.getWorkflowStaticData('node').accountId;
	return typeof accountId === 'string' && accountId !== ''
		? await resolveAccount.call(context, 0, accountId)
		: await resolveAccount.call(context);
}

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL');
	return url;
}

/** The account-level Connect configuration the trigger registers (spec: connectCustomConfiguration). */
export function connectConfigurationBody(context: IHookFunctions, url: string): IDataObject {
	const events = context.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Select at least one event to listen to');
	}
	const includeData = context.getNodeParameter('includeData', []) as string[];
	const workflow = context.getWorkflow();
	const label = `n8n: ${String(workflow.name ?? '').slice(0, 60)} (${workflow.id ?? ''})`;
	return {
		configurationType: 'custom',
		name: context.getMode() === 'manual' ? `${label} [test]` : label,
		urlToPublishTo: url,
		allUsers: 'true',
		allowEnvelopePublish: 'true',
		enableLog: 'true',
		includeHMAC: 'true',
		requiresAcknowledgement: 'true',
		deliveryMode: 'SIM',
		events,
		eventData: { version: 'restv2.1', format: 'json', includeData },
	};
}

function errorCodeOf(error: unknown): string {
	const response = (error as NodeApiError | undefined)?.errorResponse as { errorCode?: unknown } | undefined;
	return String(response?.errorCode ?? '');
}

/** Tells an admin-rights or plan refusal apart, and says what to do instead. */
function explain(context: IHookFunctions, error: unknown, action: string): unknown {
	const code = errorCodeOf(error);
	if (!(error instanceof NodeApiError) || !PERMISSION_CODES.has(code)) return error;
	const reason =
		code === 'USER_LACKS_PERMISSIONS'
			? 'the connected DocuSign user is not an administrator of the account'
			: 'Connect is not enabled for this DocuSign account (its plan may not include it)';
	return new NodeApiError(context.getNode(), error.errorResponse as JsonObject, {
		message: `DocuSign refused to ${action}: ${reason} (${code})`,
		description:
			'Automatic registration creates an account-level Connect configuration, which needs a DocuSign account administrator and Connect on the account\'s plan. ' +
			'Either connect the trigger as an administrator, or set Registration to Manual and have an administrator add this node\'s URL in DocuSign Admin → Connect, ' +
			'or skip the trigger and ask for per-envelope notifications (eventNotification) when you create envelopes, which need no admin rights.',
		httpCode: error.httpCode ?? undefined,
	});
}

/**
 * Whether DocuSign no longer has the configuration. A 404 says so; DocuSign answers an unknown
 * id with a 400 whose code is undocumented, so other 400s are settled by listing the account's
 * configurations. Permission refusals and everything else are not "gone".
 */
async function isGone(context: IHookFunctions, error: unknown, connectId: string, account: ResolvedAccount): Promise<boolean> {
	if (!(error instanceof NodeApiError)) return false;
	const status = Number(error.httpCode);
	if (status === 404) return true;
	if (status !== 400 || PERMISSION_CODES.has(errorCodeOf(error))) return false;
	let list: { configurations?: IDataObject[] } | undefined;
	try {
		list = (await apiRequest.call(context, 'GET', '/connect', {
			account,
			action: 'list the Connect configurations',
		})) as typeof list;
	} catch (listError) {
		throw explain(context, listError, 'list the Connect configurations');
	}
	return !(list?.configurations ?? []).some((config) => String(config.connectId) === connectId);
}

/** GET /connect/{id} answers `{configurations: [...]}` (connectConfigResults); some answer the object. */
function pickConfiguration(response: unknown, connectId: string): IDataObject | undefined {
	const results = response as { configurations?: IDataObject[]; connectId?: unknown } | undefined;
	if (!results) return undefined;
	if (Array.isArray(results.configurations)) {
		const [only] = results.configurations;
		return (
			results.configurations.find((config) => String(config.connectId) === connectId) ??
			(results.configurations.length === 1 && only.connectId === undefined ? only : undefined)
		);
	}
	return String(results.connectId ?? '') === connectId ? (results as IDataObject) : undefined;
}

/** checkExists: our configuration still exists and still publishes to this node's URL. */
export async function connectConfigurationExists(this: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(this)) return true;
	const connectId = storedConnectId(this);
	if (!connectId) return false;
	const account = await registeredAccount(this);
	if (account.accountId !== (await resolveAccount.call(this)).accountId) {
		// The node now names another account: retire the old configuration, register anew.
		await deleteConnectConfiguration.call(this);
		return false;
	}
	let config: IDataObject | undefined;
	try {
		const response = await apiRequest.call(this, 'GET', `/connect/${encodeURIComponent(connectId)}`, {
			account,
			action: 'read the Connect configuration',
		});
		config = pickConfiguration(response, connectId);
	} catch (error) {
		if (!(await isGone(this, error, connectId, account))) throw explain(this, error, 'read the Connect configuration');
	}
	if (config && String(config.urlToPublishTo ?? '') === webhookUrl(this)) return true;
	forgetConnectId(this);
	return false;
}

/** create: registers the configuration and keeps its id in the node's static data. */
export async function createConnectConfiguration(this: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(this)) return true;
	const url = webhookUrl(this);
	await requireHttpsListener(this, url, { what: 'this trigger\'s webhook URL', n8nUrl: true });
	const body = connectConfigurationBody(this, url);
	const account = await resolveAccount.call(this);
	let response: IDataObject | undefined;
	try {
		response = (await apiRequest.call(this, 'POST', '/connect', {
			body,
			account,
			action: 'create the Connect configuration',
		})) as IDataObject | undefined;
	} catch (error) {
		throw explain(this, error, 'create the Connect configuration');
	}
	const connectId = String(response?.connectId ?? '');
	if (!connectId) {
		throw new NodeApiError(this.getNode(), (response ?? {}) as JsonObject, {
			message: 'DocuSign created the Connect configuration but its answer has no connectId',
		});
	}
	const staticData = this.getWorkflowStaticData('node');
	staticData.connectId = connectId;
	staticData.accountId = account.accountId;
	return true;
}

/** delete: removes exactly the configuration this node created; one already gone counts as removed. */
export async function deleteConnectConfiguration(this: IHookFunctions): Promise<boolean> {
	if (!isAutomatic(this)) return true;
	const connectId = storedConnectId(this);
	if (!connectId) return true;
	const account = await registeredAccount(this);
	try {
		await apiRequest.call(this, 'DELETE', `/connect/${encodeURIComponent(connectId)}`, {
			account,
			action: 'delete the Connect configuration',
		});
	} catch (error) {
		if (!(await isGone(this, error, connectId, account))) throw explain(this, error, 'delete the Connect configuration');
	}
	forgetConnectId(this);
	return true;
}
