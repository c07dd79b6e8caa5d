/**
 * Envelope → Get Documents, Add or Replace Document, Delete Document, Create Correct URL and Update
 * Reminders and Expiration in n8n's real engine, DocuSign played by nock: what is sent (bodies
 * checked against the spec; the document as the raw body with its name in Content-Disposition),
 * what comes out, and bad input refused before any call.
 */
import {
	ACCOUNT,
	ENVELOPE,
	byId,
	calls,
	expectSpecValid,
	installNockHooks,
	json,
	loadOptionsContext,
	mockApi,
	mockUserinfo,
	runEnvelope,
} from './envelopeKit';

import nock from 'nock';

import { memoryBinary } from '../../engine/binaryData';
import { getEnvelopeContentDocuments } from '../../../nodes/DocuSign/methods/loadOptions/getEnvelopeDocuments';
import { makePdf } from '../../simulator/pdf';
import { BASE } from '../kit';

installNockHooks();

const DOCUMENTS = {
	envelopeId: ENVELOPE,
	envelopeDocuments: [
		{ documentId: '1', name: 'Contract.pdf', type: 'content', order: '1', pages: [{ pageId: 'p1' }, { pageId: 'p2' }] },
		{ documentId: 'certificate', name: 'Summary', type: 'summary', order: '999' },
	],
};

describe('Envelope → Get Documents', () => {
	it('one item per document; the certificate only when asked; sizes on request', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/documents`, [200, DOCUMENTS], 2);

		const plain = await runEnvelope({ operation: 'getDocuments', envelopeId: byId(ENVELOPE) });
		expect(plain.error).toBeUndefined();
		expect(json(plain)).toEqual([{ envelopeId: ENVELOPE, ...DOCUMENTS.envelopeDocuments[0] }]);
		expect(calls[0].query).toEqual({});

		const all = await runEnvelope({ operation: 'getDocuments', envelopeId: byId(ENVELOPE), options: { includeCertificate: true, includeDocumentSize: true } });
		expect(json(all).map((item) => item.documentId)).toEqual(['1', 'certificate']);
		expect(calls[1].query).toEqual({ include_document_size: 'true' });
	});
});

const PDF = makePdf([['Annex A']], 'Annex A');
const withFile = (fileName = 'Annex A.pdf', bytes = PDF) => [
	{ json: {}, binary: { data: memoryBinary(bytes, { fileName, mimeType: 'application/pdf', fileExtension: 'pdf' }) } },
];

describe('Envelope → Add or Replace Document', () => {
	it('PUTs the file as the body of documents/{id}, named in Content-Disposition', async () => {
		mockUserinfo();
		let received: Buffer | undefined;
		nock(BASE)
			.put(`/restapi/v2.1/accounts/${ACCOUNT}/envelopes/${ENVELOPE}/documents/2`)
			.matchHeader('authorization', 'Bearer access-1')
			.matchHeader('content-type', 'application/pdf')
			.matchHeader('content-disposition', 'file; filename="Annex A (signed copy).pdf"; documentid=2; fileExtension=pdf')
			.reply(200, (_uri, body) => {
				// nock hands a binary body over hex-encoded.
				received = Buffer.from(body as string, 'hex');
				return { documentId: '2', name: 'Annex A (signed copy).pdf', type: 'content', order: '2' };
			});

		const result = await runEnvelope(
			{ operation: 'upsertDocument', envelopeId: byId(ENVELOPE), documentId: 2, binaryPropertyName: 'data', options: { name: 'Annex A (signed copy).pdf' } },
			{ inputItems: withFile() },
		);

		expect(result.error).toBeUndefined();
		expect(received?.equals(PDF)).toBe(true);
		expect(json(result)).toEqual([
			{
				envelopeId: ENVELOPE,
				documentId: '2',
				name: 'Annex A (signed copy).pdf',
				fileExtension: 'pdf',
				fileSize: PDF.length,
				document: { documentId: '2', name: 'Annex A (signed copy).pdf', type: 'content', order: '2' },
			},
		]);
	});

	it('a missing binary field or an empty file errors before any call', async () => {
		const missing = await runEnvelope(
			{ operation: 'upsertDocument', envelopeId: byId(ENVELOPE), documentId: 1, binaryPropertyName: 'file' },
			{ inputItems: withFile() },
		);
		expect(missing.error?.message).toBe('Item 1: Document: the input item has no binary field "file"');
		const empty = await runEnvelope(
			{ operation: 'upsertDocument', envelopeId: byId(ENVELOPE), documentId: 1, binaryPropertyName: 'data' },
			{ inputItems: withFile('empty.pdf', Buffer.alloc(0)) },
		);
		expect(empty.error?.message).toBe('Item 1: Document: the file in "empty.pdf" (binary field "data") is empty');
		expect(calls).toEqual([]);
	});

	it('DocuSign refusing a completed envelope comes back as a clear error', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}/documents/1`, [400, { errorCode: 'ENVELOPE_INVALID_STATUS', message: 'Invalid envelope status.' }]);
		const result = await runEnvelope(
			{ operation: 'upsertDocument', envelopeId: byId(ENVELOPE), documentId: 1, binaryPropertyName: 'data' },
			{ inputItems: withFile() },
		);
		expect(result.error?.message).toContain('DocuSign could not add or replace document 1 of the envelope: ENVELOPE_INVALID_STATUS');
	});
});

