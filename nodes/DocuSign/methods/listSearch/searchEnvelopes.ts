import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DAY_MS } from '../../actions/envelope/envelopeData';
import { envelopeWebUrl } from '../../actions/envelope/envelopeLocator';
import { apiRequestPage, EVERY_ENVELOPE_STATUS, nextPaginationToken, resolveAccount, startPositionOf } from '../../transport';

const PAGE_SIZE = 50;
const RECENT_DAYS = 30;

/** Envelopes changed in the last 30 days, drafts included, newest first, searched by subject, sender and recipients. */
export async function searchEnvelopes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const account = await resolveAccount.call(this);
	const qs: IDataObject = {
		from_date: new Date(Date.now() - RECENT_DAYS * DAY_MS).toISOString(),
		// Drafts are what Send, Create Sender URL and Bulk Send need, and DocuSign lists them only by name.
		status: EVERY_ENVELOPE_STATUS,
		order_by: 'last_modified',
		order: 'desc',
		count: PAGE_SIZE,
		start_position: startPositionOf(paginationToken),
	};
	if (filter?.trim()) qs.search_text = filter.trim();

	const page = await apiRequestPage.call(this, '/envelopes', 'envelopes', {
		qs,
		account,
		action: 'list recent envelopes',
	});

	const results = page.items.map((envelope) => {
		const envelopeId = String(envelope.envelopeId);
		const when = String(envelope.lastModifiedDateTime ?? envelope.statusChangedDateTime ?? envelope.createdDateTime ?? '');
		const label = [
			String(envelope.emailSubject ?? '').trim() || '(no subject)',
			String(envelope.status ?? ''),
			when.slice(0, 10),
		].filter(Boolean);
		return { name: label.join(' · '), value: envelopeId, url: envelopeWebUrl(account.baseUri, envelopeId) };
	});
	return { results, paginationToken: nextPaginationToken(page) };
}
