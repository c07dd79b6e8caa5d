/**
 * Acceptance, in n8n's real engine against the DocuSign simulator: a workflow creates an envelope
 * whose signer has an access code and a text field; the simulator refuses to let the signer in
 * without the code, then signs with the code and the field filled; a second workflow reads the
 * envelope back with the value. Also the three dropdowns (workflows, brands, signing groups) and
 * a signing group plus in-person signer accepted by the simulator's checks.
 */
import type { INode, INodeParameters } from 'n8n-workflow';

import { getBrands } from '../../../nodes/DocuSign/methods/loadOptions/getBrands';
import { getIdentityVerificationWorkflows } from '../../../nodes/DocuSign/methods/loadOptions/getIdentityVerificationWorkflows';
import { getSigningGroups } from '../../../nodes/DocuSign/methods/loadOptions/getSigningGroups';
import { FEATURE_IDS, SEED_IDS } from '../../simulator';
import { runOnSimulator, sim, simulatorLoadOptionsContext, simulatorNode, useSimulator } from '../simulatorKit';
import { binaryBytes } from './createFixtures';
import { memoryBinary } from '../../engine/binaryData';

useSimulator();

const node = (name: string, parameters: INodeParameters, x = 200): INode => simulatorNode(name, { resource: 'envelope', ...parameters }, x);
const pdf = () => memoryBinary(binaryBytes(3_000, 4), { fileName: 'Onboarding.pdf', mimeType: 'application/pdf' });

it('creates an envelope with an access code; the signer gets in only with the code and fills the text field', async () => {
	const created = await runOnSimulator(
		[
			node('Create', {
				operation: 'create',
				emailSubject: 'Please complete your onboarding form',
				documents: { document: [{ binaryPropertyName: 'data' }] },
				signers: {
					signer: [
						{
							name: '={{ $json.name }}',
							email: '={{ $json.email }}',
							authentication: 'accessCode',
							accessCode: '={{ $json.code }}',
							tabs: {
								signHereTabs: [{ placement: 'anchor', anchorString: '/sn1/' }],
								textTabs: [{ placement: 'anchor', anchorString: '/id/', tabLabel: 'employee_id', required: true }],
							},
						},
					],
				},
				status: 'sent',
				options: { brandId: FEATURE_IDS.brands.acmeGreen, notification: { settings: { useAccountDefaults: true } } },
			}),
		],
		{ inputItems: [{ json: { name: 'Jane Doe', email: 'jane@example.com', code: '30-11-1990' }, binary: { data: pdf() } }] },
	);

	expect(created.error?.message).toBeUndefined();
	const output = created.outputOf('Create')[0].json;
	expect(output).toMatchObject({ status: 'sent', accountId: SEED_IDS.accounts.acmeNa });
	expect(JSON.stringify(output)).not.toContain('30-11-1990');
	const envelopeId = String(output.envelopeId);

	expect(() => sim.view(envelopeId, '1')).toThrow(/access code/);
	expect(() => sim.sign(envelopeId, '1', { accessCode: '1990', tabValues: { employee_id: 'E-42' } })).toThrow(/access code/);
	expect(sim.envelope(envelopeId)).toMatchObject({ status: 'sent', brandId: FEATURE_IDS.brands.acmeGreen });

	sim.sign(envelopeId, '1', { accessCode: '30-11-1990', tabValues: { employee_id: 'E-42' } });

	const read = await runOnSimulator([node('Get', { operation: 'get', envelopeId: { __rl: true, mode: 'id', value: envelopeId }, include: ['tabs'] })]);
	expect(read.error?.message).toBeUndefined();
	const envelope = read.outputOf('Get')[0].json as { status: string; recipients: { signers: Array<{ tabs: { textTabs: Array<{ tabLabel: string; value: string }> } }> } };
	expect(envelope.status).toBe('completed');
	expect(envelope.recipients.signers[0].tabs.textTabs).toEqual([expect.objectContaining({ tabLabel: 'employee_id', value: 'E-42' })]);
	expect(JSON.stringify(envelope)).not.toContain('30-11-1990');
});

it('sends to a signing group, an in-person signer and a phone-verified signer; the dropdowns list what the account has', async () => {
	const created = await runOnSimulator([
		node('Create', {
			operation: 'create',
			emailSubject: 'Group, host and phone',
			documents: { document: [{ binaryPropertyName: 'data' }] },
			signers: {
				signer: [
					{ signerType: 'signingGroup', signingGroupId: FEATURE_IDS.signingGroups.acmeLegal },
					{ signerType: 'inPerson', name: 'Walk-in Customer', hostName: 'Sam Staff', hostEmail: 'sam@acme.example', routingOrder: 2 },
					{
						name: 'Bob Roe',
						email: 'bob@example.com',
						routingOrder: 3,
						authentication: 'phone',
						phoneNumber: '415 555 0100',
						identityWorkflowId: FEATURE_IDS.workflows.phone,
					},
				],
			},
			status: 'sent',
		}),
	], { inputItems: [{ json: {}, binary: { data: pdf() } }] });
	expect(created.error?.message).toBeUndefined();
	const envelopeId = String(created.outputOf('Create')[0].json.envelopeId);
	sim.sign(envelopeId, '1');
	sim.sign(envelopeId, '2');
	expect(() => sim.sign(envelopeId, '3')).toThrow(/identity verification/);
	sim.sign(envelopeId, '3', { identityVerified: true });
	expect(sim.envelope(envelopeId)).toMatchObject({ status: 'completed' });

	const context = await simulatorLoadOptionsContext(node('Create', { operation: 'create' }), 'parameters.signers');
	expect((await getIdentityVerificationWorkflows.call(context)).map(({ name, value }) => [name, value])).toEqual([
		['DocuSign ID Verification', FEATURE_IDS.workflows.idVerification],
		['Phone Authentication', FEATURE_IDS.workflows.phone],
	]);
	expect((await getBrands.call(context)).map(({ name, value }) => [name, value])).toEqual([
		['Acme Blue (Sending Default)', FEATURE_IDS.brands.acmeBlue],
		['Acme Green', FEATURE_IDS.brands.acmeGreen],
	]);
	expect(await getSigningGroups.call(context)).toEqual([
		{ name: 'Acme HR', value: FEATURE_IDS.signingGroups.acmeHr, description: '1 member: hana@acme.example' },
		{ name: 'Acme Legal', value: FEATURE_IDS.signingGroups.acmeLegal, description: '2 members: lee@acme.example, lou@acme.example' },
	]);
});
