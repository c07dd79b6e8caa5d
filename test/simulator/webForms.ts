/**
 * Web Forms API v1.1 (`/api/webforms/v1.1/accounts/{accountId}/…`, webforms.rest.swagger-v1.1.0.json):
 * seeded form configurations, instances, and a submission that produces a real envelope.
 */
import { buildEnvelope } from './envelopeBuild';
import { json, parseJsonBody, type SimResponse } from './http';
import { sendEnvelope } from './lifecycle';
import { PlatformError, type PlatformCtx } from './platformAuth';
import type { WebFormInstanceRecord } from './platformTypes';
import type { RestCtx } from './restAuth';
import { SEED_IDS } from './seed';
import { TEMPLATE_IDS } from './seedTemplates';
import type { SimCore } from './core';
import { validateAgainstSpec } from './specValidation';
import { guid, opaqueToken } from './util';

export const WEB_FORM_IDS = {
	/** Published, tied to the Mutual NDA template: submitting it sends the NDA to FullName/Email. */
	customerNda: '3b7e1d90-6c2a-4f4e-9a1b-5d0c8e7f6a01',
	/** Never published: no instances. */
	draftSurvey: '3b7e1d90-6c2a-4f4e-9a1b-5d0c8e7f6a02',
	/** Acme Europe's form. */
	euIntake: '3b7e1d90-6c2a-4f4e-9a1b-5d0c8e7f6a03',
} as const;

interface SeedForm {
	id: string;
	accountId: string;
	name: string;
	isPublished: boolean;
	components: Record<string, 'TextBox' | 'Email' | 'Date' | 'Number' | 'CheckboxGroup' | 'Select' | 'RadioButtonGroup'>;
	templateId?: string;
	/** The template role the submitter signs as, and which fields fill it. */
	signer?: { roleName: string; nameField: string; emailField: string; tabFields: string[] };
}

export const SEED_FORMS: SeedForm[] = [
	{
		id: WEB_FORM_IDS.customerNda,
		accountId: SEED_IDS.accounts.acmeNa,
		name: 'Customer NDA intake',
		isPublished: true,
		components: { FullName: 'TextBox', Email: 'Email', company_name: 'TextBox', effective_date: 'Date', Employees: 'Number', Topics: 'CheckboxGroup' },
		templateId: TEMPLATE_IDS.mutualNda,
		signer: { roleName: 'Signer', nameField: 'FullName', emailField: 'Email', tabFields: ['company_name', 'effective_date'] },
	},
	{ id: WEB_FORM_IDS.draftSurvey, accountId: SEED_IDS.accounts.acmeNa, name: 'Draft survey', isPublished: false, components: { Feedback: 'TextBox' } },
	{ id: WEB_FORM_IDS.euIntake, accountId: SEED_IDS.accounts.acmeEu, name: 'EU intake', isPublished: true, components: { FullName: 'TextBox' } },
];

const CREATED = '2026-01-15T09:30:00.000Z';
const TOKEN_LIFETIME_MS = 5 * 60 * 1000;

function findForm(ctx: PlatformCtx): SeedForm {
	const form = SEED_FORMS.find((f) => f.id === ctx.params.formId && f.accountId === ctx.account.accountId);
	if (!form) throw new PlatformError(404, 'The requested resource was not found.');
	return form;
}

function summary(ctx: PlatformCtx, form: SeedForm, state: 'active' | 'draft' = 'active'): Record<string, unknown> {
	const owner = { userId: ctx.user.userId, userName: ctx.user.name };
	return {
		id: form.id,
		accountId: form.accountId,
		isPublished: form.isPublished,
		isEnabled: form.isPublished,
		isUploaded: false,
		hasDraftChanges: !form.isPublished,
		formState: state,
		formProperties: { name: form.name, isPrivateAccess: true, allowSending: true },
		formMetadata: {
			source: form.templateId ? 'templates' : 'blank',
			type: form.templateId ? 'hasEsignTemplate' : 'standalone',
			owner,
			sender: owner,
			createdDateTime: CREATED,
			lastModifiedDateTime: CREATED,
			...(form.isPublished ? { publishedComponentNames: form.components, lastPublishedDateTime: CREATED } : {}),
		},
	};
}

