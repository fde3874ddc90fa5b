/**
 * `npm run validate -- <file> [...]`: checks data files in any format Eventline imports (Eventline,
 * TimelineJS 3 or 2 and vis-timeline JSON, NDJSON, TimelineJS, Eventline or ACLED CSV, Parquet, or
 * any CSV with `--map`), prints every problem with its location, and exits 1 if any file has one (2
 * when a file cannot be read or none is given). `--map start=date_local,title=label` names the
 * columns of a CSV file whose columns have other names; `--day-first` or `--month-first` settles
 * dates such as 1/2/2024.
 */
import { readFileSync, statSync } from 'node:fs';
import type { ImportOptions, ImportOutcome } from '$lib/ingest/import';
import { formatMapArgument, parseMapArgument } from '$lib/ingest/column-map';
import { maxFileBytes, readKindOfName, tooLargeMessage } from '$lib/ingest/limits';
import { startImport } from '$lib/ingest/stream-import';
import { formatRange } from '$lib/format/describe';
import { prepareTimeline } from '$lib/model/timeline';
import type { DataIssue } from '$lib/ingest/validate';

/** The report for one file: its lines, and whether it found a problem. */
function report(
	file: string,
	outcome: ImportOutcome,
	decoding: DataIssue[]
): { lines: string[]; ok: boolean } {
	const { dataset, fatal, rejected, total, format } = outcome;
	const kind = format ?? 'unknown format';
	// What was changed to read the file (text cut, bytes that were not text): listed, never silent.
	const notes = [...decoding, ...outcome.notices].map(
		(issue) => `  note: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`
	);
	if (dataset && !rejected.length) {
		const count = dataset.events.length;
		// The span in the words the page uses: "13.8 billion years ago – 1969 CE".
		const extent = prepareTimeline(dataset).extent;
		const span = extent ? `, ${formatRange(extent)}` : '';
		const head = `${file}: ok, ${count} event${count === 1 ? '' : 's'} (${kind})${span}`;
		return { lines: [head, ...notes], ok: true };
	}
	const head = dataset
		? `${file}: ${rejected.length} of ${total} events rejected (${kind})`
		: `${file}: cannot be imported (${kind})`;
	const lines = [head, ...fatal.map((issue) => `  ${issue.path || '(file)'}: ${issue.message}`)];
	if (outcome.mapping) {
		const guess = formatMapArgument(outcome.mapping.guess);
		const order = outcome.mapping.askDayOrder ? ' --day-first (or --month-first)' : '';
		lines.push(
			`  map its columns to read it, e.g. --map ${guess || 'start=<column>,title=<column>'}${order}`
		);
	}
	lines.push(...notes);
	for (const event of rejected) {
		const label = event.title ? `${event.where} ${JSON.stringify(event.title)}` : event.where;
		for (const issue of event.issues) {
			lines.push(
				`  ${label}: ${issue.path === event.where ? '' : `${issue.path}: `}${issue.message}`
			);
		}
	}
	return { lines, ok: false };
}

const USAGE =
	'usage: npm run validate -- [--map start=<column>,title=<column>,...] [--day-first | --month-first] <file.json|.ndjson|.csv|.parquet> [more files...]';

/** The files and import options on the command line; `--map a=b` and `--map=a=b` both work. */
function readArguments(args: readonly string[]): { files: string[]; options: ImportOptions } {
	const files: string[] = [];
	const options: ImportOptions = {};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--day-first' || arg === '--month-first') {
			options.dayOrder = arg === '--day-first' ? 'day-first' : 'month-first';
		} else if (arg === '--map' || arg.startsWith('--map=')) {
			const value = arg === '--map' ? args[++i] : arg.slice('--map='.length);
			const parsed = parseMapArgument(value ?? '');
			if ('error' in parsed) {
				console.error(`--map: ${parsed.error}\n${USAGE}`);
				process.exit(2);
			}
			options.map = parsed.map;
		} else files.push(arg);
	}
	return { files, options };
}

const { files, options } = readArguments(process.argv.slice(2));
if (files.length === 0) {
	console.error(USAGE);
	process.exit(2);
}

let status = 0;
for (const file of files) {
	let bytes: Uint8Array;
	try {
		const size = statSync(file).size;
		const kind = readKindOfName(file);
		if (size > maxFileBytes(kind)) {
			console.error(`${file}: ${tooLargeMessage(size, kind)}`);
			status = Math.max(status, 1);
			continue;
		}
		bytes = readFileSync(file);
	} catch (error) {
		console.error(`${file}: cannot read: ${error instanceof Error ? error.message : error}`);
		status = 2;
		continue;
	}
	// Read as the page reads it: chosen by name and first bytes, decoded as UTF-8, UTF-16 or
	// Windows-1252.
	const reader = startImport(file, options);
	reader.push(bytes);
	const { outcome, notices } = await reader.finish();
	const { lines, ok } = report(file, outcome, notices);
	if (ok) console.log(lines.join('\n'));
	else {
		console.error(lines.join('\n'));
		status = Math.max(status, 1);
	}
}
process.exit(status);
