/**
 * DocuSign's per-envelope service protection (eSignature "Rules and resource limits", Request
 * limits; blog "Service protection: New API errors for excessive polling and envelope updates"):
 * GETs (polling) and PUTs (updates) of one envelope and everything under it are counted per
 * envelope over a sliding 30-second window and over an hour; past a limit DocuSign answers HTTP 400
 * with a mixed-case errorCode. DocuSign does not publish the numbers, so the limits here are off
 * until a test sets them. Always on: DocuSign's documented app rule of one status GET per envelope
 * per 15 minutes, which does not fail the call but is flagged (go-live review): counted as
 * `polling:violation`.
 */
import type { SimCore } from './core';
import { DocuSignError } from './errors';

const HOUR_MS = 3_600_000;
export const STATUS_POLL_INTERVAL_MS = 15 * 60_000;

interface Calls {
	gets: number[];
	puts: number[];
	lastStatusGet?: number;
}

const ERRORS = {
	pollingBurst: ['Burst_Envelope_Polling_Limit_Exceeded', 'Too much envelope polling (GETs) in the last 30 seconds.'],
	pollingHourly: ['Hourly_Envelope_Polling_Limit_Exceeded', 'Too much envelope polling (GETs) in the last hour.'],
	updatesBurst: ['Burst_APIInvocation_Envelope_Limit_Exceeded', 'Too many envelope updates (PUTs) in the last 30 seconds.'],
	updatesHourly: ['Hourly_APIInvocation_Envelope_Limit_Exceeded', 'Too many envelope updates (PUTs) in the last hour.'],
} as const;

export class EnvelopeLimiter {
	private calls = new Map<string, Calls>();

	constructor(private readonly core: SimCore) {}

	/**
	 * Counts one GET or PUT of the envelope (or of its recipients, documents, …) and throws
	 * DocuSign's error when it is over a configured limit; a refused call is not counted and does
	 * no work. `statusGet`: GET /envelopes/{id} itself, for the 15-minute polling rule.
	 */
	hit(accountId: string, envelopeId: string, method: string, statusGet: boolean, now = Date.now()): void {
		if (method !== 'GET' && method !== 'PUT') return;
		const limits = this.core.config.envelopeLimits;
		const key = `${accountId}:${envelopeId.toLowerCase()}`;
		const calls = this.calls.get(key) ?? { gets: [], puts: [] };
		this.calls.set(key, calls);
		const list = method === 'GET' ? calls.gets : calls.puts;
		const hourAgo = now - HOUR_MS;
		while (list.length && list[0] <= hourAgo) list.shift();
		const burstFrom = now - limits.burstWindowSeconds * 1000;
		const inBurst = list.filter((at) => at > burstFrom).length;
		const [burstLimit, hourlyLimit, burstError, hourlyError] =
			method === 'GET'
				? [limits.pollingBurst, limits.pollingHourly, ERRORS.pollingBurst, ERRORS.pollingHourly]
				: [limits.updatesBurst, limits.updatesHourly, ERRORS.updatesBurst, ERRORS.updatesHourly];
		if (hourlyLimit !== undefined && list.length >= hourlyLimit) throw new DocuSignError(400, hourlyError[0], hourlyError[1]);
		if (burstLimit !== undefined && inBurst >= burstLimit) throw new DocuSignError(400, burstError[0], burstError[1]);
		list.push(now);
		if (statusGet) {
			if (calls.lastStatusGet !== undefined && now - calls.lastStatusGet < STATUS_POLL_INTERVAL_MS) {
				this.core.count('polling:violation');
			}
			calls.lastStatusGet = now;
		}
	}

	reset(): void {
		this.calls.clear();
	}
}
