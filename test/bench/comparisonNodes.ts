/**
 * Node types the memory benchmark compares the DocuSign node with. They send the same envelope
 * through the same transport, credential and engine, and differ only in how the document travels:
 *
 * - Base64JsonSender: what most integrations do (and DocuSign's SDKs): read the file into a
 *   Buffer, base64 it into `documents[].documentBase64` and send the definition as JSON.
 * - StreamMultipartSender: the same multipart body as the DocuSign node, but as a Node stream
 *   (boundary + n8n's binary stream + closing boundary), to show what streaming costs in n8n 2.41.
 *   Test-only: the package itself may not import node:stream.
 */
import type { IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { Readable } from 'node:stream';

import { apiRequest, resolveAccount } from '../../nodes/DocuSign/transport';

const description = (name: string, displayName: string): INodeTypeDescription => ({
	displayName,
	name,
	group: ['output'],
	version: 1,
	description: 'Memory benchmark comparison node',
	defaults: { name: displayName },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'docuSignOAuth2Api', required: true }],
	properties: [],
});

const definitionFor = (fileName: string) => ({
	emailSubject: 'Please sign',
	status: 'sent',
	recipients: { signers: [{ name: 'Jane Doe', email: 'jane@example.com', recipientId: '1', routingOrder: '1' }] },
	documents: [{ documentId: '1', name: fileName, fileExtension: 'pdf' }],
});

export class Base64JsonSender implements INodeType {
	description = description('base64JsonSender', 'Base64 JSON Sender');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const binary = this.helpers.assertBinaryData(i, 'data');
			const account = await resolveAccount.call(this, i);
			const buffer = await this.helpers.getBinaryDataBuffer(i, 'data');
			const definition = definitionFor(binary.fileName ?? 'document.pdf');
			(definition.documents[0] as Record<string, string>).documentBase64 = buffer.toString('base64');
			const response = await apiRequest.call(this, 'POST', '/envelopes', { body: definition, action: 'create', account, itemIndex: i });
			out.push({ json: response as INodeExecutionData['json'], pairedItem: { item: i } });
		}
		return [out];
	}
}

export class StreamMultipartSender implements INodeType {
	description = description('streamMultipartSender', 'Stream Multipart Sender');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const binary = this.helpers.assertBinaryData(i, 'data');
			const account = await resolveAccount.call(this, i);
			const boundary = 'bench-stream-boundary-0123456789abcdef';
			const head = Buffer.from(
				`--${boundary}\r\nContent-Type: application/json\r\nContent-Disposition: form-data\r\n\r\n${JSON.stringify(definitionFor(binary.fileName ?? 'document.pdf'))}` +
					`\r\n--${boundary}\r\nContent-Type: application/pdf\r\nContent-Disposition: file; filename="document.pdf"; documentid=1\r\n\r\n`,
			);
			const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
			const file = binary.id ? await this.helpers.getBinaryStream(binary.id) : Readable.from([Buffer.from(binary.data, 'base64')]);
			const size = binary.id ? (await this.helpers.getBinaryMetadata(binary.id)).fileSize : Buffer.byteLength(binary.data, 'base64');
			const body = Readable.from(
				(async function* () {
					yield head;
					yield* file;
					yield tail;
				})(),
			);
			const response = await apiRequest.call(this, 'POST', '/envelopes', {
				body: body as unknown as IHttpRequestOptions['body'],
				headers: {
					'Content-Type': `multipart/form-data; boundary=${boundary}`,
					'Content-Length': String(head.length + size + tail.length),
				},
				action: 'create',
				account,
				itemIndex: i,
			});
			out.push({ json: response as INodeExecutionData['json'], pairedItem: { item: i } });
		}
		return [out];
	}
}
