/**
 * `npm run validate -- <file> [...]`: checks data files in any format Eventline imports (Eventline or
 * TimelineJS JSON, TimelineJS or Eventline CSV), prints every problem with its location, and exits 1
 * if any file has one (2 when a file cannot be read or none is given).
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeBytes } from '$lib/ingest/decode';
import { importData, type ImportOutcome } from '$lib/ingest/import';
import { MAX_FILE_BYTES, megabytes } from '$lib/ingest/limits';
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

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error('usage: npm run validate -- <file.json|file.csv> [more files...]');
	process.exit(2);
}

let status = 0;
for (const file of files) {
	let bytes: Uint8Array;
	try {
		const size = statSync(file).size;
		if (size > MAX_FILE_BYTES) {
			console.error(
				`${file}: is ${megabytes(size)}; Eventline reads files up to ${megabytes(MAX_FILE_BYTES)}`
			);
			status = Math.max(status, 1);
			continue;
		}
		bytes = readFileSync(file);
	} catch (error) {
		console.error(`${file}: cannot read: ${error instanceof Error ? error.message : error}`);
		status = 2;
		continue;
	}
	// Decoded as the page decodes it: UTF-8 with or without a byte order mark, UTF-16 in either order.
	const { text, notices } = decodeBytes(bytes);
	const { lines, ok } = report(file, importData(text, file), notices);
	if (ok) console.log(lines.join('\n'));
	else {
		console.error(lines.join('\n'));
		status = Math.max(status, 1);
	}
}
process.exit(status);
