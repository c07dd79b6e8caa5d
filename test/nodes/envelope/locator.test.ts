/**
 * The envelope resource locator: the URL shapes of the DocuSign web app it accepts (with the
 * regexes n8n's editor and engine apply), the runtime parser, web app links per environment, and
 * the display options of the lifecycle operations.
 */
import type { INodePropertyMode, INodePropertyModeValidation } from 'n8n-workflow';

import { DocuSign } from '../../../nodes/DocuSign/DocuSign.node';
import {
	envelopeRLC,
	envelopeWebUrl,
	parseEnvelopeId,
} from '../../../nodes/DocuSign/actions/envelope/envelopeLocator';

const ID = '93be49ab-4e2f-4c1b-9a4e-f752070d71ec';

const mode = (name: string) => envelopeRLC.modes!.find((m) => m.name === name) as INodePropertyMode;
const validationRegex = (name: string) =>
	new RegExp(((mode(name).validation![0] as INodePropertyModeValidation).properties as { regex: string }).regex);

describe('envelope locator, URL mode', () => {
	const urls = [
		`https://apps-d.docusign.com/send/documents/details/${ID}`,
		`https://apps.docusign.com/send/documents/details/${ID}?tab=history`,
		`https://app.docusign.com/documents/details/${ID}`,
		`https://appdemo.docusign.com/documents/details/${ID}`,
		`https://apps-d.docusign.com/send/prepare/${ID}/add-fields`,
	];

	it.each(urls)('accepts and extracts the envelope ID of %s', (url) => {
		expect(validationRegex('url').test(url)).toBe(true);
		const extract = mode('url').extractValue as { regex: string };
		const match = new RegExp(extract.regex).exec(url);
		expect(match?.slice(1)).toEqual([ID]);
		expect(parseEnvelopeId({ mode: 'url', value: url })).toBe(ID);
	});

	it.each([
		`https://example.com/documents/details/${ID}`,
		'https://apps.docusign.com/send/documents/details/not-a-guid',
		'https://apps.docusign.com/send/home',
	])('refuses %s', (url) => {
		expect(validationRegex('url').test(url)).toBe(false);
		expect(parseEnvelopeId(url)).toBeUndefined();
	});
});

describe('envelope locator, ID mode and the runtime parser', () => {
	it('accepts a GUID (any case, surrounding spaces) and nothing else', () => {
		expect(validationRegex('id').test(` ${ID.toUpperCase()} `)).toBe(true);
		expect(parseEnvelopeId({ __rl: true, mode: 'id', value: ` ${ID} ` })).toBe(ID);
		for (const bad of ['', '93be49ab', `${ID}x`, '={{ $json.id }}', 42, null, undefined]) {
			expect(parseEnvelopeId(bad)).toBeUndefined();
		}
		expect(validationRegex('id').test(`${ID}0`)).toBe(false);
	});

	it('lists envelopes with the searchable listSearch method the node exposes', () => {
		expect(mode('list').typeOptions).toEqual({ searchListMethod: 'searchEnvelopes', searchable: true });
		expect(Object.keys(new DocuSign().methods.listSearch)).toContain('searchEnvelopes');
	});
});

describe('web app links', () => {
	it('point at the environment of the account', () => {
		expect(envelopeWebUrl('https://demo.docusign.net', ID)).toBe(`https://apps-d.docusign.com/send/documents/details/${ID}`);
		expect(envelopeWebUrl('https://na4.docusign.net', ID)).toBe(`https://apps.docusign.com/send/documents/details/${ID}`);
		expect(envelopeWebUrl('https://eu.docusign.net', ID)).toBe(`https://apps.docusign.com/send/documents/details/${ID}`);
		expect(envelopeWebUrl('https://stage.docusign.net', ID)).toBe(`https://apps-s.docusign.com/send/documents/details/${ID}`);
	});
});

describe('operation descriptions', () => {
	const operations = [
		'send',
		'get',
		'getStatus',
		'getAll',
		'voidEnvelope',
		'resend',
		'getRecipients',
		'updateRecipients',
		'downloadDocument',
		'createSigningUrl',
		'createSenderUrl',
		'createCorrectUrl',
		'deleteCustomFields',
		'deleteDocument',
		'getAuditEvents',
		'getCustomFields',
		'getDocuments',
		'getFormData',
		'setCustomFields',
		'updateNotification',
		'upsertDocument',
	];
	const properties = new DocuSign().description.properties;

	it.each(operations)('%s: every field shows only for Envelope → that operation', (operation) => {
		const own = properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation) && p.displayOptions.show.resource?.includes('envelope'));
		expect(own.length).toBeGreaterThan(0);
		for (const property of own) {
			expect(property.displayOptions?.show?.resource).toEqual(['envelope']);
			expect(property.displayOptions?.show?.operation).toEqual([operation]);
		}
	});

	it('operations on one envelope share the same locator field', () => {
		const locators = properties.filter((p) => p.name === 'envelopeId' && p.displayOptions?.show?.resource?.includes('envelope'));
		const shown = locators.flatMap((p) => p.displayOptions?.show?.operation ?? []);
		expect(shown.sort()).toEqual(operations.filter((op) => op !== 'getAll').sort());
		for (const locator of locators) expect(locator.type).toBe('resourceLocator');
	});
});
