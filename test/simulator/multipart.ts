/** Parses multipart/form-data bodies the way DocuSign's envelope upload reads them. */
import { badRequest } from './errors';

export interface MultipartPart {
	headers: Record<string, string>;
	/** Parameters of Content-Disposition, lower-cased names: name, filename, documentid… */
	disposition: Record<string, string>;
	dispositionType: string;
	data: Buffer;
}

const invalid = (why: string) =>
	badRequest('INVALID_MULTI_PART_REQUEST', `An error was found while parsing the multipart request. ${why}`);

export function boundaryOf(contentType: string): string | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]).trim() : undefined;
}

export function parseDisposition(value: string): { type: string; params: Record<string, string> } {
	const [type, ...rest] = value.split(';');
	const params: Record<string, string> = {};
	for (const piece of rest) {
		const eq = piece.indexOf('=');
		if (eq < 0) continue;
		const key = piece.slice(0, eq).trim().toLowerCase();
		params[key] = piece.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
	}
	return { type: type.trim().toLowerCase(), params };
}

export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
	const boundary = boundaryOf(contentType);
	if (!boundary) throw invalid('The Content-Type header has no boundary.');
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let pos = body.indexOf(delimiter);
	if (pos < 0) throw invalid('No part starts with the boundary.');
	while (pos >= 0) {
		let start = pos + delimiter.length;
		if (body.subarray(start, start + 2).toString() === '--') break; // closing delimiter
		if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
		const next = body.indexOf(delimiter, start);
		if (next < 0) throw invalid('The closing boundary is missing.');
		let end = next;
		if (body.subarray(end - 2, end).toString() === '\r\n') end -= 2;
		parts.push(parsePart(body.subarray(start, end)));
		pos = next;
	}
	return parts;
}

function parsePart(raw: Buffer): MultipartPart {
	const split = raw.indexOf('\r\n\r\n');
	const headerText = split < 0 ? raw.toString('latin1') : raw.subarray(0, split).toString('latin1');
	const data = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
	const headers: Record<string, string> = {};
	for (const line of headerText.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const { type, params } = parseDisposition(headers['content-disposition'] ?? '');
	return { headers, disposition: params, dispositionType: type, data: Buffer.from(data) };
}
