/**
 * Bulk Send from a template whose roles a copy does not all fill: DocuSign refuses the whole batch
 * at send time (BULK_SEND_RECIPIENT_ROLE_DOES_NOT_MATCH; "a template that has three roles is not
 * compatible with a bulk send list that has only two recipients"). The simulator does the same; the
 * node stops before it creates a list, naming the roles a copy leaves empty.
 */
import { SEED_IDS, TEMPLATE_IDS } from '../simulator';
import { bearer, http, jwtToken } from '../simulator/testHelpers';
import { runOnSimulator, sim, simulatorNode, useSimulator } from '../nodes/simulatorKit';

useSimulator();

const base = () => sim.restBase(SEED_IDS.accounts.acmeNa);

describe('simulator', () => {
	it('refuses a batch of the offer letter (Signer, Manager, CC) whose copy fills only Signer and CC: nothing is sent', async () => {
		const token = await jwtToken(sim);
		const copy = (extra: object[] = []) => ({
			recipients: [{ roleName: 'Signer', name: 'Ada', email: 'ada@example.com' }, { roleName: 'CC', name: 'Legal', email: 'legal@example.com' }, ...extra],
		});
		const list = await http.post(`${base()}/bulk_send_lists`, { name: 'offers', bulkCopies: [copy([{ roleName: 'Manager', name: 'Mia', email: 'mia@example.com' }]), copy()] }, bearer(token));
		const refused = await http.post(`${base()}/bulk_send_lists/${list.data.listId}/send`, { envelopeOrTemplateId: TEMPLATE_IDS.offerLetter }, bearer(token));
		expect(refused.status).toBe(400);
		expect(refused.data).toEqual({
			errorCode: 'BULK_SEND_RECIPIENT_ROLE_DOES_NOT_MATCH',
			message: 'Recipient Role Manager does not match. Make sure the recipient information in the list and the envelope is compatible.',
		});
		expect(sim.state.envelopes.size).toBe(0);
		expect(sim.state.bulkBatches.size).toBe(0);
	});

	it.each([
		[
			'a tab label the role does not have',
			{ recipients: [{ roleName: 'Signer', name: 'Ada', email: 'ada@example.com', tabs: [{ tabLabel: 'salary', initialValue: '1' }] }, { roleName: 'CC', name: 'L', email: 'l@example.com' }] },
			'BULK_SEND_TAB_LABEL_DOES_NOT_EXIST_IN_ENVELOPE',
		],
		[
			'a custom field the envelope does not have',
			{ recipients: [{ roleName: 'Signer', name: 'Ada', email: 'ada@example.com' }, { roleName: 'CC', name: 'L', email: 'l@example.com' }], customFields: [{ name: 'crmDealId', value: 'D-1' }] },
			'BULK_SEND_ENVELOPE_CUSTOM_FIELD_DOES_NOT_EXIST_IN_ENVELOPE',
		],
	])('refuses the whole batch for %s (the documented compatibility checks): nothing is sent', async (_name, badCopy, errorCode) => {
		const token = await jwtToken(sim);
		const good = { recipients: [{ roleName: 'Signer', name: 'Bo', email: 'bo@example.com', tabs: [{ tabLabel: 'company_name', initialValue: 'Acme' }] }, { roleName: 'CC', name: 'L', email: 'l@example.com' }], customFields: [{ name: 'Cost Center', value: 'CC-7' }] };
		const list = await http.post(`${base()}/bulk_send_lists`, { name: 'nda', bulkCopies: [good, badCopy] }, bearer(token));
		const refused = await http.post(`${base()}/bulk_send_lists/${list.data.listId}/send`, { envelopeOrTemplateId: TEMPLATE_IDS.mutualNda }, bearer(token));
		expect(refused.status).toBe(400);
		expect(refused.data.errorCode).toBe(errorCode);
		expect(sim.state.envelopes.size).toBe(0);
		expect(sim.state.bulkBatches.size).toBe(0);

		const fine = await http.post(`${base()}/bulk_send_lists`, { name: 'nda', bulkCopies: [good] }, bearer(token));
		expect((await http.post(`${base()}/bulk_send_lists/${fine.data.listId}/send`, { envelopeOrTemplateId: TEMPLATE_IDS.mutualNda }, bearer(token))).status).toBe(201);
	});
});

describe('the node', () => {
	it('stops before creating a list when the copies leave a template role empty, naming it', async () => {
		const result = await runOnSimulator(
			[
				simulatorNode('Bulk Send', {
					resource: 'bulkSend',
					operation: 'send',
					source: 'template',
					templateId: { __rl: true, mode: 'id', value: TEMPLATE_IDS.offerLetter },
					roleName: 'Signer',
					recipientName: '={{ $json.name }}',
					recipientEmail: '={{ $json.email }}',
					additionalRecipients: { recipient: [{ roleName: 'CC', name: 'Legal', email: 'legal@example.com' }] },
				}),
			],
			{ inputItems: [{ json: { name: 'Ada Lovelace', email: 'ada@example.com' } }] },
		);
		expect(result.error?.message).toBe(
			'Item 1: this copy leaves the template role "Manager" empty, and DocuSign refuses a bulk send whose copies do not fill every role',
		);
		expect(result.error?.description).toMatch(/"Signer", "Manager", "CC"\. Give each copy a person for every role/);
		expect(sim.requestLog.filter((entry) => entry.path.includes('/restapi/')).map((entry) => entry.endpoint)).toEqual(['GET template']);
		expect(sim.state.bulkLists.size).toBe(0);
	});
});
