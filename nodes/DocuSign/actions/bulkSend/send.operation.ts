import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { errorItem, errorJson } from '../../helpers/itemErrors';
import { apiRequest, resolveAccount, type ResolvedAccount } from '../../transport';
import { buildCopy, planCopy, type PlannedCopy, type Source, type SourceDocument } from './bulkCopies';
import { properties } from './send.description';
import { loadSource } from './source';

/** DocuSign's default (and almost universal) limit of copies in one bulk send list. */
export const DEFAULT_MAX_COPIES = 1000;

const displayOptions = { show: { resource: ['bulkSend'], operation: ['send'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface Copy {
	itemIndex: number;
	copy: IDataObject;
}

interface ItemFailure {
	itemIndex: number;
	error: NodeOperationError;
}

/** The account's own limit, read only when the items exceed DocuSign's default of 1,000. */
async function readMaxCopies(this: IExecuteFunctions, account: ResolvedAccount): Promise<number> {
	const summary = (await apiRequest.call(this, 'GET', '/bulk_send_batch', {
		qs: { count: 1 },
		account,
		action: 'read the bulk send limits of the account',
	})) as IDataObject;
	const limit = Number(summary.batchSizeLimit);
	return Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_MAX_COPIES;
}

/** DocuSign's counts come as strings ("25"); output them as numbers. */
export function toNumber(value: unknown): number | string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : String(value);
}

/** Creates the list and sends it as one batch; a list whose send failed is deleted again. */
async function createAndSend(
	this: IExecuteFunctions,
	doc: SourceDocument,
	copies: Copy[],
	batchName: string,
	account: ResolvedAccount,
): Promise<IDataObject> {
	const list = (await apiRequest.call(this, 'POST', '/bulk_send_lists', {
		body: { name: batchName, bulkCopies: copies.map(({ copy }) => copy) },
		account,
		action: `create the bulk send list of ${copies.length} copies`,
	})) as IDataObject;
	const listId = typeof list.listId === 'string' ? list.listId : '';
	if (!listId) {
		throw new NodeApiError(this.getNode(), list as JsonObject, {
			message: 'DocuSign created no bulk send list: its answer has no listId',
		});
	}

	let response: IDataObject;
	try {
		response = (await apiRequest.call(this, 'POST', `/bulk_send_lists/${listId}/send`, {
			body: { envelopeOrTemplateId: doc.id, batchName },
			account,
			action: `bulk send the ${doc.source === 'template' ? 'template' : 'draft envelope'} ${doc.id}`,
		})) as IDataObject;
	} catch (error) {
		const failure = asNodeError(this, error);
		// Only a refusal (4xx) proves no batch started; a started batch needs its list, so a lost
		// or failed answer leaves the list alone.
		const refused = failure instanceof NodeApiError && /^4\d\d$/.test(String(failure.httpCode));
		let note: string;
		if (refused) {
			const removed = await apiRequest
				.call(this, 'DELETE', `/bulk_send_lists/${listId}`, { account, action: 'delete the unsent bulk send list' })
				.then(
					() => true,
					() => false,
				);
			note = removed
				? 'Nothing was sent, and the bulk send list made for this run was deleted again.'
				: `Nothing was sent. The bulk send list ${listId} made for this run could not be deleted; remove it in DocuSign if it is in the way.`;
		} else {
			note = `DocuSign neither confirmed nor refused the batch (a lost answer or a server error), so it may have started. Check the DocuSign web app (bulk send list ${listId}) before sending again.`;
		}
		failure.description = [failure.description, note].filter(Boolean).join(' ');
		throw failure;
	}
	if (typeof response.batchId !== 'string' || !response.batchId) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: 'DocuSign answered the bulk send without a batchId',
			description: `The batch may still have started. Check the DocuSign web app (bulk send list ${listId}) before sending again.`,
		});
	}

	return {
		batchId: response.batchId,
		batchName: response.batchName ?? batchName,
		batchSize: toNumber(response.batchSize) ?? copies.length,
		totalQueued: toNumber(response.totalQueued),
		queueLimit: toNumber(response.queueLimit),
		listId,
		listName: batchName,
		source: doc.source,
		envelopeOrTemplateId: response.envelopeOrTemplateId ?? doc.id,
		...(doc.source === 'template' && doc.name ? { templateName: doc.name } : {}),
		errors: response.errors ?? [],
		errorDetails: response.errorDetails ?? [],
	};
}

