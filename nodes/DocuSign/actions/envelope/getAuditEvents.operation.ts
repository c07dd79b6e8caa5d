import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { getEnvelopeId, envelopeRLC } from './envelopeLocator';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description: 'The envelope whose history to read: who created, sent, viewed, signed, declined or voided it, when and from where',
		hint: 'DocuSign calls this a resource-intensive request: read the history when you need it, not on a schedule',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['getAuditEvents'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** DocuSign's event field names as n8n fields: logTime, userName, clientIpAddress, envelopeStatus… */
export function readableFieldName(name: string): string {
	const words = name.trim().match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [];
	return words
		.map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
		.join('');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const response = (await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/audit_events`, {
		itemIndex,
		action: 'read the audit events of the envelope',
	})) as IDataObject;

	const events = (Array.isArray(response.auditEvents) ? response.auditEvents : []) as IDataObject[];
	return events.map((event) => {
		const json: IDataObject = { envelopeId };
		for (const field of (Array.isArray(event.eventFields) ? event.eventFields : []) as IDataObject[]) {
			const name = readableFieldName(String(field.name ?? ''));
			if (name) json[name] = field.value ?? '';
		}
		return { json };
	});
}
