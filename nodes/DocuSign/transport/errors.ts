import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What to tell the user for the DocuSign error codes they actually meet. */
const HINTS: Record<string, string> = {
	INVALID_USERID:
		'DocuSign does not know this user in the account. The credential\'s user is probably not a member of the account, or the account ID is wrong: leave Account ID empty to use the user\'s default account.',
	USER_LACKS_MEMBERSHIP:
		'The connected user is not a member of this account. Set the credential\'s Account ID to an account the user belongs to (the Account → List operation shows them), or leave it empty.',
	USER_DOES_NOT_BELONG_TO_SPECIFIED_ACCOUNT:
		'The connected user does not belong to this account, or the account lives on another base URI. Leave Account ID empty or pick one from Account → List.',
	USER_AUTHENTICATION_FAILED:
		'The access token was refused. Reconnect the credential (OAuth2) or check its key and user (JWT).',
	AUTHORIZATION_INVALID_TOKEN:
		'The access token is invalid or expired. Reconnect the credential.',
	PARTNER_AUTHENTICATION_FAILED:
		'The integration key is not known in this DocuSign environment. Check the credential\'s Environment (developer vs production).',
	ACCOUNT_LACKS_PERMISSIONS:
		'The account\'s plan or settings do not allow this action (for example ID verification, signing groups or branding are not on the plan). Ask a DocuSign administrator to enable it for the account.',
	IDENTITY_WORKFLOW_INVALID_ID:
		'The account has no identity-verification workflow with this ID: pick one from the Verification Workflow list. An empty list means the account has no phone or ID verification (ID verification is a paid add-on; ask a DocuSign administrator).',
	BRAND_ID_INVALID: 'The account has no brand with this ID. Pick the brand from the Brand list, or remove the option to use the account\'s default brand.',
	SIGNING_GROUP_ID_INVALID:
		'The account has no signing group with this ID. Pick one from the Signing Group list (DocuSign Admin → Signing Groups).',
	USER_LACKS_PERMISSIONS:
		'The connected user lacks the permission for this action in DocuSign. Ask an administrator to grant it, or connect as another user.',
	ENVELOPE_DOES_NOT_EXIST:
		'No envelope with this ID exists in the account. Check the envelope ID and that the credential points at the account that owns it.',
	HOURLY_APIINVOCATION_LIMIT_EXCEEDED:
		'The account used its 3,000 API calls for this hour. The limit resets on the hour; use Connect events instead of polling to save calls.',
	BURST_APIINVOCATION_LIMIT_EXCEEDED:
		'Too many calls in the last 30 seconds. Send fewer requests in parallel, or retry after a short wait.',
	// Per-envelope service protection: DocuSign sends these codes in mixed case (matched without case).
	HOURLY_ENVELOPE_POLLING_LIMIT_EXCEEDED:
		'DocuSign\'s per-envelope polling limit: too many reads (GET) of this one envelope, its recipients or documents in the last hour. Calls for other envelopes still work. Stop reading this envelope in a loop: use the DocuSign Trigger (Connect) or Send and Wait for Completion to learn of status changes, and read an envelope\'s status at most once every 15 minutes (DocuSign\'s rule).',
	BURST_ENVELOPE_POLLING_LIMIT_EXCEEDED:
		'DocuSign\'s per-envelope polling limit: too many reads (GET) of this one envelope, its recipients or documents in the last 30 seconds. Do not fetch the same envelope from several items or nodes at once; use the DocuSign Trigger (Connect) instead of polling its status.',
	HOURLY_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED:
		'DocuSign\'s per-envelope update limit: too many changes (PUT) to this one envelope in the last hour, e.g. repeated resends, corrections or status changes. DocuSign advises five calls or fewer to create and update an envelope; wait before changing it again.',
	BURST_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED:
		'DocuSign\'s per-envelope update limit: too many changes (PUT) to this one envelope in the last 30 seconds. Do not update the same envelope from several items at once.',
	ENVELOPE_CANNOT_VOID_INVALID_STATE:
		'Only envelopes that are sent or delivered can be voided; drafts can be deleted in DocuSign, completed ones cannot change.',
	ENVELOPE_INVALID_STATUS:
		'The envelope is not in the state this action needs: Send needs a draft, signing needs a sent envelope, the sender view needs a draft.',
	RECIPIENT_NOT_IN_SEQUENCE: 'It is not this recipient\'s turn yet: earlier routing orders must finish first.',
	UNKNOWN_ENVELOPE_RECIPIENT:
		'Name, e-mail and Client User ID must match a recipient of the envelope exactly as it was created.',
	DOCUMENT_DOES_NOT_EXIST: 'The envelope has no document with this ID. Pick the document from the list.',
	BULK_SEND_MAX_COPIES_EXCEEDED:
		'The list has more recipients than one bulk-send batch allows (1,000). Put a Loop Over Items node with batch size 1,000 before this node.',
	INVALID_REQUEST_BODY: 'DocuSign could not read the request. Check the fields named in the message.',
	INVALID_EMAIL_ADDRESS_FOR_RECIPIENT: 'A recipient e-mail address is not valid.',
	ENVELOPE_CUSTOM_FIELD_MISSING:
		'An administrator made this envelope custom field required (DocuSign Admin → Envelope Custom Fields) without a default value, and DocuSign sends no envelope without it. Give it a value in Options → Custom Fields (by its name), or save the envelope as a draft.',
	TEMPLATE_ID_INVALID: 'No template with this ID exists in the account, or the user cannot see it. Pick the template from the list.',
};

