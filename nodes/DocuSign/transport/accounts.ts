import { NodeOperationError } from 'n8n-workflow';

import type { CredentialSettings, DocuSignFunctions } from './credentials';
import { readCredentialSettings } from './credentials';
import { toDocuSignError } from './errors';
import { requestWithAuthentication } from './rotatedToken';

export interface DocuSignAccount {
	accountId: string;
	accountName: string;
	baseUri: string;
	isDefault: boolean;
	organization?: unknown;
}

export interface DocuSignUser {
	userId: string;
	name: string;
	email: string;
	/** Every account the user can use, the default one first. */
	accounts: DocuSignAccount[];
}

export interface ResolvedAccount extends DocuSignAccount {
	/** `{base_uri}/restapi/v2.1/accounts/{accountId}`: every eSignature call starts here. */
	restBaseUrl: string;
	user: DocuSignUser;
	/** The account cache entry this came from, to forget it when DocuSign disagrees. */
	cacheKey: string;
}

interface UserInfoResponse {
	sub: string;
	name?: string;
	email?: string;
	accounts?: Array<{
		account_id: string;
		account_name?: string;
		base_uri: string;
		is_default?: boolean | string;
		organization?: unknown;
	}>;
}

// DocuSign limits userinfo calls per user and per key per hour and asks integrators to cache it.
const USERINFO_TTL_MS = 60 * 60 * 1000;
const userInfoCache = new Map<string, { expiresAt: number; user: Promise<DocuSignUser> }>();

/** Drops the cached accounts of a connection, e.g. after DocuSign said the user left an account. */
export function forgetAccounts(cacheKey: string): void {
	userInfoCache.delete(cacheKey);
}

/** Test hook: empties the per-process account cache. */
export function clearAccountCache(): void {
	userInfoCache.clear();
}

/** The connected user and their accounts, from /oauth/userinfo, cached per connection for an hour. */
export async function fetchUser(this: DocuSignFunctions, settings: CredentialSettings): Promise<DocuSignUser> {
	const cached = userInfoCache.get(settings.cacheKey);
	if (cached && cached.expiresAt > Date.now()) return await cached.user;

	// Cached as a promise, so items running in parallel share one userinfo call.
	const user = requestUserInfo.call(this, settings);
	userInfoCache.set(settings.cacheKey, { expiresAt: Date.now() + USERINFO_TTL_MS, user });
	user.catch(() => userInfoCache.delete(settings.cacheKey));
	return await user;
}

async function requestUserInfo(this: DocuSignFunctions, settings: CredentialSettings): Promise<DocuSignUser> {
	let info: UserInfoResponse;
	try {
		info = (await requestWithAuthentication(this, settings.type, {
			method: 'GET',
			url: `${settings.authServer}/oauth/userinfo`,
			json: true,
		})) as UserInfoResponse;
	} catch (error) {
		throw toDocuSignError(this.getNode(), error, { action: 'read the connected user (/oauth/userinfo)' });
	}
	const accounts = (info.accounts ?? []).map(
		(account): DocuSignAccount => ({
			accountId: account.account_id,
			accountName: account.account_name ?? '',
			baseUri: String(account.base_uri ?? '').replace(/\/+$/, ''),
			isDefault: account.is_default === true || account.is_default === 'true',
			...(account.organization ? { organization: account.organization } : {}),
		}),
	);
	accounts.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
	return { userId: info.sub, name: info.name ?? '', email: info.email ?? '', accounts };
}

/**
 * The account this node works in: the credential's Account ID when set, else the user's default.
 * A user who is not a member of the asked account is told which accounts they do have.
 */
export async function resolveAccount(this: DocuSignFunctions, itemIndex = 0): Promise<ResolvedAccount> {
	const settings = await readCredentialSettings(this);
	const user = await fetchUser.call(this, settings);
	if (user.accounts.length === 0) {
		throw new NodeOperationError(this.getNode(), `DocuSign user ${describeUser(user)} has no eSignature account`, {
			itemIndex,
			description: 'Sign in with a user who belongs to a DocuSign eSignature account.',
		});
	}
	const wanted = settings.accountId.toLowerCase();
	const account = wanted
		? user.accounts.find((candidate) => candidate.accountId.toLowerCase() === wanted)
		: (user.accounts.find((candidate) => candidate.isDefault) ?? user.accounts[0]);
	if (!account) {
		throw new NodeOperationError(
			this.getNode(),
			`DocuSign user ${describeUser(user)} is not a member of account ${settings.accountId}`,
			{
				itemIndex,
				description: `The user belongs to: ${user.accounts.map(describeAccount).join('; ')}. Set the credential's Account ID to one of these API account IDs, or leave it empty to use the default account.`,
			},
		);
	}
	return {
		...account,
		restBaseUrl: `${account.baseUri}/restapi/v2.1/accounts/${account.accountId}`,
		user,
		cacheKey: settings.cacheKey,
	};
}

function describeUser(user: DocuSignUser): string {
	const label = [user.name, user.email && `<${user.email}>`].filter(Boolean).join(' ');
	return label ? `${label} (${user.userId})` : user.userId;
}

export function describeAccount(account: DocuSignAccount): string {
	return `"${account.accountName}" (${account.accountId}${account.isDefault ? ', default' : ''})`;
}
