/** POST /envelopes (Envelopes_PostEnvelopes): JSON or multipart/form-data with document parts. */
import { checkAgainstSpec } from './bodies';
import { badRequest } from './errors';
import { requireHttpsListener } from './connect';
import { buildEnvelope, checkSendable, type Upload } from './envelopeBuild';
import { envelopeSummaryJson } from './envelopeJson';
import { json, parseJsonBody, type SimResponse } from './http';
import { sendEnvelope } from './lifecycle';
import { parseMultipart } from './multipart';
import type { RestCtx } from './restAuth';
import { str } from './util';

/** The definition and uploaded documents: first multipart part is the JSON, then one part per document. */
export function readDefinition(ctx: RestCtx): { def: Record<string, unknown>; uploads: Map<string, Upload> } {
	const uploads = new Map<string, Upload>();
	if (!/^multipart\//i.test(ctx.contentType)) return { def: parseJsonBody(ctx.body), uploads };
	const [first, ...rest] = parseMultipart(ctx.body, ctx.contentType);
	if (!first) throw badRequest('INVALID_MULTI_PART_REQUEST', 'An error was found while parsing the multipart request. It has no parts.');
	const def = parseJsonBody(first.data);
	for (const part of rest) {
		const documentId = part.disposition.documentid;
		if (!documentId) {
			throw badRequest('INVALID_MULTI_PART_REQUEST', `An error was found while parsing the multipart request. A part has no documentid in its Content-Disposition (${part.headers['content-disposition'] ?? 'none'}).`);
		}
		uploads.set(documentId, { bytes: part.data, filename: part.disposition.filename });
	}
	return { def, uploads };
}

export function createEnvelope(ctx: RestCtx): SimResponse {
	const { def, uploads } = readDefinition(ctx);
	checkAgainstSpec(ctx, 'envelopeDefinition', def);
	const status = str(def.status) ?? 'created';
	if (status !== 'created' && status !== 'sent') {
		throw badRequest('ENVELOPE_INVALID_STATUS', `Invalid envelope status "${status}": create as "created" (draft) or "sent".`);
	}
	const env = buildEnvelope(ctx, def, uploads);
	if (env.eventNotification) requireHttpsListener(ctx.core, String(env.eventNotification.url ?? ''));
	if (status === 'sent') checkSendable(env);
	ctx.core.state.envelopes.set(env.envelopeId, env);
	if (status === 'sent') sendEnvelope(ctx.core, env);
	else ctx.core.connect.emit('envelope-created', env);
	return json(201, envelopeSummaryJson(env));
}
