/**
 * Sends Connect messages: for each status event, to every matching account configuration
 * (allowEnvelopePublish "true", allUsers or userIds, events / envelopeEvents / recipientEvents)
 * and to the envelope's own eventNotification. Payloads are snapshots taken at event time.
 * Deliveries to one URL go in event order; non-2xx answers and network errors are retried
 * (config.connect: maxAttempts, retryDelayMs; eventNotification only with requireAcknowledgment)
 * with retryCount counting up. Only loopback URLs are contacted; others are logged as blocked.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SimCore } from './core';
import { hmacHeaders, jsonPayload, xmlPayload } from './connectPayload';
import type { DeliveryRecord, EnvelopeRecord, RecipientRecord } from './types';
import { asArray, asObject, guid, isLoopbackUrl, sleep, str, truthy } from './util';

export type Build = (retryCount: number) => { body: string; headers: Record<string, string> };

interface Target {
	source: 'account' | 'envelope';
	url: string;
	configurationId: number;
	includeHMAC: boolean;
	asJson: boolean;
	includeData: string[];
	retry: boolean;
}

/** Event names a configuration asks for: Connect 2.0 `events`, or legacy envelope/recipient codes. */
function wantedEvents(config: Record<string, unknown>): Set<string> {
	const events = new Set(asArray<string>(config.events).map((e) => String(e).toLowerCase()));
	for (const e of asArray(config.envelopeEvents)) events.add(`envelope-${String(e.envelopeEventStatusCode ?? '').toLowerCase()}`);
	for (const e of asArray(config.recipientEvents)) events.add(`recipient-${String(e.recipientEventStatusCode ?? '').toLowerCase()}`);
	return events;
}

function formatOf(config: Record<string, unknown>): { asJson: boolean; includeData: string[] } {
	const eventData = asObject(config.eventData);
	const asJson = str(eventData.version) === 'restv2.1' && (str(eventData.format) ?? 'json').toLowerCase() === 'json';
	return { asJson, includeData: asArray<string>(eventData.includeData).map(String) };
}

function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const send = url.startsWith('https:') ? httpsRequest : httpRequest;
		const req = send(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, timeout: timeoutMs, rejectUnauthorized: false }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(body);
	});
}

export class ConnectDispatcher {
	private chains = new Map<string, Promise<void>>();
	private pending = 0;
	private waiters: Array<() => void> = [];
	private generation = 0;

	constructor(private readonly core: SimCore) {}

	private targets(event: string, env: EnvelopeRecord): Target[] {
		const out: Target[] = [];
		for (const record of this.core.state.connectConfigs.values()) {
			const c = record.config;
			if (record.accountId !== env.accountId || !truthy(c.allowEnvelopePublish) || truthy(c.disabled)) continue;
			if (!truthy(c.allUsers) && !asArray<string>(c.userIds).map(String).includes(env.senderUserId)) continue;
			if (!wantedEvents(c).has(event)) continue;
			out.push({ source: 'account', url: String(c.urlToPublishTo), configurationId: Number(record.connectId), includeHMAC: truthy(c.includeHMAC), retry: true, ...formatOf(c) });
		}
		const n = env.eventNotification;
		if (n && str(n.url) && wantedEvents(n).has(event)) {
			out.push({ source: 'envelope', url: String(n.url), configurationId: 0, includeHMAC: truthy(n.includeHMAC), retry: truthy(n.requireAcknowledgment), ...formatOf(n) });
		}
		return out;
	}

	emit(event: string, env: EnvelopeRecord, recipient?: RecipientRecord): void {
		this.emitTo(this.targets(event, env), event, env, recipient);
	}

	/** Connect's republish: `event` again, to the account configurations only; returns them. */
	republish(event: string, env: EnvelopeRecord): Array<{ configurationId: string; url: string }> {
		const targets = this.targets(event, env).filter((t) => t.source === 'account');
		this.emitTo(targets, event, env);
		return targets.map((t) => ({ configurationId: String(t.configurationId), url: t.url }));
	}

