import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { getEnvelopeId, envelopeRLC } from './envelopeLocator';
import { changeEnvelopeStatus } from './statusChange';

const properties: INodeProperties[] = [
	{
		...envelopeRLC,
		description:
			'The envelope to void. Only an envelope that is sent or delivered (not completed, declined or a draft) can be voided; voiding cannot be undone.',
	},
	{
		displayName: 'Void Reason',
		name: 'voidedReason',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'e.g. The contract terms changed; a new version follows',
		description:
			'Why the envelope is voided. DocuSign e-mails it to every recipient who already received the envelope, so keep it short and clear.',
	},
];

const displayOptions = { show: { resource: ['envelope'], operation: ['voidEnvelope'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const envelopeId = getEnvelopeId.call(this, itemIndex);
	const voidedReason = String(this.getNodeParameter('voidedReason', itemIndex, '') ?? '').trim();
	if (!voidedReason) {
		throw new NodeOperationError(this.getNode(), 'Void Reason: a reason is required to void an envelope', {
			itemIndex,
			description: 'DocuSign shows the reason to the recipients. Enter a short sentence, e.g. "Replaced by a corrected contract".',
		});
	}
	await changeEnvelopeStatus.call(this, envelopeId, { status: 'voided', voidedReason }, itemIndex, 'void the envelope');
	return [{ json: { envelopeId, status: 'voided', voidedReason } }];
}
