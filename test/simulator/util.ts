/** Small helpers shared by the simulator modules. */
import { randomBytes, randomUUID } from 'node:crypto';

export const guid = (): string => randomUUID();

/** An opaque token that looks like DocuSign's: long, URL-safe. */
export const opaqueToken = (prefix: string): string =>
	`${prefix}${randomBytes(32).toString('base64url')}`;

/** DocuSign writes timestamps with seven fractional digits: 2024-01-02T03:04:05.1230000Z. */
export function dsDate(date: Date = new Date()): string {
	return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export const sleep = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** True for hosts on this machine only: the simulator never contacts anything else. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function isLoopbackUrl(url: string): boolean {
	try {
		const parsed = new URL(url);
		return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLoopbackHost(parsed.hostname);
	} catch {
		return false;
	}
}

/** DocuSign sends booleans as "true"/"false" strings and accepts both. */
export function truthy(value: unknown): boolean {
	return value === true || String(value).toLowerCase() === 'true';
}

export const str = (value: unknown): string | undefined =>
	value === undefined || value === null ? undefined : String(value);

export function asArray<T = Record<string, unknown>>(value: unknown): T[] {
	return Array.isArray(value) ? (value as T[]) : [];
}

export function asObject(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

/** Drops undefined members so JSON output looks like DocuSign's (absent, not null). */
export function compact<T extends Record<string, unknown>>(value: T): T {
	for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
	return value;
}
