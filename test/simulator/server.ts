/**
 * The HTTP server and the life of one request: count + log it, add latency, apply faults
 * (reset before / error status / reset after / slow), run the handler, answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { control } from './control';
import type { SimCore } from './core';
import { BodyTooLarge, errorToResponse, json, parseForm, queryObject, readBody, type SimResponse } from './http';
import { inbox, isInboxPath } from './inboxRoutes';
import { parseMultipart } from './multipart';
import { resolve } from './router';
import type { LogEntry } from './types';
import { guid, sleep } from './util';

function bodyForLog(body: Buffer, contentType: string): unknown {
	if (!body.length) return undefined;
	try {
		if (/json/i.test(contentType)) return JSON.parse(body.toString());
		if (/x-www-form-urlencoded/i.test(contentType)) return parseForm(body);
		if (/^multipart\//i.test(contentType)) {
			return {
				parts: parseMultipart(body, contentType).map((p, i) => ({
					headers: p.headers,
					size: p.data.length,
					...(i === 0 && /json/i.test(p.headers['content-type'] ?? 'json') ? { json: JSON.parse(p.data.toString()) } : {}),
				})),
			};
		}
	} catch {
		// fall through: log the size only
	}
	return { bytes: body.length };
}

function write(res: ServerResponse, response: SimResponse): void {
	const headers: Record<string, string> = { 'X-DocuSign-TraceToken': guid(), ...response.headers };
	let payload: Buffer | string = response.body ?? '';
	if (response.json !== undefined) {
		payload = JSON.stringify(response.json);
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	}
	headers['Content-Length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	res.end(payload);
}

async function handle(core: SimCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const started = Date.now();
	const url = new URL(req.url ?? '/', core.url);
	const method = (req.method ?? 'GET').toUpperCase();
	const contentType = req.headers['content-type'] ?? '';
	let body: Buffer;
	try {
		body = await readBody(req, core.config.maxRequestBytes);
	} catch (error) {
		if (!(error instanceof BodyTooLarge)) throw error;
		return write(res, json(413, { errorCode: 'REQUEST_ENTITY_TOO_LARGE', message: error.message }));
	}
	if (url.pathname.startsWith('/__sim/')) {
		return write(res, await control(core, method, url.pathname, url.searchParams, body).catch(errorToResponse));
	}
	if (isInboxPath(url.pathname)) return write(res, inbox(core, method, url.pathname, url.searchParams, body));
	const route = resolve(core, method, url.pathname, body);
	core.count(route.key);
	const entry: LogEntry = core.log({
		at: new Date(started).toISOString(), method, path: url.pathname, query: queryObject(url.searchParams),
		headers: req.headers, body: bodyForLog(body, contentType), endpoint: route.key, status: 0,
	});
	const info = { method, path: url.pathname, endpoint: route.key };
	const finish = (status: number, fault?: string) => Object.assign(entry, { status, durationMs: Date.now() - started }, fault ? { fault } : {});

	const latency = core.faults.take('latency', info);
	await sleep(core.config.latencyMs + (latency?.delayMs ?? 0));
	if (core.faults.take('resetBefore', info)) {
		finish(0, 'resetBefore');
		return void req.socket.destroy();
	}
	const failure = core.faults.take('status', info);
	let response: SimResponse;
	if (failure) {
		const status = failure.status ?? 500;
		response = json(status, {
			errorCode: failure.errorCode ?? (status === 503 ? 'SERVICE_UNAVAILABLE' : 'UNSPECIFIED_ERROR'),
			message: `Simulated failure (HTTP ${status}).`,
		});
	} else {
		try {
			response = await route.run(core, { method, path: url.pathname, query: url.searchParams, headers: req.headers, body, contentType, params: route.params });
		} catch (error) {
			response = errorToResponse(error);
		}
	}
	if (!failure && core.faults.take('resetAfter', info)) {
		finish(0, 'resetAfter');
		return void req.socket.destroy();
	}
	const slow = core.faults.take('slow', info);
	if (slow) await sleep(slow.delayMs ?? 30_000);
	if (req.socket.destroyed) return void finish(0, slow ? 'slow (client gone)' : 'client gone');
	finish(response.status, failure ? `status ${response.status}` : slow ? 'slow' : undefined);
	write(res, response);
}

export function listen(core: SimCore, port: number): Promise<Server> {
	const server = createServer((req, res) => {
		handle(core, req, res).catch((error) => {
			if (!res.headersSent) write(res, errorToResponse(error));
		});
	});
	server.keepAliveTimeout = 1000;
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolvePromise(server));
	});
}