describe('Envelope → Delete Document', () => {
	it('DELETEs documents with a body naming the document (spec envelopeDefinition)', async () => {
		mockUserinfo();
		mockApi('DELETE', `/envelopes/${ENVELOPE}/documents`, [200, { envelopeId: ENVELOPE, envelopeDocuments: [{ documentId: '1' }] }]);

		const result = await runEnvelope({ operation: 'deleteDocument', envelopeId: byId(ENVELOPE), documentId: '1' });

		expect(result.error).toBeUndefined();
		expect(calls[0].body).toEqual({ documents: [{ documentId: '1' }] });
		expectSpecValid('envelopeDefinition', calls[0].body);
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, documentId: '1', deleted: true }]);
	});

	it('"certificate" or an empty choice is refused before any call; the dropdown lists only real documents', async () => {
		const result = await runEnvelope({ operation: 'deleteDocument', envelopeId: byId(ENVELOPE), documentId: 'certificate' });
		expect(result.error?.message).toBe('Item 1: Document: "certificate" is not a document ID');
		expect(calls).toEqual([]);

		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/documents`, [200, DOCUMENTS]);
		const context = await loadOptionsContext({ operation: 'deleteDocument', envelopeId: byId(ENVELOPE) });
		expect(await getEnvelopeContentDocuments.call(context)).toEqual([
			{ name: 'Contract.pdf', value: '1', description: 'Document 1 of the envelope, as a PDF, 2 pages' },
		]);
	});
});

describe('Envelope → Create Correct URL', () => {
	const URL = 'https://demo.docusign.net/Member/StartInSession.aspx?StartConsole=1&t=abc&DocuEnvelope=x&send=1';

	it('POSTs views/correct with the return URL (spec correctViewRequest)', async () => {
		mockUserinfo();
		mockApi('POST', `/envelopes/${ENVELOPE}/views/correct`, [201, { url: URL }]);

		const result = await runEnvelope({ operation: 'createCorrectUrl', envelopeId: byId(ENVELOPE), returnUrl: 'https://example.com/corrected?id=7' });

		expect(result.error).toBeUndefined();
		expect(calls[0].body).toEqual({ returnUrl: 'https://example.com/corrected?id=7' });
		expectSpecValid('correctViewRequest', calls[0].body);
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, url: URL, returnUrl: 'https://example.com/corrected?id=7' }]);
	});

	it('a return URL over 470 characters (DocuSign would cut it) is refused before any call', async () => {
		const returnUrl = `https://example.com/back?${'x'.repeat(446)}`;
		expect(returnUrl.length).toBe(471);
		const result = await runEnvelope({ operation: 'createCorrectUrl', envelopeId: byId(ENVELOPE), returnUrl });
		expect(result.error?.message).toBe('Item 1: Return URL is 471 characters long; DocuSign allows at most 470');
		expect(calls).toEqual([]);
	});
});

describe('Envelope → Update Reminders and Expiration', () => {
	const echo = () => mockApi('PUT', `/envelopes/${ENVELOPE}/notification`, (call) => [200, call.body]);

	it('PUTs notification with reminders and expiration as DocuSign\'s strings (spec envelopeNotificationRequest)', async () => {
		mockUserinfo();
		echo();
		const result = await runEnvelope({
			operation: 'updateNotification',
			envelopeId: byId(ENVELOPE),
			reminderDelay: 1,
			reminderFrequency: 4,
			expireAfter: 14,
			expireWarn: 2,
		});
		const body = {
			useAccountDefaults: 'false',
			reminders: { reminderEnabled: 'true', reminderDelay: '1', reminderFrequency: '4' },
			expirations: { expireEnabled: 'true', expireAfter: '14', expireWarn: '2' },
		};
		expect(result.error).toBeUndefined();
		expect(calls[0].body).toEqual(body);
		expectSpecValid('envelopeNotificationRequest', calls[0].body);
		expect(json(result)).toEqual([{ envelopeId: ENVELOPE, ...body }]);
	});

	it('"use account defaults" sends only that; reminders off sends reminderEnabled false', async () => {
		mockUserinfo();
		mockApi('PUT', `/envelopes/${ENVELOPE}/notification`, (call) => [200, call.body], 2);
		await runEnvelope({ operation: 'updateNotification', envelopeId: byId(ENVELOPE), useAccountDefaults: true });
		await runEnvelope({ operation: 'updateNotification', envelopeId: byId(ENVELOPE), reminderEnabled: false, expireEnabled: false });
		expect(calls.map((call) => call.body)).toEqual([
			{ useAccountDefaults: 'true' },
			{ useAccountDefaults: 'false', reminders: { reminderEnabled: 'false' }, expirations: { expireEnabled: 'false' } },
		]);
		for (const call of calls) expectSpecValid('envelopeNotificationRequest', call.body);
	});

	it('a warning not before expiry, or a fractional day, is refused before any call', async () => {
		const warn = await runEnvelope({ operation: 'updateNotification', envelopeId: byId(ENVELOPE), expireAfter: 5, expireWarn: 5 });
		expect(warn.error?.message).toBe('Item 1: Warn Before Expiry (5 days) must be less than Expire After (5 days)');
		const fraction = await runEnvelope({ operation: 'updateNotification', envelopeId: byId(ENVELOPE), reminderDelay: '={{ 1.5 }}' });
		expect(fraction.error?.message).toBe('Item 1: First Reminder After: "1.5" is not a whole number of days from 0 to 999');
		expect(calls).toEqual([]);
	});
});
