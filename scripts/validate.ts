/**
 * `npm run validate -- <file> [...]`: checks Eventline data files from the command line, prints every
 * problem with its location, and exits 1 if any file has one (2 when a file cannot be read).
 */
import { readFileSync } from 'node:fs';
import { validateDatasetText } from '../src/lib/model/validate';

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error('usage: npm run validate -- <file.json> [more files...]');
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
	const result = validateDatasetText(source);
	if (result.ok) {
		console.log(`${file}: ok, ${result.dataset.events.length} events`);
		continue;
	}
	status = Math.max(status, 1);
	console.error(`${file}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}`);
	for (const issue of result.issues) {
		console.error(`  ${issue.path || '(file)'}: ${issue.message}`);
	}
}
process.exit(status);
