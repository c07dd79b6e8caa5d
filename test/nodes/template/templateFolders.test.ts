/**
 * Template folders and sharing: Template → Get Folders (GET /folders with include=template_folders
 * and shared_template_folders, subfolders flattened with their path), the folder dropdown, and
 * Template → Get Many's folder, sharing and include filters, against DocuSign-shaped answers.
 */
import { calls, installNockHooks, json, loadOptionsContext, mockApi, mockUserinfo, runNode, templatePage } from './kit';

import { getTemplateFolders } from '../../../nodes/DocuSign/methods/loadOptions/getTemplateFolders';

installNockHooks();

const HR = 'f01de700-0000-4000-8000-000000000001';
const OFFERS = 'f01de700-0000-4000-8000-000000000002';
const LEGAL = 'f01de700-0000-4000-8000-000000000003';

const owner = (userName: string, email: string) => ({ userName, userId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', email });

const ROOT = '9d1c0a57-0000-4000-8000-00000000000f';

/**
 * GET /folders?include=template_folders&sub_folder_depth=-1 as DocuSign answers it: the user's root
 * "Templates" folder (type templates) holding HR, which holds Offers.
 */
const ownFolders = {
	resultSetSize: '1',
	startPosition: '0',
	endPosition: '0',
	totalSetSize: '1',
	folders: [
		{
			folderId: ROOT,
			name: 'Templates',
			type: 'templates',
			owner: owner('Olga Ops', 'olga@example.com'),
			itemCount: '3',
			hasSubFolders: 'true',
			folders: [
				{
					folderId: HR,
					name: 'HR',
					type: 'custom',
					parentFolderId: ROOT,
					owner: owner('Olga Ops', 'olga@example.com'),
					itemCount: '2',
					hasSubFolders: 'true',
					folders: [{ folderId: OFFERS, name: 'Offers', type: 'custom', parentFolderId: HR, owner: owner('Olga Ops', 'olga@example.com'), itemCount: '1' }],
				},
			],
		},
	],
};

/** Shared template folders come each at the top, type sharedtemplates. */
const sharedFolders = {
	folders: [{ folderId: LEGAL, name: 'Legal', type: 'sharedtemplates', parentFolderId: 'root', owner: owner('Carl Counsel', 'carl@example.com'), itemCount: '4' }],
};

function mockFolders(): void {
	mockApi('GET', '/folders', (call) => [200, call.query.include === 'shared_template_folders' ? sharedFolders : ownFolders], 2);
}

describe('Template → Get Folders', () => {
	it('lists own and shared template folders, subfolders with their path, one item each', async () => {
		mockUserinfo();
		mockFolders();

		const result = await runNode({ resource: 'template', operation: 'getFolders' });

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => [call.path, call.query])).toEqual([
			['/folders', { include: 'template_folders', sub_folder_depth: '-1' }],
			['/folders', { include: 'shared_template_folders', sub_folder_depth: '-1' }],
		]);
		expect(json(result)).toEqual([
			{ folderId: HR, name: 'HR', path: 'HR', sharedWithMe: false, type: 'custom', parentFolderId: ROOT, itemCount: 2, ownerName: 'Olga Ops', ownerEmail: 'olga@example.com' },
			{ folderId: OFFERS, name: 'Offers', path: 'HR / Offers', sharedWithMe: false, type: 'custom', parentFolderId: HR, itemCount: 1, ownerName: 'Olga Ops', ownerEmail: 'olga@example.com' },
			{ folderId: LEGAL, name: 'Legal', path: 'Legal', sharedWithMe: true, type: 'sharedtemplates', parentFolderId: 'root', itemCount: 4, ownerName: 'Carl Counsel', ownerEmail: 'carl@example.com' },
		]);
		expect(result.outputOf('DocuSign').every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('asks only for the user\'s own folders when shared ones are not wanted', async () => {
		mockUserinfo();
		mockApi('GET', '/folders', [200, ownFolders]);

		const result = await runNode({ resource: 'template', operation: 'getFolders', includeShared: false });

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => call.query)).toEqual([{ include: 'template_folders', sub_folder_depth: '-1' }]);
		expect(json(result).map((folder) => folder.path)).toEqual(['HR', 'HR / Offers']);
	});
});

describe('template folder dropdown', () => {
	it('offers every folder by path, shared ones marked, sorted', async () => {
		mockUserinfo();
		mockFolders();

		const context = await loadOptionsContext({ resource: 'template', operation: 'getAll' }, 'parameters.filters.folderIds');
		const options = await getTemplateFolders.call(context);

		expect(options).toEqual([
			{ name: 'HR', value: HR, description: 'Owner: Olga Ops' },
			{ name: 'HR / Offers', value: OFFERS, description: 'Owner: Olga Ops' },
			{ name: 'Legal (shared with me)', value: LEGAL, description: 'Owner: Carl Counsel' },
		]);
	});
});

describe('Template → Get Many: folders and sharing', () => {
	it('sends folder_ids, shared_by_me, user_filter and include in DocuSign\'s names', async () => {
		mockUserinfo();
		mockApi('GET', '/templates', (call) => [200, templatePage(Number(call.query.start_position), Number(call.query.count), 3)]);

		const result = await runNode({
			resource: 'template',
			operation: 'getAll',
			returnAll: true,
			filters: { folderIds: [HR, OFFERS], sharedByMe: 'true', userFilter: 'owned_by_me' },
			options: { include: ['folders', 'recipients'] },
		});

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => call.query)).toEqual([
			{
				user_filter: 'owned_by_me',
				shared_by_me: 'true',
				folder_ids: `${HR},${OFFERS}`,
				include: 'folders,recipients',
				start_position: '0',
				count: '100',
			},
		]);
		expect(json(result)).toHaveLength(3);
	});

	it('lists templates shared with the user', async () => {
		mockUserinfo();
		mockApi('GET', '/templates', [200, templatePage(0, 100, 1)]);

		const result = await runNode({ resource: 'template', operation: 'getAll', returnAll: true, filters: { userFilter: 'shared_with_me', sharedByMe: 'any' } });

		expect(result.error).toBeUndefined();
		expect(calls.map((call) => call.query)).toEqual([{ user_filter: 'shared_with_me', start_position: '0', count: '100' }]);
	});

	it('refuses a folder that is not an ID (from an expression) before calling DocuSign', async () => {
		const result = await runNode({ resource: 'template', operation: 'getAll', returnAll: true, filters: { folderIds: '={{ ["HR"] }}' } });

		expect(result.error?.message).toBe('Item 1: Filters → Folder 1: "HR" is not a DocuSign folder ID');
		expect(calls).toEqual([]);
	});
});
