import { assertMatchesSpec, NEWER_FIELDS, validateAgainstSpec } from './specValidation';

describe('validateAgainstSpec', () => {
	it('accepts a typical envelope definition, with DocuSign-style coercion of scalars', () => {
		const result = validateAgainstSpec('envelopeDefinition', {
			emailSubject: 'Sign', status: 'sent',
			documents: [{ documentId: 1, name: 'a.pdf', fileExtension: 'pdf', documentBase64: 'JVBERi0=' }],
			recipients: { signers: [{ email: 'a@example.com', name: 'A', recipientId: 1, routingOrder: 1, tabs: { textTabs: [{ tabLabel: 'x', value: 'y', locked: true }] } }] },
			eventNotification: { url: 'https://example.com/hook', includeHMAC: true, events: ['envelope-completed'], eventData: { version: 'restv2.1', format: 'json' } },
		});
		expect(result).toEqual({ valid: true, issues: [], message: '' });
	});

	it('names every unknown property by its path', () => {
		const result = validateAgainstSpec('envelopeDefinition', {
			emailSubjet: 'typo',
			recipients: { signers: [{ email: 'a@example.com', name: 'A', tabs: { signHereTabs: [{ anchorString: 'x', anchorOffsetX: '1' }] } }] },
		});
		expect(result.valid).toBe(false);
		expect(result.issues.map((i) => i.path)).toEqual(['emailSubjet', 'recipients.signers[0].tabs.signHereTabs[0].anchorOffsetX']);
	});

	it('reports wrong shapes', () => {
		expect(validateAgainstSpec('envelopeDefinition', { documents: { documentId: '1' } }).message).toBe("'documents' must be array");
		expect(validateAgainstSpec('recipientViewRequest', { userName: { first: 'A' } }).message).toBe("'userName' must be a string");
	});

	it('knows the newer Connect fields and the other request definitions', () => {
		expect(Object.keys(NEWER_FIELDS.connectCustomConfiguration)).toContain('events');
		expect(validateAgainstSpec('connectCustomConfiguration', { urlToPublishTo: 'https://x', events: ['envelope-sent'], deliveryMode: 'SIM' }).valid).toBe(true);
		expect(validateAgainstSpec('bulkSendRequest', { envelopeOrTemplateId: 'x', batchName: 'b' }).valid).toBe(true);
		expect(validateAgainstSpec('EnvelopeRecipients', { signers: [{ recipientId: '1', email: 'a@b.co' }] }).valid).toBe(true);
		expect(() => assertMatchesSpec('bulkSendingList', { name: 'l', copies: [] })).toThrow("Unknown property 'copies'");
		expect(() => validateAgainstSpec('noSuchDefinition', {})).toThrow('no definition');
	});
});
