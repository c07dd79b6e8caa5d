import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { hmacKeysProblem, readHmacKeys } from './signature';

/**
 * The "DocuSign Connect HMAC" credential test. DocuSign has no call that proves an HMAC key, so
 * this checks what can be checked offline: that keys are there and look like DocuSign's.
 */
export async function docuSignConnectHmacKeyTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const keys = readHmacKeys(credential.data);
	const problem = hmacKeysProblem(keys);
	if (problem) return { status: 'Error', message: problem };
	return {
		status: 'OK',
		message: `${keys.length} key${keys.length === 1 ? '' : 's'} ready. Deliveries are accepted when signed with any of them.`,
	};
}
