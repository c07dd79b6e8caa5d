import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { authServerBaseUrl, type DocuSignEnvironment } from '../../../credentials/common/environment';
import { oncePerExecution } from '../helpers/perExecution';

export type DocuSignFunctions = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export type DocuSignCredentialType = 'docuSignOAuth2Api' | 'docuSignJwtApi';

/** What transport needs from a credential, without any secret in it. */
export interface CredentialSettings {
	type: DocuSignCredentialType;
	environment: DocuSignEnvironment;
	authServer: string;
	accountId: string;
	/** Identifies the connection for the account cache: the credential id plus who it logs in as. */
	cacheKey: string;
}

export function credentialTypeOf(context: DocuSignFunctions): DocuSignCredentialType {
	const authentication = context.getNodeParameter('authentication', 0, 'oAuth2') as string;
	return authentication === 'jwt' ? 'docuSignJwtApi' : 'docuSignOAuth2Api';
}

/**
 * The credential's settings, read (and so decrypted) once per node run rather than once per item:
 * they do not depend on the item, and n8n decrypts the credential again for every request anyway.
 */
export async function readCredentialSettings(context: DocuSignFunctions): Promise<CredentialSettings> {
	return await oncePerExecution(context, 'credentialSettings', async () => await loadCredentialSettings(context));
}

async function loadCredentialSettings(context: DocuSignFunctions): Promise<CredentialSettings> {
	const type = credentialTypeOf(context);
	const credentials: ICredentialDataDecryptedObject = await context.getCredentials(type);
	const authServer = authServerBaseUrl(credentials);
	const credentialId = context.getNode().credentials?.[type]?.id ?? context.getNode().credentials?.[type]?.name ?? '';
	const who = type === 'docuSignJwtApi' ? `${credentials.integrationKey}:${credentials.userId}` : String(credentials.clientId ?? '');
	return {
		type,
		environment: (['production', 'custom'].includes(String(credentials.environment)) ? credentials.environment : 'developer') as DocuSignEnvironment,
		authServer,
		accountId: String(credentials.accountId ?? '').trim(),
		cacheKey: [type, credentialId, authServer, who].join('|'),
	};
}
