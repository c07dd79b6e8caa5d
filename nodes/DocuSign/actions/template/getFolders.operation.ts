import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fetchTemplateFolders } from './templateFolders';

const properties: INodeProperties[] = [
	{
		displayName: 'Include Folders Shared With Me',
		name: 'includeShared',
		type: 'boolean',
		default: true,
		description: 'Whether to list the template folders other users share with you as well as your own',
	},
];

const displayOptions = { show: { resource: ['template'], operation: ['getFolders'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const includeShared = this.getNodeParameter('includeShared', itemIndex, true) as boolean;
	const folders = await fetchTemplateFolders.call(this, { includeShared, itemIndex });
	return folders.map((folder) => ({ json: { ...folder } }));
}
