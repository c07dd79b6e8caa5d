import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { CLICK_SCOPES, clickRequest } from '../../actions/click/shared';

/** Active clickwraps whose name contains the typed text; one entry per clickwrap (the API lists versions). */
export async function searchClickwraps(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const answer = await clickRequest.call(this, 'GET', '/clickwraps', {
		qs: { status: 'active', page_number: page, ...(filter?.trim() ? { name: filter.trim() } : {}) },
		action: 'search the clickwraps',
		scopes: CLICK_SCOPES.manage,
	});
	const seen = new Set<string>();
	const results = ((answer.clickwraps ?? []) as IDataObject[])
		.filter((clickwrap) => typeof clickwrap.clickwrapId === 'string' && !seen.has(clickwrap.clickwrapId) && seen.add(clickwrap.clickwrapId))
		.map((clickwrap) => ({ name: String(clickwrap.clickwrapName || clickwrap.clickwrapId), value: clickwrap.clickwrapId as string }));
	return { results, paginationToken: Number(answer.minimumPagesRemaining) > 0 ? String(page + 1) : undefined };
}
