/**
 * GET/PUT /envelopes/{id}/notification (Notification_GetEnvelopesEnvelopeIdNotification /
 * Notification_PutEnvelopesEnvelopeIdNotification, body `envelopeNotificationRequest`): the
 * envelope's reminders and expiration, or the account's defaults (`useAccountDefaults`).
 */
import { recordAudit } from './audit';
import { readJson } from './bodies';
import { badRequest } from './errors';
import { findEnvelope } from './envelopes';
import { json, type SimResponse } from './http';
import type { RestCtx } from './restAuth';
import { asObject, dsDate, str, truthy } from './util';

/** The simulator's account defaults (a real account's come from its Sending Settings). */
export const ACCOUNT_NOTIFICATION_DEFAULTS = {
	useAccountDefaults: 'true',
	reminders: { reminderEnabled: 'false', reminderDelay: '0', reminderFrequency: '0' },
	expirations: { expireEnabled: 'true', expireAfter: '120', expireWarn: '0' },
};

export function getNotification(ctx: RestCtx): SimResponse {
	return json(200, findEnvelope(ctx).notification ?? ACCOUNT_NOTIFICATION_DEFAULTS);
}

/** Spec reminders/expirations: each setting "an integer" number of days. */
function days(group: Record<string, unknown>, key: string): string | undefined {
	const value = str(group[key]);
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value.trim())) throw badRequest('INVALID_REQUEST_PARAMETER', `The request contained at least one invalid parameter. ${key} must be a whole number of days.`);
	return value.trim();
}

/**
 * A request's `notification` over the envelope's current settings: undefined (the account's
 * defaults) with useAccountDefaults "true", else the merged settings, each value a whole number of
 * days, expireAfter at least 1 and expireWarn below it. Used by PUT …/notification and by
 * POST /envelopes (the same rules on create: the stricter side, DocuSign documents no difference).
 */
export function mergeNotification(body: Record<string, unknown>, current?: Record<string, unknown>): Record<string, unknown> | undefined {
	if (truthy(body.useAccountDefaults)) return undefined;
	const base = current ?? ACCOUNT_NOTIFICATION_DEFAULTS;
	const reminders = asObject(body.reminders);
	const expirations = asObject(body.expirations);
	const merged = {
		useAccountDefaults: 'false',
		reminders: { ...asObject(base.reminders), ...clean({ reminderEnabled: str(reminders.reminderEnabled), reminderDelay: days(reminders, 'reminderDelay'), reminderFrequency: days(reminders, 'reminderFrequency') }) },
		expirations: { ...asObject(base.expirations), ...clean({ expireEnabled: str(expirations.expireEnabled), expireAfter: days(expirations, 'expireAfter'), expireWarn: days(expirations, 'expireWarn') }) },
	};
	const { expireAfter, expireWarn, expireEnabled } = merged.expirations as Record<string, string>;
	if (truthy(expireEnabled) && Number(expireAfter) < 1) throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. expireAfter must be at least 1 day.');
	if (truthy(expireEnabled) && Number(expireWarn) > 0 && Number(expireWarn) >= Number(expireAfter)) {
		throw badRequest('INVALID_REQUEST_PARAMETER', 'The request contained at least one invalid parameter. expireWarn must be less than expireAfter.');
	}
	return merged;
}

export function putNotification(ctx: RestCtx): SimResponse {
	const env = findEnvelope(ctx);
	const body = readJson(ctx, 'envelopeNotificationRequest');
	// Reminders and expiration only matter while recipients can still act (stricter than the docs say).
	if (!['created', 'sent', 'delivered'].includes(env.status)) {
		throw badRequest('ENVELOPE_INVALID_STATUS', `The notification settings of a ${env.status} envelope cannot be changed.`);
	}
	env.notification = mergeNotification(body, env.notification);
	env.lastModifiedDateTime = dsDate();
	if (env.status !== 'created') recordAudit(env, { action: 'Correct', message: 'Reminder and expiration settings changed', actor: { name: ctx.user.name, userId: ctx.user.userId } });
	return json(200, env.notification ?? ACCOUNT_NOTIFICATION_DEFAULTS);
}

const clean = (value: Record<string, string | undefined>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
