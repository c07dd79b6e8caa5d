/**
 * The DocuSign node in n8n's real engine against the local DocuSign simulator, with the JWT
 * credential of the simulator's seeded user Alice. useSimulator() starts one simulator for the test
 * file, resets it for every test, and gives every test a fresh credential store, so that a test's
 * runs share one minted token as they would in n8n.
 */
import { CredentialStore, type RunResult, type StoredCredentialInput } from '../engine/harness';

import type { LoadOptionsContext } from 'n8n-core';
import nock from 'nock';
import type { INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { clearAccountCache } from '../../nodes/DocuSign/transport';
import { SEED_IDS, startSimulator, type Simulator } from '../simulator';
import { NODE_TYPE, loadOptionsContextOf, runDocuSignNodes } from './kit';

export const JWT_CREDENTIAL = { id: 'ds-jwt', name: 'Alice (JWT)' };

/** The running simulator (set by useSimulator's hooks). */
export let sim: Simulator;
/** The current test's credential store. */
export let store: CredentialStore;

/** Registers the hooks that start, reset and stop the simulator for this test file. */
export function useSimulator(): void {
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sim = await startSimulator({ allowHttpListeners: true });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		sim.reset();
		clearAccountCache();
		store = new CredentialStore();
	});
}

/** Alice's JWT credential as n8n stores it; `keyFormat` picks the seeded key's PEM encoding. */
export function aliceJwtCredential(keyFormat: 'pkcs1' | 'pkcs8' = 'pkcs1'): StoredCredentialInput {
	const key = sim.seed.integrationKeys[0];
	return {
		type: 'docuSignJwtApi',
		name: JWT_CREDENTIAL.name,
		data: {
			environment: 'custom',
			customAuthServer: sim.url,
			integrationKey: SEED_IDS.integrationKey,
			userId: SEED_IDS.users.alice,
			privateKey: keyFormat === 'pkcs8' ? key.privateKeyPkcs8 : key.privateKeyPkcs1,
			accountId: '',
			accessToken: '',
		},
	};
}

/** A DocuSign node signed in with Alice's JWT credential. */
export function simulatorNode(name: string, parameters: INodeParameters, x = 200): INode {
	return {
		id: name,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [x, 0],
		parameters: { authentication: 'jwt', ...parameters },
		credentials: { docuSignJwtApi: JWT_CREDENTIAL },
	};
}

/** Start → these nodes against the simulator; Alice's credential is stored on the test's first run. */
export async function runOnSimulator(
	nodes: INode[],
	options: { inputItems?: INodeExecutionData[]; keyFormat?: 'pkcs1' | 'pkcs8' } = {},
): Promise<RunResult> {
	return await runDocuSignNodes(nodes, {
		credentials: store.has(JWT_CREDENTIAL.id) ? undefined : { [JWT_CREDENTIAL.id]: aliceJwtCredential(options.keyFormat) },
		store,
		inputItems: options.inputItems,
	});
}

/** n8n's load-options context for this node, with the test's credential store. */
export async function simulatorLoadOptionsContext(node: INode, path: string): Promise<LoadOptionsContext> {
	return await loadOptionsContextOf(node, path, { store });
}
