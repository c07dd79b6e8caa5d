/**
 * The envelope tests' account and answers, on the shared node kit (../kit.ts): the DocuSign node
 * with resource "envelope" and an OAuth2 credential, nock playing DocuSign for a demo account.
 */
import type { RunResult } from '../../engine/harness';
import type { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { BASE, docuSignKit, type RunOptions } from '../kit';

export { NODE_TYPE, expectSpecValid, json } from '../kit';

export const AUTH = 'https://ds-auth.envelope.test';
export const ACCOUNT = '0f0f0f0f-1111-2222-3333-444444444444';
export const ENVELOPE = '93be49ab-4e2f-4c1b-9a4e-f752070d71ec';

export const userinfo = {
	sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
	name: 'Sam Sender',
	email: 'sam@example.com',
	accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Main', base_uri: `${BASE}/` }],
};

const kit = docuSignKit({ auth: AUTH, accountId: ACCOUNT, userinfo, defaults: { resource: 'envelope' } });

export const { calls, docuSignNode, installNockHooks, mockUserinfo, mockApi } = kit;

/** Start → DocuSign (envelope resource with these parameters) in the real engine. */
export async function runEnvelope(
	parameters: INodeParameters,
	options: Pick<RunOptions, 'inputItems' | 'continueOnFail'> = {},
): Promise<RunResult> {
	return await kit.runNode(parameters, options);
}

/** An envelope ID locator value as the editor stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** n8n's real load-options context for the envelope picker's dependants (dropdowns, search). */
export async function loadOptionsContext(parameters: INodeParameters): Promise<LoadOptionsContext> {
	return await kit.loadOptionsContext(parameters, 'parameters.envelopeId');
}

/** A DocuSign-shaped EnvelopeRecipients answer. */
export function recipientsResponse(): Record<string, unknown> {
	return {
		signers: [
			{
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				recipientId: '1',
				recipientIdGuid: '5d1e6e4a-0000-4000-8000-000000000001',
				routingOrder: '1',
				status: 'completed',
				signedDateTime: '2024-05-02T10:00:00.0000000Z',
				deliveredDateTime: '2024-05-02T09:58:00.0000000Z',
				recipientType: 'signer',
			},
			{
				name: 'Grace Hopper',
				email: 'grace@example.com',
				recipientId: '3',
				routingOrder: '2',
				status: 'sent',
				clientUserId: 'customer-1042',
				recipientType: 'signer',
			},
		],
		carbonCopies: [
			{
				name: 'Legal Team',
				email: 'legal@example.com',
				recipientId: '2',
				routingOrder: '1',
				status: 'completed',
				recipientType: 'carboncopy',
			},
		],
		agents: [],
		editors: [],
		intermediaries: [],
		certifiedDeliveries: [],
		inPersonSigners: [],
		recipientCount: '3',
		currentRoutingOrder: '2',
	};
}
