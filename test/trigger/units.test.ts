/**
 * The trigger's small parts: the HMAC credential's offline test (as n8n's CredentialsTester
 * finds it through `testedBy`), the bounded dedupe memory, the event names and the notices.
 */
import { NodeHelpers } from 'n8n-workflow';
import type { ICredentialTestFunctions, ICredentialsDecrypted, IDataObject, INodeParameters } from 'n8n-workflow';

import { DocuSignConnectHmacApi } from '../../credentials/DocuSignConnectHmacApi.credentials';
import { DocuSignTrigger } from '../../nodes/DocuSign/DocuSignTrigger.node';
import { clearDeliveryMemory, deliveryKey, rememberDelivery, REMEMBERED_DELIVERIES } from '../../nodes/DocuSign/trigger/dedupe';
import { flattenConnectMessage } from '../../nodes/DocuSign/trigger/payload';

const trigger = new DocuSignTrigger();
const KEY = 'q3Jd0xv6Zk4yTnW2pLr8sFh1uGc5bEo7aQi9mVt0XyA=';

async function testCredential(data: Record<string, string>) {
	const hmac = trigger.description.credentials!.find((credential) => credential.name === 'docuSignConnectHmacApi')!;
	const test = trigger.methods.credentialTest[hmac.testedBy as keyof typeof trigger.methods.credentialTest];
	const credential: ICredentialsDecrypted = { id: 'c', name: 'c', type: 'docuSignConnectHmacApi', data };
	return await test.call({} as ICredentialTestFunctions, credential);
}

describe('DocuSign Connect HMAC credential test', () => {
	it('is the node method named by testedBy, for the credential type the package ships', async () => {
		expect(new DocuSignConnectHmacApi().name).toBe('docuSignConnectHmacApi');
		expect(await testCredential({ hmacSecret: KEY })).toEqual({
			status: 'OK',
			message: '1 key ready. Deliveries are accepted when signed with any of them.',
		});
	});

	it('counts the extra keys, one per line, without duplicates', async () => {
		const second = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
		expect((await testCredential({ hmacSecret: KEY, additionalHmacSecrets: `${second}\n\n${KEY}\n` })).message).toMatch(/^2 keys ready/);
	});

	it('fails without a key, and for a truncated key without repeating it', async () => {
		expect(await testCredential({ hmacSecret: '  ', additionalHmacSecrets: '' })).toEqual({
			status: 'Error',
			message: 'Enter at least one HMAC key.',
		});
		const truncated = await testCredential({ hmacSecret: KEY, additionalHmacSecrets: 'q3Jd0xv6' });
		expect(truncated.status).toBe('Error');
		expect(truncated.message).toContain('Key 2 is too short');
		expect(truncated.message).not.toContain('q3Jd0xv6');
	});
});

describe('dedupe memory', () => {
	beforeEach(() => clearDeliveryMemory());

	it('keeps the newest 500 keys, in static data and in memory, and forgets the oldest', () => {
		const staticData: IDataObject = {};
		const keys = Array.from({ length: REMEMBERED_DELIVERIES + 1 }, (_, i) => `key-${i}`);
		for (const key of keys) expect(rememberDelivery(staticData, 'wf|node|live', key)).toBe(true);

		expect(staticData.recentDeliveries).toHaveLength(REMEMBERED_DELIVERIES);
		expect(rememberDelivery(staticData, 'wf|node|live', keys[REMEMBERED_DELIVERIES])).toBe(false);
		expect(rememberDelivery({}, 'wf|node|live', keys[1])).toBe(false);
		expect(rememberDelivery(staticData, 'wf|node|live', keys[0])).toBe(true);
	});

	it('remembers per trigger node, and from either store', () => {
		expect(rememberDelivery({}, 'wf|node-a|live', 'k')).toBe(true);
		expect(rememberDelivery({}, 'wf|node-a|live', 'k')).toBe(false);
		expect(rememberDelivery({}, 'wf|node-b|live', 'k')).toBe(true);
		clearDeliveryMemory();
		expect(rememberDelivery({ recentDeliveries: ['k'] }, 'wf|node-a|live', 'k')).toBe(false);
	});

	it('never takes a message without an envelope for a repeat; keys on the content, not on the attempt', () => {
		expect(deliveryKey({ event: 'envelope-sent', generatedDateTime: '2026-01-01T00:00:00Z', data: {} })).toBeUndefined();
		const key = deliveryKey({ event: 'envelope-sent', generatedDateTime: '2026-01-01T00:00:00Z', retryCount: 0, data: { envelopeId: 'e1', envelopeSummary: { a: 1, b: 2 } } });
		expect(key).toMatch(/^[\w-]{22}$/);
		expect(deliveryKey({ event: 'envelope-sent', data: { envelopeSummary: { b: 2, a: 1 }, envelopeId: 'e1' }, retryCount: 3 })).toBe(key);
		expect(deliveryKey({ event: 'envelope-sent', data: { envelopeId: 'e1', envelopeSummary: { a: 1, b: 3 } } })).not.toBe(key);
		expect(deliveryKey({ event: 'envelope-delivered', data: { envelopeId: 'e1', envelopeSummary: { a: 1, b: 2 } } })).not.toBe(key);
	});
});

describe('output', () => {
	it('keeps a stable shape for a message without data', () => {
		expect(flattenConnectMessage({ event: 'envelope-sent' })).toEqual({
			event: 'envelope-sent',
			envelopeId: '',
			status: '',
			accountId: '',
			userId: '',
			recipientId: '',
			generatedDateTime: '',
			emailSubject: '',
			senderName: '',
			senderEmail: '',
			completedDateTime: '',
			configurationId: '',
			retryCount: 0,
			payload: { event: 'envelope-sent' },
		});
	});
});

describe('node description', () => {
	const property = (name: string) => trigger.description.properties.find((p) => p.name === name)!;
	const shown = (name: string, parameters: INodeParameters) =>
		NodeHelpers.displayParameter(parameters, property(name), null, trigger.description);

	it('offers DocuSign\'s Connect event names', () => {
		expect((property('events').options ?? []).map((option) => ('value' in option ? option.value : undefined)).sort()).toEqual([
			'envelope-completed',
			'envelope-corrected',
			'envelope-declined',
			'envelope-delivered',
			'envelope-purge',
			'envelope-resent',
			'envelope-sent',
			'envelope-voided',
			'recipient-authenticationfailed',
			'recipient-autoresponded',
			'recipient-completed',
			'recipient-declined',
			'recipient-delivered',
			'recipient-sent',
		]);
	});

	it('warns about unverified deliveries only when signatures are not checked', () => {
		expect(shown('unverifiedNotice', { verifySignature: false })).toBe(true);
		expect(shown('unverifiedNotice', { verifySignature: true })).toBe(false);
		expect(shown('manualNotice', { registration: 'manual' })).toBe(true);
		expect(shown('manualNotice', { registration: 'automatic' })).toBe(false);
	});
});
