/**
 * Envelope → Send, Void, Resend and Update Recipients in n8n's real engine: the requests DocuSign
 * gets (method, path, query, spec-valid body), the output, and bad input stopped before any call.
 */
import {
	ENVELOPE,
	byId,
	calls,
	expectSpecValid,
	installNockHooks,
	json,
	mockApi,
	mockUserinfo,
	recipientsResponse,
	runEnvelope,
} from './envelopeKit';

installNockHooks();

describe('Envelope → Send', () => {
	it('PUTs status "sent" on the draft and outputs the envelope ID', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [200, { envelopeId: ENVELOPE }]);

		const result = await runEnvelope({ operation: 'send', envelopeId: byId(ENVELOPE) });

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([{ method: 'PUT', path: `/envelopes/${ENVELOPE}`, query: {}, body: { status: 'sent' } }]);
		expectSpecValid('envelope', calls[0].body);
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, status: 'sent' }]);
	});

	it('takes the envelope from a DocuSign web app link (URL mode)', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [200, { envelopeId: ENVELOPE }]);

		const result = await runEnvelope({
			operation: 'send',
			envelopeId: { __rl: true, mode: 'url', value: `https://apps-d.docusign.com/send/documents/details/${ENVELOPE}` },
		});

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => call.path)).toEqual([`/envelopes/${ENVELOPE}`]);
	});

	it('reports DocuSign\'s refusal (not a draft) with its error code, per item under continueOnFail', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [
			400,
			{ errorCode: 'ENVELOPE_CANNOT_SEND_INVALID_STATE', message: 'Envelope is not in a state that can be sent.' },
		]);

		const result = await runEnvelope({ operation: 'send', envelopeId: byId(ENVELOPE) }, { continueOnFail: true });

		expect(result.error).toBeUndefined();
		const [item] = result.outputOf('DocuSign');
		expect(item.json.error).toContain('ENVELOPE_CANNOT_SEND_INVALID_STATE');
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('rejects a malformed envelope ID from an expression before calling DocuSign', async () => {
		const result = await runEnvelope(
			{ operation: 'send', envelopeId: byId('={{ $json.id }}') },
			{ inputItems: [{ json: { id: '93be49ab-not-a-guid' } }] },
		);

		expect(result.error?.message).toBe('Envelope: "93be49ab-not-a-guid" is not an envelope ID or a DocuSign envelope link');
		expect(result.error?.description).toContain('GUID');
		expect(calls).toEqual([]);
	});

	it('rejects an empty envelope ID from an expression before calling DocuSign', async () => {
		const result = await runEnvelope(
			{ operation: 'send', envelopeId: byId('={{ $json.id }}') },
			{ inputItems: [{ json: { id: '' } }] },
		);

		expect(result.error?.message).toBe('Envelope: no envelope ID given');
		expect(calls).toEqual([]);
	});

	it('a fixed malformed ID is already refused by n8n with the locator\'s validation message', async () => {
		await expect(runEnvelope({ operation: 'send', envelopeId: byId('not-a-guid') })).rejects.toThrow(
			'An envelope ID is a GUID such as 93be49ab-4e2f-4c1b-9a4e-f752070d71ec',
		);
		await expect(
			runEnvelope({
				operation: 'send',
				envelopeId: { __rl: true, mode: 'url', value: 'https://example.com/documents/details/x' },
			}),
		).rejects.toThrow('Not an envelope link from the DocuSign web app');
		expect(calls).toEqual([]);
	});
});

