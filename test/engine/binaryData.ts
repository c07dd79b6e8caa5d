/**
 * Binary data for engine runs, both ways n8n keeps it:
 *
 * - in memory (`N8N_DEFAULT_BINARY_DATA_MODE=default`, and the harness's default): the item
 *   carries the file as base64 in `binary.<field>.data`;
 * - in n8n's binary data store (`filesystem`, n8n 2.x's default in regular mode): the item carries
 *   an `id` and n8n-core's BinaryDataService reads the file from disk (`getBinaryStream`,
 *   `getBinaryDataBuffer`, `getBinaryMetadata`).
 *
 * The service must be the instance of the dependency container n8n-core itself uses (n8n-core has
 * its own copy of @n8n/di), so it is looked up through n8n-core.
 */
import './setup-env';

import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';
import type { Readable } from 'node:stream';

interface Container {
	get<T>(type: new (...args: never[]) => T): T;
}

const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] })) as {
	Container: Container;
};

let ready: Promise<BinaryDataService> | undefined;

/** n8n-core's BinaryDataService in filesystem mode, under the harness's N8N_USER_FOLDER. */
export async function filesystemBinaryData(): Promise<BinaryDataService> {
	ready ??= (async () => {
		const service = Container.get(BinaryDataService);
		await service.init();
		return service;
	})();
	return await ready;
}

export interface FileMeta {
	fileName?: string;
	mimeType: string;
	fileExtension?: string;
}

/** A binary item field that carries the file itself, base64 encoded (memory mode). */
export function memoryBinary(bytes: Buffer, meta: FileMeta): IBinaryData {
	return { data: bytes.toString('base64'), ...meta, fileSize: `${bytes.length} B` };
}

/** A binary item field that points at a file in n8n's filesystem store, like n8n 2.x items do. */
export async function storedBinary(content: Buffer | Readable, meta: FileMeta, executionId = 'test'): Promise<IBinaryData> {
	const service = await filesystemBinaryData();
	return await service.store(
		{ type: 'execution', workflowId: 'engine-test-workflow', executionId },
		content,
		{ data: '', ...meta } as IBinaryData,
	);
}
