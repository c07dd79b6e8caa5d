import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { apiRequestPage, nextPaginationToken, startPositionOf } from '../../transport';

const PAGE_SIZE = 50;

function describeBatch(batch: IDataObject): string {
	const name = typeof batch.batchName === 'string' && batch.batchName ? batch.batchName : String(batch.batchId);
	const counts = `${String(batch.sent ?? 0)}/${String(batch.batchSize ?? '?')} sent`;
	const failed = Number(batch.failed) > 0 ? `, ${String(batch.failed)} failed` : '';
	const queued = Number(batch.queued) > 0 ? `, ${String(batch.queued)} queued` : '';
	const date = typeof batch.submittedDate === 'string' ? ` (${batch.submittedDate.slice(0, 10)})` : '';
	return `${name}: ${counts}${failed}${queued}${date}`;
}

/** The account's bulk send batches in DocuSign's order, filtered by name (or ID) within each page. */
export async function searchBulkSendBatches(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startPosition = startPositionOf(paginationToken);
	const qs: IDataObject = { count: PAGE_SIZE, status: 'all' };
	if (startPosition) qs.start_position = startPosition;
	const page = await apiRequestPage.call(this, '/bulk_send_batch', 'bulkBatchSummaries', {
		qs,
		action: 'list the bulk send batches',
	});
	const wanted = filter?.trim().toLowerCase();
	const results = page.items
		.filter((batch) => typeof batch.batchId === 'string')
		.filter((batch) => !wanted || `${String(batch.batchName ?? '')} ${String(batch.batchId)}`.toLowerCase().includes(wanted))
		.map((batch): INodeListSearchItems => ({ name: describeBatch(batch), value: batch.batchId as string }));
	return { results, paginationToken: nextPaginationToken(page) };
}
