/**
 * `npm run tiles -- <file.csv|.ndjson|.parquet ...> --out <dir>`: builds a tile set (docs/tiles.md)
 * with DuckDB, showing on the terminal the phase, the rows read and the time taken. Options:
 * `--title <text>`, `--map start=<column>,title=<column>`, `--day-first` / `--month-first`,
 * `--max-tile-events <n>`, `--min-tile-events <n>`, `--memory-limit <size>` (DuckDB's, 3GB by default), `--threads <n>`;
 * `--staging <file.parquet>` only imports, writing tiles.sql's input there (for another engine).
 * Exits 1 when an input cannot be used, 2 on a wrong command line.
 */
import { parseMapArgument } from '$lib/ingest/column-map';
import { buildTiles, type BuildOptions, type BuildProgress } from './build';
import { InputError } from './read';

const USAGE =
	'usage: npm run tiles -- <file.csv|.ndjson|.parquet> [more files...] --out <dir> [--title <text>] [--map start=<column>,title=<column>] [--day-first | --month-first] [--max-tile-events <n>] [--min-tile-events <n>] [--memory-limit <size>] [--threads <n>] [--staging <file.parquet>]';

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

/** The build options on the command line. */
function readArguments(args: readonly string[]): BuildOptions {
	const inputs: string[] = [];
	const options: Omit<BuildOptions, 'inputs' | 'out'> & { out?: string } = {};
	const value = (i: number, name: string) => {
		const next = args[i + 1];
		if (next === undefined || next.startsWith('--')) fail(`${name} needs a value`);
		return next;
	};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] ?? '';
		if (arg === '--out') options.out = value(i++, arg);
		else if (arg === '--title') options.title = value(i++, arg);
		else if (arg === '--staging') options.staging = value(i++, arg);
		else if (arg === '--memory-limit') options.memoryLimit = value(i++, arg);
		else if (arg === '--threads') options.threads = Number(value(i++, arg));
		else if (arg === '--max-tile-events') options.maxTileEvents = Number(value(i++, arg));
		else if (arg === '--min-tile-events') options.minTileEvents = Number(value(i++, arg));
		else if (arg === '--day-first' || arg === '--month-first') {
			options.import = {
				...options.import,
				dayOrder: arg === '--day-first' ? 'day-first' : 'month-first'
			};
		} else if (arg === '--map') {
			const parsed = parseMapArgument(value(i++, arg));
			if ('error' in parsed) fail(`--map: ${parsed.error}`);
			options.import = { ...options.import, map: parsed.map };
		} else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
		else inputs.push(arg);
	}
	if (!inputs.length) fail('name at least one input file');
	if (!options.out) fail('say where the tiles go with --out <dir>');
	return { ...options, inputs, out: options.out };
}

/** Progress on one line that rewrites itself on a terminal, a line per phase elsewhere. */
function progressPrinter() {
	const tty = process.stderr.isTTY;
	let lastPhase = '';
	let lastPrint = 0;
	return ({ phase, rows, seconds }: BuildProgress) => {
		const line = `${phase}: ${rows.toLocaleString('en')} rows read, ${seconds.toFixed(1)} s`;
		// On a terminal the line rewrites itself within a phase; each finished phase stays on screen.
		if (tty) {
			const next = phase !== lastPhase && lastPhase ? '\n' : '\r\x1b[K';
			process.stderr.write(`${next}${line}${phase === 'done' ? '\n' : ''}`);
		} else if (phase !== lastPhase || seconds - lastPrint >= 5) {
			process.stderr.write(`${line}\n`);
			lastPrint = seconds;
		}
		lastPhase = phase;
	};
}

const options = readArguments(process.argv.slice(2));
try {
	const { manifest } = await buildTiles({ ...options, onProgress: progressPrinter() });
	if (!manifest) {
		console.log(`${options.staging}: the staging rows; set-aside rows in ${options.out}`);
		process.exit(0);
	}
	const { build } = manifest;
	console.log(
		`${options.out}: ${manifest.events.toLocaleString('en')} events in ${manifest.levels.length} level${manifest.levels.length === 1 ? '' : 's'}, ` +
			`${manifest.setAside.toLocaleString('en')} set aside (${manifest.report}); ` +
			`${build.files.toLocaleString('en')} files, ${(build.bytes / 1e6).toFixed(1)} MB, ${build.seconds} s (${build.engine})`
	);
} catch (error) {
	if (!(error instanceof InputError)) throw error;
	console.error(error.message);
	process.exit(1);
}
