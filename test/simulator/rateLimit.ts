/** DocuSign's per-account API limits: hourly (reset on the hour) and burst (sliding window). */
import { DocuSignError } from './errors';
import type { SimConfig } from './types';

interface Bucket {
	hourStart: number;
	hourCount: number;
	burst: number[];
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();

	constructor(private readonly config: () => SimConfig['rateLimits']) {}

	/**
	 * Counts one call for the account and returns the headers to send. Throws the DocuSign error
	 * (with the headers attached) when the call is over a limit; such calls do no work.
	 */
	hit(accountId: string, now = Date.now()): Record<string, string> {
		const limits = this.config();
		const hourStart = Math.floor(now / 3_600_000) * 3_600_000;
		let bucket = this.buckets.get(accountId);
		if (!bucket || bucket.hourStart !== hourStart) {
			bucket = { hourStart, hourCount: 0, burst: bucket?.burst ?? [] };
			this.buckets.set(accountId, bucket);
		}
		const windowStart = now - limits.burstWindowSeconds * 1000;
		bucket.burst = bucket.burst.filter((t) => t > windowStart);
		const overHour = bucket.hourCount >= limits.hourlyLimit;
		const overBurst = bucket.burst.length >= limits.burstLimit;
		if (!overHour && !overBurst) {
			bucket.hourCount += 1;
			bucket.burst.push(now);
		}
		const headers = {
			'X-RateLimit-Limit': String(limits.hourlyLimit),
			'X-RateLimit-Remaining': String(Math.max(0, limits.hourlyLimit - bucket.hourCount)),
			'X-RateLimit-Reset': String((hourStart + 3_600_000) / 1000),
			'X-BurstLimit-Limit': String(limits.burstLimit),
			'X-BurstLimit-Remaining': String(Math.max(0, limits.burstLimit - bucket.burst.length)),
		};
		if (overHour) {
			throw Object.assign(
				new DocuSignError(
					limits.hourlyStatus,
					'HOURLY_APIINVOCATION_LIMIT_EXCEEDED',
					`The maximum number of hourly API invocations has been exceeded. The hourly limit is ${limits.hourlyLimit}.`,
				),
				{ headers },
			);
		}
		if (overBurst) {
			throw Object.assign(
				new DocuSignError(
					429,
					'BURST_APIINVOCATION_LIMIT_EXCEEDED',
					`The maximum number of API invocations within ${limits.burstWindowSeconds} seconds has been exceeded. The limit is ${limits.burstLimit}.`,
				),
				{ headers },
			);
		}
		return headers;
	}

	reset(): void {
		this.buckets.clear();
	}
}