	private emitTo(targets: Target[], event: string, env: EnvelopeRecord, recipient?: RecipientRecord): void {
		for (const t of targets) {
			const payload = t.asJson ? jsonPayload(this.core, env, recipient, { event, configurationId: t.configurationId, retryCount: 0, includeData: t.includeData }) : undefined;
			const xml = t.asJson ? '' : xmlPayload(env);
			const keys = t.includeHMAC ? (this.core.state.hmacKeys.get(env.accountId) ?? []) : [];
			const record = this.newRecord(event, t.url, t.source, { configurationId: t.source === 'account' ? String(t.configurationId) : undefined, envelopeId: env.envelopeId, recipientId: recipient?.recipientId });
			this.schedule(record, (retryCount) => {
				// Nothing documents that a retry keeps generatedDateTime: the stricter side gives it a new one.
				const body = payload ? JSON.stringify({ ...payload, retryCount, ...(retryCount > 0 ? { generatedDateTime: new Date().toISOString() } : {}) }) : xml;
				const type = payload ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';
				return { body, headers: { 'Content-Type': type, ...hmacHeaders(body, keys) } };
			}, t.retry ? this.core.config.connect.maxAttempts : 1);
		}
	}

	/** A pending delivery record, logged in state.deliveries. */
	newRecord(event: string, url: string, source: DeliveryRecord['source'], extra: Partial<DeliveryRecord>): DeliveryRecord {
		const record: DeliveryRecord = { deliveryId: guid(), event, url, source, attempts: [], state: 'pending', body: '', headers: {}, ...extra };
		this.core.state.deliveries.push(record);
		return record;
	}

	/** Queues the record behind earlier deliveries to the same URL; resolves when it is done. */
	schedule(record: DeliveryRecord, build: Build, maxAttempts: number): Promise<void> {
		const generation = this.generation;
		this.pending++;
		const previous = this.chains.get(record.url) ?? Promise.resolve();
		const run = previous.then(() => (generation === this.generation ? this.attemptAll(record, build, maxAttempts) : undefined));
		const done = run.catch(() => undefined).finally(() => {
			if (--this.pending === 0) this.waiters.splice(0).forEach((w) => w());
		});
		this.chains.set(record.url, done);
		return done;
	}

	private async attemptAll(record: DeliveryRecord, build: Build, maxAttempts: number): Promise<void> {
		const { body, headers } = build(0);
		Object.assign(record, { body, headers });
		if (!isLoopbackUrl(record.url)) {
			record.state = 'blocked';
			this.core.count('connect:blocked');
			return;
		}
		for (let attempt = 0; attempt < Math.max(1, maxAttempts); attempt++) {
			const message = build(attempt);
			Object.assign(record, message);
			const started = Date.now();
			this.core.count('connect:attempt');
			try {
				const status = await post(record.url, message.body, message.headers, this.core.config.connect.timeoutMs);
				record.attempts.push({ at: new Date(started).toISOString(), status, durationMs: Date.now() - started });
				record.lastStatus = status;
				if (status >= 200 && status < 300) {
					record.state = 'delivered';
					this.core.count('connect:delivered');
					return;
				}
			} catch (error) {
				record.attempts.push({ at: new Date(started).toISOString(), error: (error as Error).message, durationMs: Date.now() - started });
			}
			if (attempt + 1 < maxAttempts) await sleep(this.core.config.connect.retryDelayMs);
		}
		record.state = 'failed';
		this.core.count('connect:failed');
	}

	/** Resolves when no delivery is queued or running (or after timeoutMs). */
	idle(timeoutMs = 10_000): Promise<void> {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(resolve, timeoutMs);
			timer.unref?.();
			this.waiters.push(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	/** Forgets queues; deliveries already on the wire finish, queued ones are dropped. */
	reset(): void {
		this.generation++;
		this.chains.clear();
	}
}