function asNodeError(context: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeOperationError(context.getNode(), error as Error);
}

function asItemError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError {
	return error instanceof NodeOperationError
		? error
		: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function pairedWith(itemIndexes: number[]): IPairedItemData[] {
	return itemIndexes.map((item) => ({ item }));
}

/** The first invalid item's error, its description naming how many others are invalid and why. */
function firstOf(failures: ItemFailure[], itemCount: number): NodeOperationError {
	const [first, ...others] = failures;
	if (others.length) {
		const listed = others.slice(0, 5).map(({ error }) => error.message);
		const more = others.length > 5 ? ` and ${others.length - 5} more` : '';
		first.error.description = [
			first.error.description,
			`${failures.length} of ${itemCount} items are invalid, so nothing was sent. Also: ${listed.join(' | ')}${more}.`,
		]
			.filter(Boolean)
			.join(' ');
	}
	return first.error;
}

/**
 * All items become one bulk send list and one batch: one output item, paired with every item in
 * it. Every item is checked first (what needs no DocuSign call, then roles, tab labels and custom
 * fields against the template or draft envelope), so a bad item stops the run before anything is
 * created. Under "continue on fail" bad items get their own error items and the rest are sent.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (items.length === 0) return [];
	const continueOnFail = this.continueOnFail();
	const source = this.getNodeParameter('source', 0) as Source;
	const failures: ItemFailure[] = [];

	const planned: PlannedCopy[] = [];
	let batchSourceId: string | undefined;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const plan = planCopy.call(this, source, itemIndex, batchSourceId);
			batchSourceId ??= plan.sourceId;
			planned.push(plan);
		} catch (error) {
			failures.push({ itemIndex, error: asItemError(this, error, itemIndex) });
		}
	}
	if (failures.length && !continueOnFail) throw firstOf(failures, items.length);
	const failureItems = () =>
		failures
			.sort((a, b) => a.itemIndex - b.itemIndex)
			.map(({ itemIndex, error }) => errorItem(error, itemIndex));
	if (planned.length === 0) return failureItems();

	const plannedItems = planned.map(({ itemIndex }) => itemIndex);
	const copies: Copy[] = [];
	let doc: SourceDocument;
	let account: ResolvedAccount;
	try {
		account = await resolveAccount.call(this, 0);
		if (planned.length > DEFAULT_MAX_COPIES) {
			const maxCopies = await readMaxCopies.call(this, account);
			if (planned.length > maxCopies) {
				throw new NodeOperationError(
					this.getNode(),
					`Bulk send got ${planned.length} items, but a DocuSign bulk send list holds at most ${maxCopies} copies`,
					{
						description: `Put a Loop Over Items node with a batch size of ${maxCopies} in front of this node, so each of its runs sends one batch. DocuSign also queues a limited number of envelopes per account (usually 2,000): leave time between large batches.`,
					},
				);
			}
		}
		doc = await loadSource.call(this, source, planned[0].sourceId, account);
	} catch (error) {
		if (!continueOnFail) throw asNodeError(this, error);
		return [{ json: errorJson(error as Error), pairedItem: pairedWith(plannedItems) }, ...failureItems()];
	}

	for (const plan of planned) {
		try {
			copies.push({ itemIndex: plan.itemIndex, copy: buildCopy(this, doc, plan) });
		} catch (error) {
			failures.push({ itemIndex: plan.itemIndex, error: asItemError(this, error, plan.itemIndex) });
		}
	}
	if (failures.length && !continueOnFail) throw firstOf(failures, items.length);
	if (copies.length === 0) return failureItems();

	const batchName =
		String(this.getNodeParameter('batchName', 0, '') ?? '').trim() ||
		`n8n bulk send ${new Date().toISOString().slice(0, 19).replace('T', ' ')}`;
	const copiedItems = copies.map(({ itemIndex }) => itemIndex);
	try {
		const result = await createAndSend.call(this, doc, copies, batchName, account);
		return [{ json: result, pairedItem: pairedWith(copiedItems) }, ...failureItems()];
	} catch (error) {
		if (!continueOnFail) throw asNodeError(this, error);
		return [{ json: errorJson(error as Error), pairedItem: pairedWith(copiedItems) }, ...failureItems()];
	}
}
