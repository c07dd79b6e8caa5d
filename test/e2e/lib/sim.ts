/** The suite's view of the DocuSign simulator: its control API (`/__sim/…`) and its OAuth endpoints. */
import axios, { type AxiosInstance } from 'axios';
import type { CustomDelivery, DeliveryRecord, LogEntry, SeedData } from '../../simulator';

export interface Mark {
	counters: Record<string, number>;
	seq: number;
}

export interface Since {
	/** How much each counter grew since the mark (keys that did not move are left out). */
	counters: Record<string, number>;
	log: LogEntry[];
}

/** An envelope as the control API shows it. */
export interface SimEnvelope {
	envelopeId: string;
	accountId: string;
	status: string;
	emailSubject?: string;
	templateId?: string;
	voidedReason?: string;
	documents: Array<{ documentId: string; name: string; size: number; sha256: string; [key: string]: unknown }>;
	recipients: Array<{
		type: string;
		recipientId: string;
		roleName?: string;
		name: string;
		email: string;
		status: string;
		tabs?: Record<string, Array<Record<string, unknown>>>;
		[key: string]: unknown;
	}>;
	[key: string]: unknown;
}

export class SimClient {
	readonly http: AxiosInstance;

	constructor(readonly url: string) {
		this.http = axios.create({ baseURL: url, timeout: 10_000, proxy: false, validateStatus: () => true });
	}

	private async control<T>(method: 'get' | 'post' | 'delete', path: string, body?: unknown): Promise<T> {
		const res = await this.http.request({ method, url: `/__sim/${path}`, data: body });
		if (res.status >= 300) throw new Error(`simulator ${method.toUpperCase()} /__sim/${path}: ${res.status} ${JSON.stringify(res.data)}`);
		return res.data as T;
	}

	seed = () => this.control<SeedData>('get', 'seed');
	counters = () => this.control<Record<string, number>>('get', 'counters');
	reset = () => this.control<unknown>('post', 'reset');
	config = (patch: unknown) => this.control<unknown>('post', 'config', patch);
	consent = (integrationKey: string, userId: string, revoke = false) =>
		this.control<unknown>('post', 'consent', { integrationKey, userId, revoke });
	expireTokens = (filter: { accessToken?: string; userId?: string; grant?: string } = {}) => this.control<unknown>('post', 'tokens/expire', filter);

	/** The simulator's record of an envelope (documents as `{…, size, sha256}` instead of bytes). */
	envelope = (envelopeId: string) => this.control<SimEnvelope>('get', `envelopes/${envelopeId}`);
	/** A recipient views, signs or declines, as in DocuSign's signing page. */
	recipient = (envelopeId: string, recipientId: string, action: 'view' | 'sign' | 'decline', reason?: string) =>
		this.control<{ envelopeStatus: string; recipientStatus: string }>(
			'post',
			`envelopes/${envelopeId}/recipients/${recipientId}/${action}`,
			reason ? { reason } : {},
		);
	/** Adds a Connect HMAC key to one account (all when no id); a random one when none is given. */
	addHmacKey = (accountId?: string, key?: string) => this.control<{ key: string }>('post', 'connect/keys', { accountId, key });
	/** Connect delivery records, after the delivery queue drained. */
	deliveries = (filter: { envelopeId?: string; event?: string } = {}) =>
		this.control<DeliveryRecord[]>(
			'get',
			`connect/deliveries?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), wait: '1', timeoutMs: '8000' }).toString()}`,
		);
	/** A custom, forged or repeated Connect message; resolves with the records once answered. */
	deliver = (delivery: CustomDelivery) => this.control<DeliveryRecord[]>('post', 'connect/deliver', delivery);

	async log(since = 0): Promise<LogEntry[]> {
		const body = await this.control<LogEntry[] | { entries?: LogEntry[]; log?: LogEntry[] }>('get', `log?since=${since}`);
		return Array.isArray(body) ? body : (body.entries ?? body.log ?? []);
	}

	/** Where the simulator stands now; pass it to since() after the step under test. */
	async mark(): Promise<Mark> {
		const [counters, log] = await Promise.all([this.counters(), this.log()]);
		return { counters, seq: log.reduce((max, e) => Math.max(max, e.seq), 0) };
	}

	async since(mark: Mark): Promise<Since> {
		const [now, log] = await Promise.all([this.counters(), this.log(mark.seq)]);
		const counters: Record<string, number> = {};
		for (const [key, value] of Object.entries(now)) {
			const grew = value - (mark.counters[key] ?? 0);
			if (grew) counters[key] = grew;
		}
		return { counters, log: log.filter((e) => e.seq > mark.seq) };
	}

	/**
	 * A real connection of `userId` to `integrationKey`, as n8n's OAuth2 callback would get it: the
	 * consent page (auto-approved for that user), then the authorization_code grant.
	 */
	async authorizationCodeTokens(opts: {
		integrationKey: string;
		clientSecret: string;
		userId: string;
		scope: string;
		redirectUri?: string;
	}): Promise<{ access_token: string; refresh_token: string; token_type: string; expires_in: number }> {
		const redirectUri = opts.redirectUri ?? 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
		const auth = await this.http.get('/oauth/auth', {
			params: {
				response_type: 'code',
				scope: opts.scope,
				client_id: opts.integrationKey,
				redirect_uri: redirectUri,
				state: 'e2e',
				sim_user: opts.userId,
				auto_approve: 'true',
			},
			maxRedirects: 0,
		});
		const location = String(auth.headers.location ?? '');
		const code = location ? new URL(location).searchParams.get('code') : null;
		if (auth.status !== 302 || !code) throw new Error(`/oauth/auth did not redirect with a code (${auth.status} ${location})`);
		const token = await this.http.post(
			'/oauth/token',
			new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }).toString(),
			{
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				auth: { username: opts.integrationKey, password: opts.clientSecret },
			},
		);
		if (token.status !== 200 || !token.data?.refresh_token) {
			throw new Error(`authorization_code grant failed: ${token.status} ${JSON.stringify(token.data)}`);
		}
		return token.data;
	}
}
