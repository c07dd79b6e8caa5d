import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

const where = 'Wait Options → Limit Wait Time';

/** When the execution stops waiting: the "Limit Wait Time" option, else never (n8n's WAIT_INDEFINITELY). */
export function readWaitTill(context: IExecuteFunctions, now: number): Date {
	const values = context.getNodeParameter('waitOptions.limitWaitTime.values', 0, null) as IDataObject | null;
	if (!values || typeof values !== 'object') return WAIT_INDEFINITELY;

	if ((values.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = Number(values.resumeAmount ?? 1);
		const unitMs = UNIT_MS[String(values.resumeUnit ?? 'days')];
		if (!Number.isFinite(amount) || amount <= 0 || unitMs === undefined) {
			throw inputError(
				context,
				0,
				`${where}: "${String(values.resumeAmount).slice(0, 50)} ${String(values.resumeUnit).slice(0, 20)}" is not a time span`,
				'Use a positive amount of minutes, hours or days, such as 7 days.',
			);
		}
		return new Date(now + amount * unitMs);
	}

	const raw = values.maxDateAndTime;
	const waitTill = new Date(typeof raw === 'string' || typeof raw === 'number' ? raw : Number.NaN);
	if (Number.isNaN(waitTill.getTime())) {
		throw inputError(
			context,
			0,
			`${where}: "${String(raw ?? '').slice(0, 50)}" is not a date and time`,
			'Pick the date and time at which to stop waiting, such as 2030-01-31T17:00:00.',
		);
	}
	if (waitTill.getTime() <= now) {
		throw inputError(
			context,
			0,
			`${where}: ${waitTill.toISOString()} has passed`,
			'Pick a date and time in the future, or use After Time Interval.',
		);
	}
	return waitTill;
}
