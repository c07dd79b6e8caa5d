/**
 * Envelope → Create Signing URL and Create Sender URL in n8n's real engine: the signer is matched
 * against the envelope's recipients before DocuSign is asked for a view, request bodies follow the
 * spec (recipientViewRequest, returnUrlRequest), and the recipient dropdowns.
 */
import {
	ENVELOPE,
	byId,
	calls,
	expectSpecValid,
	installNockHooks,
	json,
	loadOptionsContext,
	mockApi,
	mockUserinfo,
	recipientsResponse,
	runEnvelope,
} from './envelopeKit';

import { getEmbeddedSigners } from '../../../nodes/DocuSign/methods/loadOptions/getEmbeddedSigners';
import { getEnvelopeRecipients } from '../../../nodes/DocuSign/methods/loadOptions/getEnvelopeRecipients';

installNockHooks();

const SIGNING_URL = 'https://demo.docusign.net/Signing/MTRedeem/v1/4b7d1c?slt=eyJ0eXAi';

const signing = (parameters: Record<string, unknown>) => ({
	operation: 'createSigningUrl',
	envelopeId: byId(ENVELOPE),
	returnUrl: 'https://example.com/signed?order=42',
	...parameters,
});

describe('Envelope → Create Signing URL', () => {
	it('matches name, e-mail (any case) and client user ID to the envelope, then POSTs views/recipient', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);
		mockApi('POST', `/envelopes/${ENVELOPE}/views/recipient`, [201, { url: SIGNING_URL }]);

		const result = await runEnvelope(
			signing({ userName: ' grace hopper ', email: 'Grace@Example.com', clientUserId: 'customer-1042' }),
		);

		expect(result.error).toBeUndefined();
		expect(calls.map(({ method, path }) => `${method} ${path}`)).toEqual([
			`GET /envelopes/${ENVELOPE}/recipients`,
			`POST /envelopes/${ENVELOPE}/views/recipient`,
		]);
		expect(calls[1].body).toEqual({
			returnUrl: 'https://example.com/signed?order=42',
			authenticationMethod: 'none',
			userName: 'Grace Hopper',
			email: 'grace@example.com',
			clientUserId: 'customer-1042',
			recipientId: '3',
		});
		expectSpecValid('recipientViewRequest', calls[1].body);
		expect(json(result)).toEqual([
			{
				envelopeId: ENVELOPE,
				recipientId: '3',
				userName: 'Grace Hopper',
				email: 'grace@example.com',
				clientUserId: 'customer-1042',
				url: SIGNING_URL,
				returnUrl: 'https://example.com/signed?order=42',
			},
		]);
	});

	it('by recipient from the envelope, with focused-view and ping options', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);
		mockApi('POST', `/envelopes/${ENVELOPE}/views/recipient`, [201, { url: SIGNING_URL }]);

		const result = await runEnvelope(
			signing({
				signerBy: 'recipient',
				recipientId: '3',
				options: {
					authenticationMethod: 'Password',
					frameAncestors: 'https://app.example.com, https://apps-d.docusign.com',
					messageOrigins: 'https://apps-d.docusign.com',
					pingUrl: 'https://example.com/ping',
					pingFrequency: 120,
				},
			}),
		);

		expect(result.error).toBeUndefined();
		expect(calls[1].body).toEqual({
			returnUrl: 'https://example.com/signed?order=42',
			authenticationMethod: 'Password',
			userName: 'Grace Hopper',
			email: 'grace@example.com',
			clientUserId: 'customer-1042',
			recipientId: '3',
			frameAncestors: ['https://app.example.com', 'https://apps-d.docusign.com'],
			messageOrigins: ['https://apps-d.docusign.com'],
			pingUrl: 'https://example.com/ping',
			pingFrequency: '120',
		});
		expectSpecValid('recipientViewRequest', calls[1].body);
	});

	it('an in-person signer\'s view is opened by the host', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [
			200,
			{
				inPersonSigners: [
					{
						hostName: 'Sam Sender',
						hostEmail: 'sam@example.com',
						signerName: 'Walk-in Customer',
						recipientId: '1',
						routingOrder: '1',
						status: 'sent',
						clientUserId: 'desk-1',
					},
				],
			},
		]);
		mockApi('POST', `/envelopes/${ENVELOPE}/views/recipient`, [201, { url: SIGNING_URL }]);

		const result = await runEnvelope(signing({ userName: 'Sam Sender', email: 'sam@example.com', clientUserId: 'desk-1' }));

		expect(result.error).toBeUndefined();
		expect(calls[1].body).toMatchObject({ userName: 'Sam Sender', email: 'sam@example.com', clientUserId: 'desk-1', recipientId: '1' });
	});

	it('an unknown signer gets an error listing the envelope\'s embedded signers, and no view is requested', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);

		const result = await runEnvelope(signing({ userName: 'Grace Hopper', email: 'grace@example.org', clientUserId: 'customer-9' }));

		expect(result.error?.message).toBe(
			`Signer: envelope ${ENVELOPE} has no embedded recipient Grace Hopper <grace@example.org> with Client User ID "customer-9"`,
		);
		expect(result.error?.description).toBe(
			'The embedded recipients of this envelope are: Grace Hopper <grace@example.com> (recipient 3, signer, sent, client user ID "customer-1042").',
		);
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('a client user ID that belongs to someone else is named as such', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);

		const result = await runEnvelope(signing({ userName: 'Ada Lovelace', email: 'ada@example.com', clientUserId: 'customer-1042' }));

		expect(result.error?.message).toContain('that Client User ID belongs to Grace Hopper <grace@example.com>');
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('a remote (e-mail) signer is explained: no Client User ID', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);

		const result = await runEnvelope(signing({ signerBy: 'recipient', recipientId: '1' }));

		expect(result.error?.message).toBe(
			'Recipient: Ada Lovelace <ada@example.com> (recipient 1, signer, completed) is not an embedded recipient (no Client User ID)',
		);
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('an envelope without embedded recipients says how to make one', async () => {
		mockUserinfo();
		const recipients = recipientsResponse();
		delete (recipients.signers as Array<Record<string, unknown>>)[1].clientUserId;
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipients]);

		const result = await runEnvelope(signing({ userName: 'Grace Hopper', email: 'grace@example.com', clientUserId: 'customer-1042' }));

		expect(result.error?.message).toBe(
			'Signer: Grace Hopper <grace@example.com> (recipient 3, signer, sent) is not an embedded recipient (no Client User ID)',
		);
		expect(result.error?.description).toContain('This envelope has no embedded recipients');
	});

	it.each([
		[{ returnUrl: 'example.com/done' }, 'Return URL: "example.com/done" is not an http(s) URL'],
		[{ returnUrl: '={{ "" }}' }, 'Return URL: required'],
		[{ email: '={{ $json.none }}', clientUserId: '={{ "" }}' }, 'Signer Email, Client User ID: required to identify the signer'],
		[{ signerBy: 'recipient', recipientId: '={{ $json.none }}' }, 'Recipient: no recipient chosen'],
	])('rejects incomplete input before any call: %j', async (parameters, message) => {
		const result = await runEnvelope(
			signing({ userName: 'Grace Hopper', email: 'grace@example.com', clientUserId: 'customer-1042', ...parameters }),
		);

		expect(result.error?.message).toBe(message);
		expect(calls).toEqual([]);
	});

	it('passes DocuSign\'s refusal on (e.g. not this signer\'s turn)', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);
		mockApi('POST', `/envelopes/${ENVELOPE}/views/recipient`, [
			400,
			{ errorCode: 'RECIPIENT_NOT_IN_SEQUENCE', message: 'The token for an out of sequence recipient can not be generated.' },
		]);

		const result = await runEnvelope(signing({ userName: 'Grace Hopper', email: 'grace@example.com', clientUserId: 'customer-1042' }));

		expect(result.error?.message).toBe(
			'DocuSign could not create the signing URL: RECIPIENT_NOT_IN_SEQUENCE – The token for an out of sequence recipient can not be generated.',
		);
	});
});

