import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchTemplateFolders } from '../../actions/template/templateFolders';

/** The user's template folders and those shared with them, by path, for folder dropdowns. */
export async function getTemplateFolders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const folders = await fetchTemplateFolders.call(this, { includeShared: true });
	return folders
		.map((folder) => ({
			name: folder.sharedWithMe ? `${folder.path} (shared with me)` : folder.path,
			value: folder.folderId,
			description: folder.ownerName ? `Owner: ${folder.ownerName}` : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