/** GET /forms (WebForm_ListForms): search in the name, is_published, start_position/count. */
export function listForms(ctx: PlatformCtx): SimResponse {
	const search = (ctx.query.get('search') ?? '').toLowerCase();
	const published = ctx.query.get('is_published');
	const matching = SEED_FORMS.filter((f) => f.accountId === ctx.account.accountId)
		.filter((f) => !search || f.name.toLowerCase().includes(search))
		.filter((f) => published === null || String(f.isPublished) === published.toLowerCase());
	const start = Math.max(Number(ctx.query.get('start_position') ?? 0) || 0, 0);
	const count = Math.max(Number(ctx.query.get('count') ?? 100) || 100, 1);
	const page = matching.slice(start, start + count);
	return json(200, {
		items: page.map((f) => summary(ctx, f)),
		resultSetSize: page.length,
		totalSetSize: matching.length,
		startPosition: start,
		endPosition: start + page.length - 1,
		nextUrl: start + page.length < matching.length ? `/forms?start_position=${start + page.length}&count=${count}` : '',
		previousUrl: '',
	});
}

/** GET /forms/{formId} (WebForm_GetForm): `state` defaults to draft, as in the spec. */
export function getForm(ctx: PlatformCtx): SimResponse {
	const form = findForm(ctx);
	const state = ctx.query.get('state') ?? 'draft';
	if (state !== 'active' && state !== 'draft') throw new PlatformError(400, `Invalid state "${state}".`);
	if (state === 'active' && !form.isPublished) throw new PlatformError(404, 'The form has no active (published) version.');
	const components: Record<string, unknown> = {};
	for (const [name, type] of Object.entries(form.components)) {
		components[`${type}_${name}`] = { componentKey: `${type}_${name}`, componentType: type, componentName: name };
	}
	return json(200, {
		...summary(ctx, form, state),
		versionId: 1,
		formContent: {
			components,
			isStandalone: !form.templateId,
			templates: form.templateId ? [{ originalTemplateId: form.templateId, recipientIds: ['1'] }] : [],
		},
	});
}

function instanceJson(core: SimCore, record: WebFormInstanceRecord, withToken: boolean): Record<string, unknown> {
	return {
		id: record.id,
		formId: record.formId,
		accountId: record.accountId,
		...(record.clientUserId ? { clientUserId: record.clientUserId } : {}),
		tags: record.tags,
		status: record.status,
		formUrl: `${core.url}/webforms-ux/v1.0/forms/${record.formId}`,
		...(withToken ? { instanceToken: record.instanceToken, tokenExpirationDateTime: new Date(record.tokenExpiresAt).toISOString() } : {}),
		envelopes: record.envelopes,
		instanceMetadata: {
			expirationDateTime: record.expiresAt,
			createdDateTime: record.createdAt,
			createdBy: record.createdBy,
			lastModifiedDateTime: record.modifiedAt,
			lastModifiedBy: record.createdBy,
			...(record.submittedAt ? { submittedDateTime: record.submittedAt } : {}),
			instanceSource: record.source,
		},
		formValues: record.formValues,
		recipients: record.recipients.map((r) => ({ recipientViewId: r.recipientViewId, instanceRecipientStatus: r.status })),
	};
}

/** Prefill values must name published fields and have the type the spec gives for that field type. */
function checkFormValues(form: SeedForm, values: Record<string, unknown>): void {
	for (const [name, value] of Object.entries(values)) {
		const type = form.components[name];
		if (!type) throw new PlatformError(400, `formValues: "${name}" is not a published component of the form.`);
		const ok =
			type === 'Number' ? typeof value === 'number' : type === 'CheckboxGroup' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === 'string';
		if (!ok) throw new PlatformError(400, `formValues: "${name}" (${type}) must be ${type === 'Number' ? 'a number' : type === 'CheckboxGroup' ? 'an array of strings' : 'a string'}.`);
	}
}

