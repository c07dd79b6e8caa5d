import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IPairedItemData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { errorItem, errorJson } from '../../helpers/itemErrors';
import { apiRequest, resolveAccount, type ResolvedAccount } from '../../transport';
import { templateLocator } from '../template/templateLocator';
import { buildCopy, planCopy, type PlannedCopy, type Source, type SourceDocument } from './bulkCopies';
import { loadSource } from './source';

/** DocuSign's default (and almost universal) limit of copies in one bulk send list. */
export const DEFAULT_MAX_COPIES = 1000;

const onlyForTemplate = { show: { '/source': ['template'] } };
const onlyForEnvelope = { show: { '/source': ['envelope'] } };

const properties: INodeProperties[] = [
	{
		displayName:
			'Every input item becomes one copy of the envelope in a single DocuSign bulk send batch (at most 1,000 copies). Bulk send must be enabled for the DocuSign account.',
		name: 'bulkSendNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Send From',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Template',
				value: 'template',
				description: 'A server template; each copy fills its roles',
			},
			{
				name: 'Draft Envelope',
				value: 'envelope',
				description: 'An envelope saved as a draft; each copy replaces its recipients by recipient ID',
			},
		],
		default: 'template',
		description: 'What DocuSign copies for every input item',
	},
	{
		...templateLocator,
		description: 'The template to send. Its roles are filled from each input item.',
		displayOptions: { show: { source: ['template'] } },
	},
	{
		displayName: 'Draft Envelope ID',
		name: 'envelopeId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 4b6d8f0a-2c4e-4a6b-8d0f-1a3c5e7f9b2d',
		description:
			'ID of an envelope saved as a draft (status "created"), e.g. made with Envelope → Create and Status "Save as Draft". Its documents and tabs are copied for every item.',
		displayOptions: { show: { source: ['envelope'] } },
	},
	{
		displayName: 'Batch Name',
		name: 'batchName',
		type: 'string',
		default: '',
		placeholder: 'e.g. March renewals',
		description:
			'Name of the batch in DocuSign, also given to the bulk send list made for it. Leave empty for "n8n bulk send" with the date and time.',
	},
	{
		displayName: 'Role Name or ID',
		name: 'roleName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTemplateRoles', loadOptionsDependsOn: ['templateId.value'] },
		default: '',
		description:
			'The template role each item\'s recipient fills. Leave empty when the template has a single role. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { source: ['template'] } },
	},
	{
		displayName: 'Recipient ID',
		name: 'recipientId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1',
		description:
			'The recipient ID, in the draft envelope, of the recipient that each item replaces. Leave empty when the envelope has a single recipient.',
		displayOptions: { show: { source: ['envelope'] } },
	},
	{
		displayName: 'Recipient Name',
		name: 'recipientName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Jane Doe',
		description: 'Full name of the person who receives this item\'s copy, usually an expression that reads it from the item',
	},
	{
		displayName: 'Recipient Email',
		name: 'recipientEmail',
		type: 'string',
		placeholder: 'e.g. jane@example.com',
		required: true,
		default: '',
		description: 'E-mail address DocuSign sends this item\'s copy to, usually an expression that reads it from the item',
	},
	{
		displayName: 'Text Tab Values',
		name: 'textTabs',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Text Tab Value',
		default: {},
		description:
			'Prefill text fields of the document for this copy. Each value goes to the recipient of this copy whose text tab has that label.',
		options: [
			{
				displayName: 'Tab',
				name: 'tab',
				values: [
					{
						displayName: 'Tab Label',
						name: 'tabLabel',
						type: 'string',
						default: '',
						placeholder: 'e.g. Company',
						description:
							'Label of the text tab, as set in the template or envelope (Template → Get lists them under roles[].textTabLabels)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Text to put in the tab',
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Recipients',
		name: 'additionalRecipients',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Recipient',
		default: {},
		description: 'Other roles of the same copy, e.g. a manager who countersigns each copy',
		options: [
			{
				displayName: 'Recipient',
				name: 'recipient',
				values: [
					{
						displayName: 'Role Name or ID',
						name: 'roleName',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getTemplateRoles',
							loadOptionsDependsOn: ['/templateId.value'],
						},
						default: '',
						description:
							'The template role this person fills. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						displayOptions: onlyForTemplate,
					},
					{
						displayName: 'Recipient ID',
						name: 'recipientId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2',
						description: 'The recipient ID, in the draft envelope, of the recipient this person replaces',
						displayOptions: onlyForEnvelope,
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Sam Manager',
					},
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'name@email.com',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Envelope Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description:
			'Values of envelope custom fields for this copy, e.g. a CRM record ID. Each field must already exist in the template or envelope.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. crmId',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Email Subject',
				name: 'emailSubject',
				type: 'string',
				default: '',
				description: 'Subject of this copy\'s e-mail, instead of the template\'s or envelope\'s',
			},
			{
				displayName: 'Email Message',
				name: 'emailBlurb',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Body text of this copy\'s e-mail, instead of the template\'s or envelope\'s',
			},
		],
	},
];

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
