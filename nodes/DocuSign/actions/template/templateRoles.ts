import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { oncePerExecution } from '../../helpers/perExecution';
import { RECIPIENT_GROUPS, recipientEntries } from '../../helpers/recipients';
import { apiRequest, type DocuSignFunctions } from '../../transport';
import { isPlainObject } from '../envelope/shared/validation';

/** A role of a template, as a recipient of an envelope made from it is addressed. */
export interface TemplateRole {
	roleName: string;
	/** DocuSign's recipient type in singular: signer, carbonCopy, inPersonSigner, certifiedDelivery… */
	recipientType: string;
	recipientId: string;
	routingOrder: number;
	/** Name and e-mail preset in the template, when it has them (most templates leave them empty). */
	name?: string;
	email?: string;
	/** Labels of the role's text tabs: the values a sender can prefill by label. */
	textTabLabels: string[];
}

/** GET /templates/{id} with its recipients and their tabs (and, on request, its documents). */
export async function fetchTemplate(
	this: DocuSignFunctions,
	templateId: string,
	options: { itemIndex?: number; includeDocuments?: boolean } = {},
): Promise<IDataObject> {
	return (await apiRequest.call(this, 'GET', `/templates/${encodeURIComponent(templateId)}`, {
		qs: { include: options.includeDocuments ? 'documents,tabs' : 'tabs' },
		itemIndex: options.itemIndex,
		action: `read template ${templateId}`,
	})) as IDataObject;
}

/**
 * Every recipient of a `recipients` object (of a template or an envelope) with its role name (may
 * be empty), type, routing order and text tab labels, in routing order.
 */
export function recipientsOf(recipients: unknown): TemplateRole[] {
	const found = recipientEntries(recipients).map(({ group, data: member }): TemplateRole => {
		const textTabs = ((member.tabs as IDataObject | undefined)?.textTabs ?? []) as IDataObject[];
		const labels = textTabs
			.map((tab) => tab.tabLabel)
			.filter((label): label is string => typeof label === 'string' && label !== '');
		return {
			roleName: typeof member.roleName === 'string' ? member.roleName : '',
			recipientType:
				typeof member.recipientType === 'string' && member.recipientType ? member.recipientType : RECIPIENT_GROUPS[group],
			recipientId: String(member.recipientId ?? ''),
			routingOrder: Number(member.routingOrder ?? 1) || 1,
			...(typeof member.name === 'string' && member.name ? { name: member.name } : {}),
			...(typeof member.email === 'string' && member.email ? { email: member.email } : {}),
			textTabLabels: [...new Set(labels)],
		};
	});
	return found.sort((a, b) => a.routingOrder - b.routingOrder);
}

/** The named roles of a template response, in routing order. Recipients without a role name are left out. */
export function rolesOfTemplate(template: IDataObject): TemplateRole[] {
	return recipientsOf(template.recipients).filter((role) => role.roleName !== '');
}

/** The roles of a template, read from DocuSign. */
export async function fetchTemplateRoles(
	this: DocuSignFunctions,
	templateId: string,
	itemIndex?: number,
): Promise<TemplateRole[]> {
	return rolesOfTemplate(await fetchTemplate.call(this, templateId, { itemIndex }));
}

/** A template as Create From Template checks its roles against it. */
export interface TemplateInfo {
	templateId: string;
	name: string;
	roles: TemplateRole[];
	/** Whether the response listed the recipients' tabs, so that text field labels can be checked. */
	tabsListed: boolean;
}

function listsTabs(template: IDataObject): boolean {
	const recipients = isPlainObject(template.recipients) ? template.recipients : {};
	return Object.values(recipients).some(
		(list) => Array.isArray(list) && (list as IDataObject[]).some((recipient) => isPlainObject(recipient.tabs)),
	);
}

/** The template's name and roles, read once per node run however many items use the template. */
export async function fetchTemplateOnce(
	this: IExecuteFunctions,
	templateId: string,
	itemIndex?: number,
): Promise<TemplateInfo> {
	return await oncePerExecution(this, `template:${templateId.toLowerCase()}`, async () => {
		const template = await fetchTemplate.call(this, templateId, { itemIndex });
		return {
			templateId,
			name: typeof template.name === 'string' ? template.name : '',
			roles: rolesOfTemplate(template),
			tabsListed: listsTabs(template),
		};
	});
}

/**
 * The role of this name: exact first, then ignoring case and surrounding spaces. Send the
 * template's own spelling (`role.roleName`) to DocuSign, not what the user typed.
 */
export function findRole(roles: TemplateRole[], roleName: string): TemplateRole | undefined {
	const wanted = roleName.trim().toLowerCase();
	return roles.find((role) => role.roleName === roleName) ?? roles.find((role) => role.roleName.trim().toLowerCase() === wanted);
}
