import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { listCustomFields } from './customFields';

// No parameters: the account comes from the credential.
const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['envelope'], operation: ['getAccountCustomFields'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fields = (await apiRequest.call(this, 'GET', '/custom_fields', {
		itemIndex,
		action: 'read the account\'s envelope custom fields',
	})) as IDataObject;
	return listCustomFields(fields ?? {}).map((field) => ({ json: field }));
}
