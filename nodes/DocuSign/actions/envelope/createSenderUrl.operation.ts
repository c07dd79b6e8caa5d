import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';
import { readReturnUrl, returnUrlProperty } from './views';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The draft envelope to open in DocuSign\'s sending screen, where the sender can add fields, change recipients and send. Create it with Status "Save as Draft".',
	},
	{
		...returnUrlProperty,
		placeholder: 'e.g. https://example.com/envelope/prepared',
		description:
			'Where DocuSign sends the sender afterwards, with an event parameter added (e.g. ?event=Send or ?event=Save). Up to 470 characters.',
		hint: 'The link opens a signed-in DocuSign session as the connected user: give it only to people allowed to send for that account. It works once, for a few minutes.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['createSenderUrl'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const returnUrl = readReturnUrl.call(this, itemIndex);
	const view = (await apiRequest.call(this, 'POST', `/envelopes/${envelopeId}/views/sender`, {
		body: { returnUrl },
		itemIndex,
		action: 'create the sender view URL',
	})) as IDataObject;
	return [{ json: { envelopeId, url: view.url, returnUrl } }];
}
