/**
 * Templates against the local DocuSign simulator in n8n's real engine: create a template from a
 * PDF with roles and anchor tabs into a folder picked from the folder dropdown, read it back, send
 * an envelope from it, rename it, find it by folder; templates another user shares; DocuSign's
 * refusals (someone else's template, a folder the user cannot use).
 */
import { SEED_IDS, TEMPLATE_FOLDER_IDS } from '../../simulator';
import { bearer, http, jwtToken, samplePdf } from '../../simulator/testHelpers';
import { memoryBinary } from '../../engine/binaryData';
import { runOnSimulator, sim, simulatorLoadOptionsContext, simulatorNode, useSimulator } from '../simulatorKit';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { getTemplateFolders } from '../../../nodes/DocuSign/methods/loadOptions/getTemplateFolders';

useSimulator();

const PDF = samplePdf('offer letter /sn1/ /start/');
const pdfItem = () => ({ json: {}, binary: { data: memoryBinary(PDF, { fileName: 'Offer.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' }) } });

const templateNode = (operation: string, parameters: INodeParameters = {}) =>
	simulatorNode('DocuSign', { resource: 'template', operation, ...parameters });

const output = (result: Awaited<ReturnType<typeof runOnSimulator>>) => result.outputOf('DocuSign').map((item) => item.json);

const createParameters = (folderId: string): INodeParameters => ({
	name: 'Offer Letter 2026',
	documents: { document: [{ binaryPropertyName: 'data' }] },
	signerRoles: {
		role: [
			{
				roleName: 'Employee',
				routingOrder: 1,
				tabs: {
					signHereTabs: [{ placement: 'anchor', anchorString: '/sn1/', anchorUnits: 'pixels', anchorXOffset: 0, anchorYOffset: 0 }],
					textTabs: [{ placement: 'anchor', anchorString: '/start/', tabLabel: 'start_date', required: true }],
				},
			},
		],
	},
	carbonCopyRoles: { role: [{ roleName: 'HR', routingOrder: 2 }] },
	emailSubject: 'Your offer letter',
	options: { folderId },
});

/** A template Carol owns and shares, posted straight through the API (JSON with base64, as DocuSign also takes). */
async function carolsSharedTemplate(): Promise<string> {
	const token = await jwtToken(sim, SEED_IDS.users.carol);
	const created = await http.post(
		`${sim.restBase(SEED_IDS.accounts.acmeNa)}/templates`,
		{
			name: 'Vendor NDA',
			shared: 'true',
			folderId: TEMPLATE_FOLDER_IDS.legal,
			emailSubject: 'Please sign the NDA',
			documents: [{ documentId: '1', name: 'NDA.pdf', fileExtension: 'pdf', documentBase64: samplePdf('nda').toString('base64') }],
			recipients: { signers: [{ roleName: 'Vendor', recipientId: '1', routingOrder: '1' }] },
		},
		bearer(token),
	);
	expect(created.status).toBe(201);
	return created.data.templateId;
}

