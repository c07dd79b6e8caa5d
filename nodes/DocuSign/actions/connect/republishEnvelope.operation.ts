import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { envelopeRLC, getEnvelopeId } from '../envelope/envelopeLocator';
import { asConnectAdmin } from './adminErrors';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			"The envelope whose Connect messages DocuSign sends again to the account's Connect configurations, e.g. one from Get Delivery Failures (its envelopeId) after the receiving end was fixed",
	},
];

const displayOptions = { show: { resource: ['connect'], operation: ['republishEnvelope'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const action = `republish the Connect events of envelope ${envelopeId}`;
	const response = (await asConnectAdmin(this, itemIndex, action, async () =>
		await apiRequest.call(this, 'PUT', `/connect/envelopes/${envelopeId}/retry_queue`, {
			itemIndex,
			action,
			// Republishing twice only delivers the envelope's current status twice.
			idempotent: true,
		}),
	)) as IDataObject;
	const retryQueue = Array.isArray(response.retryQueue) ? (response.retryQueue as IDataObject[]) : [];
	return [{ json: { envelopeId, republished: retryQueue.length, retryQueue } }];
}
