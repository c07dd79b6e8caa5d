import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { buildTabs, readRoutingOrder } from '../envelope/shared/definition';
import { requireEmail, requireText } from '../envelope/shared/validation';

/** What the node's output says about each role of the new template. */
export interface RoleSummary {
	roleName: string;
	recipientType: 'signer' | 'carbonCopy';
	recipientId: string;
	routingOrder: number;
	name?: string;
	email?: string;
}

const EMAIL_SUBJECT_MAX = 100;
const EMAIL_BLURB_MAX = 10000;

function readRole(
	context: IExecuteFunctions,
	itemIndex: number,
	input: IDataObject,
	where: string,
): { body: IDataObject; summary: Omit<RoleSummary, 'recipientId' | 'recipientType'> } {
	const roleName = requireText(context, itemIndex, input.roleName, where, 'role name', `Give ${where} a role name, such as Employee or Manager.`);
	const name = typeof input.name === 'string' || typeof input.name === 'number' ? String(input.name).trim() : '';
	const rawEmail = typeof input.email === 'string' ? input.email.trim() : '';
	const email = rawEmail ? requireEmail(context, itemIndex, rawEmail, where) : '';
	if (Boolean(name) !== Boolean(email)) {
		throw inputError(
			context,
			itemIndex,
			`${where} ("${roleName}") has ${name ? 'a name but no e-mail' : 'an e-mail but no name'}`,
			'Leave both Name and Email empty for a placeholder role that each envelope fills, or give both to preset the person.',
		);
	}
	const routingOrder = readRoutingOrder(context, itemIndex, input.routingOrder, where);
	const body: IDataObject = { roleName, routingOrder: String(routingOrder) };
	if (name) Object.assign(body, { name, email });
	return { body, summary: { roleName, routingOrder, ...(name ? { name, email } : {}) } };
}

/**
 * The `recipients` of a new template from its Signer Roles and Carbon Copy Roles: role names
 * unique (envelopes address roles by name), recipient IDs 1, 2, 3… signers first.
 */
export function buildTemplateRecipients(
	context: IExecuteFunctions,
	itemIndex: number,
	documentCount: number,
): { recipients: IDataObject; roles: RoleSummary[] } {
	const signers = context.getNodeParameter('signerRoles.role', itemIndex, []) as IDataObject[];
	const copies = context.getNodeParameter('carbonCopyRoles.role', itemIndex, []) as IDataObject[];
	if (!signers.length) {
		throw inputError(
			context,
			itemIndex,
			'the template has no signer role',
			'Add at least one role under Signer Roles, such as "Employee", with the fields it fills in.',
		);
	}
	const recipients: IDataObject = {};
	const roles: RoleSummary[] = [];
	const owners = new Map<string, string>();
	const add = (input: IDataObject, type: RoleSummary['recipientType'], where: string) => {
		const { body, summary } = readRole(context, itemIndex, input, where);
		const key = summary.roleName.toLowerCase();
		const owner = owners.get(key);
		if (owner) {
			throw inputError(
				context,
				itemIndex,
				`role name "${summary.roleName}" is used twice, by ${owner} and ${where}`,
				'Give every role of the template its own name: envelopes made from the template fill roles by name.',
			);
		}
		owners.set(key, where);
		const recipientId = String(roles.length + 1);
		if (type === 'signer') {
			const tabs = buildTabs(context, itemIndex, input.tabs, where, documentCount);
			if (tabs) body.tabs = tabs;
		}
		((recipients[type === 'signer' ? 'signers' : 'carbonCopies'] ??= []) as IDataObject[]).push({ ...body, recipientId });
		roles.push({ ...summary, recipientType: type, recipientId });
	};
	signers.forEach((role, index) => add(role, 'signer', `Signer Role ${index + 1}`));
	copies.forEach((role, index) => add(role, 'carbonCopy', `Carbon Copy Role ${index + 1}`));
	return { recipients, roles };
}

/** A template's e-mail subject or message, checked against DocuSign's lengths; undefined when empty. */
export function readEmailText(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: 'Email Subject' | 'Email Message',
): string | undefined {
	const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	if (!text.trim()) return undefined;
	const max = field === 'Email Subject' ? EMAIL_SUBJECT_MAX : EMAIL_BLURB_MAX;
	if (text.trim().length > max) {
		throw inputError(
			context,
			itemIndex,
			`${field} is ${text.trim().length} characters long; DocuSign allows at most ${max}`,
			field === 'Email Subject' ? 'Shorten the subject; put the details into the e-mail message.' : 'Shorten the message.',
		);
	}
	return field === 'Email Subject' ? text.trim() : text;
}
