/** What a file in test/queue/scenarios/ exports, and the helpers the scenarios share. */
import { randomBytes } from 'node:crypto';
import type { EnvelopeRecord, SeedData, Simulator } from '../../simulator';
import { SEED_IDS } from '../../simulator';
import type { CredentialFixture, WorkflowFixture } from '../../e2e/lib/n8n';
import type { SimClient } from '../../e2e/lib/sim';
import { fixedId } from '../../e2e/lib/workflows';
import type { QueueStack } from './stack';

export interface FixtureContext {
	sim: SimClient;
	simulator: Simulator;
	seed: SeedData;
}

export interface Context extends FixtureContext {
	stack: QueueStack;
	/** A line under the running scenario (also kept for the summary). */
	log(message: string): void;
}

/** A scenario that cannot run here says why; it counts neither as passed nor as failed. */
export class Skip extends Error {}

export interface QueueScenario {
	name: string;
	fixtures?(ctx: FixtureContext): Promise<{ credentials?: CredentialFixture[]; workflows?: WorkflowFixture[] }> | { credentials?: CredentialFixture[]; workflows?: WorkflowFixture[] };
	/** Throws (CheckError) on a failed assertion, Skip when it cannot run. */
	run(ctx: Context): Promise<void>;
}

export function defineScenario(scenario: QueueScenario): QueueScenario {
	return scenario;
}

/** JWT Grant credential of Alice (admin of Acme Corp, her default account), shared by the scenarios. */
export function jwtAlice(ctx: FixtureContext): CredentialFixture {
	const key = ctx.seed.integrationKeys.find((k) => k.integrationKey === SEED_IDS.integrationKey)!.privateKeyPkcs1;
	return {
		id: fixedId('crQueueJwtAlice'),
		name: 'DocuSign JWT (Alice) — queue suite',
		type: 'docuSignJwtApi',
		data: {
			environment: 'custom',
			customAuthServer: ctx.sim.url,
			integrationKey: SEED_IDS.integrationKey,
			userId: SEED_IDS.users.alice,
			privateKey: key,
			accountId: '',
			scopes: 'signature impersonation',
			redirectUri: 'http://localhost/callback',
		},
	};
}

/** The Connect HMAC key of Acme Corp for this run (the simulator signs with it once it is added). */
export const HMAC_KEY = randomBytes(32).toString('base64');

export function hmacCredential(): CredentialFixture {
	return {
		id: fixedId('crQueueHmac'),
		name: 'DocuSign Connect HMAC — queue suite',
		type: 'docuSignConnectHmacApi',
		data: { hmacSecret: HMAC_KEY, additionalHmacSecrets: '' },
	};
}

/** Where the simulator stands: counters and the last envelope's sequence number. */
export interface SimMark {
	counters: Record<string, number>;
	envelopeSeq: number;
	logSeq: number;
}

export function simMark(simulator: Simulator): SimMark {
	const envelopes = [...simulator.state.envelopes.values()];
	return {
		counters: simulator.counters(),
		envelopeSeq: envelopes.reduce((max, e) => Math.max(max, e.seq), 0),
		logSeq: simulator.requestLog.reduce((max, e) => Math.max(max, e.seq), 0),
	};
}

/** How much each counter grew since the mark (keys that did not move are left out). */
export function countersSince(simulator: Simulator, mark: SimMark): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [key, value] of Object.entries(simulator.counters())) {
		const grew = value - (mark.counters[key] ?? 0);
		if (grew) out[key] = grew;
	}
	return out;
}

export function envelopesSince(simulator: Simulator, mark: SimMark): EnvelopeRecord[] {
	return [...simulator.state.envelopes.values()].filter((e) => e.seq > mark.envelopeSeq).sort((a, b) => a.seq - b.seq);
}

/**
 * The package's idempotency marker of an envelope: the user's Idempotency Key (hidden text custom
 * field n8nIdempotencyKey) when set, else the transactionId the node derives per run and item.
 */
export function markerOf(envelope: EnvelopeRecord): string | undefined {
	return envelope.textCustomFields.find((f) => f.name === 'n8nIdempotencyKey')?.value ?? envelope.transactionId;
}

/** Markers that appear on more than one envelope, with how many envelopes carry each. */
export function duplicateMarkers(envelopes: EnvelopeRecord[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const e of envelopes) {
		const m = markerOf(e) ?? '(none)';
		counts[m] = (counts[m] ?? 0) + 1;
	}
	return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 1));
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
