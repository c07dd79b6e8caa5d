import type { IHttpRequestOptions } from 'n8n-workflow';

import type { DocuSignCredentialType, DocuSignFunctions } from './credentials';

/**
 * n8n's error when DocuSign refused an OAuth2 refresh token (`invalid_grant`): "The credential …
 * needs to be reconnected.", which n8n-core marks `failure.cause: 'credential-invalid'`. It may
 * come wrapped in n8n's NodeApiError, so the causes are searched too.
 */
export function isRefreshTokenRefused(error: unknown): boolean {
	let current = error as { failure?: { cause?: unknown }; message?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		if (current.failure?.cause === 'credential-invalid') return true;
		if (typeof current.message === 'string' && current.message.includes('needs to be reconnected')) return true;
		current = current.cause as typeof current;
	}
	return false;
}

/**
 * n8n's authenticated request, sent once more when n8n could not refresh the OAuth2 token because
 * DocuSign had already rotated the refresh token away. That happens when another n8n process (a
 * queue-mode worker) refreshed the same connection moments earlier and n8n's cross-process
 * refresh lock did not cover it (n8n waits 10 s for the lock, then refreshes without it): the
 * other process has stored the new tokens, or is about to. n8n reads the credential afresh for
 * every request, so the second attempt uses them, or gets a 401 and then waits for that process'
 * refresh lock and reads them. A refresh token that is really revoked fails the same way again,
 * and that error is the one the user sees. DocuSign answered the first attempt 401 and did
 * nothing, so sending it again is safe, creates included, when the body can be sent twice.
 */
export async function requestWithAuthentication(
	context: DocuSignFunctions,
	type: DocuSignCredentialType,
	request: IHttpRequestOptions,
	resendable = true,
): Promise<unknown> {
	const send = async () => await context.helpers.httpRequestWithAuthentication.call(context, type, request);
	if (type !== 'docuSignOAuth2Api' || !resendable) return await send();
	const first = await send().then(
		(value: unknown) => ({ value }),
		(error: unknown) => ({ error }),
	);
	if (!('error' in first)) return first.value;
	if (!isRefreshTokenRefused(first.error)) throw first.error;
	return await send();
}
