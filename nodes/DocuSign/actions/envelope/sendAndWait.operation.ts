import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, SEND_AND_WAIT_OPERATION, updateDisplayOptions } from 'n8n-workflow';

import { requireHttpsListener } from '../../helpers/httpsListener';
import { errorItem } from '../../helpers/itemErrors';
import { clock, envelopeMarker, resolveAccount } from '../../transport';
import { hmacKeysProblem, readHmacKeys } from '../../trigger/signature';
import { createEnvelope } from './shared/createEnvelope';
import { createFieldsFor, sourceField, waitNotice, waitOptions, type Source } from './sendAndWait/description';
import { prepareEnvelope } from './sendAndWait/definition';
import { pairedToInput, timeoutJson } from './sendAndWait/output';
import { resumeNotification, signedResumeUrl, TERMINAL_EVENTS } from './sendAndWait/resume';
import { readWaitTill } from './sendAndWait/waitLimit';
import { forwardWhenWaitLimitPasses } from './sendAndWait/waitingState';
import { HMAC_CREDENTIAL } from './sendAndWait/webhook';

export { webhooks } from './sendAndWait/description';
export { sendAndWaitWebhook as webhook } from './sendAndWait/webhook';

const displayOptions = { show: { resource: ['envelope'], operation: [SEND_AND_WAIT_OPERATION] } };

export const description: INodeProperties[] = [
	...updateDisplayOptions(displayOptions, [sourceField]),
	...createFieldsFor('documents'),
	...createFieldsFor('template'),
	...updateDisplayOptions(displayOptions, [waitOptions, waitNotice]),
];

/** The HMAC keys DocuSign signs with, when the node has a Connect HMAC credential; checked before any call. */
async function readSigningKeys(context: IExecuteFunctions): Promise<string[]> {
	if (!context.getNode().credentials?.[HMAC_CREDENTIAL]) return [];
	const keys = readHmacKeys(await context.getCredentials<ICredentialDataDecryptedObject>(HMAC_CREDENTIAL));
	const problem = hmacKeysProblem(keys);
	if (problem) {
		throw new NodeOperationError(context.getNode(), 'The DocuSign Connect HMAC credential cannot verify events', {
			description: problem,
			itemIndex: 0,
		});
	}
	return keys;
}

/** n8n resumes a waiting execution once, so one execution waits for one envelope. */
function checkRunnable(context: IExecuteFunctions, itemCount: number): void {
	if (context.isToolExecution()) {
		throw new NodeOperationError(context.getNode(), 'Send and Wait for Completion cannot run as an AI tool', {
			description: 'A tool call cannot wait for days. Let the agent use Create, and the DocuSign Trigger for the outcome.',
		});
	}
	if (itemCount !== 1) {
		throw new NodeOperationError(
			context.getNode(),
			`Send and Wait for Completion sends one envelope and waits for it, but got ${itemCount} items`,
			{
				description:
					'n8n resumes a waiting execution once. For one envelope per item, move this node into a sub-workflow and call it with Execute Workflow (mode "Run once for each item"), or use Create and the DocuSign Trigger.',
			},
		);
	}
}

/**
 * Creates and sends the envelope with its eventNotification pointing at this execution's signed
 * resume URL, then puts the execution to wait. DocuSign's terminal event resumes it through the
 * node's webhook (sendAndWait/webhook.ts), which builds the output; nothing here runs again.
 */
export async function executeAndWait(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	try {
		checkRunnable(this, items.length);
		const waitTill = readWaitTill(this, Date.now());
		const keys = await readSigningKeys(this);
		const downloadDocuments = this.getNodeParameter('waitOptions.downloadDocuments', 0, false) === true;
		const source = this.getNodeParameter('source', 0, 'documents') as Source;

		// The scheme does not depend on the parameters: checked before anything is read from DocuSign.
		const resumeBase = this.getSignedResumeUrl({}).replace(/\?.*$/, '');
		await requireHttpsListener(this, resumeBase, { what: 'this execution\'s resume URL', n8nUrl: true, itemIndex: 0 });
		const prepared = await prepareEnvelope.call(this, source, 0);
		const marker = envelopeMarker(this, 0, prepared.idempotencyKey);
		const resumeUrl = signedResumeUrl(this, { marker: marker.transactionId, downloadDocuments, createdAt: clock.now() });
		prepared.definition.eventNotification = resumeNotification(resumeUrl, keys.length > 0);

		const account = await resolveAccount.call(this, 0);
		const { envelope, alreadyExisted } = await createEnvelope.call(this, {
			itemIndex: 0,
			account,
			definition: prepared.definition,
			idempotencyKey: prepared.idempotencyKey,
			action: prepared.action,
			documents: prepared.documents,
		});
		if (alreadyExisted) {
			throw new NodeOperationError(
				this.getNode(),
				`An envelope with this Idempotency Key exists already (${String(envelope.envelopeId)}, ${String(envelope.status)}), and it reports to the execution that sent it`,
				{
					itemIndex: 0,
					description:
						'Nothing was sent, and this execution cannot wait for that envelope. Read it with Envelope → Get Status, or use a new Idempotency Key to send a new envelope.',
				},
			);
		}

		const sent = {
			...envelope,
			accountId: account.accountId,
			emailSubject: prepared.definition.emailSubject,
		};
		forwardWhenWaitLimitPasses(this, pairedToInput(timeoutJson(sent, waitTill)));
		await this.putExecutionToWait(waitTill);
		return [
			[
				pairedToInput({
					envelopeId: envelope.envelopeId,
					status: envelope.status,
					accountId: account.accountId,
					...(prepared.templateName !== undefined ? { templateName: prepared.templateName } : {}),
					waitingFor: Object.keys(TERMINAL_EVENTS),
					waitTill: waitTill.toISOString(),
				}),
			],
		];
	} catch (error) {
		if (!this.continueOnFail()) {
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error as Error, { itemIndex: 0 });
		}
		return [items.map((_, itemIndex) => errorItem(error as Error, itemIndex))];
	}
}
