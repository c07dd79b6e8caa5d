import { randomBytes } from 'crypto';
import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/itemErrors';

/** One document of the envelope: the n8n binary property it comes from and its DocuSign metadata. */
export interface DocumentUpload {
	documentId: string;
	/** Name recipients see. */
	name: string;
	fileExtension: string;
	/** File name and type for the multipart part. */
	fileName: string;
	mimeType: string;
	/** Exact size in bytes. */
	size: number;
	binaryPropertyName: string;
	binary: IBinaryData;
	where: string;
}

// Types DocuSign converts to PDF, for binaries whose file name has no extension.
const EXTENSION_BY_MIME: Record<string, string> = {
	'application/pdf': 'pdf',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
	'application/rtf': 'rtf',
	'text/rtf': 'rtf',
	'text/plain': 'txt',
	'text/html': 'html',
	'text/csv': 'csv',
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/gif': 'gif',
	'image/tiff': 'tif',
	'image/bmp': 'bmp',
};

function extensionOf(binary: IBinaryData): string | undefined {
	const fromField = typeof binary.fileExtension === 'string' ? binary.fileExtension.replace(/^\./, '').trim() : '';
	if (fromField) return fromField.toLowerCase();
	const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(binary.fileName ?? '')?.[1];
	if (fromName) return fromName.toLowerCase();
	return EXTENSION_BY_MIME[(binary.mimeType ?? '').split(';')[0].trim().toLowerCase()];
}

async function sizeOf(context: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	if (binary.id) {
		if (typeof binary.bytes === 'number' && Number.isFinite(binary.bytes)) return binary.bytes;
		return (await context.helpers.getBinaryMetadata(binary.id)).fileSize;
	}
	return Buffer.byteLength(binary.data ?? '', 'base64');
}

/**
 * Reads the Documents collection of an item and checks every file exists and is not empty,
 * without loading any file content yet.
 */
export async function collectDocuments(this: IExecuteFunctions, itemIndex: number): Promise<DocumentUpload[]> {
	const entries = this.getNodeParameter('documents.document', itemIndex, []) as IDataObject[];
	if (!entries.length) {
		throw inputError(
			this,
			itemIndex,
			'the envelope has no document',
			'Add a document under Documents and enter the name of the input binary field that holds the file (often "data").',
		);
	}
	const documents: DocumentUpload[] = [];
	for (const [index, entry] of entries.entries()) {
		const documentId = String(index + 1);
		documents.push(
			await readDocumentUpload.call(this, itemIndex, {
				binaryPropertyName: String(entry.binaryPropertyName ?? '').trim(),
				name: String(entry.name ?? '').trim(),
				documentId,
				where: `Document ${index + 1}`,
			}),
		);
	}
	return documents;
}

/**
 * One document from an input binary field, checked (field exists, not empty, known file type)
 * without loading its content. `where` names it in errors ("Document 2").
 */
export async function readDocumentUpload(
	this: IExecuteFunctions,
	itemIndex: number,
	entry: { binaryPropertyName: string; name: string; documentId: string; where: string },
): Promise<DocumentUpload> {
	const { binaryPropertyName, documentId, where } = entry;
	const itemBinary = this.getInputData()[itemIndex]?.binary ?? {};
	const available = Object.keys(itemBinary);
	if (!binaryPropertyName) {
		throw inputError(
			this,
			itemIndex,
			`${where} has no input binary field`,
			'Enter the name of the binary field of the input item that holds the file, often "data".',
		);
	}
	const binary = itemBinary[binaryPropertyName];
	if (!binary) {
		throw inputError(
			this,
			itemIndex,
			`${where}: the input item has no binary field "${binaryPropertyName}"`,
			available.length
				? `The item's binary fields are: ${available.map((name) => `"${name}"`).join(', ')}. Enter one of these in Input Binary Field.`
				: 'The item has no binary data at all. Put a node that reads or downloads the file (Read/Write Files from Disk, HTTP Request, Google Drive…) before this one.',
		);
	}
	const size = await sizeOf(this, binary);
	const label = binary.fileName ? `"${binary.fileName}" (binary field "${binaryPropertyName}")` : `binary field "${binaryPropertyName}"`;
	if (!size) {
		throw inputError(
			this,
			itemIndex,
			`${where}: the file in ${label} is empty`,
			'DocuSign cannot send an empty document. Check the node that produced the file.',
		);
	}
	const fileExtension = extensionOf(binary);
	if (!fileExtension) {
		throw inputError(
			this,
			itemIndex,
			`${where}: cannot tell the file type of ${label}`,
			'DocuSign needs the file type. Give the file a name with an extension (such as contract.pdf) or a MIME type such as application/pdf in the node that produced it.',
		);
	}
	return {
		documentId,
		name: entry.name || binary.fileName || `Document ${documentId}.${fileExtension}`,
		fileExtension,
		fileName: binary.fileName || `document${documentId}.${fileExtension}`,
		mimeType: binary.mimeType || 'application/octet-stream',
		size,
		binaryPropertyName,
		binary,
		where,
	};
}

