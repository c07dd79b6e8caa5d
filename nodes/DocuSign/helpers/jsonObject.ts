import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { inputError } from './itemErrors';

/** A JSON option (text or already an object) as an object; empty is {}; anything else names the option. */
export function readJsonObject(
	this: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	example: string,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: undefined }) : value;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(this, itemIndex, `"${label}" is not a JSON object`, `Write an object such as ${example}.`);
	}
	return parsed as IDataObject;
}
