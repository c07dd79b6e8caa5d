/** What a scenario file in test/e2e/scenarios/ exports (default export of defineScenario(...)). */
import type { SeedData } from '../../simulator';
import type { CredentialFixture, Execution, N8n, N8nRuntime, WorkflowFixture } from './n8n';
import type { SimClient } from './sim';

export interface Fixtures {
	credentials?: CredentialFixture[];
	workflows?: WorkflowFixture[];
}

export interface FixtureContext {
	sim: SimClient;
	seed: SeedData;
}

export interface Context extends FixtureContext {
	/** The suite's n8n instance; every scenario's fixtures are imported into it before any case runs. */
	n8n: N8n;
	runtime: N8nRuntime;
	/** git-ignored folder for screenshots and logs. */
	artifactsDir: string;
	/** `n8n execute` on the shared instance; the output is kept for the failure log. */
	execute(workflowId: string): Promise<Execution>;
	/** Another n8n instance with its own user folder and the package installed; removed at the end. */
	newN8n(label: string): Promise<N8n>;
	/** A line in the suite's output under the running case. */
	log(message: string): void;
}

export interface Scenario {
	name: string;
	/** Credentials and workflows to import (ids unique across the suite: use fixedId('jwtOk')). */
	fixtures?(ctx: FixtureContext): Fixtures | Promise<Fixtures>;
	/** The cases, run in this order; each one is one pass or fail in the summary. */
	cases: Record<string, (ctx: Context) => Promise<void>>;
}

export function defineScenario(scenario: Scenario): Scenario {
	return scenario;
}
