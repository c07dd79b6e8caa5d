/**
 * Send and Wait for Completion in n8n-core's real engine with waiting executions
 * (../../engine/waitingExecutions.ts): the DocuSign node, a pass-through node after it (to see the
 * execution go on), DocuSign Connect messages as DocuSign sends them, and calls of the resume URL.
 */
import { startWaitingHost, type WaitingExecution, type WaitingHost } from '../../engine/waitingExecutions';

import { createHmac } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { DocuSignConnectHmacApi } from '../../../credentials/DocuSignConnectHmacApi.credentials';
import { DocuSignJwtApi } from '../../../credentials/DocuSignJwtApi.credentials';
import { DocuSignOAuth2Api } from '../../../credentials/DocuSignOAuth2Api.credentials';
import { DocuSign } from '../../../nodes/DocuSign/DocuSign.node';
import { NODE_TYPE } from '../kit';

export const NODE_ID = '9d3c1e2a-5b4f-4a6e-8c7d-0e1f2a3b4c5d';
export const AFTER_TYPE = 'test.after';
export const HMAC_CREDENTIAL = { id: 'connect-hmac', name: 'Connect keys' };

/** A node that passes its input on, to show that the execution continued after DocuSign. */
const afterNode: INodeType = {
	description: {
		displayName: 'After',
		name: 'after',
		group: ['transform'],
		version: 1,
		description: 'Passes items on',
		defaults: { name: 'After' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	},
};

export function after(): INode {
	return { id: 'after', name: 'After', type: AFTER_TYPE, typeVersion: 1, position: [400, 0], parameters: {} };
}

export let host: WaitingHost;

/** One waiting host (loopback server on /webhook-waiting) for the test file. */
export function useWaitingHost(): void {
	beforeAll(async () => {
		host = await startWaitingHost({
			nodeTypes: { [NODE_TYPE]: new DocuSign(), [AFTER_TYPE]: afterNode },
			credentialTypes: [new DocuSignOAuth2Api(), new DocuSignJwtApi(), new DocuSignConnectHmacApi()],
		});
	});
	afterAll(async () => {
		await host.close();
	});
	beforeEach(() => {
		host.calls.length = 0;
		host.n8nChecksResume = true;
	});
}

/** The DocuSign node with operation Send and Wait for Completion. */
export function sendAndWaitNode(
	parameters: INodeParameters,
	credentials: INode['credentials'],
	extra: Partial<INode> = {},
): INode {
	return {
		id: NODE_ID,
		name: 'DocuSign',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: { resource: 'envelope', operation: 'sendAndWait', ...parameters },
		credentials,
		...extra,
	};
}

export const connections = (withAfter: boolean) => ({
	Start: { main: [[{ node: 'DocuSign', type: 'main' as const, index: 0 }]] },
	...(withAfter ? { DocuSign: { main: [[{ node: 'After', type: 'main' as const, index: 0 }]] } } : {}),
});

export interface EventEnvelope {
	envelopeId: string;
	accountId: string;
	marker: string;
	status: string;
	emailSubject?: string;
	recipients?: IDataObject;
	extra?: IDataObject;
}

/** A Connect 2.0 JSON SIM message (connect.schema-v2.json) with recipients and custom fields. */
export function connectMessage(event: string, envelope: EventEnvelope): IDataObject {
	return {
		event,
		apiVersion: 'v2.1',
		uri: `/restapi/v2.1/accounts/${envelope.accountId}/envelopes/${envelope.envelopeId}`,
		retryCount: 0,
		configurationId: 0,
		generatedDateTime: '2025-01-03T10:00:01.1230000Z',
		data: {
			accountId: envelope.accountId,
			userId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
			recipientId: '',
			envelopeId: envelope.envelopeId,
			envelopeSummary: {
				transactionId: envelope.marker,
				status: envelope.status,
				envelopeId: envelope.envelopeId,
				emailSubject: envelope.emailSubject ?? 'Please sign: Service Agreement',
				sentDateTime: '2025-01-02T03:04:05.0000000Z',
				statusChangedDateTime: '2025-01-03T10:00:00.0000000Z',
				recipients: envelope.recipients ?? { signers: [], carbonCopies: [] },
				customFields: {
					textCustomFields: [{ fieldId: '1', name: 'Cost Center', value: 'CC-100', show: 'true', required: 'false' }],
					listCustomFields: [],
				},
				...envelope.extra,
			},
		},
	};
}

export const signatureOf = (body: string, key: string) => createHmac('sha256', key).update(Buffer.from(body, 'utf8')).digest('base64');

export interface CallAnswer {
	status: number;
	text: string;
}

/** POSTs a body (sent byte for byte) to a URL, as DocuSign does. */
export async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<CallAnswer> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
		body,
	});
	return { status: response.status, text: await response.text() };
}

/** POSTs a Connect message, signed with the key (none: unsigned), and waits for any run it started. */
export async function deliver(
	execution: WaitingExecution,
	url: string,
	message: IDataObject,
	key?: string,
): Promise<CallAnswer> {
	const body = JSON.stringify(message);
	const answer = await post(url, body, key ? { 'X-DocuSign-Signature-1': signatureOf(body, key) } : {});
	// The node may answer first and work on (documents) before the execution resumes.
	await host.handled();
	await execution.settled();
	return answer;
}

/** The resume URL the create request gave DocuSign, and the marker it carries. */
export function resumeUrlOf(definition: IDataObject): { url: string; marker: string; signature: string } {
	const url = String((definition.eventNotification as IDataObject).url);
	const parsed = new URL(url);
	return { url, marker: parsed.searchParams.get('envelope') ?? '', signature: parsed.searchParams.get('signature') ?? '' };
}

/** The resume URL with one query parameter changed (or removed with undefined). */
export function tamper(url: string, name: string, value: string | undefined): string {
	const parsed = new URL(url);
	if (value === undefined) parsed.searchParams.delete(name);
	else parsed.searchParams.set(name, value);
	return parsed.toString();
}
