import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { parseTemplateId } from '../../actions/template/templateLocator';
import { fetchTemplateRoles } from '../../actions/template/templateRoles';

/** The role names of the template chosen in `templateId`, for a role dropdown (empty until one is chosen). */
export async function getTemplateRoles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templateId = parseTemplateId(this.getCurrentNodeParameter('templateId'));
	if (!templateId) return [];
	const roles = await fetchTemplateRoles.call(this, templateId);
	return roles.map((role) => {
		const details = [`${role.recipientType}, routing order ${role.routingOrder}`];
		if (role.textTabLabels.length) details.push(`text tabs: ${role.textTabLabels.join(', ')}`);
		return { name: role.roleName, value: role.roleName, description: details.join('; ') };
	});
}
