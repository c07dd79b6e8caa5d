/**
 * Issue 12, defect 10: the return URL limit (470 characters, spec recipientViewRequest /
 * returnUrlRequest), what "Envelope Delivered" means (spec ConnectConfigurations.envelopeEvents: all
 * recipients have opened the envelope) and what a custom field's "show" does (spec textCustomField /
 * customField.show: senders and the certificate of completion, never recipients).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { envelopeOptions, NOTIFICATION_EVENTS } from '../../nodes/DocuSign/actions/envelope/shared/envelope.description';
import { SEED_IDS } from '../simulator';
import { bearer, envelopeDefinition, http, jwtToken } from '../simulator/testHelpers';
import { byId } from '../nodes/envelope/envelopeKit';
import { runOnSimulator, sim, simulatorNode, useSimulator } from '../nodes/simulatorKit';

useSimulator();

async function createEnvelope(status: 'created' | 'sent', extra: IDataObject = {}): Promise<string> {
	const token = await jwtToken(sim);
	const response = await http.post(`${sim.restBase(SEED_IDS.accounts.acmeNa)}/envelopes`, envelopeDefinition({ status, ...extra }), bearer(token));
	expect(response.status).toBe(201);
	return response.data.envelopeId as string;
}

const returnUrlOf = (length: number) => `https://example.com/done?k=${'x'.repeat(length - 'https://example.com/done?k='.length)}`;

describe('Return URL: at most 470 characters', () => {
	it('the node refuses 471 characters before any call, and sends 470', async () => {
		const id = await createEnvelope('created');
		sim.requestLog.length = 0;
		const run = async (returnUrl: string) =>
			await runOnSimulator([simulatorNode('DocuSign', { resource: 'envelope', operation: 'createSenderUrl', envelopeId: byId(id), returnUrl })]);

		const refused = await run(returnUrlOf(471));
		expect(refused.error?.message).toBe('Item 1: Return URL is 471 characters long; DocuSign allows at most 470');
		expect(sim.requestLog.filter((entry) => entry.path.includes('/restapi/'))).toHaveLength(0);

		const accepted = await run(returnUrlOf(470));
		expect(accepted.error?.message).toBeUndefined();
		const [session] = [...sim.state.signingSessions.values()];
		expect(session.returnUrl).toBe(returnUrlOf(470));
	});

	it('the simulator, like DocuSign, cuts a longer return URL to 470 characters', async () => {
		const id = await createEnvelope('created');
		const token = await jwtToken(sim);
		const response = await http.post(`${sim.restBase(SEED_IDS.accounts.acmeNa)}/envelopes/${id}/views/sender`, { returnUrl: returnUrlOf(600) }, bearer(token));
		expect(response.status).toBe(201);
		const [session] = [...sim.state.signingSessions.values()];
		expect(session.returnUrl).toBe(returnUrlOf(600).slice(0, 470));
	});
});

describe('Envelope Delivered: every recipient has opened the envelope', () => {
	it('the simulator moves the envelope to delivered only when the last recipient opens it', async () => {
		const signers = [
			{ email: 'one@example.com', name: 'One', recipientId: '1', routingOrder: '1' },
			{ email: 'two@example.com', name: 'Two', recipientId: '2', routingOrder: '1' },
		];
		const id = await createEnvelope('sent', { recipients: { signers } });
		sim.view(id, '1');
		expect(sim.envelope(id)?.status).toBe('sent');
		sim.view(id, '2');
		expect(sim.envelope(id)?.status).toBe('delivered');
	});

	it('the node says so in its event list, and that a custom field\'s "show" is about senders and the certificate', () => {
		expect(NOTIFICATION_EVENTS.find((event) => event.value === 'envelope-delivered')?.description).toBe('Every recipient has opened the envelope');
		const customFields = (envelopeOptions.options ?? []).find((option) => (option as INodeProperties).name === 'customFields') as INodeProperties;
		const show = JSON.stringify(customFields).match(/"name":"show"[^}]*"description":"([^"]*)"/)?.[1];
		expect(show).toMatch(/senders .* certificate of completion\. Signers and other recipients never see envelope custom fields\./);
	});
});
