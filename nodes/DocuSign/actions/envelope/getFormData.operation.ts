import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The envelope whose field values to read: sent, completed, declined or voided (a draft has none). The account must allow senders to download form data.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['getFormData'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `{label: value}` of DocuSign's formDataItem list; a list's chosen entry wins over its raw value. */
export function flattenFormData(items: unknown): IDataObject {
	const values: IDataObject = {};
	for (const item of Array.isArray(items) ? (items as IDataObject[]) : []) {
		const name = String(item.name ?? '').trim();
		if (!name) continue;
		values[name] = (item.listSelectedValue ?? item.value ?? '') as string;
	}
	return values;
}

/** DocuSign writes the recipient times with a capital (SignedTime); older answers do not. */
const pick = (data: IDataObject, key: string) => data[key] ?? data[key.charAt(0).toLowerCase() + key.slice(1)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const formData = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/form_data`, {
		itemIndex,
		action: 'read the form data of the envelope',
	})) as IDataObject;

	const recipients = (Array.isArray(formData.recipientFormData) ? formData.recipientFormData : []) as IDataObject[];
	return [
		{
			json: {
				envelopeId,
				status: formData.status,
				values: flattenFormData(formData.formData),
				recipients: recipients.map((recipient) => ({
					recipientId: recipient.recipientId,
					name: recipient.name,
					email: recipient.email,
					signedTime: pick(recipient, 'SignedTime'),
					values: flattenFormData(recipient.formData),
				})),
				raw: formData,
			},
		},
	];
}
