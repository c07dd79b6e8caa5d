import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { AUTH_SERVERS } from '../../../../credentials/common/environment';
import { TEMPLATE_SEARCH_TEXT_MAX } from '../../actions/template/getAll.operation';
import { apiRequestPage, nextPaginationToken, readCredentialSettings, startPositionOf } from '../../transport';

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
	const qs: IDataObject = { start_position: startPositionOf(paginationToken), count: PAGE_SIZE, order_by: 'name', order: 'asc' };
	// DocuSign searches with at most 48 characters: a longer typed filter is cut, not refused.
	if (filter?.trim()) qs.search_text = filter.trim().slice(0, TEMPLATE_SEARCH_TEXT_MAX);
	const page = await apiRequestPage.call(this, '/templates', 'envelopeTemplates', { qs, action: 'search the templates' });
	const { authServer } = await readCredentialSettings(this);

	const results = page.items
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
	return { results, paginationToken: nextPaginationToken(page) };
}
