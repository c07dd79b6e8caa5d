/**
 * A local DocuSign simulator for tests: auth server (/oauth/*), eSignature REST v2.1 under
 * per-account base URIs (`${url}/na3`, `${url}/eu1`, …), Connect deliveries, faults, rate limits.
 * Listens on 127.0.0.1 only. See README.md beside this file.
 */
import type { Server } from 'node:http';
import { addHmacKey, envelopeView } from './control';
import { deliverCustom, type CustomDelivery } from './connectCustom';
import { SimCore } from './core';
import type { FaultSwitches } from './faults';
import { declineRecipient, signRecipient, viewRecipient, type RecipientActionInput } from './lifecycle';
import { buildSeed, makeKeyMaterial } from './seed';
import { listen } from './server';
import { expireAccessTokens } from './tokens';
import { submitInstance } from './webForms';
import type { ClickAgreementRecord, MaestroInstanceRecord, WebFormInstanceRecord } from './platformTypes';
import { completeWorkflowInstance } from './maestro';
import { answerAgreement } from './click';
import type { DeliveryRecord, LogEntry, SeedData, SimConfig, SimState } from './types';

export { COUNTER_KEYS } from './router';
export { SEED_IDS, CLIENT_SECRETS } from './seed';
export { FEATURE_IDS } from './accountFeatures';
export type { RecipientActionInput } from './lifecycle';
export { TEMPLATE_IDS } from './seedTemplates';
export { TEMPLATE_FOLDER_IDS } from './templateFolders';
export { WEB_FORM_IDS } from './webForms';
export { MAESTRO_WORKFLOW_IDS } from './maestro';
export { CLICKWRAP_IDS } from './click';
export { validateAgainstSpec, assertMatchesSpec, NEWER_FIELDS, findSpecFile } from './specValidation';
export { hmacHeaders } from './connectPayload';
export { loadJose } from './jose';
export type * from './types';
export type { CustomDelivery } from './connectCustom';

export interface SimulatorOptions {
	/** 0 (default) = a free port. */
	port?: number;
	/** Latency added to every request (ms). */
	latencyMs?: number;
	/** Private keys (PKCS#1 or PKCS#8 PEM) per integration key, instead of fresh ones. */
	privateKeys?: Record<string, string>;
	/**
	 * Accept http:// Connect listener URLs, which DocuSign refuses (HTTPS_REQUIRED_FOR_CONNECT_LISTENER):
	 * the test switch for n8n's "Custom" environment on loopback. Kept across reset().
	 */
	allowHttpListeners?: boolean;
}

export interface Simulator {
	/** http://127.0.0.1:PORT — the auth server base (/oauth/auth, /oauth/token, /oauth/userinfo). */
	url: string;
	seed: SeedData;
	/** The live world (replaced by reset(): read it through this getter). */
	readonly state: SimState;
	/** Mutable settings: token lifetimes, rate limits, Connect retries, autoApprove, latency… */
	readonly config: SimConfig;
	faults: FaultSwitches;
	requestLog: LogEntry[];
	counters(): Record<string, number>;
	reset(): void;
	close(): Promise<void>;
	/** `${base_uri}/restapi/v2.1/accounts/${accountId}`. */
	restBase(accountId: string): string;
	/** Opens the envelope as the recipient; `input` carries the access code / identity check it may need. */
	view(envelopeId: string, recipientId: string, input?: RecipientActionInput): void;
	/** Signs as the recipient: access code, identity check and text tab values (by label) in `input`. */
	sign(envelopeId: string, recipientId: string, input?: RecipientActionInput): void;
	decline(envelopeId: string, recipientId: string, reason?: string): void;
	grantConsent(integrationKey: string, userId: string): void;
	revokeConsent(integrationKey: string, userId: string): void;
	/** Expires access tokens now; returns how many. */
	expireTokens(filter?: { accessToken?: string; userId?: string; grant?: string }): number;
	/** Adds a Connect HMAC key to one account (default: all); returns it. */
	addHmacKey(accountId?: string, key?: string): string;
	deliveries(): DeliveryRecord[];
	/** Resolves when every queued Connect delivery is done. */
	connectIdle(timeoutMs?: number): Promise<void>;
	deliverConnect(delivery: CustomDelivery): Promise<DeliveryRecord[]>;
	/** JSON-friendly copy of an envelope (documents as size + sha256). */
	envelope(envelopeId: string): Record<string, unknown> | undefined;
	/** The person submits a web form instance (values merged); a form tied to a template sends its envelope. */
	submitWebForm(instanceId: string, formValues?: Record<string, unknown>): WebFormInstanceRecord;
	/** A Maestro workflow instance runs to its end (Completed). */
	completeMaestroInstance(instanceId: string): MaestroInstanceRecord;
	/** The user agrees to (or declines) a clickwrap agreement. */
	answerClickAgreement(agreementId: string, answer: 'agree' | 'decline'): ClickAgreementRecord;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
	const core = new SimCore(opts.latencyMs ?? 0, opts.allowHttpListeners ?? false);
	const keys = makeKeyMaterial(opts.privateKeys);
	const server: Server = await listen(core, opts.port ?? 0);
	const address = server.address();
	core.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : opts.port}`;
	core.seed = buildSeed(core.url, keys, core.templatesForSeed);
	core.resetState();
	const envelope = (id: string) => {
		const env = core.state.envelopes.get(id);
		if (!env) throw new Error(`No envelope ${id}`);
		return env;
	};
	return {
		url: core.url,
		seed: core.seed,
		get state() { return core.state; },
		get config() { return core.config; },
		faults: core.faults,
		requestLog: core.requestLog,
		counters: () => core.counters(),
		reset: () => core.reset(),
		close: () => new Promise<void>((resolve) => {
			core.connect.reset();
			server.closeAllConnections();
			server.close(() => resolve());
		}),
		restBase: (accountId) => `${core.account(accountId)?.baseUri}/restapi/v2.1/accounts/${accountId}`,
		view: (id, rid, input) => void viewRecipient(core, envelope(id), rid, input),
		sign: (id, rid, input) => void signRecipient(core, envelope(id), rid, input),
		decline: (id, rid, reason = 'Declined in a test') => void declineRecipient(core, envelope(id), rid, reason),
		grantConsent: (ik, userId) => void core.state.consents.add(`${ik}:${userId}`),
		revokeConsent: (ik, userId) => void core.state.consents.delete(`${ik}:${userId}`),
		expireTokens: (filter) => expireAccessTokens(core, filter),
		addHmacKey: (accountId, key) => addHmacKey(core, accountId, key),
		deliveries: () => core.state.deliveries,
		connectIdle: (timeoutMs) => core.connect.idle(timeoutMs),
		deliverConnect: (delivery) => deliverCustom(core, delivery),
		envelope: (id) => {
			const env = core.state.envelopes.get(id);
			return env && envelopeView(env);
		},
		submitWebForm: (id, formValues) => submitInstance(core, id, formValues),
		completeMaestroInstance: (id) => completeWorkflowInstance(core, id),
		answerClickAgreement: (id, answer) => answerAgreement(core, id, answer),
	};
}
