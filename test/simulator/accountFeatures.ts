/**
 * Per-account settings the envelope options depend on: identity-verification workflows
 * (GET /identity_verification), brands (GET /brands), signing groups (GET /signing_groups), and
 * which of these the account's plan has. Checked when an envelope names a workflow, brand or group.
 */
import { badRequest } from './errors';
import type { RestCtx } from './restAuth';
import { json, type SimResponse } from './http';
import { SEED_IDS } from './seed';
import type { RecipientRecord } from './types';

/** Fixed ids, so that tests and workflows can name them. */
export const FEATURE_IDS = {
	workflows: {
		/** acmeNa and acmeEu: DocuSign's "Phone Authentication" workflow (call or SMS). */
		phone: 'c368e411-1592-4001-a3df-dca94ac539ae',
		/** acmeNa only: "DocuSign ID Verification" (an add-on acmeEu has not bought). */
		idVerification: 'f1b7e7d0-5b2a-4c1e-9a3f-7d2c8e6b4a10',
	},
	brands: {
		acmeBlue: 'b1a7c0de-0001-4000-8000-00000000b001',
		acmeGreen: 'b1a7c0de-0002-4000-8000-00000000b002',
	},
	signingGroups: {
		acmeLegal: '1a2b3c4d-0001-4000-8000-0000000050a1',
		acmeHr: '1a2b3c4d-0002-4000-8000-0000000050a2',
	},
} as const;

export interface IdentityWorkflow {
	workflowId: string;
	defaultName: string;
	defaultDescription: string;
	workflowResourceKey: string;
	/** "phone" workflows need the recipient's number (inputOptions phone_number_list). */
	kind: 'phone' | 'idVerification';
}

export interface AccountFeatures {
	/** The plan has identity verification (phone or ID): else recipients with identityVerification are refused. */
	identityVerification: boolean;
	identityWorkflows: IdentityWorkflow[];
	/** Account branding (canSelfBrandSend): else brand calls and brandId are refused. */
	branding: boolean;
	brands: Array<{ brandId: string; brandName: string; brandCompany: string; isSendingDefault: boolean }>;
	signingGroupsEnabled: boolean;
	signingGroups: Array<{ signingGroupId: string; groupName: string; groupEmail: string; users: Array<{ userName: string; email: string }> }>;
}

const phoneWorkflow: IdentityWorkflow = {
	workflowId: FEATURE_IDS.workflows.phone,
	defaultName: 'Phone Authentication',
	defaultDescription: 'Recipients receive a code by phone call or SMS',
	workflowResourceKey: 'phone-auth',
	kind: 'phone',
};

const NONE: AccountFeatures = {
	identityVerification: false,
	identityWorkflows: [],
	branding: false,
	brands: [],
	signingGroupsEnabled: false,
	signingGroups: [],
};

/**
 * acmeNa has everything; acmeEu has phone authentication only, no branding, signing groups but
 * none defined; globexAu and initechNa have none of these features.
 */
export function seedAccountFeatures(): Record<string, AccountFeatures> {
	const A = SEED_IDS.accounts;
	return {
		[A.acmeNa]: {
			identityVerification: true,
			identityWorkflows: [
				phoneWorkflow,
				{
					workflowId: FEATURE_IDS.workflows.idVerification,
					defaultName: 'DocuSign ID Verification',
					defaultDescription: 'Government-issued photo ID check',
					workflowResourceKey: 'idv',
					kind: 'idVerification',
				},
			],
			branding: true,
			brands: [
				{ brandId: FEATURE_IDS.brands.acmeBlue, brandName: 'Acme Blue', brandCompany: 'Acme Corp', isSendingDefault: true },
				{ brandId: FEATURE_IDS.brands.acmeGreen, brandName: 'Acme Green', brandCompany: 'Acme Corp', isSendingDefault: false },
			],
			signingGroupsEnabled: true,
			signingGroups: [
				{
					signingGroupId: FEATURE_IDS.signingGroups.acmeLegal,
					groupName: 'Acme Legal',
					groupEmail: 'legal-group@acme.example',
					users: [
						{ userName: 'Lee Legal', email: 'lee@acme.example' },
						{ userName: 'Lou Legal', email: 'lou@acme.example' },
					],
				},
				{
					signingGroupId: FEATURE_IDS.signingGroups.acmeHr,
					groupName: 'Acme HR',
					groupEmail: 'hr-group@acme.example',
					users: [{ userName: 'Hana HR', email: 'hana@acme.example' }],
				},
			],
		},
		[A.acmeEu]: { ...NONE, identityVerification: true, identityWorkflows: [phoneWorkflow], signingGroupsEnabled: true },
		[A.globexAu]: NONE,
		[A.initechNa]: NONE,
	};
}

const lacks = (feature: string) =>
	badRequest('ACCOUNT_LACKS_PERMISSIONS', `This Account lacks sufficient permissions. ${feature} is not enabled for the account.`);

function features(ctx: RestCtx): AccountFeatures {
	return ctx.core.state.accountFeatures[ctx.account.accountId] ?? NONE;
}

/** GET /identity_verification (AccountIdentityVerification_GetAccountIdentityVerification). */
export function listIdentityWorkflows(ctx: RestCtx): SimResponse {
	const identityVerification = features(ctx).identityWorkflows.map(({ kind: _kind, ...workflow }) => ({
		...workflow,
		signatureProvider: { signatureProviderName: 'UniversalSignaturePen_ImageOnly' },
	}));
	return json(200, { identityVerification });
}

