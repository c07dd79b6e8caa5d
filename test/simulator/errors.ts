/** The two error shapes DocuSign answers with: REST `{errorCode, message}` and OAuth `{error, ...}`. */

/** An eSignature REST error: HTTP status (DocuSign uses 400 for nearly everything) + errorCode. */
export class DocuSignError extends Error {
	constructor(
		readonly status: number,
		readonly errorCode: string,
		message: string,
	) {
		super(message);
	}
}

/** An auth server error, serialised as `{error, error_description?}` (RFC 6749 style). */
export class OAuthError extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		readonly description?: string,
		readonly extra: Record<string, unknown> = {},
	) {
		super(description ?? error);
	}
}

export const badRequest = (errorCode: string, message: string): DocuSignError =>
	new DocuSignError(400, errorCode, message);

export const envelopeNotFound = (): DocuSignError =>
	badRequest(
		'ENVELOPE_DOES_NOT_EXIST',
		'The envelope specified either does not exist or you have no rights to it.',
	);

export const invalidBody = (detail: string): DocuSignError =>
	badRequest('INVALID_REQUEST_BODY', `The request body is missing or improperly formatted. ${detail}`);
