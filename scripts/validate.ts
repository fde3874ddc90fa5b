/**
 * `npm run validate -- <file> [...]`: checks data files in any format Eventline imports (Eventline or
 * TimelineJS JSON, TimelineJS or Eventline CSV), prints every problem with its location, and exits 1
 * if any file has one (2 when a file cannot be read or none is given).
 */
import { readFileSync } from 'node:fs';
import { importData, type ImportOutcome } from '$lib/ingest/import';

/** The report for one file: its lines, and whether it found a problem. */
function report(file: string, outcome: ImportOutcome): { lines: string[]; ok: boolean } {
	const { dataset, fatal, rejected, total, format } = outcome;
	const kind = format ?? 'unknown format';
	if (dataset && !rejected.length) {
		const count = dataset.events.length;
		return { lines: [`${file}: ok, ${count} event${count === 1 ? '' : 's'} (${kind})`], ok: true };
	}
	const head = dataset
		? `${file}: ${rejected.length} of ${total} events rejected (${kind})`
		: `${file}: cannot be imported (${kind})`;
	const lines = [head, ...fatal.map((issue) => `  ${issue.path || '(file)'}: ${issue.message}`)];
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
	let source: string;
	try {
		source = readFileSync(file, 'utf8');
	} catch (error) {
		console.error(`${file}: cannot read: ${error instanceof Error ? error.message : error}`);
		status = 2;
		continue;
	}
	const { lines, ok } = report(file, importData(source, file));
	if (ok) console.log(lines.join('\n'));
	else {
		console.error(lines.join('\n'));
		status = Math.max(status, 1);
	}
}
process.exit(status);
