/** Auth and delivery records, the whole mutable state, and re-exports of every simulator type. */
import type { AccountFeatures } from './accountFeatures';

export type * from './seedTypes';
export type * from './controlTypes';
export type * from './recordTypes';
import type { ClickAgreementRecord, MaestroInstanceRecord, WebFormInstanceRecord } from './platformTypes';
import type { BulkBatchRecord, BulkListRecord, ConnectConfigRecord, CustomFieldRecord, EnvelopeRecord, TemplateRecord } from './recordTypes';

export interface TokenRecord {
	token: string;
	userId: string;
	integrationKey: string;
	scopes: string[];
	grant: 'authorization_code' | 'refresh_token' | 'jwt';
	issuedAt: number;
	/** Epoch ms. */
	expiresAt: number;
}

export interface RefreshTokenRecord {
	token: string;
	userId: string;
	integrationKey: string;
	scopes: string[];
	expiresAt: number;
}

export interface AuthCodeRecord {
	code: string;
	userId: string;
	integrationKey: string;
	redirectUri: string;
	scopes: string[];
	expiresAt: number;
}

export interface SigningSession {
	token: string;
	envelopeId: string;
	recipientId: string;
	returnUrl: string;
	kind: 'recipient' | 'sender' | 'correct';
	expiresAt: number;
}

export interface DeliveryAttempt {
	at: string;
	status?: number;
	error?: string;
	durationMs: number;
}

export interface DeliveryRecord {
	deliveryId: string;
	event: string;
	url: string;
	/** `account` = account-level Connect config, `envelope` = eventNotification, `custom` = control API. */
	source: 'account' | 'envelope' | 'custom';
	configurationId?: string;
	envelopeId?: string;
	recipientId?: string;
	attempts: DeliveryAttempt[];
	/** pending until the first answer, then delivered (2xx), failed (gave up) or blocked (non-loopback URL). */
	state: 'pending' | 'delivered' | 'failed' | 'blocked';
	lastStatus?: number;
	/** Raw body of the last attempt, and the headers it was sent with. */
	body: string;
	headers: Record<string, string>;
}

export interface SimState {
	/** Identity-verification workflows, brands and signing groups per account id (accountFeatures.ts). */
	accountFeatures: Record<string, AccountFeatures>;
	envelopes: Map<string, EnvelopeRecord>;
	templates: Map<string, TemplateRecord>;
	connectConfigs: Map<string, ConnectConfigRecord>;
	bulkLists: Map<string, BulkListRecord>;
	bulkBatches: Map<string, BulkBatchRecord>;
	/** Connect HMAC secrets per account id, in key order (X-DocuSign-Signature-1 is the first). */
	hmacKeys: Map<string, string[]>;
	/** `${integrationKey}:${userId}` pairs that granted consent. */
	consents: Set<string>;
	accessTokens: Map<string, TokenRecord>;
	refreshTokens: Map<string, RefreshTokenRecord>;
	authCodes: Map<string, AuthCodeRecord>;
	signingSessions: Map<string, SigningSession>;
	deliveries: DeliveryRecord[];
	/** Envelope custom fields an admin defined per account (Admin → Envelope Custom Fields). */
	accountCustomFields: Map<string, { text: CustomFieldRecord[]; list: CustomFieldRecord[] }>;
	envelopeSeq: number;
	connectSeq: number;
	/** Web Forms, Maestro and Click (platformTypes.ts). */
	webFormInstances: Map<string, WebFormInstanceRecord>;
	maestroInstances: Map<string, MaestroInstanceRecord>;
	clickAgreements: Map<string, ClickAgreementRecord>;
}

export type * from './platformTypes';