describe('Templates on the simulator', () => {
	it('creates a template into a picked folder, reads its roles, sends from it, renames it and finds it by folder', async () => {
		// The first run stores the credential the dropdown then uses, as in the editor.
		const own = await runOnSimulator([templateNode('getFolders', { includeShared: false })]);
		expect(output(own).map((folder) => [folder.path, folder.folderId])).toEqual([
			['HR', TEMPLATE_FOLDER_IDS.hr],
			['HR / Offers', TEMPLATE_FOLDER_IDS.hrOffers],
		]);
		const context = await simulatorLoadOptionsContext(templateNode('create'), 'parameters.options.folderId');
		const folders = await getTemplateFolders.call(context);
		expect(folders.map((folder) => folder.name)).toEqual(['HR', 'HR / Offers', 'Legal (shared with me)']);
		const offers = folders.find((folder) => folder.name === 'HR / Offers')!.value as string;

		const created = await runOnSimulator([templateNode('create', createParameters(offers))], { inputItems: [pdfItem()] });
		expect(created.error).toBeUndefined();
		const [template] = output(created);
		expect(template).toMatchObject({ name: 'Offer Letter 2026', roles: [{ roleName: 'Employee' }, { roleName: 'HR' }] });
		const templateId = template.templateId as string;
		const record = sim.state.templates.get(templateId)!;
		expect(record.folderId).toBe(TEMPLATE_FOLDER_IDS.hrOffers);
		expect(Buffer.compare(record.documents[0].bytes, PDF)).toBe(0);

		const read = await runOnSimulator([templateNode('get', { templateId: { __rl: true, mode: 'id', value: templateId } })]);
		expect(read.error).toBeUndefined();
		expect(output(read)[0].roles).toEqual([
			{ roleName: 'Employee', recipientType: 'signer', recipientId: '1', routingOrder: 1, textTabLabels: ['start_date'] },
			{ roleName: 'HR', recipientType: 'carboncopy', recipientId: '2', routingOrder: 2, textTabLabels: [] },
		]);

		const sent = await runOnSimulator([
			simulatorNode('DocuSign', {
				resource: 'envelope',
				operation: 'createFromTemplate',
				templateId: { __rl: true, mode: 'id', value: templateId },
				templateRoles: {
					role: [
						{ roleName: 'Employee', name: 'Eve Employee', email: 'eve@example.com', routingOrder: 0, textTabs: { textTab: [{ tabLabel: 'start_date', value: '2027-01-04' }] } },
						{ roleName: 'HR', name: 'Hank HR', email: 'hr@example.com', routingOrder: 0 },
					],
				},
				status: 'sent',
			}),
		]);
		expect(sent.error).toBeUndefined();
		const envelope = sim.envelope(output(sent)[0].envelopeId as string) as IDataObject;
		expect(envelope).toMatchObject({ status: 'sent', emailSubject: 'Your offer letter' });

		const renamed = await runOnSimulator([
			templateNode('update', { templateId: { __rl: true, mode: 'id', value: templateId }, updateFields: { name: 'Offer Letter 2027', emailBlurb: 'Welcome aboard' } }),
		]);
		expect(renamed.error).toBeUndefined();
		expect(record).toMatchObject({ name: 'Offer Letter 2027', emailBlurb: 'Welcome aboard', emailSubject: 'Your offer letter' });

		const inFolder = await runOnSimulator([templateNode('getAll', { returnAll: true, filters: { folderIds: [offers] }, options: { include: ['recipients'] } })]);
		expect(inFolder.error).toBeUndefined();
		expect(output(inFolder)).toEqual([expect.objectContaining({ templateId, name: 'Offer Letter 2027', folderId: offers, recipients: expect.any(Object) })]);
		expect(sim.counters()['POST templates']).toBe(1);
		expect(sim.counters()['PUT template']).toBe(1);
	});

	it('shows templates and folders other users share, tells shared-with-me from shared-by-me, and refuses changing someone else\'s', async () => {
		const shared = await carolsSharedTemplate();

		const withMe = await runOnSimulator([templateNode('getAll', { returnAll: true, filters: { userFilter: 'shared_with_me' } })]);
		expect(withMe.error).toBeUndefined();
		expect(output(withMe).map((t) => [t.templateId, t.shared, t.folderName])).toEqual([[shared, 'true', 'Legal']]);

		const byMe = await runOnSimulator([templateNode('getAll', { returnAll: true, filters: { sharedByMe: 'true' } })]);
		expect(output(byMe)).toEqual([]);

		const folders = await runOnSimulator([templateNode('getFolders')]);
		expect(output(folders).map((f) => [f.path, f.sharedWithMe])).toEqual([
			['HR', false],
			['HR / Offers', false],
			['Legal', true],
		]);

		const refused = await runOnSimulator([templateNode('update', { templateId: { __rl: true, mode: 'id', value: shared }, updateFields: { name: 'Mine now' } })]);
		expect(refused.error?.message).toBe(
			`DocuSign could not update template ${shared}: USER_LACKS_PERMISSIONS – This user lacks sufficient permissions to access this resource.`,
		);
		expect(sim.state.templates.get(shared)!.name).toBe('Vendor NDA');
	});

	it('a folder of another account is refused as DocuSign does (ACCOUNT_LACKS_PERMISSIONS, invalid folder ID), and nothing is created', async () => {
		const before = sim.state.templates.size;
		const result = await runOnSimulator([templateNode('create', createParameters(TEMPLATE_FOLDER_IDS.euContracts))], { inputItems: [pdfItem()] });

		expect(result.error?.message).toBe(
			'DocuSign could not create the template "Offer Letter 2026": ACCOUNT_LACKS_PERMISSIONS – This Account lacks sufficient permissions. Invalid folder ID.',
		);
		expect(sim.state.templates.size).toBe(before);
	});

	it('a search text longer than DocuSign searches (48 characters, spec search_text) is refused before any call', async () => {
		const result = await runOnSimulator([templateNode('getAll', { returnAll: true, searchText: 'Offer letter for the senior engineering position in Berlin' })]);

		expect(result.error?.message).toBe('Item 1: Search Text is 58 characters long; DocuSign searches template names with at most 48');
		expect(sim.requestLog.filter((entry) => entry.endpoint === 'GET templates')).toEqual([]);
	});
});
