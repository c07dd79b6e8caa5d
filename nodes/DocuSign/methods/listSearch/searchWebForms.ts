import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { platformApiRequest, startPositionOf } from '../../transport';
import { WEB_FORMS_SCOPES } from '../../actions/webForm/shared';

const PAGE_SIZE = 50;

/** Web forms whose name contains the typed text, published ones only (instances need them), 50 a page. */
export async function searchWebForms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const start = startPositionOf(paginationToken);
	const qs: IDataObject = { start_position: start, count: PAGE_SIZE, is_published: true };
	if (filter?.trim()) qs.search = filter.trim();
	const page = (await platformApiRequest.call(this, 'webForms', 'GET', '/forms', {
		qs,
		action: 'search the web forms',
		scopes: WEB_FORMS_SCOPES.read,
	})) as IDataObject;
	const items = (page.items ?? []) as IDataObject[];
	const results = items
		.filter((form) => typeof form.id === 'string')
		.map((form) => ({
			name: String((form.formProperties as IDataObject | undefined)?.name || form.id),
			value: form.id as string,
		}));
	const next = start + items.length;
	const total = Number(page.totalSetSize);
	return { results, paginationToken: items.length && Number.isFinite(total) && next < total ? String(next) : undefined };
}
