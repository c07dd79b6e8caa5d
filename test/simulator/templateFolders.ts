/**
 * Template folders (GET /folders, Folders_GetFolders). Fixed per account: the seed has no API to
 * make folders. `include` picks the kinds (v2.1; the `template` parameter is deprecated, spec
 * Folders_GetFolders): `template_folders` = the caller's own, under their root folder of type
 * `templates` ("Templates", DocuSign's My Templates), `shared_template_folders` = other users'
 * folders shared with the account, each at the top with type `sharedtemplates`,
 * `envelope_folders` (default) = the system folders. Shape from DocuSign's own template-edit
 * example (docusign/docusign.github.io app-examples/template-edit/library/templates.js).
 * Only the first level of subfolders is shown unless `sub_folder_depth=-1` (DocuSign's Folders:list
 * reference: "By default, only the first level of subfolders is shown. Set the sub_folder_depth
 * query parameter to -1 to return the entire folder hierarchy").
 */
import { createHash } from 'node:crypto';

import { SEED_IDS } from './seed';
import { json, type SimResponse } from './http';
import type { RestCtx } from './restAuth';

export interface TemplateFolderSeed {
	folderId: string;
	accountId: string;
	ownerUserId: string;
	name: string;
	parentFolderId?: string;
	shared: boolean;
}

export const TEMPLATE_FOLDER_IDS = {
	hr: 'f01de700-0000-4000-8000-000000000001',
	hrOffers: 'f01de700-0000-4000-8000-000000000002',
	legal: 'f01de700-0000-4000-8000-000000000003',
	euContracts: 'f01de700-0000-4000-8000-000000000004',
} as const;

export const TEMPLATE_FOLDERS: TemplateFolderSeed[] = [
	{ folderId: TEMPLATE_FOLDER_IDS.hr, accountId: SEED_IDS.accounts.acmeNa, ownerUserId: SEED_IDS.users.alice, name: 'HR', shared: false },
	{ folderId: TEMPLATE_FOLDER_IDS.hrOffers, accountId: SEED_IDS.accounts.acmeNa, ownerUserId: SEED_IDS.users.alice, name: 'Offers', parentFolderId: TEMPLATE_FOLDER_IDS.hr, shared: false },
	// Carol's folder, shared with Acme's users.
	{ folderId: TEMPLATE_FOLDER_IDS.legal, accountId: SEED_IDS.accounts.acmeNa, ownerUserId: SEED_IDS.users.carol, name: 'Legal', shared: true },
	{ folderId: TEMPLATE_FOLDER_IDS.euContracts, accountId: SEED_IDS.accounts.acmeEu, ownerUserId: SEED_IDS.users.alice, name: 'Contracts', shared: false },
];

const ENVELOPE_FOLDERS = [
	['Inbox', 'inbox'],
	['Sent Items', 'sentitems'],
	['Draft', 'draft'],
	['Deleted Items', 'recyclebin'],
] as const;

/** The template folders the caller may file templates in or list: their own, or shared with them. */
export function visibleTemplateFolders(ctx: RestCtx): TemplateFolderSeed[] {
	return TEMPLATE_FOLDERS.filter((f) => f.accountId === ctx.account.accountId && (f.ownerUserId === ctx.user.userId || f.shared));
}

/** The ID of a user's root template folder ("Templates") in an account: stable, GUID-shaped. */
export function templatesRootId(accountId: string, userId: string): string {
	const hex = createHash('sha256').update(`templates-root:${accountId}:${userId}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Levels of subfolders to show below the top folders: 1 by default, all for -1. */
function subFolderDepth(ctx: RestCtx): number {
	const depth = Number(ctx.query.get('sub_folder_depth'));
	if (depth === -1) return Number.POSITIVE_INFINITY;
	return Number.isInteger(depth) && depth >= 1 ? depth : 1;
}

function ownerJson(ctx: RestCtx, userId: string): Record<string, unknown> | undefined {
	const owner = ctx.core.user(userId);
	return owner && { userName: owner.name, userId: owner.userId, email: owner.email };
}

/** A folder with `levels` levels of its subfolders; `parentFolderId` overrides the seed's for top folders. */
function folderJson(
	ctx: RestCtx,
	folder: TemplateFolderSeed,
	all: TemplateFolderSeed[],
	levels: number,
	type: string,
	parentFolderId: string,
): Record<string, unknown> {
	const children = all.filter((f) => f.parentFolderId === folder.folderId);
	const items = [...ctx.core.state.templates.values()].filter((t) => t.folderId === folder.folderId).length;
	return {
		folderId: folder.folderId,
		name: folder.name,
		type,
		uri: `/folders/${folder.folderId}`,
		parentFolderId,
		owner: ownerJson(ctx, folder.ownerUserId),
		hasAccess: 'true',
		hasSubFolders: String(children.length > 0),
		subFolderCount: String(children.length),
		itemCount: String(items),
		...(children.length && levels > 0
			? { folders: children.map((c) => folderJson(ctx, c, all, levels - 1, 'custom', folder.folderId)) }
			: {}),
	};
}

export function listFolders(ctx: RestCtx): SimResponse {
	const include = (ctx.query.get('include') ?? 'envelope_folders').split(',').map((v) => v.trim());
	const levels = subFolderDepth(ctx);
	const visible = visibleTemplateFolders(ctx);
	const tops: Record<string, unknown>[] = [];
	if (include.includes('envelope_folders')) {
		for (const [name, type] of ENVELOPE_FOLDERS) tops.push({ folderId: type, name, type, uri: `/folders/${type}`, parentFolderId: 'root', hasSubFolders: 'false' });
	}
	const isTop = (f: TemplateFolderSeed, among: TemplateFolderSeed[]) => !f.parentFolderId || !among.some((p) => p.folderId === f.parentFolderId);
	if (include.includes('template_folders')) {
		const own = visible.filter((f) => f.ownerUserId === ctx.user.userId);
		const rootId = templatesRootId(ctx.account.accountId, ctx.user.userId);
		const firsts = own.filter((f) => isTop(f, own));
		const inRoot = [...ctx.core.state.templates.values()].filter(
			(t) => t.accountId === ctx.account.accountId && t.ownerUserId === ctx.user.userId && !t.folderId,
		).length;
		tops.push({
			folderId: rootId,
			name: 'Templates',
			type: 'templates',
			uri: `/folders/${rootId}`,
			owner: ownerJson(ctx, ctx.user.userId),
			hasAccess: 'true',
			hasSubFolders: String(firsts.length > 0),
			subFolderCount: String(firsts.length),
			itemCount: String(inRoot),
			...(firsts.length ? { folders: firsts.map((f) => folderJson(ctx, f, own, levels - 1, 'custom', rootId)) } : {}),
		});
	}
	if (include.includes('shared_template_folders')) {
		const shared = visible.filter((f) => f.ownerUserId !== ctx.user.userId);
		for (const top of shared.filter((f) => isTop(f, shared))) {
			tops.push(folderJson(ctx, top, shared, levels, 'sharedtemplates', top.parentFolderId ?? 'root'));
		}
	}
	return json(200, {
		resultSetSize: String(tops.length),
		startPosition: '0',
		endPosition: String(tops.length - 1),
		totalSetSize: String(tops.length),
		folders: tops,
	});
}
