import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isGuid } from '../../helpers/guid';
import { inputError } from '../../helpers/itemErrors';
import { apiRequest, type DocuSignFunctions } from '../../transport';

/** A template folder, with its place in the folder tree spelled out. */
export interface TemplateFolder {
	folderId: string;
	name: string;
	/** Names from the top folder down, e.g. "HR / Offers". */
	path: string;
	/** Whether the folder is shared with the user by someone else (DocuSign's shared template folders). */
	sharedWithMe: boolean;
	type: string;
	parentFolderId: string;
	itemCount?: number;
	ownerName?: string;
	ownerEmail?: string;
}

/** DocuSign's type of a user's root template folder ("Templates", the web app's My Templates). */
const TEMPLATES_ROOT_TYPE = 'templates';

function flatten(folders: unknown, sharedWithMe: boolean, parentPath: string, out: TemplateFolder[]): void {
	if (!Array.isArray(folders)) return;
	for (const folder of folders as IDataObject[]) {
		// The root stands for "no folder" (My Templates): its subfolders are the user's top folders.
		if (folder.type === TEMPLATES_ROOT_TYPE) {
			flatten(folder.folders, sharedWithMe, '', out);
			continue;
		}
		if (typeof folder.folderId !== 'string' || !folder.folderId) continue;
		const name = typeof folder.name === 'string' && folder.name ? folder.name : folder.folderId;
		const path = parentPath ? `${parentPath} / ${name}` : name;
		const owner = (folder.owner ?? {}) as IDataObject;
		const itemCount = Number(folder.itemCount);
		out.push({
			folderId: folder.folderId,
			name,
			path,
			sharedWithMe,
			type: String(folder.type ?? ''),
			parentFolderId: String(folder.parentFolderId ?? ''),
			...(Number.isFinite(itemCount) && folder.itemCount !== undefined ? { itemCount } : {}),
			...(typeof owner.userName === 'string' ? { ownerName: owner.userName } : {}),
			...(typeof owner.email === 'string' ? { ownerEmail: owner.email } : {}),
		});
		flatten(folder.folders, sharedWithMe, path, out);
	}
}

/**
 * The user's template folders and, on request, the template folders shared with them, subfolders
 * included: GET /folders with `include` (v2.1; the older `template` parameter is deprecated) and
 * `sub_folder_depth=-1` (without it DocuSign shows only the first level of subfolders). Own folders
 * come under the user's root "Templates" folder, which is left out. Asked separately so that each
 * folder is known to be the user's own or shared.
 */
export async function fetchTemplateFolders(
	this: DocuSignFunctions,
	options: { includeShared: boolean; itemIndex?: number },
): Promise<TemplateFolder[]> {
	const kinds: Array<[string, boolean]> = [['template_folders', false]];
	if (options.includeShared) kinds.push(['shared_template_folders', true]);
	const folders: TemplateFolder[] = [];
	for (const [include, sharedWithMe] of kinds) {
		const response = (await apiRequest.call(this, 'GET', '/folders', {
			qs: { include, sub_folder_depth: -1 },
			itemIndex: options.itemIndex,
			action: sharedWithMe ? 'list the shared template folders' : 'list the template folders',
		})) as IDataObject;
		flatten(response.folders, sharedWithMe, '', folders);
	}
	const seen = new Set<string>();
	return folders.filter((folder) => (seen.has(folder.folderId) ? false : (seen.add(folder.folderId), true)));
}

/** A folder ID from a dropdown or an expression: empty, or a GUID (checked before any call). */
export function readFolderId(context: IExecuteFunctions, itemIndex: number, value: unknown, where: string): string | undefined {
	const folderId = typeof value === 'string' ? value.trim() : '';
	if (!folderId) return undefined;
	if (!isGuid(folderId)) {
		throw inputError(
			context,
			itemIndex,
			`${where}: "${folderId.slice(0, 100)}" is not a DocuSign folder ID`,
			'Pick the folder from the list, or give its ID (a GUID such as 8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d); Template → Get Folders lists them.',
		);
	}
	return folderId;
}
