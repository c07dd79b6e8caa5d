/** Fixed identities of the simulated DocuSign world: integration keys, users, accounts. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SeedAccount, SeedData, SeedIntegrationKey, SeedUser, TemplateRecord } from './types';

/** GUIDs that never change, so that tests and workflows can name them. */
export const SEED_IDS = {
	integrationKey: '6f0c8a52-3b1e-4d7a-9c2f-5e0d1c2b3a01',
	otherIntegrationKey: '6f0c8a52-3b1e-4d7a-9c2f-5e0d1c2b3a02',
	accounts: {
		acmeNa: '0f4e2b7c-1d3a-4c5e-8f90-a1b2c3d4e5f1',
		acmeEu: '0f4e2b7c-1d3a-4c5e-8f90-a1b2c3d4e5f2',
		globexAu: '0f4e2b7c-1d3a-4c5e-8f90-a1b2c3d4e5f3',
		initechNa: '0f4e2b7c-1d3a-4c5e-8f90-a1b2c3d4e5f4',
	},
	users: {
		/** Member of acmeNa (default, admin), acmeEu (admin), globexAu; consented to integrationKey. */
		alice: '7c2d9e41-5b6a-4f83-9e1d-0a1b2c3d4e01',
		/** Member of acmeEu only (not admin); has NOT consented: JWT Grant → consent_required. */
		bob: '7c2d9e41-5b6a-4f83-9e1d-0a1b2c3d4e02',
		/** Member of globexAu (default, admin) and acmeNa; consented to both integration keys. */
		carol: '7c2d9e41-5b6a-4f83-9e1d-0a1b2c3d4e03',
	},
} as const;

export const CLIENT_SECRETS: Record<string, string> = {
	[SEED_IDS.integrationKey]: 'sim-secret-3f9a1c7e-0b42-4d8e-a6f1-2c5b9d0e7a11',
	[SEED_IDS.otherIntegrationKey]: 'sim-secret-8d2e6b1f-4c73-4a9e-b0d5-7e1f3a2c9b22',
};

export interface KeyMaterial {
	privateKeyPkcs1: string;
	privateKeyPkcs8: string;
	publicKey: string;
}

export function keyMaterialFrom(privateKey: KeyObject): KeyMaterial {
	return {
		privateKeyPkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
		privateKeyPkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
	};
}

/** A fresh RSA 2048 key pair per integration key, or the PEMs given (PKCS#1 or PKCS#8). */
export function makeKeyMaterial(givenPems: Record<string, string> = {}): Record<string, KeyMaterial> {
	const result: Record<string, KeyMaterial> = {};
	for (const ik of [SEED_IDS.integrationKey, SEED_IDS.otherIntegrationKey]) {
		const pem = givenPems[ik];
		const key = pem
			? createPrivateKey(pem)
			: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
		result[ik] = keyMaterialFrom(key);
	}
	return result;
}

function accounts(url: string): SeedAccount[] {
	const org = (id: string) => ({
		organization_id: id,
		links: [{ rel: 'self', href: `${url}/organizations/${id}` }],
	});
	const make = (accountId: string, accountName: string, site: string, orgId?: string): SeedAccount => ({
		accountId,
		accountName,
		site,
		baseUri: `${url}/${site}`,
		...(orgId ? { organization: org(orgId) } : {}),
	});
	const A = SEED_IDS.accounts;
	return [
		make(A.acmeNa, 'Acme Corp', 'na3', 'b3a1c2d4-0000-4000-8000-00000000acme'),
		make(A.acmeEu, 'Acme Europe GmbH', 'eu1', 'b3a1c2d4-0000-4000-8000-00000000acme'),
		make(A.globexAu, 'Globex Pty Ltd', 'au2'),
		make(A.initechNa, 'Initech', 'na3'),
	];
}

function users(): SeedUser[] {
	const A = SEED_IDS.accounts;
	const U = SEED_IDS.users;
	return [
		{
			userId: U.alice,
			name: 'Alice Adams',
			givenName: 'Alice',
			familyName: 'Adams',
			email: 'alice@acme.example',
			memberships: [
				{ accountId: A.acmeNa, isDefault: true, isAdmin: true },
				{ accountId: A.acmeEu, isDefault: false, isAdmin: true },
				{ accountId: A.globexAu, isDefault: false, isAdmin: false },
			],
			consentedIntegrationKeys: [SEED_IDS.integrationKey],
		},
		{
			userId: U.bob,
			name: 'Bob Brown',
			givenName: 'Bob',
			familyName: 'Brown',
			email: 'bob@acme.example',
			memberships: [{ accountId: A.acmeEu, isDefault: true, isAdmin: false }],
			consentedIntegrationKeys: [],
		},
		{
			userId: U.carol,
			name: 'Carol Chen',
			givenName: 'Carol',
			familyName: 'Chen',
			email: 'carol@globex.example',
			memberships: [
				{ accountId: A.globexAu, isDefault: true, isAdmin: true },
				{ accountId: A.acmeNa, isDefault: false, isAdmin: false },
			],
			consentedIntegrationKeys: [SEED_IDS.integrationKey, SEED_IDS.otherIntegrationKey],
		},
	];
}

export function buildSeed(url: string, keys: Record<string, KeyMaterial>, templates: TemplateRecord[]): SeedData {
	const integrationKeys: SeedIntegrationKey[] = [
		{ integrationKey: SEED_IDS.integrationKey, name: 'n8n DocuSign (simulated)' },
		{ integrationKey: SEED_IDS.otherIntegrationKey, name: 'Another app (simulated)' },
	].map(({ integrationKey, name }) => ({
		integrationKey,
		name,
		clientSecret: CLIENT_SECRETS[integrationKey],
		...keys[integrationKey],
		redirectUris: [
			'http://localhost:5678/rest/oauth2-credential/callback',
			'http://127.0.0.1:5678/rest/oauth2-credential/callback',
		],
	}));
	return {
		authServer: url,
		audience: new URL(url).host,
		integrationKeys,
		users: users(),
		accounts: accounts(url),
		templates: templates.map((t) => ({
			templateId: t.templateId,
			accountId: t.accountId,
			name: t.name,
			roles: t.recipients.map((r) => r.roleName ?? ''),
		})),
	};
}
