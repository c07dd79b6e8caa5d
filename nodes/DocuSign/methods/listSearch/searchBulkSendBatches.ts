import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { apiRequest } from '../../transport';

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
	const startPosition = Number(paginationToken) > 0 ? Number(paginationToken) : 0;
	const qs: IDataObject = { count: PAGE_SIZE, status: 'all' };
	if (startPosition) qs.start_position = startPosition;
	const response = (await apiRequest.call(this, 'GET', '/bulk_send_batch', {
		qs,
		action: 'list the bulk send batches',
	})) as IDataObject;
	const batches = ((response.bulkBatchSummaries ?? []) as IDataObject[]).filter(
		(batch) => typeof batch.batchId === 'string',
	);
	const wanted = filter?.trim().toLowerCase();
	const results = batches
		.filter((batch) => !wanted || `${String(batch.batchName ?? '')} ${String(batch.batchId)}`.toLowerCase().includes(wanted))
		.map((batch): INodeListSearchItems => ({ name: describeBatch(batch), value: batch.batchId as string }));
	const nextPosition = startPosition + batches.length;
	const total = Number(response.totalSetSize);
	const more = batches.length > 0 && (Number.isFinite(total) ? nextPosition < total : Boolean(response.nextUri));
	return { results, paginationToken: more ? String(nextPosition) : undefined };
}