/**
 * GET /brands (Brands_GetBrands): isSendingDefault/isSigningDefault are JSON booleans (spec v2.1
 * `brand`; v2 documented strings). Refused without account branding: the stricter side (DocuSign
 * needs canSelfBrandSend to use brands).
 */
export function listBrands(ctx: RestCtx): SimResponse {
	const account = features(ctx);
	if (!account.branding) throw lacks('Account branding');
	const sendingDefault = account.brands.find((brand) => brand.isSendingDefault);
	return json(200, {
		brands: account.brands.map((brand) => ({ ...brand, isSigningDefault: brand.isSendingDefault })),
		...(sendingDefault ? { senderBrandIdDefault: sendingDefault.brandId, recipientBrandIdDefault: sendingDefault.brandId } : {}),
	});
}

/** GET /signing_groups (SigningGroups_GetSigningGroups); `include_users=true` lists the members. */
export function listSigningGroups(ctx: RestCtx): SimResponse {
	const account = features(ctx);
	if (!account.signingGroupsEnabled) throw lacks('Signing groups');
	const includeUsers = ctx.query.get('include_users') === 'true';
	return json(200, {
		groups: account.signingGroups.map(({ users, ...group }) => ({ ...group, groupType: 'sharedSigningGroup', ...(includeUsers ? { users } : {}) })),
	});
}

/** brandId of a new envelope: the account must have branding and that brand. */
export function checkBrand(ctx: RestCtx, brandId: string | undefined): void {
	if (!brandId) return;
	const account = features(ctx);
	if (!account.branding) throw lacks('Account branding');
	if (!account.brands.some((brand) => brand.brandId.toLowerCase() === brandId.toLowerCase())) {
		throw badRequest('BRAND_ID_INVALID', `Invalid brand ID: ${brandId} is not a brand of this account.`);
	}
}

const invalidPhone = (recipientId: string, detail: string) =>
	badRequest('INVALID_REQUEST_PARAMETER', `The request contained at least one invalid parameter. Recipient ${recipientId}: ${detail}`);

/**
 * The phone workflow's number: `inputOptions` [{name: "phone_number_list", valueType:
 * "PhoneNumberList", phoneNumberList: [{countryCode, number}]}] as DocuSign's phone-auth how-to sends
 * it; `number` digits only without the country code, `countryCode` digits without "+" (spec
 * recipientIdentityPhoneNumber). Refusing a phone workflow without a number is the stricter side.
 */
function checkPhoneInput(recipientId: string, verification: { inputOptions?: unknown }): void {
	const options = Array.isArray(verification.inputOptions) ? (verification.inputOptions as Array<Record<string, unknown>>) : [];
	const list = options.find((option) => option?.name === 'phone_number_list');
	const numbers = Array.isArray(list?.phoneNumberList) ? (list.phoneNumberList as Array<Record<string, unknown>>) : [];
	if (!numbers.length) throw invalidPhone(recipientId, 'the Phone Authentication workflow needs inputOptions phone_number_list with the recipient\'s number.');
	for (const phone of numbers) {
		if (!/^\d{1,3}$/.test(String(phone?.countryCode ?? ''))) {
			throw invalidPhone(recipientId, `countryCode "${String(phone?.countryCode ?? '')}" must be the calling code in digits, without "+".`);
		}
		if (!/^\d{4,15}$/.test(String(phone?.number ?? ''))) {
			throw invalidPhone(recipientId, `number "${String(phone?.number ?? '')}" must be digits only, without the country code.`);
		}
	}
}

/**
 * Recipients of a new envelope: identity-verification workflows of the account (the feature
 * first), signing groups of the account (then the group stands in for name and e-mail), and the
 * access code moved out of the echoed fields (DocuSign never shows it back).
 */
export function applyAccountFeatures(ctx: RestCtx, recipients: RecipientRecord[]): void {
	const account = features(ctx);
	for (const r of recipients) {
		if (typeof r.extra.accessCode === 'string' && r.extra.accessCode) {
			r.accessCode = r.extra.accessCode;
		}
		delete r.extra.accessCode;
		const verification = r.extra.identityVerification as { workflowId?: unknown; inputOptions?: unknown } | undefined;
		if (verification && verification.workflowId !== undefined && verification.workflowId !== '') {
			if (!account.identityVerification) throw lacks('Identity verification');
			const workflow = account.identityWorkflows.find((w) => w.workflowId.toLowerCase() === String(verification.workflowId).toLowerCase());
			if (!workflow) {
				throw badRequest('IDENTITY_WORKFLOW_INVALID_ID', `The identity workflow ID specified is not valid. Recipient ${r.recipientId}: ${String(verification.workflowId)}`);
			}
			if (workflow.kind === 'phone') checkPhoneInput(r.recipientId, verification);
			r.identityVerificationRequired = true;
		}
		const groupId = typeof r.extra.signingGroupId === 'string' ? r.extra.signingGroupId : undefined;
		if (groupId) {
			if (!account.signingGroupsEnabled) throw lacks('Signing groups');
			const group = account.signingGroups.find((g) => g.signingGroupId.toLowerCase() === groupId.toLowerCase());
			if (!group) throw badRequest('SIGNING_GROUP_ID_INVALID', `Invalid signing group ID: ${groupId} is not a signing group of this account.`);
			r.name = group.groupName;
			r.email = group.groupEmail;
			r.extra.signingGroupName = group.groupName;
			r.extra.signingGroupUsers = group.users;
		}
	}
}
