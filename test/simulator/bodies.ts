/** Reads a REST request's JSON body and checks it against its spec definition. */
import { invalidBody } from './errors';
import { parseJsonBody } from './http';
import type { RestCtx } from './restAuth';
import { validateAgainstSpec } from './specValidation';

export function checkAgainstSpec(ctx: RestCtx, definition: string, body: unknown): void {
	if (!ctx.core.config.specValidation) return;
	const result = validateAgainstSpec(definition, body);
	if (!result.valid) throw invalidBody(`${result.message} (spec definition ${definition}).`);
}

/** The body as JSON, validated; `optional` bodies may be empty (e.g. PUT …?resend_envelope=true). */
export function readJson(ctx: RestCtx, definition: string, optional = false): Record<string, unknown> {
	if (optional && !ctx.body.toString().trim()) return {};
	const body = parseJsonBody(ctx.body);
	checkAgainstSpec(ctx, definition, body);
	return body;
}