describe('Envelope → Void', () => {
	it('PUTs status "voided" with the trimmed reason', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [200, { envelopeId: ENVELOPE }]);

		const result = await runEnvelope({
			operation: 'voidEnvelope',
			envelopeId: byId(ENVELOPE),
			voidedReason: '  Replaced by a corrected contract ',
		});

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{
				method: 'PUT',
				path: `/envelopes/${ENVELOPE}`,
				query: {},
				body: { status: 'voided', voidedReason: 'Replaced by a corrected contract' },
			},
		]);
		expectSpecValid('envelope', calls[0].body);
		expect(json(result)).toEqual([
			{ envelopeId: ENVELOPE, status: 'voided', voidedReason: 'Replaced by a corrected contract' },
		]);
	});

	it('requires a reason, naming the field, and calls nothing', async () => {
		const result = await runEnvelope({ operation: 'voidEnvelope', envelopeId: byId(ENVELOPE), voidedReason: '   ' });

		expect(result.error?.message).toBe('Void Reason: a reason is required to void an envelope');
		expect(calls).toEqual([]);
	});

	it('fails on a failure DocuSign reports inside a 200 answer', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [
			200,
			{ envelopeId: ENVELOPE, errorDetails: { errorCode: 'ENVELOPE_CANNOT_VOID_INVALID_STATE', message: 'Only sent or delivered envelopes can be voided.' } },
		]);

		const result = await runEnvelope({ operation: 'voidEnvelope', envelopeId: byId(ENVELOPE), voidedReason: 'Wrong file' });

		expect(result.error?.message).toBe(
			'DocuSign could not void the envelope: ENVELOPE_CANNOT_VOID_INVALID_STATE – Only sent or delivered envelopes can be voided.',
		);
	});
});

