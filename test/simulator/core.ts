/** The simulator's shared state: seed, mutable world, config, counters, request log, faults. */
import { seedAccountFeatures } from './accountFeatures';
import { ConnectDispatcher } from './connectDelivery';
import { FaultSwitches } from './faults';
import { EnvelopeLimiter } from './envelopeLimits';
import { RateLimiter } from './rateLimit';
import { seedAccountCustomFields } from './accountCustomFields';
import { seedTemplates } from './seedTemplates';
import type { LogEntry, SeedAccount, SeedData, SeedUser, SimConfig, SimState, TemplateRecord } from './types';

export function defaultConfig(latencyMs = 0, allowHttpListeners = false): SimConfig {
	return {
		latencyMs,
		tokens: {
			authorizationCodeExpiresIn: 28800,
			jwtExpiresIn: 3600,
			refreshTokenExpiresIn: 30 * 24 * 3600,
			authCodeExpiresIn: 120,
		},
		rateLimits: { hourlyLimit: 3000, burstLimit: 200, burstWindowSeconds: 30, hourlyStatus: 400 },
		envelopeLimits: { burstWindowSeconds: 30 },
		connect: { allowHttpListeners, retryDelayMs: 100, maxAttempts: 3, timeoutMs: 5000 },
		autoApprove: false,
		maxRequestBytes: 34 * 1024 * 1024,
		specValidation: true,
		transactionIdValidMs: 7 * 86_400_000,
	};
}

function cloneTemplate(t: TemplateRecord): TemplateRecord {
	return {
		...t,
		documents: t.documents.map((d) => ({ ...d })),
		recipients: t.recipients.map((r) => ({ ...r, tabs: r.tabs && JSON.parse(JSON.stringify(r.tabs)), extra: { ...r.extra } })),
	};
}

const MAX_LOG = 5000;

export class SimCore {
	url = '';
	seed!: SeedData;
	state!: SimState;
	config: SimConfig;
	readonly faults = new FaultSwitches();
	readonly rateLimiter: RateLimiter;
	readonly envelopeLimiter: EnvelopeLimiter;
	readonly connect: ConnectDispatcher;
	readonly requestLog: LogEntry[] = [];
	private readonly counts = new Map<string, number>();
	private logSeq = 0;
	private readonly seededTemplates = seedTemplates();

	constructor(
		private readonly initialLatencyMs = 0,
		private readonly allowHttpListeners = false,
	) {
		this.config = defaultConfig(initialLatencyMs, allowHttpListeners);
		this.rateLimiter = new RateLimiter(() => this.config.rateLimits);
		this.envelopeLimiter = new EnvelopeLimiter(this);
		this.connect = new ConnectDispatcher(this);
	}

	get templatesForSeed(): TemplateRecord[] {
		return this.seededTemplates;
	}

	/** (Re)builds the mutable world from the seed: templates, consents; nothing else. */
	resetState(): void {
		const consents = new Set<string>();
		for (const user of this.seed.users) {
			for (const ik of user.consentedIntegrationKeys) consents.add(`${ik}:${user.userId}`);
		}
		this.state = {
			accountFeatures: seedAccountFeatures(),
			envelopes: new Map(),
			templates: new Map(this.seededTemplates.map((t) => [t.templateId, cloneTemplate(t)])),
			connectConfigs: new Map(),
			bulkLists: new Map(),
			bulkBatches: new Map(),
			hmacKeys: new Map(),
			consents,
			accessTokens: new Map(),
			refreshTokens: new Map(),
			authCodes: new Map(),
			signingSessions: new Map(),
			deliveries: [],
			accountCustomFields: seedAccountCustomFields(),
			envelopeSeq: 0,
			connectSeq: 0,
			webFormInstances: new Map(),
			maestroInstances: new Map(),
			clickAgreements: new Map(),
		};
	}

	/** Clears counters, log, faults, rate-limit buckets, config and state; keeps the seed. */
	reset(): void {
		this.counts.clear();
		this.requestLog.length = 0;
		this.faults.clear();
		this.rateLimiter.reset();
		this.envelopeLimiter.reset();
		this.connect.reset();
		this.config = defaultConfig(this.initialLatencyMs, this.allowHttpListeners);
		this.resetState();
	}

	count(key: string): void {
		this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
	}

	counters(): Record<string, number> {
		return Object.fromEntries(this.counts);
	}

	log(entry: Omit<LogEntry, 'seq'>): LogEntry {
		const full = { seq: ++this.logSeq, ...entry };
		this.requestLog.push(full);
		if (this.requestLog.length > MAX_LOG) this.requestLog.splice(0, this.requestLog.length - MAX_LOG);
		return full;
	}

	user(userId: string): SeedUser | undefined {
		return this.seed.users.find((u) => u.userId === userId);
	}

	account(accountId: string): SeedAccount | undefined {
		return this.seed.accounts.find((a) => a.accountId.toLowerCase() === accountId.toLowerCase());
	}
}
