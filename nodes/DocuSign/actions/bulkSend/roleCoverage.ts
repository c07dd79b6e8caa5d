import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import type { TemplateRole } from '../template/templateRoles';
import { describeRecipients, type SourceDocument } from './bulkCopies';

/**
 * DocuSign refuses the whole batch when a copy leaves a template role unfilled ("a template that
 * has three roles is not compatible with a bulk send list that has only two recipients":
 * BULK_SEND_RECIPIENT_ROLE_DOES_NOT_MATCH at send time). A role the template presets with a name and
 * e-mail is filled with them; a placeholder role nobody fills stops the item before anything is
 * created, naming the roles it still needs.
 */
export function fillEveryRole(
	context: IExecuteFunctions,
	doc: SourceDocument,
	itemIndex: number,
	recipients: Array<{ slot: TemplateRole; json: IDataObject }>,
): void {
	const filled = new Set(recipients.map(({ slot }) => slot.roleName));
	const unfilled = doc.recipients.filter((role) => role.roleName && !filled.has(role.roleName));
	const missing = unfilled.filter((role) => !role.name?.trim() || !role.email?.trim());
	if (missing.length) {
		const names = missing.map((role) => `"${role.roleName}"`).join(', ');
		throw inputError(
			context,
			itemIndex,
			`this copy leaves the template role${missing.length > 1 ? 's' : ''} ${names} empty, and DocuSign refuses a bulk send whose copies do not fill every role`,
			`${describeRecipients(doc)} Give each copy a person for every role: Role (with Recipient Name and Email) for one, Additional Recipients for the others, e.g. the same manager or CC for every copy. Or remove the role from the template.`,
		);
	}
	for (const role of unfilled) {
		recipients.push({ slot: role, json: { roleName: role.roleName, name: role.name, email: role.email } });
	}
}
