import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readCredentialSettings, type DocuSignFunctions } from '../transport/credentials';

export interface ListenerUse {
	/** What the URL is for, e.g. "this trigger's webhook URL". */
	what: string;
	/** The URL is n8n's own (webhook or resume URL): n8n's WEBHOOK_URL decides its scheme. */
	n8nUrl: boolean;
	itemIndex?: number;
}

const WEBHOOK_URL_HINT =
	'Serve n8n over HTTPS (directly, or behind a TLS proxy or tunnel) and set n8n\'s WEBHOOK_URL environment variable to that public https:// address, e.g. WEBHOOK_URL=https://n8n.example.com/, then restart n8n.';

/**
 * DocuSign posts Connect and eventNotification messages to https:// listeners only (spec:
 * eventNotification.url "must start with https"; an http URL gets HTTPS_REQUIRED_FOR_CONNECT_LISTENER),
 * so in the Developer and Production environments an http URL would mean events that never
 * arrive. Refused here, before any call. The Custom environment (a proxy, the local simulator) may
 * use http.
 */
export async function requireHttpsListener(context: DocuSignFunctions, url: string, use: ListenerUse): Promise<void> {
	if (/^https:\/\//i.test(url.trim())) return;
	const { environment } = await readCredentialSettings(context);
	if (environment === 'custom') return;
	const shown = url.length > 200 ? `${url.slice(0, 200)}…` : url;
	throw new NodeOperationError(context.getNode(), `DocuSign only delivers events to https:// addresses, and ${use.what} is ${shown}`, {
		itemIndex: use.itemIndex,
		description: use.n8nUrl
			? `In the ${environment === 'production' ? 'Production' : 'Developer'} environment DocuSign refuses http listeners, so no event would ever reach n8n. ${WEBHOOK_URL_HINT}`
			: `In the ${environment === 'production' ? 'Production' : 'Developer'} environment DocuSign refuses http listeners. Enter an https:// address; for an n8n Webhook node, its URL becomes https once ${WEBHOOK_URL_HINT.charAt(0).toLowerCase()}${WEBHOOK_URL_HINT.slice(1)}`,
	});
}

/** The Status Notifications option's URL, or eventNotification.url from Options → Advanced (JSON). */
export async function requireHttpsStatusNotification(
	context: DocuSignFunctions,
	itemIndex: number,
	options: { fields: IDataObject; advanced: IDataObject },
): Promise<void> {
	for (const [source, where] of [
		[options.advanced, 'eventNotification.url in Options → Advanced (JSON)'],
		[options.fields, 'the URL of Options → Status Notifications'],
	] as const) {
		const notification = source.eventNotification as IDataObject | undefined;
		if (notification && typeof notification.url === 'string') {
			await requireHttpsListener(context, notification.url, { what: where, n8nUrl: false, itemIndex });
			return;
		}
	}
}
