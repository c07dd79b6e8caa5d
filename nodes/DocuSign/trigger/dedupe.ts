import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { ConnectMessage } from './payload';

/** How many deliveries the trigger remembers, per trigger node, to recognise DocuSign's retries. */
export const REMEMBERED_DELIVERIES = 500;

const STATIC_KEY = 'recentDeliveries';
const MAX_SCOPES = 1000;

/**
 * Keys per trigger node in this process. n8n 2.41 does not save static data that webhook()
 * changed when the delivery starts an execution (WorkflowRunner wraps the same static data in a
 * new Workflow, which clears its "changed" flag before the save), so the static data copy alone
 * would forget every key; this memory is what dedupes within a running n8n.
 */
const memory = new Map<string, string[]>();

/** Test hook: forgets what this process remembered (as a restart would). */
export function clearDeliveryMemory(): void {
	memory.clear();
}

/** JSON with object keys sorted, so that the same content always gives the same text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as IDataObject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/**
 * What identifies one event whatever the attempt. DocuSign documents no delivery id, and nothing
 * says that generatedDateTime or retryCount stay the same when it sends a message again, so the
 * key is the event's content: event name and `data` (envelope, recipient, and the envelope summary
 * as it was at event time). A message DocuSign rebuilt with other content counts as a new event
 * (a repeat run rather than a lost event). Undefined without an envelope ID: never a repeat.
 */
export function deliveryKey(message: ConnectMessage): string | undefined {
	const data = message.data ?? {};
	const envelopeId = String(data.envelopeId ?? '');
	if (!envelopeId) return undefined;
	const identity = [message.event, envelopeId, String(data.recipientId ?? ''), canonical(data)].join('|');
	return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
}

/**
 * Records the key and tells whether it is new, in this process' memory for the trigger node
 * (`scope`) and in the node's static data. The static data list is replaced, not mutated, so n8n
 * sees the change where it saves it; the oldest keys drop out first.
 */
export function rememberDelivery(staticData: IDataObject, scope: string, key: string): boolean {
	const stored = Array.isArray(staticData[STATIC_KEY]) ? (staticData[STATIC_KEY] as unknown[]).map(String) : [];
	const remembered = memory.get(scope) ?? [];
	if (stored.includes(key) || remembered.includes(key)) return false;

	memory.delete(scope);
	memory.set(scope, [...remembered, key].slice(-REMEMBERED_DELIVERIES));
	if (memory.size > MAX_SCOPES) memory.delete(memory.keys().next().value as string);
	staticData[STATIC_KEY] = [...stored, key].slice(-REMEMBERED_DELIVERIES);
	return true;
}
