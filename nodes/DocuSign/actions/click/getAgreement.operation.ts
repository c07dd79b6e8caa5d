import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../helpers/itemErrors';
import { readGuidParameter } from '../platformLocators';
import { CLICK_SCOPES, agreementOutput, clickRequest, clickwrapLocator, clientUserIdProperty } from './shared';

const properties: INodeProperties[] = [clickwrapLocator, clientUserIdProperty];

const displayOptions = { show: { resource: ['click'], operation: ['getAgreement'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const clickwrapId = readGuidParameter.call(this, 'clickwrapId', itemIndex, 'clickwrap');
	const clientUserId = (this.getNodeParameter('clientUserId', itemIndex, '') as string).trim();
	if (!clientUserId) throw inputError(this, itemIndex, 'the Client User ID is empty', 'Give the ID the agreement URL was created with.');
	const answer = await clickRequest.call(this, 'GET', `/clickwraps/${clickwrapId}/users`, {
		qs: { client_user_id: clientUserId },
		itemIndex,
		action: 'read the user\'s agreement',
		scopes: CLICK_SCOPES.manage,
	});
	const agreements = (answer.userAgreements ?? []) as IDataObject[];
	const latest = agreements.find((agreement) => agreement.status === 'agreed') ?? agreements[0];
	return [{ json: latest ? agreementOutput(latest) : { hasAgreed: false, status: 'none', clickwrapId, clientUserId, versionNumber: null, agreedOn: null } }];
}
