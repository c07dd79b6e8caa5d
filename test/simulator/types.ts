/** Data shapes of the simulator: seed, mutable state, configuration, log and fault rules. */
import type { IncomingHttpHeaders } from 'node:http';

export interface SeedIntegrationKey {
	integrationKey: string;
	name: string;
	clientSecret: string;
	/** `-----BEGIN RSA PRIVATE KEY-----`, as DocuSign's "Generate RSA" downloads it. */
	privateKeyPkcs1: string;
	/** `-----BEGIN PRIVATE KEY-----` form of the same key. */
	privateKeyPkcs8: string;
	/** SPKI `-----BEGIN PUBLIC KEY-----`, registered for the IK: JWT assertions are checked with it. */
	publicKey: string;
	/** Redirect URIs registered for the IK; any loopback URI is accepted too. */
	redirectUris: string[];
}

export interface SeedAccount {
	accountId: string;
	accountName: string;
	/** Path prefix standing for the DocuSign site, e.g. "na3": base_uri = `${url}/na3`. */
	site: string;
	baseUri: string;
	organization?: { organization_id: string; links: Array<{ rel: string; href: string }> };
}

export interface SeedMembership {
	accountId: string;
	isDefault: boolean;
	/** Account administrators may manage Connect configurations. */
	isAdmin: boolean;
}

export interface SeedUser {
	userId: string;
	name: string;
	givenName: string;
	familyName: string;
	email: string;
	memberships: SeedMembership[];
	/** IKs this user consented to at start (JWT Grant works at once for them). */
	consentedIntegrationKeys: string[];
}

export interface SeedTemplateSummary {
	templateId: string;
	accountId: string;
	name: string;
	roles: string[];
}

export interface SeedData {
	/** Base URL of the auth server, e.g. http://127.0.0.1:8089. */
	authServer: string;
	/** JWT `aud` the auth server expects: its host without scheme, e.g. 127.0.0.1:8089. */
	audience: string;
	integrationKeys: SeedIntegrationKey[];
	users: SeedUser[];
	accounts: SeedAccount[];
	templates: SeedTemplateSummary[];
}

export type RecipientType =
	| 'signers'
	| 'carbonCopies'
	| 'certifiedDeliveries'
	| 'inPersonSigners'
	| 'editors'
	| 'agents'
	| 'intermediaries'
	| 'witnesses'
	| 'notaries'
	| 'seals';

export type RecipientStatus = 'created' | 'sent' | 'delivered' | 'completed' | 'declined';

export interface RecipientRecord {
	type: RecipientType;
	recipientId: string;
	recipientIdGuid: string;
	routingOrder: number;
	status: RecipientStatus;
	name?: string;
	email?: string;
	roleName?: string;
	clientUserId?: string;
	tabs?: Record<string, Array<Record<string, unknown>>>;
	sentDateTime?: string;
	deliveredDateTime?: string;
	signedDateTime?: string;
	declinedDateTime?: string;
	declinedReason?: string;
	/** Every other field the client sent, echoed back on reads. */
	extra: Record<string, unknown>;
}

export interface DocumentRecord {
	documentId: string;
	documentIdGuid: string;
	name: string;
	fileExtension?: string;
	order: number;
	/** Exactly the bytes the client uploaded. */
	bytes: Buffer;
}

export type EnvelopeStatus = 'created' | 'sent' | 'delivered' | 'completed' | 'declined' | 'voided';

export interface CustomFieldRecord {
	fieldId: string;
	name: string;
	value: string;
	show: string;
	required: string;
	listItems?: string[];
}

export interface EnvelopeRecord {
	envelopeId: string;
	accountId: string;
	senderUserId: string;
	status: EnvelopeStatus;
	emailSubject?: string;
	emailBlurb?: string;
	templateId?: string;
	transactionId?: string;
	brandId?: string;
	createdDateTime: string;
	lastModifiedDateTime: string;
	statusChangedDateTime: string;
	sentDateTime?: string;
	initialSentDateTime?: string;
	deliveredDateTime?: string;
	completedDateTime?: string;
	declinedDateTime?: string;
	voidedDateTime?: string;
	voidedReason?: string;
	documents: DocumentRecord[];
	recipients: RecipientRecord[];
	textCustomFields: CustomFieldRecord[];
	listCustomFields: CustomFieldRecord[];
	eventNotification?: Record<string, unknown>;
	/** Set when created by a bulk send batch. */
	bulkBatchId?: string;
	resendCount: number;
	/** Creation sequence, for stable ordering of lists. */
	seq: number;
}

