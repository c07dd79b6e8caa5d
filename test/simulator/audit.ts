/**
 * The envelope history DocuSign keeps (GET /envelopes/{id}/audit_events): each move of the status
 * machine appends one event with DocuSign's field names (logTime, Source, UserName, UserId, Action,
 * Message, EnvelopeStatus, ClientIPAddress, Information, GeoLocation, Language — the fields of
 * DocuSign's EnvelopeAuditEvent, which REST returns as eventFields name/value pairs).
 */
import type { EnvelopeRecord, RecipientRecord } from './types';
import { dsDate } from './util';

export interface AuditActor {
	name?: string;
	userId?: string;
}

export function recordAudit(
	env: EnvelopeRecord,
	event: { action: string; message: string; actor?: AuditActor; source?: 'API' | 'Web' },
): void {
	(env.auditEvents ??= []).push({
		logTime: dsDate(),
		Source: event.source ?? 'API',
		UserName: event.actor?.name ?? '',
		UserId: event.actor?.userId ?? '',
		Action: event.action,
		Message: event.message,
		EnvelopeStatus: env.status,
		ClientIPAddress: '127.0.0.1',
		Information: '',
		GeoLocation: '',
		Language: 'english (us)',
	});
}

export const recipientActor = (r: RecipientRecord): AuditActor => ({ name: r.name ?? r.roleName ?? '', userId: r.recipientIdGuid });

export const recipientLabel = (r: RecipientRecord): string => `${r.name ?? r.roleName ?? 'Recipient'} [${r.email ?? ''}]`;