describe('Envelope → Resend', () => {
	it('PUTs ?resend_envelope=true with an empty envelope body, for every item', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}`, [200, { envelopeId: ENVELOPE }]);
		const other = '11111111-2222-4333-8444-555555555555';
		mockApi('PUT', `/envelopes/${other}`, [200, { envelopeId: other }]);

		const result = await runEnvelope(
			{ operation: 'resend', envelopeId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ inputItems: [{ json: { id: ENVELOPE } }, { json: { id: other } }] },
		);

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{ method: 'PUT', path: `/envelopes/${ENVELOPE}`, query: { resend_envelope: 'true' }, body: {} },
			{ method: 'PUT', path: `/envelopes/${other}`, query: { resend_envelope: 'true' }, body: {} },
		]);
		expectSpecValid('envelope', calls[0].body);
		expect(json(result)).toEqual([
			{ envelopeId: ENVELOPE, resent: true },
			{ envelopeId: other, resent: true },
		]);
		expect(result.outputOf('DocuSign').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Envelope → Update Recipients', () => {
	const corrections = (...recipients: Array<Record<string, string>>) => ({ recipients });

	it('reads the recipients, puts each correction in its recipient list and resends', async () => {
		mockUserinfo();
		const recipients = recipientsResponse();
		(recipients.signers as Array<Record<string, unknown>>)[0].status = 'delivered';
		Object.assign((recipients.carbonCopies as Array<Record<string, unknown>>)[0], { routingOrder: '3', status: 'created' });
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipients]);
		mockApi('PUT', `/envelopes/${ENVELOPE}/recipients`, [
			200,
			{
				recipientUpdateResults: [
					{ recipientId: '1', errorDetails: { errorCode: 'SUCCESS', message: '' } },
					{ recipientId: '2', errorDetails: { errorCode: 'SUCCESS', message: '' } },
				],
			},
		]);

		const result = await runEnvelope({
			operation: 'updateRecipients',
			envelopeId: byId(ENVELOPE),
			corrections: corrections(
				{ recipientId: '1', name: '', email: 'ada.lovelace@example.org' },
				{ recipientId: '2', name: 'Legal Department', email: '' },
			),
		});

		expect(result.error).toBeUndefined();
		expect(calls.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: `/envelopes/${ENVELOPE}/recipients`, query: {} },
			{ method: 'PUT', path: `/envelopes/${ENVELOPE}/recipients`, query: { resend_envelope: 'true' } },
		]);
		expect(calls[1].body).toEqual({
			signers: [{ recipientId: '1', email: 'ada.lovelace@example.org' }],
			carbonCopies: [{ recipientId: '2', name: 'Legal Department' }],
		});
		expectSpecValid('EnvelopeRecipients', calls[1].body);
		expect(json(result)).toEqual([
			{
				envelopeId: ENVELOPE,
				resent: true,
				recipients: [
					{
						recipientId: '1',
						recipientType: 'signer',
						name: 'Ada Lovelace',
						email: 'ada.lovelace@example.org',
						previousName: 'Ada Lovelace',
						previousEmail: 'ada@example.com',
					},
					{
						recipientId: '2',
						recipientType: 'carbonCopy',
						name: 'Legal Department',
						email: 'legal@example.com',
						previousName: 'Legal Team',
						previousEmail: 'legal@example.com',
					},
				],
			},
		]);
	});

	it('does not resend when Resend Envelope is off', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);
		mockApi('PUT', `/envelopes/${ENVELOPE}/recipients`, [200, { recipientUpdateResults: [{ recipientId: '3' }] }]);

		const result = await runEnvelope({
			operation: 'updateRecipients',
			envelopeId: byId(ENVELOPE),
			corrections: corrections({ recipientId: '3', name: 'Grace B. Hopper', email: '' }),
			resendEnvelope: false,
		});

		expect(result.error).toBeUndefined();
		expect(calls[1].query).toEqual({});
		expect(calls[1].body).toEqual({ signers: [{ recipientId: '3', name: 'Grace B. Hopper' }] });
		expect(json(result)[0].resent).toBe(false);
	});

	it('names the envelope\'s recipients when the recipient ID is unknown, and changes nothing', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);

		const result = await runEnvelope({
			operation: 'updateRecipients',
			envelopeId: byId(ENVELOPE),
			corrections: corrections({ recipientId: '7', name: 'Nobody', email: '' }),
		});

		expect(result.error?.message).toBe(`Corrections: envelope ${ENVELOPE} has no recipient with ID "7"`);
		expect(result.error?.description).toContain('Grace Hopper <grace@example.com> (recipient 3, signer, sent');
		expect(result.error?.description).toContain('Legal Team <legal@example.com> (recipient 2, carbonCopy, completed)');
		expect(result.error?.description).toContain('Ada Lovelace <ada@example.com> (recipient 1, signer, completed)');
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('refuses to correct a recipient who already signed', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);

		const result = await runEnvelope({
			operation: 'updateRecipients',
			envelopeId: byId(ENVELOPE),
			corrections: corrections({ recipientId: '1', name: 'Ada King', email: '' }),
		});

		expect(result.error?.message).toBe('Corrections: recipient 1 (Ada Lovelace) is completed and can no longer be corrected');
		expect(calls.map((call) => call.method)).toEqual(['GET']);
	});

	it('raises a per-recipient failure that DocuSign reports with HTTP 200', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/recipients`, [200, recipientsResponse()]);
		mockApi('PUT', `/envelopes/${ENVELOPE}/recipients`, [
			200,
			{
				recipientUpdateResults: [
					{ recipientId: '3', errorDetails: { errorCode: 'INVALID_EMAIL_ADDRESS_FOR_RECIPIENT', message: 'The email address for the recipient is invalid.' } },
				],
			},
		]);

		const result = await runEnvelope({
			operation: 'updateRecipients',
			envelopeId: byId(ENVELOPE),
			corrections: corrections({ recipientId: '3', name: '', email: 'grace@example' + '.org' }),
		});

		expect(result.error?.message).toBe(
			'DocuSign could not correct the recipients: recipient 3: INVALID_EMAIL_ADDRESS_FOR_RECIPIENT – The email address for the recipient is invalid.',
		);
	});

	it.each([
		[[{ recipientId: '1', name: '', email: '' }], 'Corrections, recipient 1: enter a New Name, a New Email or both'],
		[[{ recipientId: '1', name: '', email: 'ada(at)example.com' }], 'Corrections, recipient 1: "ada(at)example.com" is not a valid e-mail address'],
		[
			[
				{ recipientId: '1', name: 'A', email: '' },
				{ recipientId: '1', name: '', email: 'a@example.com' },
			],
			'Corrections, recipient 2: recipient 1 is corrected twice',
		],
		[[{ recipientId: '={{ $json.missing ?? "" }}', name: 'A', email: '' }], 'Corrections, recipient 1: no recipient chosen'],
		[[], 'Corrections: add at least one recipient to correct'],
	])('rejects bad corrections before any call: %j', async (entries, message) => {
		const result = await runEnvelope({
			operation: 'updateRecipients',
			envelopeId: byId(ENVELOPE),
			corrections: corrections(...entries),
		});

		expect(result.error?.message).toBe(message);
		expect(calls).toEqual([]);
	});
});
