/**
 * Send and Wait for Completion takes the recipient options of Create and Create From Template:
 * the envelope it sends carries the access code, phone verification, brand and reminders (spec-valid),
 * its own eventNotification stays, and bad recipient input stops it before any call.
 */
import { memoryBinary } from '../../engine/binaryData';
import { startNode } from '../../engine/harness';

import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { clearAccountCache } from '../../../nodes/DocuSign/transport';
import { expectSpecValid } from '../kit';
import {
	binaryBytes,
	nockCreateEnvelope,
	nockUserinfo,
	oauthCredential,
	readJson,
	readMultipart,
	type CapturedRequest,
} from './createFixtures';
import { BRAND, PHONE_WORKFLOW, TEMPLATE_ID, nockOneRoleTemplate } from './optionFixtures';
import { connections, host, sendAndWaitNode, useWaitingHost } from './sendAndWaitKit';

useWaitingHost();

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});
beforeEach(() => clearAccountCache());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());


async function run(parameters: INodeParameters) {
	return await host.run({
		nodes: [startNode(), sendAndWaitNode({ authentication: 'oAuth2', ...parameters }, { docuSignOAuth2Api: { id: 'ds-cred', name: 'Ada @ DocuSign' } })],
		connections: connections(false),
		credentials: { 'ds-cred': { type: 'docuSignOAuth2Api', name: 'Ada @ DocuSign', data: oauthCredential() } },
		inputItems: [{ json: {}, binary: { data: memoryBinary(binaryBytes(4_000, 5), { fileName: 'Agreement.pdf', mimeType: 'application/pdf' }) } }],
	});
}

const fromDocuments = (signer: INodeParameters, options: INodeParameters = {}): INodeParameters => ({
	source: 'documents',
	emailSubject: 'Please sign: Service Agreement',
	documents: { document: [{ binaryPropertyName: 'data' }] },
	signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', ...signer }] },
	options,
});

describe('Send and Wait for Completion with recipient options', () => {
	it('from documents: phone verification, access code, brand and reminders go with its own eventNotification', async () => {
		nockUserinfo();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const execution = await run({
			...fromDocuments(
				{ authentication: 'phone', phoneCountryCode: '1', phoneNumber: '415 555 0100', identityWorkflowId: PHONE_WORKFLOW },
				{ brandId: BRAND, notification: { settings: { useAccountDefaults: false, reminderEnabled: true, reminderDelay: 1, reminderFrequency: 1, expireAfter: 14, expireWarn: 2 } } },
			),
			certifiedDeliveries: { certifiedDelivery: [{ name: 'Auditor', email: 'audit@example.com', routingOrder: 2, authentication: 'accessCode', accessCode: '9911' }] },
		});

		expect(execution.error?.message).toBeUndefined();
		expect(execution.status).toBe('waiting');
		const { definition } = readMultipart(captured[0]);
		expectSpecValid('envelopeDefinition', definition);
		expect(definition).toMatchObject({
			status: 'sent',
			brandId: BRAND,
			notification: { useAccountDefaults: 'false', expirations: { expireEnabled: 'true', expireAfter: '14', expireWarn: '2' } },
			recipients: {
				signers: [
					{
						name: 'Jane Doe',
						identityVerification: {
							workflowId: PHONE_WORKFLOW,
							inputOptions: [{ name: 'phone_number_list', valueType: 'PhoneNumberList', phoneNumberList: [{ countryCode: '1', number: '4155550100' }] }],
						},
					},
				],
				certifiedDeliveries: [{ name: 'Auditor', email: 'audit@example.com', accessCode: '9911', routingOrder: '2' }],
			},
			eventNotification: { url: expect.stringContaining('/webhook-waiting/') },
		});
		expect(JSON.stringify(execution.outputOf('DocuSign'))).not.toContain('9911');
	});

	it('from a template: a role with an access code', async () => {
		nockUserinfo();
		nockOneRoleTemplate();
		const captured: CapturedRequest[] = [];
		nockCreateEnvelope(captured);

		const execution = await run({
			source: 'template',
			templateId: { __rl: true, mode: 'id', value: TEMPLATE_ID },
			templateRoles: { role: [{ roleName: 'Signer', name: 'Jane Doe', email: 'jane@example.com', authentication: 'accessCode', accessCode: 'K-1' }] },
			options: { notification: { settings: { useAccountDefaults: true } } },
		});

		expect(execution.error?.message).toBeUndefined();
		const definition = readJson(captured[0]);
		expectSpecValid('envelopeDefinition', definition);
		expect(definition).toMatchObject({
			templateId: TEMPLATE_ID,
			notification: { useAccountDefaults: 'true' },
			templateRoles: [{ roleName: 'Signer', accessCode: 'K-1' }],
		});
	});

	it('stops before any call on SMS/phone authentication without a number', async () => {
		const execution = await run(fromDocuments({ authentication: 'phone', identityWorkflowId: PHONE_WORKFLOW }));
		expect(execution.error?.message).toBe('Item 1: Signer 1 uses phone authentication but has no phone number');
		expect(execution.status).not.toBe('waiting');
	});
});