export interface TemplateRecord {
	templateId: string;
	accountId: string;
	ownerUserId: string;
	name: string;
	description: string;
	emailSubject: string;
	emailBlurb: string;
	created: string;
	lastModified: string;
	folderName: string;
	documents: DocumentRecord[];
	recipients: RecipientRecord[];
}

export interface BulkListRecord {
	listId: string;
	accountId: string;
	name: string;
	bulkCopies: Array<Record<string, unknown>>;
	createdDate: string;
}

export interface BulkBatchRecord {
	batchId: string;
	accountId: string;
	batchName: string;
	listId: string;
	envelopeOrTemplateId: string;
	senderUserId: string;
	submittedDate: string;
	envelopeIds: string[];
	failed: Array<{ copyIndex: number; errorCode: string; message: string }>;
}

export interface ConnectConfigRecord {
	connectId: string;
	accountId: string;
	createdByUserId: string;
	/** The configuration as posted (DocuSign echoes it back). */
	config: Record<string, unknown>;
}

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
	kind: 'recipient' | 'sender';
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
	envelopeSeq: number;
	connectSeq: number;
}

export interface SimConfig {
	/** Added before every request is processed. */
	latencyMs: number;
	tokens: {
		/** expires_in of Authorization Code Grant access tokens (DocuSign: 28800). */
		authorizationCodeExpiresIn: number;
		/** expires_in of JWT Grant access tokens (DocuSign: 3600). */
		jwtExpiresIn: number;
		refreshTokenExpiresIn: number;
		authCodeExpiresIn: number;
	};
	rateLimits: {
		hourlyLimit: number;
		burstLimit: number;
		burstWindowSeconds: number;
		/** HTTP status of HOURLY_APIINVOCATION_LIMIT_EXCEEDED: DocuSign has answered both. */
		hourlyStatus: 400 | 429;
	};
	connect: {
		retryDelayMs: number;
		/** Attempts per delivery in total (first try included). */
		maxAttempts: number;
		timeoutMs: number;
	};
	/** /oauth/auth redirects at once, as if the user clicked "Accept". */
	autoApprove: boolean;
	/** Who "logs in" on /oauth/auth when the URL names nobody (login_hint / sim_user). */
	loginUserId?: string;
	maxRequestBytes: number;
	/** Validate request bodies against the official spec (unknown fields → INVALID_REQUEST_BODY). */
	specValidation: boolean;
}

export interface LogEntry {
	seq: number;
	at: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: IncomingHttpHeaders;
	/** Parsed JSON / form fields; multipart as `{parts: [...]}` summaries; absent when empty. */
	body?: unknown;
	/** Counter key of the endpoint, e.g. "POST envelopes". */
	endpoint: string;
	/** HTTP status sent; 0 when the connection was reset. */
	status: number;
	/** Which fault hit this request, if any. */
	fault?: string;
	durationMs?: number;
}

export type FaultKind = 'status' | 'resetBefore' | 'resetAfter' | 'latency' | 'slow';

export interface FaultMatch {
	/** Counter key, e.g. "POST envelopes" or "POST /oauth/token:jwt". */
	endpoint?: string;
	method?: string;
	/** Substring of the path, or a regular expression written as "/…/". */
	path?: string;
}

export interface FaultRule {
	kind: FaultKind;
	/** How many matching requests it hits (default 1; -1 = every one until cleared). */
	count?: number;
	match?: FaultMatch;
	/** kind=status: 500 (default) or 503, or any other status. */
	status?: number;
	errorCode?: string;
	/** kind=latency: delay before processing; kind=slow: delay after processing, before answering. */
	delayMs?: number;
}

export interface ActiveFault extends FaultRule {
	id: number;
	/** Hits left; -1 = unlimited. */
	remaining: number;
	hits: number;
}
