/**
 * Click API v1 (`/clickapi/v1/accounts/{accountId}/…`, click.rest.swagger-v1.json): seeded
 * clickwraps, agreement URLs per user, and whether a user agreed (version and date).
 */
import type { SimCore } from './core';
import { json, parseJsonBody, type SimResponse } from './http';
import { PlatformError, type PlatformCtx } from './platformAuth';
import type { ClickAgreementRecord } from './platformTypes';
import { SEED_IDS } from './seed';
import { validateAgainstSpec } from './specValidation';
import { guid, opaqueToken } from './util';

export const CLICKWRAP_IDS = {
	/** Active, version 2. */
	termsOfService: '8e1f4c2a-3b5d-4e6f-9a0b-1c2d3e4f5a01',
	/** Inactive. */
	privacyPolicy: '8e1f4c2a-3b5d-4e6f-9a0b-1c2d3e4f5a02',
} as const;

interface SeedClickwrap {
	clickwrapId: string;
	accountId: string;
	name: string;
	status: 'active' | 'inactive';
	versionId: string;
	versionNumber: number;
}

export const SEED_CLICKWRAPS: SeedClickwrap[] = [
	{ clickwrapId: CLICKWRAP_IDS.termsOfService, accountId: SEED_IDS.accounts.acmeNa, name: 'Terms of Service', status: 'active', versionId: '8e1f4c2a-3b5d-4e6f-9a0b-1c2d3e4f5b02', versionNumber: 2 },
	{ clickwrapId: CLICKWRAP_IDS.privacyPolicy, accountId: SEED_IDS.accounts.acmeNa, name: 'Privacy Policy', status: 'inactive', versionId: '8e1f4c2a-3b5d-4e6f-9a0b-1c2d3e4f5b03', versionNumber: 1 },
];

const CREATED = '2026-03-01T08:00:00.0000000Z';
const PAGE_SIZE = 40;

function findClickwrap(ctx: PlatformCtx): SeedClickwrap {
	const clickwrap = SEED_CLICKWRAPS.find((c) => c.clickwrapId === ctx.params.clickwrapId && c.accountId === ctx.account.accountId);
	if (!clickwrap) throw new PlatformError(404, 'The clickwrap was not found.', 'CLICKWRAP_NOT_FOUND');
	return clickwrap;
}

/** GET /clickwraps (Clickwraps_GetClickwraps): `status`, `name`, `page_number`; one entry per version. */
export function listClickwraps(ctx: PlatformCtx): SimResponse {
	const status = ctx.query.get('status');
	const name = (ctx.query.get('name') ?? '').toLowerCase();
	const matching = SEED_CLICKWRAPS.filter((c) => c.accountId === ctx.account.accountId)
		.filter((c) => !status || c.status === status)
		.filter((c) => !name || c.name.toLowerCase().includes(name));
	const page = Math.max(Number(ctx.query.get('page_number') ?? 1) || 1, 1);
	const slice = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
	return json(200, {
		clickwraps: slice.map((c) => ({
			accountId: c.accountId,
			clickwrapId: c.clickwrapId,
			clickwrapName: c.name,
			clickwrapVersionId: c.versionId,
			versionId: c.versionId,
			versionNumber: String(c.versionNumber),
			status: c.status,
			ownerUserId: ctx.user.userId,
			requireReacceptance: false,
			createdTime: CREATED,
			lastModified: CREATED,
		})),
		minimumPagesRemaining: Math.max(0, Math.ceil(matching.length / PAGE_SIZE) - page),
		page,
		pageSize: PAGE_SIZE,
	});
}

