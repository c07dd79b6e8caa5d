import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { describeRecipient, listRecipients } from '../../actions/envelope/envelopeData';
import { parseEnvelopeId } from '../../actions/envelope/envelopeLocator';
import { RECIPIENT_GROUPS } from '../../helpers/recipients';
import { apiRequest } from '../../transport';

/** The recipients of the chosen envelope, by recipient ID; empty while the envelope is an expression. */
export async function getEnvelopeRecipients(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const envelopeId = parseEnvelopeId(this.getCurrentNodeParameter('envelopeId'));
	if (!envelopeId) return [];
	const recipients = await apiRequest.call(this, 'GET', `/envelopes/${envelopeId}/recipients`, {
		action: 'list the recipients of the envelope',
	});
	return listRecipients(recipients).map((recipient) => ({
		name: `${recipient.name || recipient.email || '(no name)'} (${RECIPIENT_GROUPS[recipient.group]} ${recipient.recipientId})`,
		value: recipient.recipientId,
		description: describeRecipient(recipient),
	}));
}
