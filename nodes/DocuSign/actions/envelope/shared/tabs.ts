import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';
import { TAB_KINDS, type TabKind } from './tabs.description';
import { bool, isPlainObject, requireNumber, requireWholeNumber } from './validation';

function buildTab(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: TabKind,
	input: IDataObject,
	where: string,
	documentCount: number,
): IDataObject {
	const tab: IDataObject = {};
	if ((input.placement ?? 'anchor') === 'anchor') {
		const anchorString = typeof input.anchorString === 'string' ? input.anchorString : '';
		if (!anchorString.trim()) {
			throw inputError(
				context,
				itemIndex,
				`${where} is placed by anchor text but has no anchor text`,
				'Enter the text in the document where the field goes (such as /sn1/), or switch Placement to By Page Position.',
			);
		}
		tab.anchorString = anchorString;
		tab.anchorXOffset = String(requireNumber(context, itemIndex, input.anchorXOffset ?? 0, `${where}'s anchor X offset`));
		tab.anchorYOffset = String(requireNumber(context, itemIndex, input.anchorYOffset ?? 0, `${where}'s anchor Y offset`));
		tab.anchorUnits = typeof input.anchorUnits === 'string' && input.anchorUnits ? input.anchorUnits : 'pixels';
		if (input.anchorIgnoreIfNotPresent === true) tab.anchorIgnoreIfNotPresent = 'true';
	} else {
		const documentNumber = requireWholeNumber(
			context,
			itemIndex,
			input.documentNumber ?? 1,
			`${where}'s document number`,
			1,
			documentCount > 0
				? `The envelope has ${documentCount} document${documentCount === 1 ? '' : 's'}: use 1 for the first one in Documents.`
				: 'Use 1 for the first document.',
			documentCount > 0 ? documentCount : undefined,
		);
		tab.documentId = String(documentNumber);
		tab.pageNumber = String(
			requireWholeNumber(context, itemIndex, input.pageNumber ?? 1, `${where}'s page number`, 1, 'Pages count from 1.'),
		);
		tab.xPosition = String(Math.round(requireNumber(context, itemIndex, input.xPosition ?? 0, `${where}'s X position`, 0)));
		tab.yPosition = String(Math.round(requireNumber(context, itemIndex, input.yPosition ?? 0, `${where}'s Y position`, 0)));
	}
	if (kind === 'textTabs' || kind === 'checkboxTabs') {
		const label = typeof input.tabLabel === 'string' ? input.tabLabel.trim() : '';
		if (label) tab.tabLabel = label;
		if (kind === 'textTabs' && input.value !== undefined && input.value !== '') tab.value = String(input.value);
		if (kind === 'checkboxTabs') tab.selected = bool(input.selected);
		tab.required = bool(input.required ?? kind === 'textTabs');
		tab.locked = bool(input.locked);
	}
	return tab;
}

/** The `tabs` object of a signer from the node's "Fields to Place" collection. */
export function buildTabs(
	context: IExecuteFunctions,
	itemIndex: number,
	input: unknown,
	where: string,
	documentCount: number,
): IDataObject | undefined {
	if (!isPlainObject(input)) return undefined;
	const tabs: IDataObject = {};
	for (const kind of Object.keys(TAB_KINDS) as TabKind[]) {
		const list = input[kind];
		if (!Array.isArray(list) || list.length === 0) continue;
		tabs[kind] = list.map((tab, index) =>
			buildTab(context, itemIndex, kind, tab as IDataObject, `${where} → ${TAB_KINDS[kind]} field ${index + 1}`, documentCount),
		);
	}
	return Object.keys(tabs).length ? tabs : undefined;
}
