/** Settings, request log entries and fault rules of the simulator. */
import type { IncomingHttpHeaders } from 'node:http';

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
	/**
	 * DocuSign's per-envelope limits (GETs = polling, PUTs = updates), per envelope; a limit left
	 * undefined is not enforced (DocuSign does not publish the numbers). See envelopeLimits.ts.
	 */
	envelopeLimits: {
		pollingBurst?: number;
		pollingHourly?: number;
		updatesBurst?: number;
		updatesHourly?: number;
		burstWindowSeconds: number;
	};
	connect: {
		/**
		 * Accept http:// listener URLs (eventNotification.url, urlToPublishTo). Off = DocuSign: 400
		 * HTTPS_REQUIRED_FOR_CONNECT_LISTENER. On marks the run as n8n's "Custom" environment on loopback.
		 */
		allowHttpListeners: boolean;
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
	/**
	 * How long after the create a transactionId is found and reported (DocuSign: "valid in the
	 * DocuSign system for 7 days"); a test sets 0 to act as if those days had passed.
	 */
	transactionIdValidMs: number;
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
