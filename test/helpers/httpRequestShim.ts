import axios from 'axios';
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

/**
 * The `this` n8n gives a credential's preAuthentication, with an axios-backed httpRequest that
 * throws like n8n's (an error carrying `response`). Engine tests use n8n-core's own instead.
 */
export function requestHelper(): IHttpRequestHelper {
	return {
		helpers: {
			async httpRequest(options: IHttpRequestOptions) {
				const response = await axios.request({
					method: options.method ?? 'GET',
					url: options.url,
					headers: options.headers as Record<string, string>,
					data: options.body,
					params: options.qs,
				});
				return response.data;
			},
		},
	} as IHttpRequestHelper;
}
