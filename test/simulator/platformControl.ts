/** Control API calls (`/__sim/…`) for Web Forms, Maestro and Click: what a person does in DocuSign. */
import type { SimCore } from './core';
import { json, type SimResponse } from './http';
import { PlatformError } from './platformAuth';
import { answerAgreement } from './click';
import { completeWorkflowInstance } from './maestro';
import { submitInstance } from './webForms';

/** Answers `route` ("METHOD /path" without /__sim), or undefined when it is not one of these. */
export function platformControl(core: SimCore, route: string, input: Record<string, unknown>): SimResponse | undefined {
	let m: RegExpExecArray | null;
	try {
		if (route === 'GET /webforms/instances') return json(200, [...core.state.webFormInstances.values()]);
		if ((m = /^POST \/webforms\/instances\/([^/]+)\/submit$/.exec(route))) {
			return json(200, submitInstance(core, m[1], (input.formValues ?? {}) as Record<string, unknown>));
		}
		if (route === 'GET /maestro/instances') return json(200, [...core.state.maestroInstances.values()]);
		if ((m = /^POST \/maestro\/instances\/([^/]+)\/complete$/.exec(route))) return json(200, completeWorkflowInstance(core, m[1]));
		if ((m = /^POST \/click\/agreements\/([^/]+)\/(agree|decline)$/.exec(route))) return json(200, answerAgreement(core, m[1], m[2] as 'agree' | 'decline'));
	} catch (error) {
		if (error instanceof PlatformError) return json(error.status, { error: error.message });
		throw error;
	}
	return undefined;
}
