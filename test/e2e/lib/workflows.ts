/** Workflow and credential fixtures: Manual Trigger → DocuSign node(s), as the editor would save them. */
import type { CredentialFixture, WorkflowFixture } from './n8n';

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
