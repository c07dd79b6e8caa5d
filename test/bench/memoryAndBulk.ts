/**
 * Figures 4 (memory, in test/bench/multipartMemory, each scenario in a fresh process) and 5 (Bulk
 * Send against individual creates) of `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INodeParameters } from 'n8n-workflow';

import { delta, jwtCredential, median, newStore, restCalls, runNode, type SimulatorHandle } from './benchKit';
import { seconds, type FigureRow } from './benchReport';
import type { MemoryRow } from './multipartMemory';

export interface MemoryBulkSettings {
	latencyMs: number;
	parallel: number;
	bulkRecipients: number;
	bulkRuns: number;
	memoryMb: number;
	memoryRuns: number;
}

type Figure = { rows: FigureRow[]; details: string[] };

// ---------------------------------------------------------------------------------------------
// 4. Memory (test/bench/multipartMemory)
// ---------------------------------------------------------------------------------------------

export async function memory(settings: MemoryBulkSettings): Promise<Figure> {
	const rows: FigureRow[] = [];
	const details: string[] = [];
	const folder = mkdtempSync(join(tmpdir(), 'docusign-bench-memory-'));
	const jsonOut = join(folder, 'memory.json');
	try {
		await new Promise<void>((resolve, reject) => {
			const child = spawn(process.execPath, [join(__dirname, 'multipartMemory.js')], {
				env: { ...process.env, BENCH_FILE_MB: String(settings.memoryMb), BENCH_RUNS: String(settings.memoryRuns), BENCH_JSON_OUT: jsonOut },
				stdio: ['ignore', 'inherit', 'inherit'],
			});
			child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`multipartMemory exited ${code}`))));
		});
		const measured = JSON.parse(readFileSync(jsonOut, 'utf8')) as MemoryRow[];
		const find = (variant: MemoryRow['variant'], mode: MemoryRow['mode']) => measured.find((m) => m.variant === variant && m.mode === mode)!;
		for (const mode of ['filesystem', 'memory'] as const) {
			const node = find('docuSignNode', mode);
			const base64 = find('base64Json', mode);
			rows.push({
				figure: `4. Memory, binary data ${mode === 'filesystem' ? 'in the filesystem store' : 'in memory'}`,
				measure: `peak RSS − idle, one ${settings.memoryMb} MB PDF: node vs base64 JSON`,
				value: `${node.multiple.toFixed(2)}× vs ${base64.multiple.toFixed(2)}× the file`,
				target: 'node ≤ 2×',
				met: node.multiple <= 2,
			});
		}
		details.push(
			`Figure 4 (test/bench/multipartMemory, each scenario in a fresh process, ${settings.memoryRuns} run(s), median; peak by ${measured[0]?.method}): ${measured
				.map((m) => `${m.label} / ${m.mode}: idle ${m.idleMb.toFixed(0)} MB, peak − idle ${m.peakAboveIdleMb.toFixed(1)} MB = ${m.multiple.toFixed(2)}× (${m.minMultiple.toFixed(2)}–${m.maxMultiple.toFixed(2)}), body ${m.bodyMb.toFixed(1)} MB ${m.contentType}`)
				.join('; ')}.`,
		);
		return { rows, details };
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------
// 5. Bulk send against individual creates
// ---------------------------------------------------------------------------------------------

export async function bulkSend(sim: SimulatorHandle, settings: MemoryBulkSettings): Promise<Figure> {
	const rows: FigureRow[] = [];
	const details: string[] = [];
	await sim.configure({ latencyMs: settings.latencyMs });
	const count = settings.bulkRecipients;
	const recipients = Array.from({ length: count }, (_, n) => ({ json: { name: `Recipient ${n}`, email: `recipient${n}@example.com` } }));
	const template = { __rl: true, mode: 'id', value: sim.templateId };
	const bulk: INodeParameters = {
		resource: 'bulkSend',
		operation: 'send',
		source: 'template',
		templateId: template,
		batchName: 'Benchmark batch',
		roleName: 'Signer',
		recipientName: '={{ $json.name }}',
		recipientEmail: '={{ $json.email }}',
		// DocuSign refuses a batch whose copies leave a template role (here the NDA's CC) empty.
		additionalRecipients: { recipient: [{ roleName: 'CC', name: 'Legal', email: 'legal@example.com' }] },
	};
	const creates: INodeParameters = {
		resource: 'envelope',
		operation: 'createFromTemplate',
		templateId: template,
		templateRoles: { role: [{ roleName: 'Signer', name: '={{ $json.name }}', email: '={{ $json.email }}', routingOrder: 0 }] },
		status: 'sent',
		requestOptions: { parallelRequests: settings.parallel },
	};
	const store = await newStore(jwtCredential(sim), 'jwt');
	await runNode(store, 'jwt', creates, recipients.slice(0, 5));

	const measured = { bulk: [] as Array<{ ms: number; rest: number; auth: number }>, creates: [] as Array<{ ms: number; rest: number; auth: number }> };
	for (let r = 0; r < settings.bulkRuns; r++) {
		for (const side of r % 2 === 0 ? (['bulk', 'creates'] as const) : (['creates', 'bulk'] as const)) {
			const before = await sim.counters();
			const run = await runNode(store, 'jwt', side === 'bulk' ? bulk : creates, recipients);
			const moved = delta(before, await sim.counters());
			if (side === 'bulk' && Number(run.output[0]?.json.batchSize) !== count) throw new Error(`bulk send made a batch of ${String(run.output[0]?.json.batchSize)}`);
			if (side === 'creates' && run.output.length !== count) throw new Error(`creates made ${run.output.length} envelopes`);
			const rest = restCalls(moved);
			measured[side].push({ ms: run.ms, rest, auth: Object.entries(moved).reduce((sum, [key, n]) => sum + (key.includes('/oauth/') ? n : 0), 0) });
		}
	}
	const bulkCalls = Math.max(...measured.bulk.map((m) => m.rest));
	const createCalls = Math.max(...measured.creates.map((m) => m.rest));
	const bulkMs = median(measured.bulk.map((m) => m.ms));
	const createMs = median(measured.creates.map((m) => m.ms));
	rows.push(
		{ figure: '5. Bulk send', measure: `DocuSign calls for ${count} recipients: Bulk Send vs ${count} creates`, value: `${bulkCalls} vs ${createCalls}`, target: '≤ 5', met: bulkCalls <= 5 },
		{ figure: '5. Bulk send', measure: 'time: Bulk Send vs creates (Requests in Parallel 4)', value: `${seconds(bulkMs)} vs ${seconds(createMs)} (${(createMs / bulkMs).toFixed(1)}×)`, target: '(reported)' },
	);
	details.push(
		`Figure 5: ${settings.bulkRuns} alternating run(s) at ${settings.latencyMs} ms latency, warm account cache and token (auth calls during the runs: ${measured.bulk.map((m) => m.auth).join(', ')} for Bulk Send, ${measured.creates.map((m) => m.auth).join(', ')} for the creates). Bulk Send from the template: GET template, POST /bulk_send_lists, POST /bulk_send_lists/{id}/send = ${bulkCalls} calls, median ${seconds(bulkMs)} (the simulator processes the batch inside the send call; DocuSign queues it). Create From Template per recipient at Requests in Parallel ${settings.parallel}: ${createCalls} calls (one template read per execution), median ${seconds(createMs)}. Against DocuSign's limits the difference is larger than the time: ${count} creates spend ${((100 * createCalls) / 3000).toFixed(0)} % of an account's 3,000 calls per hour${count > 200 ? ` and, at the demo burst limit of 200 per 30 s, take at least ${Math.floor((count - 1) / 200) * 30} s` : ''}.`,
	);
	return { rows, details };
}
