import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import type { AuthenticationMethod } from './recipientAuth.description';

const ACCESS_CODE_MAX = 50;
// E.164: at most 15 digits with the country code.
const E164_MAX_DIGITS = 15;

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

function readWorkflowId(context: IExecuteFunctions, itemIndex: number, value: unknown, where: string): string {
	const workflowId = text(value);
	if (!workflowId) {
		throw inputError(
			context,
			itemIndex,
			`${where} needs a verification workflow`,
			'Choose one of the account\'s identity-verification workflows under Verification Workflow ("Phone Authentication" for phone). The list is empty when the account has none.',
		);
	}
	return workflowId;
}

function readPhone(context: IExecuteFunctions, itemIndex: number, input: IDataObject, where: string): IDataObject {
	const rawNumber = text(input.phoneNumber);
	if (!rawNumber) {
		throw inputError(
			context,
			itemIndex,
			`${where} uses phone authentication but has no phone number`,
			'Enter the number DocuSign calls or texts the code to, such as 415 555 0100, and its country code.',
		);
	}
	const countryCode = text(input.phoneCountryCode ?? '1').replace(/^\+/, '');
	if (!/^\d{1,3}$/.test(countryCode)) {
		throw inputError(
			context,
			itemIndex,
			`${where}'s phone country code "${countryCode.slice(0, 20)}" is not a calling code`,
			'Use 1 to 3 digits without "+": 1 for the US and Canada, 44 for the UK.',
		);
	}
	const number = rawNumber.replace(/[\s\-().]/g, '');
	if (!/^\d+$/.test(number) || number.length < 4 || countryCode.length + number.length > E164_MAX_DIGITS) {
		throw inputError(
			context,
			itemIndex,
			`${where}'s phone number "${rawNumber.slice(0, 30)}" is not a phone number`,
			`Use digits only (spaces, dashes and brackets are fine), without the country code, at most ${E164_MAX_DIGITS} digits with it.`,
		);
	}
	return {
		name: 'phone_number_list',
		valueType: 'PhoneNumberList',
		phoneNumberList: [{ countryCode, number }],
	};
}

/**
 * The recipient fields for the chosen authentication: `accessCode`, or `identityVerification`
 * with the workflow (and, for phone, the number in `inputOptions`, as DocuSign's phone
 * authentication how-to sends it). Checked before any call.
 */
export function readRecipientAuthentication(
	context: IExecuteFunctions,
	itemIndex: number,
	input: IDataObject,
	where: string,
	allowed: AuthenticationMethod[],
): { fields: IDataObject; method: AuthenticationMethod } {
	const method = (input.authentication ?? 'none') as AuthenticationMethod;
	if (!allowed.includes(method)) {
		throw inputError(
			context,
			itemIndex,
			`${where}: "${String(method).slice(0, 30)}" is not an authentication this operation offers`,
			`Use one of: ${allowed.join(', ')}.`,
		);
	}
	if (method === 'none') return { fields: {}, method };
	if (method === 'accessCode') {
		const accessCode = text(input.accessCode);
		if (!accessCode) {
			throw inputError(
				context,
				itemIndex,
				`${where} uses an access code but the code is empty`,
				'Enter the code the recipient must type (you tell it to them yourself), or set Authentication to None.',
			);
		}
		if (accessCode.length > ACCESS_CODE_MAX) {
			throw inputError(
				context,
				itemIndex,
				`${where}'s access code is ${accessCode.length} characters long; DocuSign allows at most ${ACCESS_CODE_MAX}`,
				'Use a shorter code.',
			);
		}
		return { fields: { accessCode }, method };
	}
	const inputOptions = method === 'phone' ? [readPhone(context, itemIndex, input, where)] : undefined;
	const workflowId = readWorkflowId(context, itemIndex, input.identityWorkflowId, where);
	return { fields: { identityVerification: { workflowId, ...(inputOptions ? { inputOptions } : {}) } }, method };
}