describe('Envelope → Create Sender URL', () => {
	it('POSTs views/sender with the return URL (returnUrlRequest) and outputs the link', async () => {
		mockUserinfo();
		const url = 'https://demo.docusign.net/Member/StartInSession.aspx?StartConsole=1&t=5f0c';
		mockApi('POST', `/envelopes/${ENVELOPE}/views/sender`, [201, { url }]);

		const result = await runEnvelope({
			operation: 'createSenderUrl',
			envelopeId: byId(ENVELOPE),
			returnUrl: 'http://localhost:5678/webhook/prepared',
		});

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{
				method: 'POST',
				path: `/envelopes/${ENVELOPE}/views/sender`,
				query: {},
				body: { returnUrl: 'http://localhost:5678/webhook/prepared' },
			},
		]);
		expectSpecValid('returnUrlRequest', calls[0].body);
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, url, returnUrl: 'http://localhost:5678/webhook/prepared' }]);
	});

	it('rejects a missing Return URL before any call', async () => {
		const result = await runEnvelope({ operation: 'createSenderUrl', envelopeId: byId(ENVELOPE), returnUrl: '={{ $json.none }}' });

		expect(result.error?.message).toBe('Return URL: required');
		expect(calls).toEqual([]);
	});

	it('a return URL over 470 characters (spec returnUrlRequest / recipientViewRequest: DocuSign cuts it) is refused before any call', async () => {
		const returnUrl = `https://example.com/back?${'x'.repeat(446)}`;
		expect(returnUrl.length).toBe(471);
		const sender = await runEnvelope({ operation: 'createSenderUrl', envelopeId: byId(ENVELOPE), returnUrl });
		expect(sender.error?.message).toBe('Item 1: Return URL is 471 characters long; DocuSign allows at most 470');
		const signer = await runEnvelope(signing({ returnUrl, userName: 'Ada Lovelace', email: 'ada@example.com', clientUserId: 'customer-1042' }));
		expect(signer.error?.message).toBe('Item 1: Return URL is 471 characters long; DocuSign allows at most 470');
		expect(calls).toEqual([]);
	});
});

