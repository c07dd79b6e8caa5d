import type { IExecuteFunctions, IHttpRequestMethods, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { apiRequest } from '../../nodes/DocuSign/transport';

/** A node that makes one REST call through the transport, as every operation does. */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['output'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'docuSignJwtApi', displayOptions: { show: { authentication: ['jwt'] } } },
			{ name: 'docuSignOAuth2Api', displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			{ displayName: 'Authentication', name: 'authentication', type: 'string', default: 'jwt' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/probe' },
			{ displayName: 'Idempotent', name: 'idempotent', type: 'boolean', default: false },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{
				displayName: 'Request Options',
				name: 'requestOptions',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Max Wait', name: 'maxRateLimitWait', type: 'number', default: 60 }],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
			const body = this.getNodeParameter('body', itemIndex) as string;
			const json = (await apiRequest.call(this, method, this.getNodeParameter('path', itemIndex) as string, {
				action: 'probe',
				itemIndex,
				body: body ? JSON.parse(body) : undefined,
				idempotent: (this.getNodeParameter('idempotent', itemIndex) as boolean) || undefined,
			})) as object;
			out.push({ json: { ...json }, pairedItem: { item: itemIndex } });
		}
		return [out];
	}
}

