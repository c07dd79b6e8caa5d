/**
 * The whole envelope lifecycle against the local DocuSign simulator (which validates every body
 * against the spec and keeps DocuSign's status rules), each step a DocuSign node in n8n's real
 * engine with the JWT credential: sender URL and correction on a draft, send, status, embedded
 * signing URL, resend, completion, downloads, list, search, void.
 */
import type { RunResult } from '../../engine/harness';

import type { INodeParameters } from 'n8n-workflow';

import { searchEnvelopes } from '../../../nodes/DocuSign/methods/listSearch/searchEnvelopes';
import { SEED_IDS } from '../../simulator';
import { bearer, envelopeDefinition, http, jwtToken, samplePdf } from '../../simulator/testHelpers';
import { runOnSimulator, sim, simulatorLoadOptionsContext, simulatorNode, useSimulator } from '../simulatorKit';
import { byId } from './envelopeKit';

useSimulator();

const jwtNode = (parameters: INodeParameters) => simulatorNode('DocuSign', { resource: 'envelope', ...parameters });

async function run(parameters: INodeParameters): Promise<RunResult> {
	return await runOnSimulator([jwtNode(parameters)]);
}

async function ok(parameters: INodeParameters) {
	const result = await run(parameters);
	expect(result.error?.message).toBeUndefined();
	return result.outputOf('DocuSign');
}

/** An envelope made straight on the simulator: signer 1 embedded, signer 2 by e-mail, a CC. */
async function createEnvelope(status: 'created' | 'sent', subject = 'Please sign the NDA'): Promise<string> {
	const token = await jwtToken(sim);
	const definition = envelopeDefinition({ status, emailSubject: subject });
	const signers = (definition.recipients as { signers: Array<Record<string, unknown>> }).signers;
	signers[0].clientUserId = 'customer-1042';
	const response = await http.post(`${sim.restBase(SEED_IDS.accounts.acmeNa)}/envelopes`, definition, bearer(token));
	expect(response.status).toBe(201);
	return response.data.envelopeId as string;
}

const restCalls = () =>
	sim.requestLog.filter((entry) => entry.path.includes('/restapi/')).map((entry) => `${entry.endpoint} ${entry.status}`);

it('draft → sender URL, correction, send, status, signing URL, resend, completion, downloads, list', async () => {
	const id = await createEnvelope('created');
	sim.requestLog.length = 0;

	const [sender] = await ok({ operation: 'createSenderUrl', envelopeId: byId(id), returnUrl: 'https://example.com/prepared' });
	expect(String(sender.json.url)).toContain('/Member/StartInSession.aspx');

	await ok({
		operation: 'updateRecipients',
		envelopeId: byId(id),
		corrections: { recipients: [{ recipientId: '2', name: '', email: 'signer.two@example.org' }] },
		resendEnvelope: false,
	});
	const recipients = sim.envelope(id)!.recipients as Array<Record<string, unknown>>;
	expect(recipients.find((r) => r.recipientId === '2')?.email).toBe('signer.two@example.org');

	await ok({ operation: 'send', envelopeId: byId(id) });

	const [sent] = await ok({ operation: 'getStatus', envelopeId: byId(id) });
	expect(sent.json).toMatchObject({ envelopeId: id, status: 'sent', completedDateTime: null });
	expect((sent.json.recipients as Array<Record<string, unknown>>).map((r) => [r.name, r.status])).toEqual([
		['Signer One', 'sent'],
		['Signer Two', 'created'],
		['Carbon Copy', 'created'],
	]);

	const [signing] = await ok({
		operation: 'createSigningUrl',
		envelopeId: byId(id),
		returnUrl: 'https://example.com/signed',
		userName: 'signer one',
		email: 'SIGNER.ONE@example.com',
		clientUserId: 'customer-1042',
	});
	expect(String(signing.json.url)).toContain('/Signing/MTRedeem/v1/');
	sim.sign(id, '1');

	await ok({ operation: 'resend', envelopeId: byId(id) });
	expect(sim.envelope(id)!.resendCount).toBe(1);

	sim.sign(id, '2');
	const [done] = await ok({ operation: 'getStatus', envelopeId: byId(id) });
	expect(done.json.status).toBe('completed');
	expect(done.json.completedDateTime).toEqual(expect.any(String));
	expect((done.json.recipients as Array<Record<string, unknown>>).map((r) => [r.name, r.status, typeof r.signedDateTime])).toEqual([
		['Signer One', 'completed', 'string'],
		['Signer Two', 'completed', 'string'],
		['Carbon Copy', 'completed', 'object'],
	]);

	const [certificate] = await ok({ operation: 'downloadDocument', envelopeId: byId(id), documentId: 'certificate' });
	expect(certificate.binary!.data).toMatchObject({ fileName: `${id}_certificate.pdf`, mimeType: 'application/pdf' });
	expect(Buffer.from(certificate.binary!.data.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

	const [archive] = await ok({ operation: 'downloadDocument', envelopeId: byId(id), documentId: 'archive' });
	expect(archive.binary!.data).toMatchObject({ fileName: `${id}_archive.zip`, mimeType: 'application/zip' });
	expect(Buffer.from(archive.binary!.data.data, 'base64').subarray(0, 2).toString()).toBe('PK');

	const [document] = await ok({ operation: 'downloadDocument', envelopeId: byId(id), documentId: '1' });
	expect(document.json).toMatchObject({ fileName: 'NDA.pdf', mimeType: 'application/pdf' });
	expect(Buffer.from(document.binary!.data.data, 'base64').equals(samplePdf())).toBe(true);

	const listed = await ok({ operation: 'getAll', returnAll: true, filters: { status: ['completed'] } });
	expect(listed.map((item) => item.json.envelopeId)).toEqual([id]);

	expect(restCalls()).toEqual([
		'POST envelope/views/sender 201',
		'GET envelope/recipients 200',
		'PUT envelope/recipients 200',
		'PUT envelope 200',
		'GET envelope 200',
		'GET envelope/recipients 200',
		'POST envelope/views/recipient 201',
		'PUT envelope 200',
		'GET envelope 200',
		'GET envelope/document 200',
		'GET envelope/document 200',
		'GET envelope/document 200',
		'GET envelopes 200',
	]);
});

it('void needs an open envelope, and the locator search finds envelopes by subject', async () => {
	const open = await createEnvelope('sent', 'Lease renewal 2024');
	const draft = await createEnvelope('created', 'Offer letter');

	await ok({ operation: 'voidEnvelope', envelopeId: byId(open), voidedReason: 'Terms changed' });
	expect(sim.envelope(open)).toMatchObject({ status: 'voided', voidedReason: 'Terms changed' });

	const refused = await run({ operation: 'voidEnvelope', envelopeId: byId(draft), voidedReason: 'Not needed' });
	expect(refused.error?.message).toContain('ENVELOPE_CANNOT_VOID_INVALID_STATE');

	const context = await simulatorLoadOptionsContext(jwtNode({ operation: 'get', envelopeId: byId('') }), 'parameters.envelopeId');
	const page = await searchEnvelopes.call(context, 'lease');
	expect(page.results.map((result) => [result.value, result.name.split(' · ').slice(0, 2).join(' · ')])).toEqual([
		[open, 'Lease renewal 2024 · voided'],
	]);
});
