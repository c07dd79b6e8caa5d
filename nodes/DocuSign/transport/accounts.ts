import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isGuid } from '../helpers/guid';

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

/** The node parameters that choose the account (actions/common.descriptions.ts). */
export const ACCOUNT_SOURCE_PARAMETER = 'accountSource';
export const ACCOUNT_PARAMETER = 'account';

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

/** Where the account of a call comes from, for the error that names the user's accounts. */
type AccountSource = 'node' | 'credential' | 'stored';

const ACCOUNT_HINTS: Record<AccountSource, string> = {
	node: 'Pick one of these in the node\'s Account parameter (From List), or set Account to "Credential\'s Account".',
	credential: 'Set the credential\'s Account ID to one of these API account IDs, or leave it empty to use the default account.',
	stored: 'The account this node worked in earlier (its Connect registration, or the envelope it waits for) is not one of them any more.',
};

const isExecuteContext = (context: DocuSignFunctions): context is IExecuteFunctions => 'getInputData' in context;

/** A resource locator's value ({__rl, mode, value}) or a plain string, as the workflow JSON holds it. */
function locatorValue(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value ?? '').trim();
	return String(value ?? '').trim();
}

/**
 * The node's Account parameter for one item: the API account ID it names, or undefined when the
 * node uses the credential's account (also for nodes without the parameter).
 */
export function readAccountParameter(context: DocuSignFunctions, itemIndex: number): string | undefined {
	const source = isExecuteContext(context)
		? context.getNodeParameter(ACCOUNT_SOURCE_PARAMETER, itemIndex, 'credential')
		: context.getNodeParameter(ACCOUNT_SOURCE_PARAMETER, 'credential');
	if (source !== 'node') return undefined;
	const chosen = isExecuteContext(context)
		? context.getNodeParameter(ACCOUNT_PARAMETER, itemIndex, '', { extractValue: true })
		: context.getNodeParameter(ACCOUNT_PARAMETER, '', { extractValue: true });
	const accountId = locatorValue(chosen);
	if (!accountId) {
		throw new NodeOperationError(context.getNode(), 'Choose the DocuSign account to work in', {
			itemIndex,
			description: 'Account is set to "Pick an Account" but no account is chosen. Pick one From List, enter its API account ID, or set Account to "Credential\'s Account".',
		});
	}
	if (!isGuid(accountId)) {
		throw new NodeOperationError(context.getNode(), `"${accountId.slice(0, 80)}" is not a DocuSign API account ID`, {
			itemIndex,
			description:
				'The API account ID is a GUID such as 0f4e2b7c-1d3a-4c5e-8f90-a1b2c3d4e5f1 (DocuSign Admin → Apps and Keys → API Account ID), not the account number. Pick the account From List to see the IDs.',
		});
	}
	return accountId;
}

/**
 * The account a call works in: `accountId` when given (stored by the trigger, or named by the event
 * that resumes Send and Wait), else the
 * node's Account parameter for this item, else the credential's Account ID, else the user's
 * default. A user who is not a member of that account is told which accounts they do have.
 */
export async function resolveAccount(this: DocuSignFunctions, itemIndex = 0, accountId?: string): Promise<ResolvedAccount> {
	const fromNode = accountId === undefined ? readAccountParameter(this, itemIndex) : undefined;
	const settings = await readCredentialSettings(this);
	const source: AccountSource = accountId !== undefined ? 'stored' : fromNode !== undefined ? 'node' : 'credential';
	const asked = (accountId ?? fromNode ?? settings.accountId).trim();
	const user = await fetchUser.call(this, settings);
	if (user.accounts.length === 0) {
		throw new NodeOperationError(this.getNode(), `DocuSign user ${describeUser(user)} has no eSignature account`, {
			itemIndex,
			description: 'Sign in with a user who belongs to a DocuSign eSignature account.',
		});
	}
	const wanted = asked.toLowerCase();
	const account = wanted
		? user.accounts.find((candidate) => candidate.accountId.toLowerCase() === wanted)
		: (user.accounts.find((candidate) => candidate.isDefault) ?? user.accounts[0]);
	if (!account) {
		throw new NodeOperationError(this.getNode(), `DocuSign user ${describeUser(user)} is not a member of account ${asked}`, {
			itemIndex,
			description: `The user belongs to: ${user.accounts.map(describeAccount).join('; ')}. ${ACCOUNT_HINTS[source]}`,
		});
	}
	return {
		...account,
		restBaseUrl: `${account.baseUri}/restapi/v2.1/accounts/${account.accountId}`,
		user,
		cacheKey: settings.cacheKey,
	};
}

/**
 * The site of an account's base URI, e.g. "na3" for https://na3.docusign.net, "demo" for the
 * developer environment; for a base URI on a bare host (the simulator) its first path segment.
 */
export function siteOf(baseUri: string): string {
	try {
		const url = new URL(baseUri);
		const host = url.hostname;
		const bareHost = host === 'localhost' || /^[0-9.]+$/.test(host) || host.startsWith('[');
		const site = bareHost ? url.pathname.split('/').find(Boolean) : host.split('.')[0];
		return site ?? host;
	} catch {
		return baseUri;
	}
}

function describeUser(user: DocuSignUser): string {
	const label = [user.name, user.email && `<${user.email}>`].filter(Boolean).join(' ');
	return label ? `${label} (${user.userId})` : user.userId;
}

export function describeAccount(account: DocuSignAccount): string {
	return `"${account.accountName}" (${account.accountId}${account.isDefault ? ', default' : ''})`;
}
