import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isEmail } from '../../../helpers/email';
import { inputError } from '../../../helpers/itemErrors';

export { isEmail };

/** Reads a required text field of a recipient or role, trimmed. */
export function requireText(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	where: string,
	field: string,
	hint: string,
): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!text) throw inputError(context, itemIndex, `${where} has no ${field}`, hint);
	return text;
}

/** DocuSign's limit for a recipient's name and e-mail (spec signer.name, .email, inPersonSigner.hostName…). */
export const RECIPIENT_TEXT_MAX = 100;

function checkRecipientLength(context: IExecuteFunctions, itemIndex: number, text: string, where: string, field: string): string {
	if (text.length > RECIPIENT_TEXT_MAX) {
		throw inputError(
			context,
			itemIndex,
			`${where}'s ${field} is ${text.length} characters long; DocuSign allows at most ${RECIPIENT_TEXT_MAX}`,
			`Shorten the ${field}. Check the expression that fills the field, if any.`,
		);
	}
	return text;
}

/** A recipient's name: required, at most 100 characters. */
export function requireRecipientName(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	where: string,
	hint: string,
	field = 'name',
): string {
	return checkRecipientLength(context, itemIndex, requireText(context, itemIndex, value, where, field, hint), where, field);
}

/** A recipient's e-mail address: required, valid, at most 100 characters. */
export function requireEmail(context: IExecuteFunctions, itemIndex: number, value: unknown, where: string): string {
	const email = checkRecipientLength(
		context,
		itemIndex,
		requireText(context, itemIndex, value, where, 'e-mail', `Give ${where} an e-mail address.`),
		where,
		'e-mail',
	);
	if (!isEmail(email)) {
		throw inputError(
			context,
			itemIndex,
			`${where}'s e-mail "${email.slice(0, 200)}" is not a valid e-mail address`,
			'Use an address such as jane.doe@example.com. Check the expression that fills the field, if any.',
		);
	}
	return email;
}

/** A whole number in [min, max]: routing orders, page and document numbers. */
export function requireWholeNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	what: string,
	min: number,
	hint: string,
	max = Number.MAX_SAFE_INTEGER,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
		throw inputError(context, itemIndex, `${what} is ${JSON.stringify(value)}; it must be ${range}`, hint);
	}
	return number;
}

/** A finite number (anchor offsets, coordinates). */
export function requireNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	what: string,
	min = -Infinity,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < min) {
		throw inputError(
			context,
			itemIndex,
			`${what} is ${JSON.stringify(value)}; it must be a number${min > -Infinity ? ` of at least ${min}` : ''}`,
			'Enter a number, or an expression that gives one.',
		);
	}
	return number;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges `source` into `target` in place: objects key by key, arrays item by item (an object
 * item merges into the item at the same index), anything else replaces.
 */
export function deepMerge(target: IDataObject, source: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(source)) {
		if (UNSAFE_KEYS.has(key)) continue;
		const current = target[key];
		if (isPlainObject(value) && isPlainObject(current)) {
			deepMerge(current, value);
		} else if (Array.isArray(value) && Array.isArray(current)) {
			value.forEach((item, index) => {
				const existing = current[index];
				if (isPlainObject(item) && isPlainObject(existing)) deepMerge(existing, item);
				else current[index] = item as IDataObject;
			});
		} else {
			target[key] = value;
		}
	}
	return target;
}

/** The Advanced (JSON) option as an object: a JSON string or an object from an expression. */
export function parseAdvancedJson(context: IExecuteFunctions, itemIndex: number, value: unknown): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (!text) return {};
		try {
			parsed = JSON.parse(text);
		} catch (error) {
			throw inputError(
				context,
				itemIndex,
				`Options → Advanced (JSON) is not valid JSON (${(error as Error).message})`,
				'Enter a JSON object such as {"notification": {"useAccountDefaults": "false"}}, with double quotes around names and text.',
			);
		}
	}
	if (parsed === undefined || parsed === null) return {};
	if (!isPlainObject(parsed)) {
		throw inputError(
			context,
			itemIndex,
			'Options → Advanced (JSON) must be a JSON object',
			'Enter an object of envelope definition fields, such as {"brandId": "…"}; not a list or a single value.',
		);
	}
	return parsed;
}

/** DocuSign's boolean strings ("true"/"false") from a node boolean. */
export const bool = (value: unknown): string => String(value === true || value === 'true');
