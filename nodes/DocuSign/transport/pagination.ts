import type { IDataObject } from 'n8n-workflow';

import type { DocuSignFunctions } from './credentials';
import { apiRequest, type ApiRequestOptions } from './request';

/** The items of one page of a DocuSign list, and the start_position of the next page (none after the last). */
export interface ListPage {
	items: IDataObject[];
	nextStart?: number;
}

/**
 * Where the page after this one starts, or undefined when it was the last. DocuSign may leave
 * entries out of a page (resultSetSize ≤ its range), so its endPosition counts, not the items.
 */
export function nextStartPosition(page: IDataObject, start: number, received: number): number | undefined {
	if (received === 0) return undefined;
	const end = Number(page.endPosition);
	const next = Number.isFinite(end) && end >= start ? end + 1 : start + received;
	const total = Number(page.totalSetSize);
	if (Number.isFinite(total) && next >= total) return undefined;
	return next;
}

/** A listSearch paginationToken as a start_position: 0 when absent or not a positive number. */
export function startPositionOf(paginationToken: string | undefined): number {
	return Number(paginationToken) > 0 ? Number(paginationToken) : 0;
}

/** The listSearch paginationToken of the page after this one: its start_position, none after the last. */
export function nextPaginationToken(page: ListPage): string | undefined {
	return page.nextStart === undefined ? undefined : String(page.nextStart);
}

/**
 * One GET of a DocuSign list (envelopes, templates, bulk send batches) from the start_position
 * in `options.qs` (0 when absent). `itemsKey` names the list in the answer: `envelopes`…
 */
export async function apiRequestPage(
	this: DocuSignFunctions,
	path: string,
	itemsKey: string,
	options: ApiRequestOptions,
): Promise<ListPage> {
	const start = Number(options.qs?.start_position ?? 0);
	const page = (await apiRequest.call(this, 'GET', path, options)) as IDataObject;
	const items = (page[itemsKey] ?? []) as IDataObject[];
	return { items, nextStart: nextStartPosition(page, start, items.length) };
}

/** Every item of a DocuSign list up to `limit` (Infinity for Return All), `pageSize` per call. */
export async function apiRequestAllItems(
	this: DocuSignFunctions,
	path: string,
	itemsKey: string,
	options: ApiRequestOptions & { limit: number; pageSize: number },
): Promise<IDataObject[]> {
	const { limit, pageSize, ...request } = options;
	const items: IDataObject[] = [];
	let start = 0;
	while (items.length < limit) {
		const count = Math.min(pageSize, limit - items.length);
		const page = await apiRequestPage.call(this, path, itemsKey, {
			...request,
			qs: { ...request.qs, start_position: start, count },
		});
		items.push(...page.items);
		if (page.nextStart === undefined) break;
		start = page.nextStart;
	}
	return items.slice(0, limit);
}
