import { timingSafeEqual } from 'crypto';
import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/** The Connect events that end the wait, and the envelope status each one means. */
export const TERMINAL_EVENTS = {
	'envelope-completed': 'completed',
	'envelope-declined': 'declined',
	'envelope-voided': 'voided',
} as const;

export type FinalStatus = (typeof TERMINAL_EVENTS)[keyof typeof TERMINAL_EVENTS];

export function finalStatusOf(event: string): FinalStatus | undefined {
	return Object.hasOwn(TERMINAL_EVENTS, event) ? TERMINAL_EVENTS[event as keyof typeof TERMINAL_EVENTS] : undefined;
}

/** What the wait needs to know when DocuSign calls back; carried in the signed resume URL. */
export interface ResumeState {
	/** The transactionId of the envelope this execution created (its idempotency marker). */
	marker: string;
	downloadDocuments: boolean;
	/** When the envelope was created (ms, just before the create): recognises it once DocuSign drops the transactionId. */
	createdAt?: number;
}

// n8n-core's WAITING_TOKEN_QUERY_PARAM: the query parameter of the signature getSignedResumeUrl adds.
const SIGNATURE_PARAM = 'signature';
const MARKER_PARAM = 'envelope';
const DOCUMENTS_PARAM = 'documents';
const CREATED_PARAM = 'created';

function paramsOf(state: ResumeState): Record<string, string> {
	return {
		[MARKER_PARAM]: state.marker,
		...(state.downloadDocuments ? { [DOCUMENTS_PARAM]: 'true' } : {}),
		...(state.createdAt !== undefined ? { [CREATED_PARAM]: String(state.createdAt) } : {}),
	};
}

/**
 * This execution's waiting-webhook URL for this node, signed by n8n (HMAC with the instance's
 * secret over path and query): /webhook-waiting/{executionId}/{nodeId}?envelope=…&signature=…
 * n8n itself refuses a call whose signature does not match before the node sees it.
 */
export function signedResumeUrl(context: IExecuteFunctions, state: ResumeState): string {
	return context.getSignedResumeUrl(paramsOf(state));
}

function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The state of a resume call whose URL carries the signature n8n gave this execution and node
 * for exactly these parameters; undefined for anything else. n8n checks it first, and so does the
 * node, so that no call gets past an n8n that skipped its check.
 */
export function verifiedResumeState(context: IWebhookFunctions): ResumeState | undefined {
	const query = context.getQueryData() as IDataObject;
	const provided = query[SIGNATURE_PARAM];
	if (typeof provided !== 'string' || provided === '') return undefined;
	const params: Record<string, string> = {};
	for (const [key, value] of Object.entries(query)) {
		if (key === SIGNATURE_PARAM) continue;
		if (typeof value !== 'string') return undefined;
		params[key] = value;
	}
	let expected: string | null;
	try {
		expected = new URL(context.getSignedResumeUrl(params)).searchParams.get(SIGNATURE_PARAM);
	} catch {
		return undefined;
	}
	if (!expected || !sameText(provided, expected)) return undefined;
	const marker = params[MARKER_PARAM];
	if (!marker) return undefined;
	const createdAt = Number(params[CREATED_PARAM]);
	return {
		marker,
		downloadDocuments: params[DOCUMENTS_PARAM] === 'true',
		...(params[CREATED_PARAM] && Number.isFinite(createdAt) ? { createdAt } : {}),
	};
}

/** The envelope's eventNotification: DocuSign posts the terminal events (JSON SIM) to the resume URL. */
export function resumeNotification(url: string, signedByDocuSign: boolean): IDataObject {
	return {
		url,
		deliveryMode: 'SIM',
		events: Object.keys(TERMINAL_EVENTS),
		eventData: { version: 'restv2.1', format: 'json', includeData: ['custom_fields', 'recipients'] },
		includeHMAC: String(signedByDocuSign),
		requireAcknowledgment: 'true',
		loggingEnabled: 'true',
	};
}
