/**
 * Envelope → Download Document in n8n's real engine: the GET it makes, the bytes in n8n binary data
 * with file name and MIME type, and the document dropdown (real load-options context).
 */
import {
	ENVELOPE,
	byId,
	calls,
	installNockHooks,
	json,
	loadOptionsContext,
	mockApi,
	mockUserinfo,
	runEnvelope,
} from './envelopeKit';

import type { INodeExecutionData } from 'n8n-workflow';

import { getEnvelopeDocuments } from '../../../nodes/DocuSign/methods/loadOptions/getEnvelopeDocuments';

installNockHooks();

const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`, 'latin1');
const zip = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(40, 1)]);

const bytesOf = (item: INodeExecutionData, field = 'data') => Buffer.from(item.binary![field].data, 'base64');

describe('Envelope → Download Document', () => {
	it('certificate: <envelopeId>_certificate.pdf, application/pdf, bytes unchanged', async () => {
		mockUserinfo();
		const bytes = pdf('certificate');
		mockApi('GET', `/envelopes/${ENVELOPE}/documents/certificate`, [
			200,
			bytes,
			{ 'Content-Type': 'application/pdf', 'Content-Disposition': 'file; filename="Summary.pdf"; documentid="certificate"' },
		]);

		const result = await runEnvelope({ operation: 'downloadDocument', envelopeId: byId(ENVELOPE), documentId: 'certificate' });

		expect(result.error).toBeUndefined();
		expect(calls).toEqual([
			{ method: 'GET', path: `/envelopes/${ENVELOPE}/documents/certificate`, query: {}, body: undefined },
		]);
		const [item] = result.outputOf('DocuSign');
		expect(item.json).toEqual({
			envelopeId: ENVELOPE,
			documentId: 'certificate',
			fileName: `${ENVELOPE}_certificate.pdf`,
			mimeType: 'application/pdf',
			fileSize: bytes.length,
		});
		expect(item.binary!.data).toMatchObject({
			fileName: `${ENVELOPE}_certificate.pdf`,
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
		});
		expect(bytesOf(item).equals(bytes)).toBe(true);
	});

	it('combined with the certificate option sends certificate=false and names the file _combined.pdf', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/documents/combined`, [200, pdf('combined'), { 'Content-Type': 'application/pdf' }]);

		const result = await runEnvelope({
			operation: 'downloadDocument',
			envelopeId: byId(ENVELOPE),
			documentId: 'combined',
			options: { certificate: false },
		});

		expect(result.error).toBeUndefined();
		expect(calls[0].query).toEqual({ certificate: 'false' });
		expect(json(result)[0].fileName).toBe(`${ENVELOPE}_combined.pdf`);
	});

	it('archive: application/zip into the chosen binary field, keeping the item\'s other binaries', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/documents/archive`, [
			200,
			zip,
			{ 'Content-Type': 'application/zip', 'Content-Disposition': `file; filename="${ENVELOPE}.zip"` },
		]);

		const result = await runEnvelope(
			{ operation: 'downloadDocument', envelopeId: byId(ENVELOPE), documentId: 'archive', binaryPropertyName: 'signed' },
			{
				inputItems: [
					{ json: {}, binary: { cert: { data: Buffer.from('x').toString('base64'), mimeType: 'text/plain', fileName: 'x.txt' } } },
				],
			},
		);

		expect(result.error).toBeUndefined();
		const [item] = result.outputOf('DocuSign');
		expect(Object.keys(item.binary!).sort()).toEqual(['cert', 'signed']);
		expect(item.binary!.signed).toMatchObject({ fileName: `${ENVELOPE}_archive.zip`, mimeType: 'application/zip' });
		expect(bytesOf(item, 'signed').equals(zip)).toBe(true);
		expect(calls[0].query).toEqual({});
	});

	it('one document by ID: named after the document, as a PDF (DocuSign converts uploads)', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/documents/2`, [
			200,
			pdf('document 2'),
			{ 'Content-Type': 'application/pdf', 'Content-Disposition': 'file; filename="Price list.docx"; documentid="2"' },
		]);

		const result = await runEnvelope({ operation: 'downloadDocument', envelopeId: byId(ENVELOPE), documentId: '2' });

		expect(result.error).toBeUndefined();
		expect(json(result)[0]).toMatchObject({ documentId: '2', fileName: 'Price list.pdf', mimeType: 'application/pdf' });
	});

	it('a custom File Name wins, and a document with no name falls back to <envelopeId>_document_<id>.pdf', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/documents/1`, [200, pdf('one'), { 'Content-Type': 'application/pdf' }]);
		mockApi('GET', `/envelopes/${ENVELOPE}/documents/1`, [200, pdf('one'), { 'Content-Type': 'application/octet-stream' }]);

		const named = await runEnvelope({
			operation: 'downloadDocument',
			envelopeId: byId(ENVELOPE),
			documentId: '1',
			options: { fileName: 'acme/contract:signed.pdf' },
		});
		const unnamed = await runEnvelope({ operation: 'downloadDocument', envelopeId: byId(ENVELOPE), documentId: '1' });

		expect(json(named)[0].fileName).toBe('acme_contract_signed.pdf');
		expect(json(unnamed)[0]).toMatchObject({ fileName: `${ENVELOPE}_document_1.pdf`, mimeType: 'application/pdf' });
	});

	it('rejects a document ID that is not one before calling DocuSign', async () => {
		const result = await runEnvelope({
			operation: 'downloadDocument',
			envelopeId: byId(ENVELOPE),
			documentId: '={{ "../../templates" }}',
		});

		expect(result.error?.message).toBe('Document: "../../templates" is not a document ID');
		expect(calls).toEqual([]);
	});

	it('a DocuSign error on a byte download still names the error code', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/documents/7`, [
			400,
			{ errorCode: 'DOCUMENT_DOES_NOT_EXIST', message: 'The document specified was not found.' },
		]);

		const result = await runEnvelope({ operation: 'downloadDocument', envelopeId: byId(ENVELOPE), documentId: '7' });

		expect(result.error?.message).toBe(
			'DocuSign could not download document 7 of the envelope: DOCUMENT_DOES_NOT_EXIST – The document specified was not found.',
		);
	});
});

