/** The table and notes `npm run bench` prints and writes into RESULTS.md (between its markers). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

export interface FigureRow {
	figure: string;
	measure: string;
	value: string;
	target: string;
	met?: boolean;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const range = (values: number[]) => `${seconds(Math.min(...values))}–${seconds(Math.max(...values))}`;
const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : '**missed**');

export interface ReportInput {
	rows: FigureRow[];
	details: string[];
	/** The command line, e.g. `npm run bench -- --smoke`. */
	command: string;
	/** What was run: items, runs, latencies. */
	summary: string;
	startedAt: Date;
	ms: number;
	loadAtStart: number[];
}

function machine(loadAtStart: number[]): string {
	const cpu = cpus();
	let n8nCore = '?';
	try {
		n8nCore = (JSON.parse(readFileSync(require.resolve('n8n-core/package.json'), 'utf8')) as { version: string }).version;
	} catch {
		// reported as '?'
	}
	return `${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}, n8n-core ${n8nCore}; load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end (other work on the machine)`;
}

export function report({ rows, details, command, summary, startedAt, ms, loadAtStart }: ReportInput): string {
	const table = [
		'| figure | measure | result | target | |',
		'| --- | --- | --- | --- | --- |',
		...rows.map((row) => `| ${row.figure} | ${row.measure} | ${row.value} | ${row.target} | ${verdict(row.met)} |`),
	];
	return [
		`Machine: ${machine(loadAtStart)}.`,
		'',
		`Command: \`${command}\` — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${(ms / 60_000).toFixed(1)} min. ${summary}`,
		'',
		...table,
		'',
		...details.map((line) => `- ${line}`),
	].join('\n');
}

const START = '<!-- bench:start (written by npm run bench; edit outside the markers) -->';
const END = '<!-- bench:end -->';

export function writeResults(generated: string): void {
	const target = join(process.cwd(), 'test', 'bench', 'RESULTS.md');
	const current = existsSync(target) ? readFileSync(target, 'utf8') : `# Benchmark results\n\n${START}\n${END}\n`;
	const from = current.indexOf(START);
	const to = current.indexOf(END);
	const next =
		from >= 0 && to > from
			? `${current.slice(0, from + START.length)}\n${generated}\n${current.slice(to)}`
			: `${current.trimEnd()}\n\n${START}\n${generated}\n${END}\n`;
	writeFileSync(target, next);
	process.stdout.write(`\nWrote ${target}\n`);
}

