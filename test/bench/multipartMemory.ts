/**
 * Peak memory of sending one 25 MB PDF through Envelope → Create, against base64-in-JSON.
 *
 *   bash test/bench/multipartMemory.sh            # compiles, then runs this file with node
 *
 * The parent process writes the PDF, starts a local HTTP server on 127.0.0.1 that answers like
 * DocuSign (/oauth/userinfo, POST …/envelopes → 201) and discards request bodies, then runs every
 * scenario in a fresh child process: the workflow Start → sender node in n8n's real engine (the
 * harness), with the file as n8n binary data, either in n8n's filesystem store (n8n 2.x's default)
 * or in memory (base64 in the item).
 *
 * A child warms up with a small file, collects garbage, reads its RSS ("idle"), resets the
 * kernel's peak-RSS mark (/proc/self/clear_refs), runs the 25 MB upload and reads the peak
 * (VmHWM). Reported: peak − idle, as a multiple of the file size. With BENCH_JSON_OUT set, the
 * rows are also written there as JSON (npm run bench reads them for its memory figure).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FILE_SIZE = Number(process.env.BENCH_FILE_MB ?? 25) * 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ACCOUNT_ID = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

type Variant = 'docuSignNode' | 'base64Json' | 'streamMultipart';
type BinaryMode = 'filesystem' | 'memory';

const VARIANT_LABELS: Record<Variant, string> = {
	docuSignNode: 'DocuSign node (multipart, one Buffer)',
	base64Json: 'baseline: base64 inside JSON',
	streamMultipart: 'comparison: multipart as a Node stream',
};

/** One scenario's result, as BENCH_JSON_OUT receives it. */
export interface MemoryRow {
	variant: Variant;
	label: string;
	mode: BinaryMode;
	fileMb: number;
	runs: number;
	idleMb: number;
	peakAboveIdleMb: number;
	multiple: number;
	minMultiple: number;
	maxMultiple: number;
	bodyMb: number;
	contentType: string;
	method: 'VmHWM' | 'sampled';
}

interface ChildResult {
	variant: Variant;
	mode: BinaryMode;
	idleKb: number;
	peakKb: number;
	method: 'VmHWM' | 'sampled';
	envelopeId?: string;
	error?: string;
}

// ---------------------------------------------------------------------------------------------
// Child: one scenario
// ---------------------------------------------------------------------------------------------

