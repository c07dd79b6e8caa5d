/** Request/response plumbing shared by the handlers: body reading, JSON parsing, error bodies. */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { DocuSignError, OAuthError, invalidBody } from './errors';
import { guid } from './util';

export interface SimResponse {
	status: number;
	json?: unknown;
	body?: Buffer | string;
	headers?: Record<string, string>;
}

export interface RequestData {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
	contentType: string;
	params: Record<string, string>;
}

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				reject(new BodyTooLarge(`Request body over ${limit} bytes`));
				req.resume();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({
	status,
	json: body,
	headers,
});

/** Parses a JSON request body; anything unreadable is DocuSign's INVALID_REQUEST_BODY. */
export function parseJsonBody(body: Buffer | string): Record<string, unknown> {
	const text = body.toString().trim();
	if (!text) throw invalidBody('The request body is empty.');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw invalidBody((error as Error).message);
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidBody('Expected a JSON object.');
	return value as Record<string, unknown>;
}

export function parseForm(body: Buffer): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(body.toString()));
}

export function errorToResponse(error: unknown): SimResponse {
	if (error instanceof DocuSignError) {
		const headers = (error as DocuSignError & { headers?: Record<string, string> }).headers;
		return json(error.status, { errorCode: error.errorCode, message: error.message }, headers);
	}
	if (error instanceof OAuthError) {
		const body: Record<string, unknown> = { error: error.error, ...error.extra };
		if (error.description) body.error_description = error.description;
		return json(error.status, body);
	}
	return json(500, {
		errorCode: 'UNSPECIFIED_ERROR',
		message: `Simulator error: ${(error as Error)?.message ?? String(error)} (reference ${guid()})`,
	});
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
	return match?.[1];
}

export function queryObject(query: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of query) {
		const prev = out[key];
		out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}
