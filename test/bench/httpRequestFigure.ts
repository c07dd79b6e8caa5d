/**
 * Figure 6 of `npm run bench`: the DocuSign node against what users build instead, n8n's HTTP Request
 * node with this package's credential (httpRequestSide.ts), on the same simulator, engine and latency.
 *
 * - 6. Time: alternating runs of the same creates. HTTP Request as it comes (no batching: it sends
 *   every item's request at once); the node at Requests in Parallel 10, its highest setting.
 * - DocuSign calls per execution on each side (counters of the simulator).
 * - 6b. The same HTTP Request workflow against DocuSign's demo burst limit (200 calls per 30 s):
 *   how many of its calls DocuSign refuses; figure 3b runs the node against the same limit.
 */
import { createItems, createParameters, delta, jwtCredential, median, newStore, runNode, checkCreateOutput, type SimulatorHandle } from './benchKit';
import { range, seconds, type FigureRow } from './benchReport';
import { checkHttpRequestOutput, loadNodesBase, runHttpRequest, type NodesBase } from './httpRequestSide';

export interface HttpRequestSettings {
	items: number;
	runs: number;
	latencyMs: number;
	smoke: boolean;
}

const NODE_PARALLEL = 10;
const FIGURE = '6. What users pick instead: HTTP Request node';
/** Every call DocuSign answered (auth server and REST), not Connect deliveries. */
const total = (counts: Record<string, number>) => Object.entries(counts).reduce((sum, [key, n]) => sum + (key.startsWith('connect:') ? 0 : n), 0);
const calls = (counts: Record<string, number>) => Object.entries(counts).filter(([key]) => !key.startsWith('connect:')).map(([key, n]) => `${key} ${n}`).join(', ');

export async function httpRequestFigure(sim: SimulatorHandle, settings: HttpRequestSettings): Promise<{ rows: FigureRow[]; details: string[] }> {
	const nodesBase = loadNodesBase();
	const { items, runs, latencyMs } = settings;
	await sim.configure({ latencyMs });
	const nodeStore = await newStore(jwtCredential(sim), 'jwt');
	const httpStore = await newStore(jwtCredential(sim), 'jwt');
	const input = createItems(items);

	// First executions (cold: token, userinfo), also the warm-up.
	const firstNode = await sim.counters();
	checkCreateOutput((await runNode(nodeStore, 'jwt', createParameters(NODE_PARALLEL), input)).output, items);
	const nodeFirst = delta(firstNode, await sim.counters());
	const firstHttp = await sim.counters();
	checkHttpRequestOutput((await runHttpRequest(nodesBase, httpStore, sim.url, input)).output, items);
	const httpFirst = delta(firstHttp, await sim.counters());

	const ms = { node: [] as number[], http: [] as number[] };
	const moved = { node: {} as Record<string, number>, http: {} as Record<string, number> };
	for (let r = 0; r < runs; r++) {
		for (const side of r % 2 === 0 ? (['node', 'http'] as const) : (['http', 'node'] as const)) {
			const before = await sim.counters();
			if (side === 'node') {
				const run = await runNode(nodeStore, 'jwt', createParameters(NODE_PARALLEL), input);
				checkCreateOutput(run.output, items);
				ms.node.push(run.ms);
			} else {
				const run = await runHttpRequest(nodesBase, httpStore, sim.url, input);
				checkHttpRequestOutput(run.output, items);
				ms.http.push(run.ms);
			}
			moved[side] = delta(before, await sim.counters());
		}
	}
	const node = median(ms.node);
	const http = median(ms.http);
	const rows: FigureRow[] = [
		{
			figure: FIGURE,
			measure: `node (Requests in Parallel ${NODE_PARALLEL}) ÷ HTTP Request node (defaults: all items at once), ${items} creates, ${latencyMs} ms latency`,
			value: `${(node / http).toFixed(3)}× (${seconds(node)} vs ${seconds(http)})`,
			target: '≤ 1.00×',
			met: node / http <= 1,
		},
		{
			figure: FIGURE,
			measure: `DocuSign calls (token, userinfo, REST) per execution of ${items} creates: node vs HTTP Request (first execution; later ones)`,
			value: `${total(nodeFirst)} vs ${total(httpFirst)}; ${total(moved.node)} vs ${total(moved.http)}`,
			target: '(reported)',
		},
	];
	const details = [
		`Figure 6: n8n-nodes-base ${nodesBase.nodesBaseVersion} from the e2e runtime (${nodesBase.modulesDir}), run in the same engine as the node. Workflow: Start → HTTP Request GET /oauth/userinfo (the base URI and account of the default account, by expression) → the same ${items} items → Extract from File (document to base64; expressions never see binary bytes) → HTTP Request POST {base_uri}/restapi/v2.1/accounts/{id}/envelopes with a JSON body (subject, document, signer by expression), both HTTP Requests with the package's JWT credential as a predefined credential type. ${runs} alternating runs at ${latencyMs} ms simulator latency, limits raised: node median ${seconds(node)} (range ${range(ms.node)}), HTTP Request median ${seconds(http)} (range ${range(ms.http)}). Every run's output checked on both sides (one envelope per item, in order, paired).`,
		`Figure 6, calls: first execution, node: ${calls(nodeFirst)}; HTTP Request: ${calls(httpFirst)}. A later execution, node: ${calls(moved.node)}; HTTP Request: ${calls(moved.http)}. The node caches userinfo per credential for an hour; a hand-built workflow reads it in every execution.`,
	];
	if (!settings.smoke) {
		const burst = await underBurstLimit(sim, nodesBase, input);
		rows.push(burst.row);
		details.push(burst.detail);
	}
	return { rows, details };
}

