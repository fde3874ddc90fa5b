/**
 * The tile builder at scale: writes the bench's synthetic events (the same bursty, news-like
 * generator as `npm run bench`) as Parquet a batch at a time, builds their tiles with
 * `npm run tiles`, and reports the build's time, its output's size and file count, and its peak
 * memory. `node scripts/bench-tiles.js` measures 1M and 10M events; `BENCH_TILES_SIZES=100000`
 * measures only the sizes named. Files go to `BENCH_TILES_DIR` (default: a folder in the system's
 * temporary directory), and are removed afterwards unless `BENCH_TILES_KEEP=1`.
 */
import { spawnSync } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	statSync,
	writeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateEvents } from './bench-data.js';

/** Lines per write while generating NDJSON. */
const LINES_PER_WRITE = 10_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * One measured build.
 * @typedef {object} TileBench
 * @property {number} events events generated
 * @property {number} inputBytes the Parquet file's size
 * @property {number} seconds the build's own time (the manifest's `build.seconds`)
 * @property {number} wallSeconds the command's time, start to exit
 * @property {number} bytes the tile set's size
 * @property {number} files the tile set's files
 * @property {number} levels its zoom levels
 * @property {number | undefined} peakMemoryMB the build's peak resident memory, where /usr/bin/time can tell it
 */

/**
 * Writes `count` bench events as Parquet with Eventline's CSV columns (as the bench's Parquet file
 * has them): the generator's events go a batch at a time to NDJSON, which DuckDB turns into Parquet,
 * so ten million events are never in memory at once.
 * @param {number} count
 * @param {string} path the Parquet file to write
 */
export async function writeBenchParquet(count, path) {
	const ndjson = `${path}.ndjson`;
	const fd = openSync(ndjson, 'w');
	try {
		let lines = [];
		for (const event of generateEvents(count)) {
			lines.push(JSON.stringify(event));
			if (lines.length >= LINES_PER_WRITE) {
				writeSync(fd, `${lines.join('\n')}\n`);
				lines = [];
			}
		}
		if (lines.length) writeSync(fd, `${lines.join('\n')}\n`);
	} finally {
		closeSync(fd);
	}
	const instance = await DuckDBInstance.create(':memory:', {
		memory_limit: '1GB',
		temp_directory: `${path}.spill`
	});
	const connection = await instance.connect();
	const text = (/** @type {string} */ name) => `'${name}': 'VARCHAR'`;
	const quoted = (/** @type {string} */ p) => `'${p.replaceAll("'", "''")}'`;
	try {
		// Lists joined by "; ", as a spreadsheet or a data tool exports them (scripts/bench-files.js).
		await connection.run(`COPY (
			SELECT id, title, start, "end", precision, partOfDay, approximate::VARCHAR AS approximate,
				category, array_to_string(actors, '; ') AS actors, array_to_string(places, '; ') AS places,
				certainty
			FROM read_json(${quoted(ndjson)}, format = 'newline_delimited', columns = {
				${['id', 'title', 'start', 'end', 'precision', 'partOfDay'].map(text).join(', ')},
				'approximate': 'BOOLEAN', 'category': 'VARCHAR', 'actors': 'VARCHAR[]',
				'places': 'VARCHAR[]', 'certainty': 'VARCHAR'
			})
		) TO ${quoted(path)} (FORMAT parquet, COMPRESSION zstd)`);
	} finally {
		connection.closeSync();
		instance.closeSync();
		rmSync(ndjson, { force: true });
		rmSync(`${path}.spill`, { recursive: true, force: true });
	}
}

/**
 * Builds the tiles of `input` into `out` with `npm run tiles`, as a user would.
 * @param {string} input
 * @param {string} out
 */
function buildWithCli(input, out) {
	// 3 GB: the limit the 10M build was measured with (README, "Scaling").
	const command = [
		'tsx',
		join(ROOT, 'scripts/tiles/cli.ts'),
		input,
		'--out',
		out,
		'--memory-limit',
		'3GB'
	];
	// GNU time reports the peak resident memory of the build and everything it started.
	const timed = existsSync('/usr/bin/time');
	const started = performance.now();
	const run = spawnSync(
		timed ? '/usr/bin/time' : 'npx',
		timed ? ['-f', 'peak-kb %M', 'npx', ...command] : command,
		{
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			maxBuffer: 64 * 1024 * 1024
		}
	);
	const wallSeconds = (performance.now() - started) / 1000;
	if (run.status !== 0) throw new Error(`npm run tiles failed:\n${run.stderr}`);
	const peak = /peak-kb (\d+)/.exec(run.stderr)?.[1];
	return { wallSeconds, peakMemoryMB: peak ? Math.round(Number(peak) / 1024) : undefined };
}

/**
 * Writes a Parquet file of each size, builds its tiles and measures the build.
 * @param {{ sizes?: number[], dir?: string, keep?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<TileBench[]>}
 */
export async function benchTiles({
	sizes = [1_000_000, 10_000_000],
	dir = join(tmpdir(), 'eventline-bench-tiles'),
	keep = false,
	log = () => {}
} = {}) {
	mkdirSync(dir, { recursive: true });
	/** @type {TileBench[]} */
	const results = [];
	for (const events of sizes) {
		const input = join(dir, `bench-${events}.parquet`);
		const out = join(dir, `tiles-${events}`);
		log(`writing ${events.toLocaleString('en')} events to ${input}`);
		await writeBenchParquet(events, input);
		log(`building their tiles into ${out}`);
		const { wallSeconds, peakMemoryMB } = buildWithCli(input, out);
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		results.push({
			events,
			inputBytes: statSync(input).size,
			seconds: manifest.build.seconds,
			wallSeconds,
			bytes: manifest.build.bytes,
			files: manifest.build.files,
			levels: manifest.levels.length,
			peakMemoryMB
		});
		if (!keep) {
			rmSync(input, { force: true });
			rmSync(out, { recursive: true, force: true });
		}
	}
	return results;
}

/**
 * The results as a table for the terminal.
 * @param {TileBench[]} results
 */
export function formatTileBench(results) {
	const mb = (/** @type {number} */ bytes) => (bytes / 1e6).toFixed(1);
	const rows = [
		['events', 'Parquet MB', 'build s', 'command s', 'tiles MB', 'files', 'levels', 'peak MB'],
		...results.map((r) => [
			r.events.toLocaleString('en'),
			mb(r.inputBytes),
			r.seconds.toFixed(1),
			r.wallSeconds.toFixed(1),
			mb(r.bytes),
			r.files.toLocaleString('en'),
			String(r.levels),
			r.peakMemoryMB === undefined ? '?' : String(r.peakMemoryMB)
		])
	];
	const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
	return rows
		.map((row) => row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  '))
		.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const sizes = process.env.BENCH_TILES_SIZES?.split(',').map(Number);
	const results = await benchTiles({
		sizes,
		dir: process.env.BENCH_TILES_DIR,
		keep: process.env.BENCH_TILES_KEEP === '1',
		log: (line) => console.error(line)
	});
	console.log(formatTileBench(results));
}