describe('Recipient dropdowns', () => {
	it('getEmbeddedSigners offers only recipients with a client user ID', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);
		const context = await loadOptionsContext({ operation: 'createSigningUrl', envelopeId: byId(ENVELOPE) });

		const options = await getEmbeddedSigners.call(context);

		expect(options).toEqual([
			{
				name: 'Grace Hopper (recipient 3)',
				value: '3',
				description: 'Grace Hopper <grace@example.com> (recipient 3, signer, sent, client user ID "customer-1042")',
			},
		]);
	});

	it('getEnvelopeRecipients offers every recipient in routing order', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);
		const context = await loadOptionsContext({
			operation: 'updateRecipients',
			envelopeId: { __rl: true, mode: 'url', value: `https://app.docusign.com/documents/details/${ENVELOPE}` },
		});

		const options = await getEnvelopeRecipients.call(context);

		expect(options.map((option) => [option.name, option.value])).toEqual([
			['Ada Lovelace (signer 1)', '1'],
			['Legal Team (carbonCopy 2)', '2'],
			['Grace Hopper (signer 3)', '3'],
		]);
	});

	it('no envelope yet: empty, without a call', async () => {
		const context = await loadOptionsContext({ operation: 'updateRecipients', envelopeId: byId('') });

		expect(await getEnvelopeRecipients.call(context)).toEqual([]);
		expect(await getEmbeddedSigners.call(context)).toEqual([]);
	});
});