export interface ErrorContext {
	/** What was being done, e.g. "create the envelope". */
	action: string;
	itemIndex?: number;
	/** Added to the description, e.g. when the hourly limit resets. */
	detail?: string;
}

export interface HttpFailure {
	status?: number;
	body?: unknown;
	headers?: IDataObject;
	networkCode?: string;
}

/** Finds status, body and headers of the failed HTTP response through n8n's error wrappers. */
export function readFailure(error: unknown): HttpFailure {
	let current = error as Record<string, unknown> | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		const response = current.response as { status?: number; data?: unknown; headers?: IDataObject } | undefined;
		if (response && typeof response.status === 'number') {
			return { status: response.status, body: response.data, headers: response.headers };
		}
		if (typeof current.code === 'string' && /^E[A-Z]+/.test(current.code)) return { networkCode: current.code };
		current = current.cause as Record<string, unknown> | undefined;
	}
	const httpCode = Number((error as { httpCode?: string }).httpCode);
	const context = (error as { context?: { data?: unknown } }).context;
	return Number.isFinite(httpCode) && httpCode > 0 ? { status: httpCode, body: context?.data } : {};
}

/** A credential error (JWT key, consent, token endpoint) that already says what to do. */
function findCredentialError(error: unknown): { message: string; description?: string } | undefined {
	let current = error as { name?: string; message?: string; description?: string; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current.name === 'JwtGrantError' || current.name === 'PrivateKeyError') {
			return { message: current.message ?? '', description: current.description };
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/**
 * An error n8n raised itself instead of making the call, e.g. "The credential … needs to be
 * reconnected." when DocuSign refused the refresh token: its text already says what to do.
 */
function findN8nError(error: unknown): { message: string; description?: string } | undefined {
	let current = error as { name?: string; message?: string; description?: string | null; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if ((current.name === 'NodeOperationError' || current.name === 'UserError') && current.message) {
			return { message: current.message, description: current.description ?? undefined };
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/** Parses DocuSign's `{errorCode, message}` body, also when it came back as text or bytes. */
export function parseDocuSignErrorBody(body: unknown): { errorCode?: string; message?: string } {
	let value = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (value instanceof ArrayBuffer) value = Buffer.from(value).toString('utf8');
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return {};
		}
	}
	if (!value || typeof value !== 'object') return {};
	const { errorCode, message, error, error_description } = value as Record<string, unknown>;
	return {
		errorCode: typeof errorCode === 'string' ? errorCode : typeof error === 'string' ? error : undefined,
		message:
			typeof message === 'string' ? message : typeof error_description === 'string' ? error_description : undefined,
	};
}

/**
 * Turns whatever the HTTP helpers threw into a NodeApiError that names the DocuSign error code and
 * what to do. It is built from status, code and message only, so no request header, token or
 * body can ride along in the error.
 */
export function toDocuSignError(node: INode, error: unknown, context: ErrorContext): NodeApiError {
	const itemIndex = context.itemIndex;
	const credentialError = findCredentialError(error);
	if (credentialError) {
		return new NodeApiError(node, { message: credentialError.message }, { ...credentialError, itemIndex });
	}
	const failure = readFailure(error);
	const raisedByN8n = failure.status === undefined && failure.networkCode === undefined ? findN8nError(error) : undefined;
	if (raisedByN8n) {
		return new NodeApiError(node, { message: raisedByN8n.message }, { ...raisedByN8n, itemIndex });
	}
	if (failure.status === undefined) {
		const reason = failure.networkCode ?? 'no response';
		if (reason === 'ECONNABORTED' || reason === 'ETIMEDOUT') {
			return new NodeApiError(
				node,
				{ networkError: reason },
				{
					message: `DocuSign did not answer in time to ${context.action}`,
					description: `No answer within the node's "Request Timeout" (${reason}); DocuSign may still have done it. Reads are sent again up to 3 times, and a create is looked up by its idempotency marker before it is sent again. Retry later, or raise "Request Timeout" under "Rate Limits and Retries".`,
					itemIndex,
				},
			);
		}
		return new NodeApiError(
			node,
			{ networkError: reason },
			{
				// The code stays out of the message: n8n would swap the whole message for its generic text.
				message: `Could not reach DocuSign to ${context.action}`,
				description: `The connection failed (${reason}) before DocuSign answered. Check the network and the credential's environment, then retry.`,
				itemIndex,
			},
		);
	}
	const { errorCode, message } = parseDocuSignErrorBody(failure.body);
	const code = errorCode ?? `HTTP ${failure.status}`;
	// n8n refreshes (OAuth2) or re-mints (JWT) the token after a 401 and sends the call once more:
	// a 401 that reaches this point was the answer to a fresh token.
	if (failure.status === 401 && errorCode !== 'PARTNER_AUTHENTICATION_FAILED') {
		return new NodeApiError(
			node,
			{ errorCode: code, message: message ?? '' } as JsonObject,
			{
				message: `DocuSign refused the credential even after a fresh token (${code}): reconnect this credential`,
				description: `n8n got a new access token and DocuSign refused it too, so it could not ${context.action}. OAuth2: open the credential and reconnect it (the grant may have been revoked in DocuSign). JWT Grant: check that user ID, RSA key pair and environment belong to this integration key and that the user's consent was not revoked.${message ? ` DocuSign said: "${message}"` : ''}`,
				httpCode: '401',
				itemIndex,
			},
		);
	}
	const hint = errorCode ? (HINTS[errorCode] ?? HINTS[errorCode.toUpperCase()]) : undefined;
	return new NodeApiError(
		node,
		{ errorCode: code, message: message ?? '' } as JsonObject,
		{
			message: `DocuSign could not ${context.action}: ${code}${message ? ` – ${message}` : ''}`,
			description: [hint ?? defaultHint(failure.status), context.detail].filter(Boolean).join(' '),
			httpCode: String(failure.status),
			itemIndex,
		},
	);
}

function defaultHint(status: number): string {
	if (status === 401) return 'The credential was refused. Reconnect it, or check its environment.';
	if (status === 404) return 'DocuSign does not know this resource. Check the IDs and the account.';
	if (status >= 500) return 'DocuSign had a temporary problem. Try again in a moment.';
	return 'Check the node\'s fields against the message above.';
}