function agreementJson(core: SimCore, record: ClickAgreementRecord): Record<string, unknown> {
	return {
		accountId: record.accountId,
		clickwrapId: record.clickwrapId,
		clientUserId: record.clientUserId,
		agreementId: record.agreementId,
		...(record.status === 'created' ? { agreementUrl: `${core.url}/${core.account(record.accountId)?.site}/clickapi/v1/redeem?agreementToken=${opaqueToken('ag')}` } : {}),
		createdOn: record.createdOn,
		agreedOn: record.agreedOn ?? null,
		declinedOn: record.declinedOn ?? null,
		status: record.status,
		versionId: record.versionId,
		versionNumber: record.versionNumber,
		consumerDisclosureEnabled: false,
		...(record.documentData ? { documentData: record.documentData } : {}),
		...(record.metadata ? { metadata: record.metadata } : {}),
		...(record.returnUrl ? { returnUrl: record.returnUrl } : {}),
	};
}

/**
 * POST /clickwraps/{id}/agreements (UserAgreements_PostHasAgreed), body userAgreementRequest with at
 * least clientUserId. 201 with `agreementUrl` while the user has not agreed to the current version,
 * 200 without it once they have (the operation's description). An inactive clickwrap → 400.
 */
export function createAgreement(ctx: PlatformCtx): SimResponse {
	const clickwrap = findClickwrap(ctx);
	const body = parseJsonBody(ctx.body);
	if (ctx.core.config.specValidation) {
		const result = validateAgainstSpec('userAgreementRequest', body, 'click');
		if (!result.valid) throw new PlatformError(400, `The request body is invalid: ${result.message}`, 'INVALID_REQUEST_BODY');
	}
	const clientUserId = String(body.clientUserId ?? '').trim();
	if (!clientUserId) throw new PlatformError(400, 'clientUserId is required.', 'INVALID_REQUEST_BODY');
	if (clickwrap.status !== 'active') throw new PlatformError(400, 'The clickwrap is not active.', 'CLICKWRAP_NOT_ACTIVE');
	const agreements = [...ctx.core.state.clickAgreements.values()].filter((a) => a.clickwrapId === clickwrap.clickwrapId && a.clientUserId === clientUserId);
	const agreed = agreements.find((a) => a.status === 'agreed' && a.versionNumber === clickwrap.versionNumber);
	if (agreed) return json(200, agreementJson(ctx.core, agreed));
	const record: ClickAgreementRecord = {
		agreementId: guid(),
		clickwrapId: clickwrap.clickwrapId,
		accountId: ctx.account.accountId,
		clientUserId,
		versionId: clickwrap.versionId,
		versionNumber: clickwrap.versionNumber,
		status: 'created',
		documentData: body.documentData as Record<string, string> | undefined,
		metadata: body.metadata as string | undefined,
		returnUrl: body.returnUrl as string | undefined,
		createdOn: new Date().toISOString(),
	};
	ctx.core.state.clickAgreements.set(record.agreementId, record);
	return json(201, agreementJson(ctx.core, record));
}

/** GET /clickwraps/{id}/users (UserAgreements_GetClickwrapAgreements): `client_user_id`, newest first. */
export function listAgreements(ctx: PlatformCtx): SimResponse {
	const clickwrap = findClickwrap(ctx);
	const clientUserId = ctx.query.get('client_user_id');
	const userAgreements = [...ctx.core.state.clickAgreements.values()]
		.filter((a) => a.clickwrapId === clickwrap.clickwrapId && (!clientUserId || a.clientUserId === clientUserId))
		.reverse()
		.map((a) => ({ ...agreementJson(ctx.core, a), agreementUrl: undefined }));
	return json(200, { userAgreements, page: 1, pageSize: PAGE_SIZE, minimumPagesRemaining: 0 });
}

/** The user agrees or declines on the agreement page (control API). */
export function answerAgreement(core: SimCore, agreementId: string, answer: 'agree' | 'decline'): ClickAgreementRecord {
	const record = core.state.clickAgreements.get(agreementId);
	if (!record) throw new PlatformError(404, `No agreement ${agreementId}.`);
	if (record.status !== 'created') throw new PlatformError(409, `The agreement is ${record.status}.`);
	const now = new Date().toISOString();
	if (answer === 'agree') Object.assign(record, { status: 'agreed', agreedOn: now });
	else Object.assign(record, { status: 'declined', declinedOn: now });
	return record;
}
