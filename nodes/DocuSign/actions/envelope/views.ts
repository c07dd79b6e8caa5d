import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';

// Spec returnUrl of returnUrlRequest (sender), recipientViewRequest (signing) and correctViewRequest
// (correction): "Maximum Length: 470 characters. If the returnUrl exceeds this limit, the user is
// redirected to a truncated URL": refused here rather than cut off silently.
export const MAX_RETURN_URL = 470;

export const returnUrlProperty: INodeProperties = {
	displayName: 'Return URL',
	name: 'returnUrl',
	type: 'string',
	default: '',
	required: true,
};

/** The Return URL of an item: an absolute http(s) URL of at most 470 characters, as DocuSign requires. */
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
	if (returnUrl.length > MAX_RETURN_URL) {
		throw inputError(
			this,
			itemIndex,
			`Return URL: ${returnUrl.length} characters; DocuSign allows ${MAX_RETURN_URL} and cuts longer ones off`,
			'Use a shorter address, for example an ID in the query instead of the whole record.',
		);
	}
	return returnUrl;
}
