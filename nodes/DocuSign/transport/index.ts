export { apiRequest, DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS, DEFAULT_REQUEST_TIMEOUT_SECONDS } from './request';
export type { ApiRequestOptions } from './request';
export { apiRequestAllItems, apiRequestPage, nextPaginationToken, startPositionOf } from './pagination';
export type { ListPage } from './pagination';
export { resolveAccount, fetchUser, clearAccountCache, readAccountParameter, siteOf, ACCOUNT_PARAMETER, ACCOUNT_SOURCE_PARAMETER } from './accounts';
export type { DocuSignAccount, DocuSignUser, ResolvedAccount } from './accounts';
export { credentialTypeOf, readCredentialSettings } from './credentials';
export type { DocuSignFunctions } from './credentials';
export { toDocuSignError } from './errors';
export {
	createEnvelopeOnce,
	envelopeMarker,
	EVERY_ENVELOPE_STATUS,
	findEnvelopeByTransactionId,
	findEnvelopeByUserKey,
	needsCustomFields,
	withMarker,
	MARKER_FIELD,
} from './idempotency';
export { readAccountCustomFields, withAccountFields } from './accountCustomFields';
export type { CustomFieldSet } from './accountCustomFields';
export type { CreateOnceResult, EnvelopeMarker } from './idempotency';
export { rateLimitOf, clearRateLimits, DEFAULT_PARALLEL_REQUESTS, MAX_PARALLEL_REQUESTS } from './rateLimit';
export { clock } from './retry';
export { platformApiRequest, assertScopes } from './platformRequest';
export type { PlatformRequestOptions } from './platformRequest';
export { platformBaseUrl, API_HOSTS } from './apiHosts';
export type { PlatformApi } from './apiHosts';
