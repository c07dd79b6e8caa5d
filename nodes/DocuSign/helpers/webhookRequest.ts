import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

type WebhookRequest = ReturnType<IWebhookFunctions['getRequestObject']>;

/** The request body exactly as received; n8n keeps it as `rawBody` when it parses the body. */
export async function readRawBody(request: WebhookRequest): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		await request.readRawBody();
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/**
 * Answers the call directly (plain Node API, which express' response extends) and starts or
 * resumes nothing: for refusals and for events that are taken without a run.
 */
export function answerWithoutRun(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}
