import type { INodeProperties } from 'n8n-workflow';

import { routingOrderField } from '../envelope/shared/recipients.description';
import { tabsCollection } from '../envelope/shared/tabs.description';

const roleNameField: INodeProperties = {
	displayName: 'Role Name',
	name: 'roleName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Employee',
	description:
		'The placeholder an envelope made from the template fills with a person (Envelope → Create From Template matches roles by this name). Unique within the template.',
};

const presetFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Leave empty for a placeholder role; set it to preset the same person in every envelope',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Leave empty for a placeholder role; set it (with Name) to preset the same person in every envelope',
	},
	routingOrderField,
];

/** Signer roles of a new template, each with the fields (tabs) it fills in. */
export const signerRolesCollection: INodeProperties = {
	displayName: 'Signer Roles',
	name: 'signerRoles',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Signer Role',
	default: {},
	required: true,
	description: 'The roles that sign, each with its fields placed by anchor text or page position',
	options: [{ displayName: 'Role', name: 'role', values: [roleNameField, ...presetFields, tabsCollection] }],
};

/** Carbon copy roles of a new template: they receive the completed documents but don't sign. */
export const carbonCopyRolesCollection: INodeProperties = {
	displayName: 'Carbon Copy Roles',
	name: 'carbonCopyRoles',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Carbon Copy Role',
	default: {},
	description: 'Roles that get a copy of the envelope when their routing order is reached, without signing',
	options: [{ displayName: 'Role', name: 'role', values: [roleNameField, ...presetFields] }],
};

/** The template's own texts, set on Create and changed by Update. */
export const templateDescriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: "What the template is for, shown in DocuSign's template list",
};

export const templateEmailSubjectField: INodeProperties = {
	displayName: 'Email Subject',
	name: 'emailSubject',
	type: 'string',
	default: '',
	placeholder: 'Please sign: Offer Letter',
	description: 'Subject of the e-mails of envelopes made from the template (max 100 characters)',
};

export const templateEmailBlurbField: INodeProperties = {
	displayName: 'Email Message',
	name: 'emailBlurb',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'Text of the e-mails of envelopes made from the template (max 10,000 characters)',
};
