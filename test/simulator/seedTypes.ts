/** The seeded identities: integration keys, accounts (one site each), users and memberships. */

export interface SeedIntegrationKey {
	integrationKey: string;
	name: string;
	clientSecret: string;
	/** `-----BEGIN RSA PRIVATE KEY-----`, as DocuSign's "Generate RSA" downloads it. */
	privateKeyPkcs1: string;
	/** `-----BEGIN PRIVATE KEY-----` form of the same key. */
	privateKeyPkcs8: string;
	/** SPKI `-----BEGIN PUBLIC KEY-----`, registered for the IK: JWT assertions are checked with it. */
	publicKey: string;
	/** Redirect URIs registered for the IK; any loopback URI is accepted too. */
	redirectUris: string[];
}

export interface SeedAccount {
	accountId: string;
	accountName: string;
	/** Path prefix standing for the DocuSign site, e.g. "na3": base_uri = `${url}/na3`. */
	site: string;
	baseUri: string;
	organization?: { organization_id: string; links: Array<{ rel: string; href: string }> };
}

export interface SeedMembership {
	accountId: string;
	isDefault: boolean;
	/** Account administrators may manage Connect configurations. */
	isAdmin: boolean;
}

export interface SeedUser {
	userId: string;
	name: string;
	givenName: string;
	familyName: string;
	email: string;
	memberships: SeedMembership[];
	/** IKs this user consented to at start (JWT Grant works at once for them). */
	consentedIntegrationKeys: string[];
}

export interface SeedTemplateSummary {
	templateId: string;
	accountId: string;
	name: string;
	roles: string[];
}

export interface SeedData {
	/** Base URL of the auth server, e.g. http://127.0.0.1:8089. */
	authServer: string;
	/** JWT `aud` the auth server expects: its host without scheme, e.g. 127.0.0.1:8089. */
	audience: string;
	integrationKeys: SeedIntegrationKey[];
	users: SeedUser[];
	accounts: SeedAccount[];
	templates: SeedTemplateSummary[];
}
