/** Workflows of the queue suite, as the editor saves them: a trigger, then nodes one after the other. */
import { randomUUID } from 'node:crypto';
import type { CredentialFixture, WorkflowFixture } from '../../e2e/lib/n8n';
import { DOCUSIGN_NODE_TYPE } from '../../e2e/lib/workflows';

export interface Node {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

const AUTHENTICATION: Record<string, string> = { docuSignJwtApi: 'jwt', docuSignOAuth2Api: 'oAuth2' };

/** A production webhook at `/webhook/<path>`; `lastNode` answers with the last node's first item. */
export function webhook(path: string, responseMode: 'lastNode' | 'onReceived'): Node {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode,
			...(responseMode === 'lastNode' ? { responseData: 'firstEntryJson' } : {}),
			options: {},
		},
	};
}

/** A Set node (Edit Fields) with string fields; values may be expressions (`={{ … }}`). */
export function setFields(name: string, fields: Record<string, string>): Node {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: Object.entries(fields).map(([field, value], i) => ({ id: `${name}-${i}`, name: field, value, type: 'string' })),
			},
			includeOtherFields: false,
			options: {},
		},
	};
}

/** Convert to File → "Move Base64 String to File": the field's base64 becomes binary `data`. */
export function base64ToFile(name: string, field: string, fileName: string, mimeType: string): Node {
	return {
		name,
		type: 'n8n-nodes-base.convertToFile',
		typeVersion: 1.1,
		parameters: { operation: 'toBinary', sourceProperty: field, binaryPropertyName: 'data', options: { fileName, mimeType } },
	};
}

export function docuSign(name: string, credential: CredentialFixture, parameters: Record<string, unknown>): Node {
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

/** The nodes in a row, each fed by the one before. */
export function chain(id: string, name: string, nodes: Node[]): WorkflowFixture {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		nodes: nodes.map((node, i) => ({ id: `${id}-n${i}`, position: [i * 220, 0], ...node })),
		connections,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
	};
}