/** HTTP Request, as it comes, against the demo burst limit, on an account nothing else used (Carol's). */
async function underBurstLimit(sim: SimulatorHandle, nodesBase: NodesBase, input: ReturnType<typeof createItems>) {
	await sim.configure({ rateLimits: { burstLimit: 200, burstWindowSeconds: 30 } });
	try {
		const store = await newStore(jwtCredential({ ...sim, userId: sim.otherUserId }), 'jwt');
		const before = (await sim.log('POST envelopes')).reduce((max, e) => Math.max(max, e.seq), 0);
		const countersBefore = await sim.counters();
		let failure = '';
		try {
			await runHttpRequest(nodesBase, store, sim.url, input);
		} catch (error) {
			failure = (error as Error).message;
		}
		const moved = delta(countersBefore, await sim.counters());
		const statuses = (await sim.log('POST envelopes')).filter((e) => e.seq > before).map((e) => e.status);
		const refused = statuses.filter((s) => s === 429).length;
		const created = statuses.filter((s) => s === 201).length;
		return {
			row: {
				figure: FIGURE,
				measure: `HTTP Request (defaults), ${input.length} creates against the demo burst limit (200 per 30 s): refused with 429`,
				value: `${refused} refused, ${created} created, ${moved['POST /oauth/token:jwt'] ?? 0} JWT tokens minted; the workflow ${failure ? 'failed' : 'succeeded'}`,
				target: '(reported; the node: figure 3b)',
			},
			detail: `Figure 6b: the HTTP Request workflow above, as it comes (no batching), on Carol's account (no earlier figure used it) with the simulator's demo burst limit of 200 calls per 30 s: ${statuses.length} POST /envelopes for ${input.length} items, ${created} created, ${refused} refused with 429 BURST_APIINVOCATION_LIMIT_EXCEEDED, and ${moved['POST /oauth/token:jwt'] ?? 0} JWT token calls: HTTP Request sends through n8n's legacy requestWithAuthentication, which after any failed call (not only a 401) re-runs the credential's pre-authentication (a new token) and sends the call once more; the node's httpRequestWithAuthentication does that on 401 only${failure ? `. The execution stopped with "${failure.trim().slice(0, 160)}"` : ''}. The envelopes created before the error stay sent: re-running the workflow sends them again. The node paces itself under the same limit (figure 3b: 0 refused).`,
		};
	} finally {
		await sim.configure({ rateLimits: { burstLimit: 1e9, burstWindowSeconds: 30 } });
	}
}