/** POST /forms/{formId}/instances (WebFormInstance_CreateInstance), body CreateInstanceRequestBody. */
export function createInstance(ctx: PlatformCtx): SimResponse {
	const form = findForm(ctx);
	const body = parseJsonBody(ctx.body);
	if (ctx.core.config.specValidation) {
		const result = validateAgainstSpec('CreateInstanceRequestBody', body, 'webforms');
		if (!result.valid) throw new PlatformError(400, `The form instance cannot be created: ${result.message}`);
	}
	if (!form.isPublished) throw new PlatformError(400, 'Instances can only be created from enabled (published) web forms.');
	const remote = body.sendOption === 'now';
	const recipients = (body.recipients ?? []) as Array<{ roleName: string; name: string; email: string }>;
	if (remote && !recipients.length) throw new PlatformError(400, 'sendOption "now" needs recipients.');
	if (!remote && !body.clientUserId) throw new PlatformError(400, 'clientUserId is required.');
	if (remote && form.signer && !recipients.some((r) => r.roleName.toLowerCase() === form.signer!.roleName.toLowerCase())) {
		throw new PlatformError(400, `recipients: no recipient for the role "${form.signer.roleName}".`);
	}
	const formValues = (body.formValues ?? {}) as Record<string, unknown>;
	checkFormValues(form, formValues);
	const now = new Date();
	const record: WebFormInstanceRecord = {
		id: guid(),
		formId: form.id,
		accountId: ctx.account.accountId,
		clientUserId: body.clientUserId as string | undefined,
		tags: (body.tags ?? []) as string[],
		status: 'INITIATED',
		source: remote ? 'API_REMOTE' : 'API_EMBEDDED',
		formValues,
		recipients: recipients.map((r) => ({ ...r, recipientViewId: guid(), status: 'INITIATED' as const })),
		instanceToken: opaqueToken('wfi'),
		tokenExpiresAt: now.getTime() + TOKEN_LIFETIME_MS,
		createdBy: { userId: ctx.user.userId, userName: ctx.user.name },
		createdAt: now.toISOString(),
		expiresAt: new Date(now.getTime() + Number(body.expirationOffset ?? 720) * 3600_000).toISOString(),
		modifiedAt: now.toISOString(),
		envelopes: [],
		returnUrl: body.returnUrl as string | undefined,
	};
	ctx.core.state.webFormInstances.set(record.id, record);
	return json(200, instanceJson(ctx.core, record, !remote));
}

function findInstance(ctx: PlatformCtx): WebFormInstanceRecord {
	const record = ctx.core.state.webFormInstances.get(ctx.params.instanceId);
	if (!record || record.formId !== ctx.params.formId || record.accountId !== ctx.account.accountId) {
		throw new PlatformError(404, 'The requested resource is not found.');
	}
	return record;
}

/** GET /forms/{formId}/instances/{instanceId} (WebFormInstance_GetInstance). */
export function getInstance(ctx: PlatformCtx): SimResponse {
	findForm(ctx);
	return json(200, instanceJson(ctx.core, findInstance(ctx), false));
}

/** GET /forms/{formId}/instances (WebFormInstance_ListInstances), optional client_user_id. */
export function listInstances(ctx: PlatformCtx): SimResponse {
	const form = findForm(ctx);
	const clientUserId = ctx.query.get('client_user_id');
	const items = [...ctx.core.state.webFormInstances.values()]
		.filter((r) => r.formId === form.id && r.accountId === ctx.account.accountId)
		.filter((r) => !clientUserId || r.clientUserId === clientUserId)
		.map((r) => instanceJson(ctx.core, r, false));
	return json(200, { items });
}

/**
 * The person submits the instance (control API): values merged, status SUBMITTED, and for a form
 * tied to a template DocuSign's envelope from it, sent to the submitter (name and e-mail fields).
 */
export function submitInstance(core: SimCore, instanceId: string, values: Record<string, unknown> = {}): WebFormInstanceRecord {
	const record = core.state.webFormInstances.get(instanceId);
	if (!record) throw new PlatformError(404, `No web form instance ${instanceId}.`);
	if (record.status === 'SUBMITTED' || record.status === 'EXPIRED') throw new PlatformError(409, `The instance is ${record.status}.`);
	const form = SEED_FORMS.find((f) => f.id === record.formId)!;
	checkFormValues(form, values);
	record.formValues = { ...record.formValues, ...values };
	const now = new Date().toISOString();
	if (form.templateId && form.signer) {
		const { roleName, nameField, emailField, tabFields } = form.signer;
		const name = String(record.formValues[nameField] ?? '');
		const email = String(record.formValues[emailField] ?? '');
		if (!name || !email) throw new PlatformError(409, `The form needs ${nameField} and ${emailField} before it can be submitted.`);
		const account = core.account(record.accountId)!;
		const user = core.user(record.createdBy.userId)!;
		const membership = user.memberships.find((m) => m.accountId === account.accountId)!;
		const ctx = { core, account, user, membership } as unknown as RestCtx;
		const textTabs = tabFields.filter((f) => record.formValues[f] !== undefined).map((f) => ({ tabLabel: f, value: String(record.formValues[f]) }));
		const env = buildEnvelope(ctx, { templateId: form.templateId, status: 'sent', emailSubject: `Please sign: ${form.name}`, templateRoles: [{ roleName, name, email, tabs: { textTabs } }] }, new Map());
		core.state.envelopes.set(env.envelopeId, env);
		sendEnvelope(core, env);
		record.envelopes.push({ id: env.envelopeId, createdDateTime: now });
	}
	record.status = 'SUBMITTED';
	record.submittedAt = now;
	record.modifiedAt = now;
	for (const recipient of record.recipients) recipient.status = 'SUBMITTED';
	return record;
}
