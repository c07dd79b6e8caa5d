import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { AUTH_SERVERS } from '../../../../credentials/common/environment';
import { apiRequest, readCredentialSettings } from '../../transport';

const PAGE_SIZE = 50;

/** The template's page in the DocuSign web app of the credential's environment (none for a custom server). */
export function templateWebUrl(authServer: string, templateId: string): string | undefined {
	if (authServer === AUTH_SERVERS.developer) return `https://apps-d.docusign.com/send/templates/details/${templateId}`;
	if (authServer === AUTH_SERVERS.production) return `https://apps.docusign.com/send/templates/details/${templateId}`;
	return undefined;
}

/** Templates whose name matches the typed text, by name, one page of 50 per call. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startPosition = Number(paginationToken) > 0 ? Number(paginationToken) : 0;
	const qs: IDataObject = { start_position: startPosition, count: PAGE_SIZE, order_by: 'name', order: 'asc' };
	if (filter?.trim()) qs.search_text = filter.trim();
	const response = (await apiRequest.call(this, 'GET', '/templates', { qs, action: 'search the templates' })) as IDataObject;
	const templates = (response.envelopeTemplates ?? []) as IDataObject[];
	const { authServer } = await readCredentialSettings(this);

	const results = templates
		.filter((template) => typeof template.templateId === 'string')
		.map((template): INodeListSearchItems => {
			const templateId = template.templateId as string;
			const url = templateWebUrl(authServer, templateId);
			return {
				name: typeof template.name === 'string' && template.name ? template.name : templateId,
				value: templateId,
				...(url ? { url } : {}),
			};
		});
	const nextPosition = startPosition + templates.length;
	const total = Number(response.totalSetSize);
	const more = templates.length > 0 && (Number.isFinite(total) ? nextPosition < total : Boolean(response.nextUri));
	return { results, paginationToken: more ? String(nextPosition) : undefined };
}
