/**
 * Template folders (GET /folders, Folders_GetFolders). Fixed per account: the seed has no API to
 * make folders. `include` picks the kinds (v2.1; the `template` parameter is deprecated, spec
 * Folders_GetFolders): `template_folders` = the caller's own, `shared_template_folders` = other
 * users' folders shared with the account, `envelope_folders` (default) = the system folders.
 */
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

function folderJson(ctx: RestCtx, folder: TemplateFolderSeed, all: TemplateFolderSeed[]): Record<string, unknown> {
	const owner = ctx.core.user(folder.ownerUserId);
	const children = all.filter((f) => f.parentFolderId === folder.folderId);
	const items = [...ctx.core.state.templates.values()].filter((t) => t.folderId === folder.folderId).length;
	return {
		folderId: folder.folderId,
		name: folder.name,
		type: 'custom',
		uri: `/folders/${folder.folderId}`,
		parentFolderId: folder.parentFolderId ?? 'root',
		owner: owner && { userName: owner.name, userId: owner.userId, email: owner.email },
		hasAccess: 'true',
		hasSubFolders: String(children.length > 0),
		subFolderCount: String(children.length),
		itemCount: String(items),
		...(children.length ? { folders: children.map((c) => folderJson(ctx, c, all)) } : {}),
	};
}

export function listFolders(ctx: RestCtx): SimResponse {
	const include = (ctx.query.get('include') ?? 'envelope_folders').split(',').map((v) => v.trim());
	const visible = visibleTemplateFolders(ctx);
	const tops: Record<string, unknown>[] = [];
	if (include.includes('envelope_folders')) {
		for (const [name, type] of ENVELOPE_FOLDERS) tops.push({ folderId: type, name, type, uri: `/folders/${type}`, parentFolderId: 'root', hasSubFolders: 'false' });
	}
	const kinds: Array<[string, (f: TemplateFolderSeed) => boolean]> = [
		['template_folders', (f) => f.ownerUserId === ctx.user.userId],
		['shared_template_folders', (f) => f.ownerUserId !== ctx.user.userId],
	];
	for (const [kind, mine] of kinds) {
		if (!include.includes(kind)) continue;
		const folders = visible.filter(mine);
		for (const top of folders.filter((f) => !f.parentFolderId || !folders.some((p) => p.folderId === f.parentFolderId))) {
			tops.push(folderJson(ctx, top, folders));
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
