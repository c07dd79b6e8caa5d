/** Fault switches: error statuses, connection resets before/after the work, latency, slow answers. */
import type { ActiveFault, FaultKind, FaultMatch, FaultRule } from './types';

export interface RequestInfo {
	method: string;
	path: string;
	endpoint: string;
}

function matches(match: FaultMatch | undefined, info: RequestInfo): boolean {
	if (!match) return true;
	if (match.endpoint && match.endpoint !== info.endpoint) return false;
	if (match.method && match.method.toUpperCase() !== info.method) return false;
	if (match.path) {
		const regex = /^\/(.*)\/([a-z]*)$/.exec(match.path);
		if (regex ? !new RegExp(regex[1], regex[2]).test(info.path) : !info.path.includes(match.path)) return false;
	}
	return true;
}

export class FaultSwitches {
	private rules: ActiveFault[] = [];
	private nextId = 1;

	/** Adds a rule; `count` defaults to 1, -1 means every matching request until cleared. */
	add(rule: FaultRule): ActiveFault {
		const kinds: FaultKind[] = ['status', 'resetBefore', 'resetAfter', 'latency', 'slow'];
		if (!kinds.includes(rule.kind)) throw new Error(`Unknown fault kind "${rule.kind}" (one of ${kinds.join(', ')})`);
		const count = rule.count ?? 1;
		const active: ActiveFault = { ...rule, count, id: this.nextId++, remaining: count < 0 ? -1 : count, hits: 0 };
		this.rules.push(active);
		return active;
	}

	/** Answer `status` (default 500) to the next `count` matching requests, without doing the work. */
	failNext(count = 1, options: { status?: number; errorCode?: string; match?: FaultMatch } = {}): ActiveFault {
		return this.add({ kind: 'status', count, ...options });
	}

	/** Destroy the socket of the next `count` matching requests before doing anything. */
	resetBefore(count = 1, match?: FaultMatch): ActiveFault {
		return this.add({ kind: 'resetBefore', count, match });
	}

	/** Do the work (e.g. create the envelope), then destroy the socket: the "response lost" case. */
	resetAfter(count = 1, match?: FaultMatch): ActiveFault {
		return this.add({ kind: 'resetAfter', count, match });
	}

	/** Wait `delayMs` before processing the next `count` matching requests. */
	latency(delayMs: number, count = -1, match?: FaultMatch): ActiveFault {
		return this.add({ kind: 'latency', delayMs, count, match });
	}

	/** Do the work, then wait `delayMs` before answering (longer than a client timeout). */
	slow(delayMs: number, count = 1, match?: FaultMatch): ActiveFault {
		return this.add({ kind: 'slow', delayMs, count, match });
	}

	/** Consumes and returns the first live rule of this kind matching the request. */
	take(kind: FaultKind, info: RequestInfo): ActiveFault | undefined {
		const rule = this.rules.find((r) => r.kind === kind && r.remaining !== 0 && matches(r.match, info));
		if (!rule) return undefined;
		if (rule.remaining > 0) rule.remaining -= 1;
		rule.hits += 1;
		return rule;
	}

	list(): ActiveFault[] {
		return this.rules.map((r) => ({ ...r }));
	}

	remove(id: number): void {
		this.rules = this.rules.filter((r) => r.id !== id);
	}

	clear(): void {
		this.rules = [];
	}
}
