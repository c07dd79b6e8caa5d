import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

/** The tab kinds the node offers, keyed by their DocuSign `tabs` array name. */
export const TAB_KINDS = {
	signHereTabs: 'Sign Here',
	initialHereTabs: 'Initial Here',
	dateSignedTabs: 'Date Signed',
	fullNameTabs: 'Full Name',
	textTabs: 'Text',
	checkboxTabs: 'Checkbox',
} as const;

export type TabKind = keyof typeof TAB_KINDS;

const byAnchor = { placement: ['anchor'] };
const byPosition = { placement: ['position'] };

const placementFields: INodeProperties[] = [
	{
		displayName: 'Placement',
		name: 'placement',
		type: 'options',
		options: [
			{
				name: 'By Anchor Text',
				value: 'anchor',
				description: 'Put the tab wherever a piece of text appears in the documents',
			},
			{
				name: 'By Page Position',
				value: 'position',
				description: 'Put the tab at fixed coordinates on one page of one document',
			},
		],
		default: 'anchor',
	},
	{
		displayName: 'Anchor Text',
		name: 'anchorString',
		type: 'string',
		default: '',
		placeholder: '/sn1/',
		displayOptions: { show: byAnchor },
		hint: 'DocuSign searches every document and puts a tab on each place this text appears. Use a marker such as /sn1/ written in white in the document, so signers do not see it.',
	},
	{
		displayName: 'Anchor X Offset',
		name: 'anchorXOffset',
		type: 'number',
		default: 0,
		displayOptions: { show: byAnchor },
		description: 'How far right of the anchor text the tab starts (negative moves it left)',
	},
	{
		displayName: 'Anchor Y Offset',
		name: 'anchorYOffset',
		type: 'number',
		default: 0,
		displayOptions: { show: byAnchor },
		description: 'How far below the anchor text the tab starts (negative moves it up)',
	},
	{
		displayName: 'Anchor Units',
		name: 'anchorUnits',
		type: 'options',
		options: [
			{ name: 'Centimeters', value: 'cms' },
			{ name: 'Inches', value: 'inches' },
			{ name: 'Millimeters', value: 'mms' },
			{ name: 'Pixels', value: 'pixels' },
		],
		default: 'pixels',
		displayOptions: { show: byAnchor },
		description: 'Unit of the X and Y offsets',
	},
	{
		displayName: 'Ignore If Anchor Not Found',
		name: 'anchorIgnoreIfNotPresent',
		type: 'boolean',
		default: false,
		displayOptions: { show: byAnchor },
		description:
			'Whether to send the envelope without this tab when no document contains the anchor text. Off: DocuSign refuses to send the envelope.',
	},
	{
		displayName: 'Document Number',
		name: 'documentNumber',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		displayOptions: { show: byPosition },
		description: 'Which document the tab goes on: 1 is the first document of the envelope',
	},
	{
		displayName: 'Page Number',
		name: 'pageNumber',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		displayOptions: { show: byPosition },
	},
	{
		displayName: 'X Position',
		name: 'xPosition',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: { show: byPosition },
		description: 'Pixels from the left edge of the page (72 pixels per inch)',
	},
	{
		displayName: 'Y Position',
		name: 'yPosition',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		displayOptions: { show: byPosition },
		description: 'Pixels from the top edge of the page (72 pixels per inch)',
	},
];

const labelField: INodeProperties = {
	displayName: 'Label',
	name: 'tabLabel',
	type: 'string',
	default: '',
	description:
		'Name of the field. It appears in the form data DocuSign returns, and templates and Advanced JSON can refer to it.',
};

const textFields: INodeProperties[] = [
	labelField,
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: 'Text already filled in; the signer can change it unless the field is read-only',
	},
	{
		displayName: 'Required',
		name: 'required',
		type: 'boolean',
		default: true,
		description: 'Whether the signer must fill in the field before finishing',
	},
	{
		displayName: 'Read-Only',
		name: 'locked',
		type: 'boolean',
		default: false,
		description: 'Whether the signer sees the value but cannot change it',
	},
];

const checkboxFields: INodeProperties[] = [
	labelField,
	{
		displayName: 'Checked',
		name: 'selected',
		type: 'boolean',
		default: false,
		description: 'Whether the box is already checked',
	},
	{
		displayName: 'Required',
		name: 'required',
		type: 'boolean',
		default: false,
		description: 'Whether the signer must check the box before finishing',
	},
	{
		displayName: 'Read-Only',
		name: 'locked',
		type: 'boolean',
		default: false,
		description: 'Whether the signer cannot change the box',
	},
];

const kindFields: Record<TabKind, INodeProperties[]> = {
	signHereTabs: [],
	initialHereTabs: [],
	dateSignedTabs: [],
	fullNameTabs: [],
	textTabs: textFields,
	checkboxTabs: checkboxFields,
};

const kindOption = (kind: TabKind): INodePropertyCollection => ({
	displayName: TAB_KINDS[kind],
	name: kind,
	values: [...placementFields, ...kindFields[kind]],
});

/** The fields a signer fills in: signature, initials, date, name, text boxes and checkboxes. */
export const tabsCollection: INodeProperties = {
	displayName: 'Fields to Place (Tabs)',
	name: 'tabs',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Field',
	default: {},
	description:
		'Where this signer signs and what they fill in. Without any field DocuSign lets the signer put a signature anywhere (free-form signing).',
	options: (Object.keys(TAB_KINDS) as TabKind[]).map(kindOption),
};
