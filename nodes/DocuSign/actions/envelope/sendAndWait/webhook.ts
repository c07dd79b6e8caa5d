import type { ICredentialDataDecryptedObject, IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isGuid } from '../../../helpers/guid';
import { answerWithoutRun, readRawBody } from '../../../helpers/webhookRequest';
import { asConnectMessage, parseConnectMessage, type ConnectMessage } from '../../../trigger/payload';
import { isSignedByAnyKey, readHmacKeys, signatureHeaderValues } from '../../../trigger/signature';
import { clock } from '../../../transport';
import { completionJson, downloadCompletedDocuments, envelopeIdOf, isAboutEnvelope, pairedToInput } from './output';
import { finalStatusOf, TERMINAL_EVENTS, verifiedResumeState } from './resume';

export const HMAC_CREDENTIAL = 'docuSignConnectHmacApi';

/**
 * DocuSign calling the resume URL of a waiting Send and Wait for Completion. Only a call with
 * this execution's signed URL, and, with a Connect HMAC credential, a valid
 * X-DocuSign-Signature-N over the raw body, about the envelope this execution created, gets
 * further (else 401, still waiting). An event that does not end the wait is answered 200 and
 * the execution keeps waiting; completed, declined or voided resume it with the outcome.
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = verifiedResumeState(this);
	if (!state) return answerWithoutRun(this, 401, 'Unauthorized: not the resume URL of a waiting DocuSign envelope');

	const request = this.getRequestObject();
	const rawBody = await readRawBody(request);
	if (this.getNode().credentials?.[HMAC_CREDENTIAL]) {
		const keys = readHmacKeys(await this.getCredentials<ICredentialDataDecryptedObject>(HMAC_CREDENTIAL));
		if (!rawBody || !isSignedByAnyKey(rawBody, signatureHeaderValues(request.headers), keys)) {
			return answerWithoutRun(this, 401, 'Unauthorized: missing or invalid X-DocuSign-Signature');
		}
	}

	const message: ConnectMessage | undefined = rawBody ? parseConnectMessage(rawBody) : asConnectMessage(this.getBodyData());
	if (!message) {
		return answerWithoutRun(this, 400, 'Expected a DocuSign Connect JSON message (data format REST v2.1, JSON)');
	}
	if (!isAboutEnvelope(message, state, clock.now())) {
		return answerWithoutRun(this, 401, 'Unauthorized: the event is not about the envelope this execution waits for');
	}
	const envelopeId = envelopeIdOf(message);
	if (!isGuid(envelopeId)) return answerWithoutRun(this, 400, 'The event names no envelope ID');

	const status = finalStatusOf(message.event);
	if (!status) {
		return {
			webhookResponse: {
				message: `Received ${message.event.slice(0, 60)}; still waiting for ${Object.keys(TERMINAL_EVENTS).join(', ')}`,
			},
		};
	}

	const item = pairedToInput(completionJson(message, status));
	if (!state.downloadDocuments || status !== 'completed') return { workflowData: [[item]] };

	// DocuSign wants the acknowledgement within seconds and sends the event again otherwise; two
	// large PDFs take longer. So DocuSign gets its 200 first, then the documents are fetched and
	// the execution resumes with them (n8n runs it with these items after webhook() returns).
	answerNow(this);
	try {
		item.binary = await downloadCompletedDocuments.call(this, envelopeId, String(message.data?.accountId ?? ''));
	} catch (error) {
		// DocuSign has its answer and will not send the event again: resume with the outcome and say
		// why the documents are missing, rather than leave the execution waiting for ever.
		item.json.documentsError = documentsErrorOf(error);
	}
	return { noWebhookResponse: true, workflowData: [[item]] };
}

/** The answer n8n gives a call that resumes an execution, sent before the node's slow work. */
function answerNow(context: IWebhookFunctions): void {
	const response = context.getResponseObject();
	response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ message: 'Workflow was started' }));
}

function documentsErrorOf(error: unknown): IDataObject {
	const { message, description } = error as { message?: string; description?: string | null };
	return {
		message: message ?? 'The completed documents could not be downloaded',
		description: `${description ? `${description} ` : ''}The envelope is completed; download its documents with Envelope → Download Document.`,
	};
}
