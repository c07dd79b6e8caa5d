import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GUID, isGuid } from '../../helpers/guid';

/**
 * Envelope pages of the DocuSign web app, demo and production:
 * apps(-d).docusign.com/send/documents/details/{id}, app(demo).docusign.com/documents/details/{id},
 * apps(-d).docusign.com/send/prepare/{id}/add-fields (a draft being prepared).
 */
const ENVELOPE_URL = `https?://[\\w.-]*docusign\\.(?:com|net)/(?:[^?#\\s]*/)?(?:details|prepare|envelopes?)/(${GUID})`;

const URL_WITH_ID = new RegExp(ENVELOPE_URL);

export const envelopeRLC: INodeProperties = {
	displayName: 'Envelope',
	name: 'envelopeId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The envelope to work on. Pick a recent one, paste its link from the DocuSign web app, or map the envelopeId of an earlier DocuSign node.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an envelope...',
			typeOptions: { searchListMethod: 'searchEnvelopes', searchable: true },
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://apps.docusign.com/send/documents/details/93be49ab-4e2f-4c1b-9a4e-f752070d71ec',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: ENVELOPE_URL,
						errorMessage: 'Not an envelope link from the DocuSign web app (…/documents/details/<envelope ID>)',
					},
				},
			],
			extractValue: { type: 'regex', regex: ENVELOPE_URL },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: '93be49ab-4e2f-4c1b-9a4e-f752070d71ec',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `^\\s*${GUID}\\s*$`,
						errorMessage: 'An envelope ID is a GUID such as 93be49ab-4e2f-4c1b-9a4e-f752070d71ec',
					},
				},
			],
		},
	],
};

/**
 * The envelope GUID in a locator value, an envelope ID or a web app link; undefined when there is
 * none (empty, an unresolved expression, anything else).
 */
export function parseEnvelopeId(value: unknown): string | undefined {
	const raw = value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim();
	if (isGuid(text)) return text;
	return URL_WITH_ID.exec(text)?.[1];
}

/** The envelope ID of an item, checked before any DocuSign call. */
export function getEnvelopeId(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('envelopeId', itemIndex, '') as unknown;
	const envelopeId = parseEnvelopeId(value);
	if (envelopeId) return envelopeId;
	const raw = value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
	const text = typeof raw === 'string' ? raw.trim() : '';
	throw new NodeOperationError(
		this.getNode(),
		text
			? `Envelope: "${text.length > 80 ? `${text.slice(0, 80)}…` : text}" is not an envelope ID or a DocuSign envelope link`
			: 'Envelope: no envelope ID given',
		{
			itemIndex,
			description:
				'An envelope ID is a GUID such as 93be49ab-4e2f-4c1b-9a4e-f752070d71ec. Pick the envelope from the list, paste its link from the DocuSign web app, or map the envelopeId output of an earlier DocuSign node.',
		},
	);
}

/** The envelope's page in the DocuSign web app of the account's environment. */
export function envelopeWebUrl(baseUri: string, envelopeId: string): string {
	let host = '';
	try {
		host = new URL(baseUri).hostname.toLowerCase();
	} catch {
		host = '';
	}
	const app = /(^|\.)demo\.docusign\.net$/.test(host)
		? 'https://apps-d.docusign.com'
		: /(^|\.)stage\.docusign\.net$/.test(host)
			? 'https://apps-s.docusign.com'
			: 'https://apps.docusign.com';
	return `${app}/send/documents/details/${envelopeId}`;
}