describe('Download Document dropdown (getEnvelopeDocuments)', () => {
	it('offers combined, certificate and archive, then the envelope\'s documents without the summary', async () => {
		mockUserinfo();
		mockApi('GET', `/envelopes/${ENVELOPE}/documents`, [
			200,
			{
				envelopeId: ENVELOPE,
				envelopeDocuments: [
					{ documentId: '1', name: 'Contract.pdf', type: 'content', order: '1', pages: [{}, {}, {}] },
					{ documentId: '2', name: 'Price list', type: 'content', order: '2' },
					{ documentId: 'certificate', name: 'Summary', type: 'summary', order: '999' },
				],
			},
		]);
		const context = await loadOptionsContext({ operation: 'downloadDocument', envelopeId: byId(ENVELOPE) });

		const options = await getEnvelopeDocuments.call(context);

		expect(calls.map((call) => call.path)).toEqual([`/envelopes/${ENVELOPE}/documents`]);
		expect(options.map((option) => [option.name, option.value])).toEqual([
			['Combined PDF (All Documents)', 'combined'],
			['Certificate of Completion', 'certificate'],
			['Archive (ZIP)', 'archive'],
			['Contract.pdf', '1'],
			['Price list', '2'],
		]);
		expect(options[3].description).toBe('Document 1 of the envelope, as a PDF, 3 pages');
	});

	it('with the envelope as an expression, offers the three fixed downloads without calling DocuSign', async () => {
		const context = await loadOptionsContext({
			operation: 'downloadDocument',
			envelopeId: byId('={{ $json.envelopeId }}'),
		});

		const options = await getEnvelopeDocuments.call(context);

		expect(options.map((option) => option.value)).toEqual(['combined', 'certificate', 'archive']);
		expect(calls).toEqual([]);
	});
});
