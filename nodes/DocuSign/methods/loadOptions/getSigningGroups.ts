import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../../transport';

/** The account's signing groups (GET /signing_groups), with their members' count. */
export async function getSigningGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = (await apiRequest.call(this, 'GET', '/signing_groups', {
		qs: { include_users: 'true' },
		action: "list the account's signing groups",
	})) as { groups?: IDataObject[] };
	return (response.groups ?? [])
		.filter((group) => typeof group.signingGroupId === 'string' && group.signingGroupId)
		.map((group) => {
			const users = Array.isArray(group.users) ? (group.users as IDataObject[]) : [];
			const members = users.map((user) => String(user.email ?? user.userName ?? '')).filter(Boolean);
			return {
				name: String(group.groupName ?? '').trim() || String(group.signingGroupId),
				value: String(group.signingGroupId),
				description: members.length
					? `${members.length} member${members.length === 1 ? '' : 's'}: ${members.slice(0, 5).join(', ')}${members.length > 5 ? '…' : ''}`
					: 'No members listed',
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
