/** Workflow and credential fixtures: Manual Trigger → DocuSign node(s), as the editor would save them. */
import { CLIENT_SECRETS, SEED_IDS } from '../../simulator';
import type { CredentialFixture, WorkflowFixture } from './n8n';
import type { FixtureContext } from './scenario';
import type { SimClient } from './sim';

export const DOCUSIGN_NODE_TYPE = 'n8n-nodes-docusign.docuSign';

export interface DocuSignStep {
	/** Node name (unique in the workflow); its output is read by this name. */
	name: string;
	credential: CredentialFixture;
	/** Node parameters besides `authentication`, e.g. `{resource: 'account', operation: 'get'}`. */
	parameters: Record<string, unknown>;
}

const AUTHENTICATION: Record<string, string> = { docuSignJwtApi: 'jwt', docuSignOAuth2Api: 'oAuth2' };

/**
 * A workflow whose Manual Trigger feeds every step in parallel (each step gets the trigger's one
 * item), so each step runs once and its output can be read on its own.
 */
export function docuSignWorkflow(id: string, name: string, steps: DocuSignStep[]): WorkflowFixture {
	const trigger = {
		id: `${id}-trigger`,
		name: 'When clicking "Execute workflow"',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = steps.map((step, i) => {
		const authentication = AUTHENTICATION[step.credential.type];
		if (!authentication) throw new Error(`no DocuSign authentication for credential type ${step.credential.type}`);
		return {
			id: `${id}-node-${i}`,
			name: step.name,
			type: DOCUSIGN_NODE_TYPE,
			typeVersion: 1,
			position: [240, i * 200],
			parameters: { authentication, ...step.parameters },
			credentials: { [step.credential.type]: { id: step.credential.id, name: step.credential.name } },
		};
	});
	return {
		id,
		name,
		nodes: [trigger, ...nodes],
		connections: {
			[trigger.name]: { main: [steps.map((step) => ({ node: step.name, type: 'main', index: 0 }))] },
		},
	};
}

/** n8n wants 16-character alphanumeric ids for workflows and credentials it imports. */
export function fixedId(prefix: string): string {
	const clean = prefix.replace(/[^A-Za-z0-9]/g, '');
	if (clean.length > 16) throw new Error(`id prefix "${prefix}" is longer than 16 characters`);
	return clean.padEnd(16, '0');
}

export const DOCUSIGN_TRIGGER_NODE_TYPE = 'n8n-nodes-docusign.docuSignTrigger';

/** A node of a chained workflow, as the editor saves it (id and position are filled in). */
export interface ChainNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

/** A DocuSign node of a chain: the authentication that goes with the credential's type. */
export function docuSignNode(name: string, credential: CredentialFixture, parameters: Record<string, unknown>): ChainNode {
	const authentication = AUTHENTICATION[credential.type];
	if (!authentication) throw new Error(`no DocuSign authentication for credential type ${credential.type}`);
	return {
		name,
		type: DOCUSIGN_NODE_TYPE,
		typeVersion: 1,
		parameters: { authentication, ...parameters },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
}

/**
 * A workflow whose nodes run one after the other, each on the previous node's output. The first
 * node is a Manual Trigger unless `start` gives another first node (e.g. a trigger to activate).
 */
export function chainWorkflow(id: string, name: string, nodes: ChainNode[], start?: ChainNode): WorkflowFixture {
	const first: ChainNode = start ?? {
		name: 'When clicking "Execute workflow"',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		parameters: {},
	};
	const all = [first, ...nodes];
	const names = new Set(all.map((n) => n.name));
	if (names.size !== all.length) throw new Error(`workflow ${id}: node names must be unique`);
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		nodes: all.map((node, i) => ({ id: `${id}-node-${i}`, position: [i * 220, 0], ...node })),
		connections,
	};
}

export interface OAuth2Connection {
	credential: CredentialFixture;
	/** The tokens the simulator issued (the credential may start with another access token). */
	issued: { access_token: string; refresh_token: string };
}

/**
 * A DocuSign OAuth2 credential as n8n stores it after "Connect my account": `userId` connected to
 * the seeded integration key through the simulator's consent page and authorization_code grant.
 * `accessToken` replaces the issued access token (e.g. one the simulator never issued).
 */
export async function oauth2Connection(
	sim: SimClient,
	opts: { id: string; name: string; userId: string; accessToken?: string },
): Promise<OAuth2Connection> {
	const integrationKey = SEED_IDS.integrationKey;
	const scope = 'signature extended';
	const tokens = await sim.authorizationCodeTokens({ integrationKey, clientSecret: CLIENT_SECRETS[integrationKey], userId: opts.userId, scope });
	const issued = { access_token: opts.accessToken ?? tokens.access_token, refresh_token: tokens.refresh_token };
	return {
		issued,
		credential: {
			id: opts.id,
			name: opts.name,
			type: 'docuSignOAuth2Api',
			data: {
				environment: 'custom',
				customAuthServer: sim.url,
				clientId: integrationKey,
				clientSecret: CLIENT_SECRETS[integrationKey],
				accountId: '',
				scope,
				oauthTokenData: { ...issued, token_type: 'Bearer', expires_in: 28800 },
			},
		},
	};
}

/**
 * A DocuSign JWT credential against the simulator: the seeded integration key and its private key,
 * `userId` (default Alice) impersonated; `accountId` '' means the user's default account.
 */
export function jwtCredential(
	{ sim, seed }: FixtureContext,
	opts: { id: string; name: string; userId?: string; accountId?: string; scopes?: string },
): CredentialFixture {
	const integrationKey = SEED_IDS.integrationKey;
	return {
		id: opts.id,
		name: opts.name,
		type: 'docuSignJwtApi',
		data: {
			environment: 'custom',
			customAuthServer: sim.url,
			integrationKey,
			userId: opts.userId ?? SEED_IDS.users.alice,
			privateKey: seed.integrationKeys.find((k) => k.integrationKey === integrationKey)!.privateKeyPkcs1,
			accountId: opts.accountId ?? '',
			scopes: opts.scopes ?? 'signature impersonation',
			redirectUri: 'http://localhost/callback',
		},
	};
}

/** Set (the PDF as base64) → Convert to File: an item with the PDF in binary field `data`. */
export function pdfNodes(pdf: Buffer, fileName: string): ChainNode[] {
	return [
		{
			name: 'PDF as Base64',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				mode: 'manual',
				assignments: { assignments: [{ id: 'pdf-base64', name: 'pdfBase64', value: pdf.toString('base64'), type: 'string' }] },
				includeOtherFields: false,
				options: {},
			},
		},
		{
			name: 'PDF File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'pdfBase64',
				binaryPropertyName: 'data',
				options: { fileName, mimeType: 'application/pdf' },
			},
		},
	];
}

/** The Connect HMAC credential that checks the events the simulator signs with `hmacSecret`. */
export function hmacCredential(id: string, name: string, hmacSecret: string): CredentialFixture {
	return { id, name, type: 'docuSignConnectHmacApi', data: { hmacSecret, additionalHmacSecrets: '' } };
}
