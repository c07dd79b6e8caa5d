/**
 * Web Forms, Maestro and Click against the simulator: Alice's JWT credential with the scopes a test
 * chooses (default: every scope the three resources need), on simulatorKit's store and simulator.
 */
import type { INodeExecutionData, INode } from 'n8n-workflow';

import type { RunResult } from '../engine/harness';
import { runDocuSignNodes } from './kit';
import { JWT_CREDENTIAL, aliceJwtCredential, sim, store } from './simulatorKit';

export const ALL_SCOPES =
	'signature impersonation webforms_read webforms_instance_read webforms_instance_write aow_manage click.manage click.send';

/** Start → these nodes; the credential (with `scopes`) is stored on the test's first run. */
export async function runWithScopes(
	nodes: INode[],
	scopes = ALL_SCOPES,
	inputItems?: INodeExecutionData[],
): Promise<RunResult> {
	const credential = aliceJwtCredential();
	return await runDocuSignNodes(nodes, {
		credentials: store.has(JWT_CREDENTIAL.id) ? undefined : { [JWT_CREDENTIAL.id]: { ...credential, data: { ...credential.data, scopes } } },
		store,
		inputItems,
	});
}

/** The requests the simulator saw whose path starts with `prefix` (e.g. '/api/webforms/'). */
export function requestsTo(prefix: string) {
	return sim.requestLog.filter((entry) => entry.path.startsWith(prefix));
}