/** A document's bytes in one Buffer of its exact size (for the single-document upload). */
export async function readDocumentBytes(this: IExecuteFunctions, itemIndex: number, document: DocumentUpload): Promise<Buffer> {
	const body = Buffer.alloc(document.size);
	await readExactly.call(this, itemIndex, document, body, 0);
	return body;
}

/** The `documents` of the envelope definition: metadata only, the bytes travel as multipart parts. */
export function documentDefinitions(documents: DocumentUpload[]): IDataObject[] {
	return documents.map(({ documentId, name, fileExtension }) => ({ documentId, name, fileExtension }));
}

/** A value safe inside a quoted header parameter (Content-Disposition file names). */
export const headerSafe = (value: string): string => value.replace(/[^\x20-\x7e]|["\\]/g, '_');

/**
 * The multipart/form-data body DocuSign's envelope upload reads: the JSON definition first, then
 * one part per document (`Content-Disposition: file; filename="…"; documentid=N`).
 *
 * Built as one Buffer of the exact size, into which each file is streamed (binary data on disk or
 * in a database) or base64-decoded (binary data in memory) once. n8n's HTTP client keeps a request
 * body in memory until the response anyway (to follow redirects), so this costs no more than a
 * stream would, and unlike a stream it can be sent again when n8n retries after refreshing the token.
 */
export async function buildMultipartBody(
	this: IExecuteFunctions,
	itemIndex: number,
	definition: IDataObject,
	documents: DocumentUpload[],
): Promise<{ body: Buffer; contentType: string }> {
	const boundary = `n8n-docusign-${randomBytes(16).toString('hex')}`;
	const head = Buffer.from(
		`--${boundary}\r\nContent-Type: application/json\r\nContent-Disposition: form-data\r\n\r\n${JSON.stringify(definition)}`,
		'utf8',
	);
	const partHeads = documents.map((document) =>
		Buffer.from(
			`\r\n--${boundary}\r\nContent-Type: ${headerSafe(document.mimeType)}\r\n` +
				`Content-Disposition: file; filename="${headerSafe(document.fileName)}"; documentid=${document.documentId}\r\n\r\n`,
			'latin1',
		),
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1');
	const total =
		head.length + tail.length + partHeads.reduce((sum, part) => sum + part.length, 0) + documents.reduce((sum, d) => sum + d.size, 0);

	const body = Buffer.alloc(total);
	let offset = head.copy(body, 0);
	for (const [index, document] of documents.entries()) {
		offset += partHeads[index].copy(body, offset);
		offset += await readExactly.call(this, itemIndex, document, body, offset);
	}
	tail.copy(body, offset);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Copies a document's bytes into `target` at `offset`; a file that is not the size it claims is an error. */
async function readExactly(this: IExecuteFunctions, itemIndex: number, document: DocumentUpload, target: Buffer, offset: number): Promise<number> {
	const read = await readInto.call(this, document, target, offset);
	if (read !== document.size) {
		throw inputError(
			this,
			itemIndex,
			`${document.where}: read ${read} bytes from binary field "${document.binaryPropertyName}", but it says it holds ${document.size}`,
			'The binary data changed or is damaged. Run the node that produced the file again.',
		);
	}
	return read;
}

/** Copies a document's bytes into `target` at `offset`; returns how many there were (at most its size). */
async function readInto(this: IExecuteFunctions, document: DocumentUpload, target: Buffer, offset: number): Promise<number> {
	const { binary, size } = document;
	if (!binary.id) return target.write(binary.data, offset, size, 'base64');
	const stream = await this.helpers.getBinaryStream(binary.id);
	let read = 0;
	for await (const chunk of stream) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
		if (read + bytes.length > size) {
			stream.destroy();
			return read + bytes.length;
		}
		read += bytes.copy(target, offset + read);
	}
	return read;
}
