import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { fetchUser, readCredentialSettings, siteOf } from '../../transport';

/**
 * The connected user's accounts, from the cached userinfo (no extra DocuSign call within the
 * hour): name, site and default mark, the API account ID as description; the default first.
 */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const user = await fetchUser.call(this, await readCredentialSettings(this));
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = user.accounts
		.map((account): INodeListSearchItems => {
			const site = siteOf(account.baseUri);
			return {
				name: `${account.accountName || account.accountId} (${site}${account.isDefault ? ', default' : ''})`,
				value: account.accountId,
				description: `API account ID ${account.accountId} · ${account.baseUri}`,
			};
		})
		.filter((item) => !wanted || `${item.name} ${item.value}`.toLowerCase().includes(wanted));
	return { results };
}
