import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { ConnectMessage } from './payload';

/** How many deliveries the trigger remembers to recognise DocuSign's retries. */
export const REMEMBERED_DELIVERIES = 500;

const STATIC_KEY = 'recentDeliveries';

/**
 * What identifies one event whatever the attempt: a retry repeats envelope, event, recipient and
 * generatedDateTime (only retryCount changes). Undefined when the message lacks the timestamp,
 * so such messages are never taken for repeats.
 */
export function deliveryKey(message: ConnectMessage): string | undefined {
	const data = message.data ?? {};
	const generated = String(message.generatedDateTime ?? '');
	const envelopeId = String(data.envelopeId ?? '');
	if (!generated || !envelopeId) return undefined;
	const identity = [envelopeId, message.event, String(data.recipientId ?? ''), generated].join('|');
	return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
}

/**
 * Records the key in the node's static data and tells whether it is new. The list is replaced,
 * not mutated, so that n8n notices the change and saves it; the oldest keys drop out first.
 */
export function rememberDelivery(staticData: IDataObject, key: string): boolean {
	const seen = Array.isArray(staticData[STATIC_KEY]) ? (staticData[STATIC_KEY] as unknown[]).map(String) : [];
	if (seen.includes(key)) return false;
	staticData[STATIC_KEY] = [...seen, key].slice(-REMEMBERED_DELIVERIES);
	return true;
}
