/** The control API under /__sim/ (JSON): what out-of-process tests use instead of the JS handle. */
import type { SimCore } from './core';
import { DocuSignError } from './errors';
import { deliverCustom, type CustomDelivery } from './connectCustom';
import { json, parseJsonBody, queryObject, type SimResponse } from './http';
import { declineRecipient, signRecipient, viewRecipient } from './lifecycle';
import { expireAccessTokens } from './tokens';
import { platformControl } from './platformControl';
import type { EnvelopeRecord, FaultRule } from './types';
import { createHash, randomBytes } from 'node:crypto';

function merge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(patch)) {
		const current = target[key];
		if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object') {
			merge(current as Record<string, unknown>, value as Record<string, unknown>);
		} else target[key] = value;
	}
}

/** An envelope record for JSON: documents as name/size/sha256 instead of bytes. */
export function envelopeView(env: EnvelopeRecord): Record<string, unknown> {
	return {
		...env,
		documents: env.documents.map(({ bytes, ...d }) => ({ ...d, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })),
	};
}

/** Adds an HMAC key to one account (or every seeded account); returns the key. */
export function addHmacKey(core: SimCore, accountId?: string, key?: string): string {
	const secret = key ?? randomBytes(32).toString('base64');
	for (const account of core.seed.accounts) {
		if (accountId && account.accountId !== accountId) continue;
		core.state.hmacKeys.set(account.accountId, [...(core.state.hmacKeys.get(account.accountId) ?? []), secret]);
	}
	return secret;
}

export async function control(core: SimCore, method: string, path: string, query: URLSearchParams, body: Buffer): Promise<SimResponse> {
	const input = body.length ? parseJsonBody(body) : {};
	const route = `${method} ${path.replace(/^\/__sim/, '')}`;
	const str = (v: unknown) => (v === undefined ? undefined : String(v));
	let m: RegExpExecArray | null;
	if (route === 'GET /seed') return json(200, core.seed);
	if (route === 'GET /counters') return json(200, core.counters());
	if (route === 'GET /log') {
		const since = Number(query.get('since') ?? 0);
		const endpoint = query.get('endpoint');
		return json(200, core.requestLog.filter((e) => e.seq > since && (!endpoint || e.endpoint === endpoint)));
	}
	if (route === 'POST /reset') return core.reset(), json(200, { reset: true });
	if (route === 'GET /faults') return json(200, core.faults.list());
	if (route === 'POST /faults') {
		const rules = (Array.isArray(input.rules) ? input.rules : [input]) as FaultRule[];
		return json(200, rules.map((r) => core.faults.add(r)));
	}
	if (route === 'DELETE /faults') return core.faults.clear(), json(200, { cleared: true });
	if ((m = /^DELETE \/faults\/(\d+)$/.exec(route))) return core.faults.remove(Number(m[1])), json(200, { removed: Number(m[1]) });
	if (route === 'GET /config') return json(200, core.config);
	if (route === 'POST /config') return merge(core.config as unknown as Record<string, unknown>, input), json(200, core.config);
	if (route === 'POST /consent') {
		const pair = `${str(input.integrationKey)}:${str(input.userId)}`;
		if (input.revoke) core.state.consents.delete(pair);
		else core.state.consents.add(pair);
		return json(200, { consents: [...core.state.consents] });
	}
	if (route === 'POST /tokens/expire') return json(200, { expired: expireAccessTokens(core, { accessToken: str(input.accessToken), userId: str(input.userId), grant: str(input.grant) }) });
	if (route === 'GET /envelopes') return json(200, [...core.state.envelopes.values()].map(envelopeView));
	if ((m = /^GET \/envelopes\/([^/]+)$/.exec(route))) {
		const env = core.state.envelopes.get(m[1]);
		return env ? json(200, envelopeView(env)) : json(404, { error: 'no such envelope' });
	}
	if ((m = /^POST \/envelopes\/([^/]+)\/recipients\/([^/]+)\/(view|sign|decline)$/.exec(route))) {
		const env = core.state.envelopes.get(m[1]);
		if (!env) return json(404, { error: 'no such envelope' });
		try {
			const act = m[3] === 'view' ? viewRecipient : m[3] === 'sign' ? signRecipient : undefined;
			const auth = {
				accessCode: str(input.accessCode),
				identityVerified: input.identityVerified === true,
				tabValues: (input.tabValues ?? {}) as Record<string, string>,
			};
			const r = act ? act(core, env, m[2], auth) : declineRecipient(core, env, m[2], str(input.reason) ?? 'Declined by the control API');
			return json(200, { envelopeStatus: env.status, recipientStatus: r.status });
		} catch (error) {
			if (error instanceof DocuSignError) return json(409, { errorCode: error.errorCode, message: error.message });
			throw error;
		}
	}
	if (route === 'GET /connect/keys') return json(200, Object.fromEntries(core.state.hmacKeys));
	if (route === 'POST /connect/keys') return json(200, { key: addHmacKey(core, str(input.accountId), str(input.key)), keys: Object.fromEntries(core.state.hmacKeys) });
	if (route === 'DELETE /connect/keys') return core.state.hmacKeys.clear(), json(200, { cleared: true });
	if (route === 'GET /connect/deliveries') {
		if (query.get('wait')) await core.connect.idle(Number(query.get('timeoutMs') ?? 10_000));
		const q = queryObject(query);
		return json(200, core.state.deliveries.filter((d) => (!q.envelopeId || d.envelopeId === q.envelopeId) && (!q.event || d.event === q.event)));
	}
	if (route === 'POST /connect/idle') return await core.connect.idle(Number(input.timeoutMs ?? 10_000)), json(200, { idle: true });
	if (route === 'POST /connect/deliver') {
		try {
			return json(200, await deliverCustom(core, input as CustomDelivery));
		} catch (error) {
			return json(400, { error: (error as Error).message });
		}
	}
	const platform = platformControl(core, route, input);
	if (platform) return platform;
	return json(404, { error: `Unknown control call ${method} ${path}` });
}
