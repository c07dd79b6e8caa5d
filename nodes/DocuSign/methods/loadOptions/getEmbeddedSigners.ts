import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { describeRecipient, listRecipients } from '../../actions/envelope/envelopeData';
import { parseEnvelopeId } from '../../actions/envelope/envelopeLocator';
import { apiRequest } from '../../transport';

/**
 * The recipients of the chosen envelope that can sign embedded: those with a client user ID.
 * Empty while the envelope is an expression.
 */
export async function getEmbeddedSigners(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelopeId = parseEnvelopeId(this.getCurrentNodeParameter('envelopeId'));
	if (!envelopeId) return [];
	const recipients = await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/recipients`, {
		action: 'list the recipients of the envelope',
	});
	return listRecipients(recipients)
		.filter((recipient) => recipient.clientUserId !== undefined)
		.map((recipient) => ({
			name: `${recipient.name || recipient.email || '(no name)'} (recipient ${recipient.recipientId})`,
			value: recipient.recipientId,
			description: describeRecipient(recipient),
		}));
}
