import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import { findRole, type TemplateInfo, type TemplateRole } from '../../template/templateRoles';
import { readClientUserId } from './definition';
import { readRecipientAuthentication } from './recipientAuth';
import type { AuthenticationMethod } from './recipientAuth.description';
import { requireEmail, requireRecipientName, requireText, requireWholeNumber } from './validation';

// DocuSign answers recipientType in lower case ("carboncopy"); the collections are camel case.
const TYPE_LABELS: Record<string, string> = {
	carboncopy: 'carbon copy',
	certifieddelivery: 'certified delivery',
	inpersonsigner: 'in-person signer',
};

const describeRole = (role: TemplateRole): string => {
	const type = role.recipientType.toLowerCase();
	return `"${role.roleName}" (${TYPE_LABELS[type] ?? type})`;
};

export function describeRoles(template: TemplateInfo): string {
	return template.roles.length ? template.roles.map(describeRole).join(', ') : 'none';
}

/** A role as the node's Roles collection gives it, checked against nothing but itself. */
export interface RoleInput {
	roleName: string;
	name: string;
	email: string;
	routingOrder?: number;
	clientUserId?: string;
	textTabs: Array<{ tabLabel: string; value: string }>;
	/** `accessCode` when the role has one (templateRole has no identityVerification in DocuSign's spec). */
	authFields: IDataObject;
	authentication: AuthenticationMethod;
	/** "Role 2", for messages. */
	position: string;
	/** "Role 2 ("Manager")", for messages about its fields. */
	where: string;
}

/** Reads and checks the Roles collection of an item (before the template is fetched). */
export function readRoleInputs(context: IExecuteFunctions, itemIndex: number): RoleInput[] {
	const entries = context.getNodeParameter('templateRoles.role', itemIndex, []) as IDataObject[];
	const seen = new Map<string, string>();
	return entries.map((entry, index) => {
		const where = `Role ${index + 1}`;
		const roleName = requireText(
			context,
			itemIndex,
			entry.roleName,
			where,
			'role name',
			'Choose the template role this person takes, such as Signer.',
		);
		const earlier = seen.get(roleName.toLowerCase());
		if (earlier) {
			throw inputError(
				context,
				itemIndex,
				`the role "${roleName}" is filled twice, by ${earlier} and ${where}`,
				'Each template role takes one person. Remove one of them, or pick another role.',
			);
		}
		seen.set(roleName.toLowerCase(), where);
		const label = `${where} ("${roleName}")`;
		const name = requireRecipientName(context, itemIndex, entry.name, label, `Give the person in ${label} a name.`);
		const email = requireEmail(context, itemIndex, entry.email, label);
		const order = entry.routingOrder ?? 0;
		const routingOrder =
			order === 0 || order === ''
				? undefined
				: requireWholeNumber(
						context,
						itemIndex,
						order,
						`${label}'s routing order`,
						1,
						'Use 0 to keep the routing order of the template, or 1, 2, 3… to change it. Recipients with the same number receive the envelope at the same time.',
					);
		const clientUserId = readClientUserId(context, itemIndex, entry.clientUserId, label);
		const tabEntries = ((entry.textTabs as IDataObject | undefined)?.textTab ?? []) as IDataObject[];
		const textTabs = tabEntries.map((tab, tabIndex) => ({
			tabLabel: requireText(
				context,
				itemIndex,
				tab.tabLabel,
				`${label} → Text Field ${tabIndex + 1}`,
				'field label',
				"Enter the field's Data Label as set in the template.",
			),
			value: tab.value === undefined || tab.value === null ? '' : String(tab.value),
		}));
		const { fields: authFields, method: authentication } = readRecipientAuthentication(context, itemIndex, entry, label, [
			'none',
			'accessCode',
		]);
		return { roleName, name, email, routingOrder, clientUserId, textTabs, authFields, authentication, position: where, where: label };
	});
}

/**
 * Checks the roles against the template and builds `templateRoles`. A role name the template
 * lacks, or a text field label its role lacks, is an error that lists what the template has.
 */
export function buildTemplateRoles(
	context: IExecuteFunctions,
	itemIndex: number,
	template: TemplateInfo,
	inputs: RoleInput[],
): IDataObject[] {
	const templateLabel = template.name ? `"${template.name}" (${template.templateId})` : template.templateId;
	if (!inputs.length && !template.roles.some((role) => role.email)) {
		throw inputError(
			context,
			itemIndex,
			`no role of template ${templateLabel} is filled, so the envelope would have no recipient`,
			`Add a role under Roles with a name and an e-mail address. The template's roles: ${describeRoles(template)}.`,
		);
	}
	return inputs.map((input) => {
		const role = findRole(template.roles, input.roleName);
		if (!role) {
			throw inputError(
				context,
				itemIndex,
				`${input.position}: template ${templateLabel} has no role "${input.roleName}"`,
				`The template's roles are: ${describeRoles(template)}. Pick one of these; role names are set in the template.`,
			);
		}
		const templateRole: IDataObject = { roleName: role.roleName, name: input.name, email: input.email };
		if (input.routingOrder !== undefined) templateRole.routingOrder = String(input.routingOrder);
		if (input.clientUserId) templateRole.clientUserId = input.clientUserId;
		Object.assign(templateRole, input.authFields);
		if (input.textTabs.length) {
			if (template.tabsListed) {
				const known = role.textTabLabels;
				for (const tab of input.textTabs) {
					if (tab.tabLabel.includes('*') || known.includes(tab.tabLabel)) continue;
					const sameButCase = known.find((label) => label.toLowerCase() === tab.tabLabel.toLowerCase());
					throw inputError(
						context,
						itemIndex,
						`${input.position}: role "${role.roleName}" of template ${templateLabel} has no text field labelled "${tab.tabLabel}"`,
						sameButCase
							? `Labels are case-sensitive: the template calls it "${sameButCase}".`
							: `The role's text field labels are: ${known.length ? known.map((label) => `"${label}"`).join(', ') : 'none'}.`,
					);
				}
			}
			templateRole.tabs = { textTabs: input.textTabs.map(({ tabLabel, value }) => ({ tabLabel, value })) };
		}
		return templateRole;
	});
}
