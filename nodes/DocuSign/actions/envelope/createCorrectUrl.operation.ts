import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';
import { readReturnUrl, returnUrlProperty } from './views';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The sent envelope to correct in DocuSign\'s correction screen: change recipients, documents or fields of an envelope that is not completed yet',
	},
	{
		...returnUrlProperty,
		placeholder: 'e.g. https://example.com/envelope/corrected',
		description:
			'Where DocuSign sends the sender afterwards, with an event parameter added (send, save, cancel, error or sessionEnd). Up to 470 characters.',
		hint: 'The link opens a signed-in DocuSign session as the connected user: give it only to people allowed to send for that account. It works once, for a few minutes.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['createCorrectUrl'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const returnUrl = readReturnUrl.call(this, itemIndex);
	const view = (await apiRequest.call(this, 'POST', `/envelopes/${envelopeId}/views/correct`, {
		body: { returnUrl },
		itemIndex,
		action: 'create the correction view URL',
	})) as IDataObject;
	return [{ json: { envelopeId, url: view.url, returnUrl } }];
}
