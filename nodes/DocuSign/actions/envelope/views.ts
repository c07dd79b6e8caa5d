import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const returnUrlProperty: INodeProperties = {
	displayName: 'Return URL',
	name: 'returnUrl',
	type: 'string',
	default: '',
	required: true,
};

/** The Return URL of an item: an absolute http(s) URL, as DocuSign requires. */
export function readReturnUrl(this: IExecuteFunctions, itemIndex: number): string {
	const returnUrl = String(this.getNodeParameter('returnUrl', itemIndex, '') ?? '').trim();
	if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(returnUrl)) {
		throw new NodeOperationError(
			this.getNode(),
			returnUrl ? `Return URL: "${returnUrl}" is not an http(s) URL` : 'Return URL: required',
			{
				itemIndex,
				description:
					'DocuSign redirects the browser there when the session ends. Enter a full address such as https://example.com/done (http://localhost works for testing).',
			},
		);
	}
	return returnUrl;
}
