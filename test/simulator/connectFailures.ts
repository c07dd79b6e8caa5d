/**
 * Connect's failure log and republish: GET /connect/failures (ConnectFailures_GetConnectLogs) and
 * PUT /connect/envelopes/{envelopeId}/retry_queue (ConnectPublish_PutConnectRetryByEnvelope).
 * Account administrators only, like every Connect call.
 */
import { requireAdmin } from './connect';
import { badRequest, envelopeNotFound } from './errors';
import { json, type SimResponse } from './http';
import type { RestCtx } from './restAuth';
import type { DeliveryRecord } from './types';

const capitalised = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

function readDate(ctx: RestCtx, name: string): number | undefined {
	const value = ctx.query.get(name);
	if (value === null || value === '') return undefined;
	const time = Date.parse(value);
	if (!Number.isFinite(time)) {
		throw badRequest('INVALID_REQUEST_PARAMETER', `The request contained at least one invalid parameter. Invalid value for '${name}': ${value}`);
	}
	return time;
}

/** Failed account deliveries not since delivered to the same configuration by a later message of the envelope. */
function openFailures(ctx: RestCtx): DeliveryRecord[] {
	const deliveries = ctx.core.state.deliveries.filter((d) => d.source === 'account');
	return deliveries.filter((d, index) => {
		if (d.state !== 'failed' || !d.envelopeId) return false;
		const env = ctx.core.state.envelopes.get(d.envelopeId);
		if (!env || env.accountId !== ctx.account.accountId) return false;
		return !deliveries
			.slice(index + 1)
			.some((later) => later.state === 'delivered' && later.envelopeId === d.envelopeId && later.configurationId === d.configurationId);
	});
}

export function listConnectFailures(ctx: RestCtx): SimResponse {
	requireAdmin(ctx);
	const from = readDate(ctx, 'from_date');
	const to = readDate(ctx, 'to_date') ?? Date.now();
	const failures = openFailures(ctx)
		.filter((d) => {
			const created = Date.parse(d.attempts[0]?.at ?? '');
			return (from === undefined || created >= from) && created <= to;
		})
		.map((d) => {
			const env = ctx.core.state.envelopes.get(d.envelopeId!)!;
			const sender = ctx.core.user(env.senderUserId);
			const last = d.attempts[d.attempts.length - 1];
			return {
				accountId: env.accountId,
				configUrl: d.url,
				connectId: d.configurationId,
				created: d.attempts[0]?.at,
				email: sender?.email,
				envelopeId: env.envelopeId,
				error: last?.error ?? `The remote server returned an error: (${d.lastStatus ?? 0}).`,
				failureId: d.deliveryId,
				failureUri: `/connect/failures/${d.deliveryId}`,
				lastTry: last?.at,
				retryCount: String(Math.max(0, d.attempts.length - 1)),
				retryUri: `/connect/envelopes/${env.envelopeId}/retry_queue`,
				status: capitalised(env.status),
				subject: env.emailSubject ?? '',
				userName: sender?.name,
			};
		});
	return json(200, { failures, totalRecords: String(failures.length) });
}

export function republishEnvelope(ctx: RestCtx): SimResponse {
	requireAdmin(ctx);
	const env = ctx.core.state.envelopes.get(ctx.params.envelopeId);
	if (!env || env.accountId !== ctx.account.accountId) throw envelopeNotFound();
	const targets = ctx.core.connect.republish(`envelope-${env.status}`, env);
	return json(200, {
		retryQueue: targets.map((t) => ({
			configId: t.configurationId,
			configUrl: t.url,
			envelopeId: env.envelopeId,
			status: 'Queued',
			statusMessage: 'The envelope was queued for republishing.',
		})),
	});
}