function procStatusKb(field: 'VmRSS' | 'VmHWM'): number | undefined {
	try {
		const match = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

function resetPeak(): boolean {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

async function settle(): Promise<void> {
	const gc = (globalThis as { gc?: () => void }).gc;
	for (let i = 0; i < 4; i++) {
		gc?.();
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

async function child(variant: Variant, mode: BinaryMode, port: number, storedPath: string, base64Path: string): Promise<void> {
	/* eslint-disable @typescript-eslint/no-require-imports -- loaded after argv is read, so the parent stays light */
	const { chain, runWorkflow, startNode } = require('../engine/harness') as typeof import('../engine/harness');
	const { memoryBinary, storedBinary } = require('../engine/binaryData') as typeof import('../engine/binaryData');
	const { DocuSign } = require('../../nodes/DocuSign/DocuSign.node') as typeof import('../../nodes/DocuSign/DocuSign.node');
	const { DocuSignOAuth2Api } = require('../../credentials/DocuSignOAuth2Api.credentials') as typeof import('../../credentials/DocuSignOAuth2Api.credentials');
	const { DocuSignJwtApi } = require('../../credentials/DocuSignJwtApi.credentials') as typeof import('../../credentials/DocuSignJwtApi.credentials');
	const { Base64JsonSender, StreamMultipartSender } = require('./comparisonNodes') as typeof import('./comparisonNodes');
	const fs = require('node:fs') as typeof import('node:fs');
	/* eslint-enable @typescript-eslint/no-require-imports */
	type IBinaryData = import('n8n-workflow').IBinaryData;

	const server = `http://127.0.0.1:${port}`;
	const credential = {
		environment: 'custom',
		customAuthServer: server,
		clientId: 'bench-ik',
		clientSecret: 'bench-secret',
		accountId: '',
		scope: 'signature extended',
		oauthTokenData: {
			access_token: 'bench-token',
			refresh_token: 'bench-refresh',
			token_type: 'Bearer',
			expires_in: 28800,
			n8n_expires_at: String(Date.now() + 3_600_000),
		},
	};
	const nodeType = { docuSignNode: 'n8n-nodes-docusign.docuSign', base64Json: 'bench.base64JsonSender', streamMultipart: 'bench.streamMultipartSender' }[variant];
	const parameters =
		variant === 'docuSignNode'
			? {
					authentication: 'oAuth2',
					resource: 'envelope',
					operation: 'create',
					emailSubject: 'Please sign',
					documents: { document: [{ binaryPropertyName: 'data' }] },
					signers: { signer: [{ name: 'Jane Doe', email: 'jane@example.com', routingOrder: 1 }] },
					status: 'sent',
				}
			: {};

	const run = async (binary: IBinaryData) =>
		await runWorkflow({
			nodes: [
				startNode(),
				{
					id: 'sender',
					name: 'Sender',
					type: nodeType,
					typeVersion: 1,
					position: [200, 0],
					parameters,
					credentials: { docuSignOAuth2Api: { id: 'bench-cred', name: 'Bench' } },
				},
			],
			connections: chain('Start', 'Sender'),
			nodeTypes: {
				'n8n-nodes-docusign.docuSign': new DocuSign(),
				'bench.base64JsonSender': new Base64JsonSender(),
				'bench.streamMultipartSender': new StreamMultipartSender(),
			},
			credentialTypes: [new DocuSignOAuth2Api(), new DocuSignJwtApi()],
			credentials: { 'bench-cred': { type: 'docuSignOAuth2Api', name: 'Bench', data: credential } },
			inputItems: [{ json: {}, binary: { data: binary } }],
		});

	const meta = { fileName: 'contract.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' };
	const small = randomBytes(10_000);
	const warmUp = await run(mode === 'filesystem' ? await storedBinary(small, meta, 'warm-up') : memoryBinary(small, meta));
	if (warmUp.error) throw warmUp.error;

	const binary: IBinaryData =
		mode === 'filesystem'
			? (JSON.parse(fs.readFileSync(storedPath, 'utf8')) as IBinaryData)
			: { data: fs.readFileSync(base64Path, 'latin1'), ...meta };

	await settle();
	const idleKb = procStatusKb('VmRSS') ?? Math.round(process.memoryUsage().rss / 1024);
	const exact = resetPeak() && procStatusKb('VmHWM') !== undefined;
	let sampledKb = idleKb;
	const sampler = setInterval(() => {
		sampledKb = Math.max(sampledKb, Math.round(process.memoryUsage().rss / 1024));
	}, 2);

	const result = await run(binary);

	clearInterval(sampler);
	const peakKb = exact ? procStatusKb('VmHWM')! : sampledKb;
	const output = result.outputOf('Sender')[0]?.json;
	const report: ChildResult = {
		variant,
		mode,
		idleKb,
		peakKb,
		method: exact ? 'VmHWM' : 'sampled',
		envelopeId: output?.envelopeId as string | undefined,
		error: result.error?.message,
	};
	process.stdout.write(`${JSON.stringify(report)}\n`);
	rmSync(process.env.N8N_USER_FOLDER!, { recursive: true, force: true });
}

/**
 * Stores the PDF in n8n's filesystem binary store (N8N_BINARY_DATA_STORAGE_PATH, shared with the
 * measuring children) and writes the item's binary data (with its id) to `storedPath`. Done in its
 * own process, so that the memory it takes to copy the file is not still held by the allocator of
 * the process being measured.
 */
async function prepare(pdfPath: string, storedPath: string): Promise<void> {
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { storedBinary } = require('../engine/binaryData') as typeof import('../engine/binaryData');
	const fs = require('node:fs') as typeof import('node:fs');
	/* eslint-enable @typescript-eslint/no-require-imports */
	const binary = await storedBinary(fs.createReadStream(pdfPath), { fileName: 'contract.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' }, 'measured');
	fs.writeFileSync(storedPath, JSON.stringify(binary));
	rmSync(process.env.N8N_USER_FOLDER!, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Parent: file, server, scenarios, report
// ---------------------------------------------------------------------------------------------

interface Received {
	bytes: number;
	contentType: string;
}

function startServer(received: Received[]): Promise<{ server: Server; port: number }> {
	return new Promise((resolve) => {
		const server = createServer((req, res) => {
			const port = (server.address() as { port: number }).port;
			if (req.method === 'GET' && req.url?.startsWith('/oauth/userinfo')) {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(
					JSON.stringify({
						sub: 'bench-user',
						name: 'Bench User',
						email: 'bench@example.com',
						accounts: [{ account_id: ACCOUNT_ID, is_default: true, account_name: 'Bench', base_uri: `http://127.0.0.1:${port}` }],
					}),
				);
				return;
			}
			if (req.method === 'POST' && req.url === `/restapi/v2.1/accounts/${ACCOUNT_ID}/envelopes`) {
				let bytes = 0;
				req.on('data', (chunk: Buffer) => (bytes += chunk.length));
				req.on('end', () => {
					received.push({ bytes, contentType: String(req.headers['content-type'] ?? '') });
					res.writeHead(201, { 'Content-Type': 'application/json' });
					res.end(
						JSON.stringify({
							envelopeId: 'e0000000-0000-4000-8000-000000000001',
							status: 'sent',
							statusDateTime: new Date().toISOString(),
							uri: '/envelopes/e0000000-0000-4000-8000-000000000001',
						}),
					);
				});
				return;
			}
			res.writeHead(404, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ errorCode: 'NOT_FOUND', message: `${req.method} ${req.url}` }));
		});
		server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
	});
}

function runChild(args: string[], storagePath: string): Promise<ChildResult> {
	return new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, ['--expose-gc', __filename, ...args], {
			env: { ...process.env, N8N_LOG_LEVEL: 'silent', N8N_BINARY_DATA_STORAGE_PATH: storagePath },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
		proc.on('close', (code) => {
			const line = out.split('\n').find((l) => l.startsWith('{"variant"'));
			if (code !== 0 || (args[0] === 'child' && !line)) reject(new Error(`${args.join(' ')} exited ${code}:\n${err || out}`));
			else resolve((line ? JSON.parse(line) : {}) as ChildResult);
		});
	});
}

const mb = (kb: number) => kb / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function parent(): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'docusign-bench-'));
	const pdfPath = join(folder, 'contract.pdf');
	const base64Path = join(folder, 'contract.pdf.b64');
	const pdf = randomBytes(FILE_SIZE);
	pdf.write('%PDF-1.7\n', 0, 'latin1');
	writeFileSync(pdfPath, pdf);
	writeFileSync(base64Path, pdf.toString('base64'), 'latin1');

	const storagePath = join(folder, 'binary-data');
	const storedPath = join(folder, 'stored-binary.json');
	await runChild(['prepare', pdfPath, storedPath], storagePath);

	const received: Received[] = [];
	const { server, port } = await startServer(received);
	const fileMb = FILE_SIZE / 1024 / 1024;
	console.log(`File: ${fileMb.toFixed(1)} MB random PDF; ${RUNS} run(s) per scenario, each in a fresh process (node ${process.version}).`);
	console.log('Peak RSS above idle during the upload, as MB and as a multiple of the file size (median, min–max):\n');

	const rows: string[][] = [['scenario', 'binary data', 'idle RSS', 'peak − idle', '× file', 'range ×', 'body sent']];
	const measured: MemoryRow[] = [];
	try {
		for (const mode of ['filesystem', 'memory'] as BinaryMode[]) {
			for (const variant of ['docuSignNode', 'base64Json', 'streamMultipart'] as Variant[]) {
				const results: ChildResult[] = [];
				for (let i = 0; i < RUNS; i++) {
					const before = received.length;
					const result = await runChild(['child', variant, mode, String(port), storedPath, base64Path], storagePath);
					if (result.error || !result.envelopeId) throw new Error(`${variant}/${mode}: ${result.error ?? 'no envelope created'}`);
					if (received.length !== before + 2) {
						throw new Error(`${variant}/${mode}: expected 2 uploads (warm-up + measured), got ${received.length - before}`);
					}
					results.push(result);
				}
				const deltas = results.map((r) => mb(r.peakKb - r.idleKb));
				const last = received[received.length - 1];
				rows.push([
					VARIANT_LABELS[variant],
					mode === 'filesystem' ? 'filesystem store' : 'in memory (base64)',
					`${mb(median(results.map((r) => r.idleKb))).toFixed(0)} MB`,
					`${median(deltas).toFixed(1)} MB`,
					`${(median(deltas) / fileMb).toFixed(2)}×`,
					`${(Math.min(...deltas) / fileMb).toFixed(2)}–${(Math.max(...deltas) / fileMb).toFixed(2)}`,
					`${(last.bytes / 1024 / 1024).toFixed(1)} MB ${last.contentType.split(';')[0]}`,
				]);
				if (results.some((r) => r.method !== 'VmHWM')) rows[rows.length - 1].push('(sampled)');
				measured.push({
					variant,
					label: VARIANT_LABELS[variant],
					mode,
					fileMb,
					runs: results.length,
					idleMb: mb(median(results.map((r) => r.idleKb))),
					peakAboveIdleMb: median(deltas),
					multiple: median(deltas) / fileMb,
					minMultiple: Math.min(...deltas) / fileMb,
					maxMultiple: Math.max(...deltas) / fileMb,
					bodyMb: last.bytes / 1024 / 1024,
					contentType: last.contentType.split(';')[0],
					method: results.every((r) => r.method === 'VmHWM') ? 'VmHWM' : 'sampled',
				});
			}
		}
	} finally {
		server.close();
		rmSync(folder, { recursive: true, force: true });
	}
	if (process.env.BENCH_JSON_OUT) writeFileSync(process.env.BENCH_JSON_OUT, JSON.stringify(measured));
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}

const exitWith = (work: Promise<void>) =>
	work.then(
		() => process.exit(0),
		(error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exit(1);
		},
	);

if (process.argv[2] === 'prepare') {
	void exitWith(prepare(process.argv[3], process.argv[4]));
} else if (process.argv[2] === 'child') {
	const [variant, mode, port, storedPath, base64Path] = process.argv.slice(3);
	void exitWith(child(variant as Variant, mode as BinaryMode, Number(port), storedPath, base64Path));
} else {
	parent().catch((error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(1);
	});
}
