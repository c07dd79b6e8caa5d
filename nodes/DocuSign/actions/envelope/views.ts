import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';

/**
 * Spec returnUrl of returnUrlRequest (sender), recipientViewRequest (signing) and correctViewRequest
 * (correction): "Maximum Length: 470 characters", longer ones are redirected truncated: refused here.
 */
export const RETURN_URL_MAX = 470;

export const returnUrlProperty: INodeProperties = {
	displayName: 'Return URL',
	name: 'returnUrl',
	type: 'string',
	default: '',
	required: true,
	description: `Where DocuSign sends the browser when the session ends; at most ${RETURN_URL_MAX} characters`,
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
	if (returnUrl.length > RETURN_URL_MAX) {
		throw inputError(
			this,
			itemIndex,
			`Return URL is ${returnUrl.length} characters long; DocuSign allows at most ${RETURN_URL_MAX}`,
			'DocuSign would send the browser to a truncated address. Shorten it, e.g. keep a short ID in the URL instead of the data itself.',
		);
	}
	return returnUrl;
}
