/**
 * The Template and Bulk Send tests' account and answers, on the shared node kit (../kit.ts): the
 * DocuSign node with an OAuth2 credential, nock playing DocuSign for a demo account, and
 * DocuSign-shaped templates.
 */
import { BASE, docuSignKit } from '../kit';

export { expectSpecValid, json } from '../kit';

export const AUTH = 'https://ds-auth.templates.test';
export const ACCOUNT = '1a2b3c4d-1111-2222-3333-444444444444';
export const TEMPLATE = '2c9a8e4f-1b2d-4c3e-9f8a-7b6c5d4e3f21';
export const OTHER_TEMPLATE = '7d0c1e2f-3a4b-4c5d-8e6f-9a0b1c2d3e4f';
export const ENVELOPE = '4b6d8f0a-2c4e-4a6b-8d0f-1a3c5e7f9b2d';
export const LIST = 'b1c2d3e4-5f60-4a7b-8c9d-0e1f2a3b4c5d';
export const BATCH = '5e3c1a9b-7d2f-4e6a-9b8c-0d1e2f3a4b5c';

export const userinfo = {
	sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
	name: 'Olga Ops',
	email: 'olga@example.com',
	accounts: [{ account_id: ACCOUNT, is_default: true, account_name: 'Ops', base_uri: `${BASE}/` }],
};

export const { calls, installNockHooks, mockUserinfo, mockApi, runNode, loadOptionsContext } = docuSignKit({
	auth: AUTH,
	accountId: ACCOUNT,
	userinfo,
});

/** A template locator value as the editor stores it. */
export const templateById = (value: string, mode: 'id' | 'list' | 'url' = 'id') => ({ __rl: true, mode, value });

const textTab = (recipientId: string, tabLabel: string, n: number) => ({
	tabId: `0000000${n}-aaaa-4bbb-8ccc-${recipientId.padStart(12, '0')}`,
	tabLabel,
	value: '',
	documentId: '1',
	pageNumber: '1',
	xPosition: '300',
	yPosition: String(100 + n * 20),
	recipientId,
	tabType: 'text',
	required: 'true',
	locked: 'false',
});

/**
 * GET /templates/{id}?include=tabs as DocuSign answers it: an employee signer with two text
 * tabs (routing order 1), a manager countersigning (order 2), an HR carbon copy (order 3, listed
 * first on purpose) and an unnamed signer without a role.
 */
export function templateResponse(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		templateId: TEMPLATE,
		uri: `/templates/${TEMPLATE}`,
		name: 'Offer Letter',
		description: 'Standard offer letter',
		shared: 'false',
		created: '2024-01-15T09:30:00.0000000Z',
		lastModified: '2024-03-01T12:00:00.0000000Z',
		emailSubject: 'Please sign your offer letter',
		emailBlurb: 'Welcome aboard!',
		folderName: 'Templates',
		pageCount: '2',
		owner: { userName: 'Olga Ops', userId: userinfo.sub, email: 'olga@example.com' },
		customFields: {
			textCustomFields: [{ fieldId: '1', name: 'crmId', value: '', show: 'false', required: 'false' }],
			listCustomFields: [{ fieldId: '2', name: 'region', value: '', listItems: ['EU', 'US'], show: 'true', required: 'false' }],
		},
		documents: [{ documentId: '1', name: 'Offer Letter.pdf', order: '1', pages: '2' }],
		recipients: {
			signers: [
				{
					roleName: 'Employee',
					name: '',
					email: '',
					recipientId: '1',
					routingOrder: '1',
					recipientType: 'signer',
					tabs: {
						signHereTabs: [{ tabLabel: 'Employee signature', recipientId: '1', documentId: '1', pageNumber: '2' }],
						textTabs: [textTab('1', 'Start date', 1), textTab('1', 'Salary', 2)],
					},
				},
				{
					roleName: 'Manager',
					name: 'Mia Manager',
					email: 'mia@example.com',
					recipientId: '2',
					routingOrder: '2',
					recipientType: 'signer',
					tabs: { textTabs: [textTab('2', 'Approval note', 3)] },
				},
				{ name: '', email: '', recipientId: '4', routingOrder: '4', recipientType: 'signer' },
			],
			carbonCopies: [
				{ roleName: 'HR', name: '', email: '', recipientId: '3', routingOrder: '3', recipientType: 'carboncopy' },
			],
			agents: [],
			editors: [],
			intermediaries: [],
			certifiedDeliveries: [],
			inPersonSigners: [],
			recipientCount: '4',
		},
		...overrides,
	};
}

/** A template with one role: a signer "Signer" with a "Company" text tab. */
export function singleRoleTemplate(): Record<string, unknown> {
	return templateResponse({
		name: 'Mutual NDA',
		customFields: { textCustomFields: [], listCustomFields: [] },
		recipients: {
			signers: [
				{
					roleName: 'Signer',
					recipientId: '1',
					routingOrder: '1',
					recipientType: 'signer',
					tabs: { textTabs: [textTab('1', 'Company', 1)] },
				},
			],
			carbonCopies: [],
			recipientCount: '1',
		},
	});
}

/** A template list entry as GET /templates returns it. */
export function templateSummary(n: number): Record<string, unknown> {
	const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	return {
		templateId: id,
		uri: `/templates/${id}`,
		name: `Template ${n}`,
		shared: 'false',
		created: '2024-01-15T09:30:00.0000000Z',
		lastModified: '2024-03-01T12:00:00.0000000Z',
		folderName: 'Templates',
	};
}

/** A page of GET /templates as DocuSign answers it. */
export function templatePage(start: number, count: number, total: number): Record<string, unknown> {
	const size = Math.max(0, Math.min(count, total - start));
	const page: Record<string, unknown> = {
		resultSetSize: String(size),
		startPosition: String(start),
		endPosition: String(start + size - 1),
		totalSetSize: String(total),
		nextUri: start + size < total ? `/templates?start_position=${start + size}&count=${count}` : '',
		previousUri: '',
	};
	if (size) page.envelopeTemplates = Array.from({ length: size }, (_, i) => templateSummary(start + i + 1));
	return page;
}
