/** Seeded server templates: roles (Signer, Manager, CC…) with labelled text tabs, one PDF each. */
import { makePdf } from './pdf';
import { SEED_IDS } from './seed';
import type { RecipientRecord, RecipientType, TemplateRecord } from './types';
import { dsDate } from './util';

export const TEMPLATE_IDS = {
	mutualNda: 'c5b1f0a2-7e3d-4b9a-8c61-0d2e4f6a8b01',
	offerLetter: 'c5b1f0a2-7e3d-4b9a-8c61-0d2e4f6a8b02',
	purchaseOrder: 'c5b1f0a2-7e3d-4b9a-8c61-0d2e4f6a8b03',
	dataProcessing: 'c5b1f0a2-7e3d-4b9a-8c61-0d2e4f6a8b04',
	serviceOrder: 'c5b1f0a2-7e3d-4b9a-8c61-0d2e4f6a8b05',
} as const;

interface RoleSpec {
	roleName: string;
	type: RecipientType;
	routingOrder: number;
	textTabs?: string[];
}

function role(templateId: string, spec: RoleSpec, index: number): RecipientRecord {
	const recipientId = String(index + 1);
	const idPrefix = templateId.slice(0, 24);
	const tabs =
		spec.type === 'carbonCopies'
			? undefined
			: {
					signHereTabs: [
						{ tabId: `${idPrefix}${recipientId.padStart(4, '0')}00000001`, documentId: '1', pageNumber: '1',
							xPosition: '72', yPosition: String(600 - index * 60), recipientId, tabType: 'signhere',
							tabLabel: `${spec.roleName} signature` },
					],
					textTabs: (spec.textTabs ?? []).map((label, n) => ({
						tabId: `${idPrefix}${recipientId.padStart(4, '0')}${String(n + 2).padStart(8, '0')}`,
						tabLabel: label, value: '', documentId: '1', pageNumber: '1', xPosition: '300',
						yPosition: String(600 - index * 60 - n * 20), required: 'true', locked: 'false',
						recipientId, tabType: 'text', width: '120', height: '20',
					})),
				};
	return {
		type: spec.type,
		recipientId,
		recipientIdGuid: `${templateId.slice(0, 28)}${recipientId.padStart(8, '0')}`,
		routingOrder: spec.routingOrder,
		status: 'created',
		roleName: spec.roleName,
		name: '',
		email: '',
		tabs,
		extra: {},
	};
}

function template(
	templateId: string,
	accountId: string,
	name: string,
	description: string,
	roles: RoleSpec[],
): TemplateRecord {
	const created = dsDate(new Date(Date.UTC(2024, 0, 15, 9, 30)));
	const pdf = makePdf([[name, '', description, '', ...roles.map((r) => `${r.roleName}: ____________`)]], name);
	return {
		templateId,
		accountId,
		ownerUserId: SEED_IDS.users.alice,
		name,
		description,
		emailSubject: `Please sign: ${name}`,
		emailBlurb: `${name} is ready for your signature.`,
		created,
		lastModified: created,
		folderName: 'Templates',
		documents: [
			{ documentId: '1', documentIdGuid: `${templateId.slice(0, 28)}d0c00001`, name: `${name}.pdf`,
				fileExtension: 'pdf', order: 1, bytes: pdf },
		],
		recipients: roles.map((spec, i) => role(templateId, spec, i)),
	};
}

export function seedTemplates(): TemplateRecord[] {
	const A = SEED_IDS.accounts;
	const T = TEMPLATE_IDS;
	return [
		template(T.mutualNda, A.acmeNa, 'Mutual NDA', 'Two-way non-disclosure agreement', [
			{ roleName: 'Signer', type: 'signers', routingOrder: 1, textTabs: ['company_name', 'effective_date'] },
			{ roleName: 'CC', type: 'carbonCopies', routingOrder: 2 },
		]),
		template(T.offerLetter, A.acmeNa, 'Employment Offer Letter', 'Offer letter countersigned by the hiring manager', [
			{ roleName: 'Signer', type: 'signers', routingOrder: 1, textTabs: ['start_date', 'salary'] },
			{ roleName: 'Manager', type: 'signers', routingOrder: 2, textTabs: ['manager_notes'] },
			{ roleName: 'CC', type: 'carbonCopies', routingOrder: 3 },
		]),
		template(T.purchaseOrder, A.acmeNa, 'Purchase Order Approval', 'Signer and manager approve in parallel', [
			{ roleName: 'Signer', type: 'signers', routingOrder: 1, textTabs: ['po_number', 'amount'] },
			{ roleName: 'Manager', type: 'signers', routingOrder: 1, textTabs: ['cost_center'] },
			{ roleName: 'CC', type: 'carbonCopies', routingOrder: 2 },
		]),
		template(T.dataProcessing, A.acmeEu, 'Data Processing Agreement', 'GDPR data processing agreement', [
			{ roleName: 'Signer', type: 'signers', routingOrder: 1, textTabs: ['controller_name'] },
			{ roleName: 'CC', type: 'carbonCopies', routingOrder: 2 },
		]),
		template(T.serviceOrder, A.globexAu, 'Globex Service Order', 'Service order form', [
			{ roleName: 'Signer', type: 'signers', routingOrder: 1, textTabs: ['service_level'] },
		]),
	];
}
