import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { answerWithoutRun, readRawBody } from '../helpers/webhookRequest';
import { deliveryKey, rememberDelivery } from './dedupe';
import { asConnectMessage, flattenConnectMessage, parseConnectMessage, type ConnectMessage } from './payload';
import { isSignedByAnyKey, readHmacKeys, signatureHeaderValues } from './signature';

/**
 * One Connect delivery. With signature checks on, nothing unsigned or wrongly signed gets past
 * the first step (401, no execution). Unselected events and DocuSign's retries of an event
 * already taken are answered 200 without an execution, so DocuSign stops sending them.
 */
export async function handleConnectDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const rawBody = await readRawBody(request);

	if (this.getNodeParameter('verifySignature', true) as boolean) {
		const keys = readHmacKeys(await this.getCredentials<ICredentialDataDecryptedObject>('docuSignConnectHmacApi'));
		const signatures = signatureHeaderValues(request.headers);
		if (!rawBody || !isSignedByAnyKey(rawBody, signatures, keys)) {
			return answerWithoutRun(this, 401, 'Unauthorized: missing or invalid X-DocuSign-Signature');
		}
	}

	let message: ConnectMessage | undefined;
	if (rawBody) message = parseConnectMessage(rawBody);
	else message = asConnectMessage(this.getBodyData());
	if (!message) {
		const expected = 'Expected a DocuSign Connect JSON message (data format REST v2.1, JSON, one message per event)';
		return answerWithoutRun(this, 400, expected);
	}

	const events = this.getNodeParameter('events', []) as string[];
	if (!events.includes(message.event)) return {};

	const key = deliveryKey(message);
	// Test listening gets its own memory, so an event production already took still shows up there.
	const scope = [this.getWorkflow().id, this.getNode().id, this.getMode() === 'manual' ? 'test' : 'live'].join('|');
	if (key && !rememberDelivery(this.getWorkflowStaticData('node') as IDataObject, scope, key)) return {};

	return { workflowData: [[{ json: flattenConnectMessage(message) }]] };
}
