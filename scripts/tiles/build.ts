/**
 * Builds a tile set (docs/tiles.md) from NDJSON, CSV and Parquet files: DuckDB reads them a batch at
 * a time, the app's importer accepts or sets aside each row, the accepted events go to a staging
 * table, and tiles.sql, run as it is, writes the count and event tiles with COPY. DuckDB works in a
 * database file with a memory limit and a spill folder, so inputs larger than memory go through.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ImportOptions } from '$lib/ingest/column-map';
import type { RejectedEvent } from '$lib/ingest/outcome';
import { countTile, cutTiles, eventTile, folderSize } from './files';
import { BUCKETS, TOP, readManifest, type Manifest } from './manifest';
import { InputError, inputName, readInput, sqlString } from './read';
import { REPORT, Report, setAsideDuplicates } from './report';
import { STAGING_TABLE, appendStaged, stageEvent } from './stage';

export type { Manifest } from './manifest';

/** Where tiles.sql is: the one file of SQL the builder runs. */
export const TILES_SQL = join(dirname(fileURLToPath(import.meta.url)), 'tiles.sql');

/** What building a tile set is told. */
export interface BuildOptions {
	inputs: string[];
	/** The folder the tile set is written to (its tiles, manifest and report are replaced). */
	out: string;
	title?: string;
	description?: string;
	/** A column mapping and day order, as `npm run validate` takes them. */
	import?: ImportOptions;
	/** How many events the densest event tile of the deepest level may hold. @default 20000 */
	maxTileEvents?: number;
	/**
	 * How many events the deepest level's tiles must hold on average: deeper levels would cut the
	 * events so thin that their count tiles only repeat the event tiles. @default 2000
	 */
	minTileEvents?: number;
	/** The shortest tile, in ms: tiles are this times a power of 4 long. @default 60000 */
	unitMs?: number;
	/** DuckDB's memory limit: what the 10M build was measured with (README, Scaling). @default '3GB' */
	memoryLimit?: string;
	/** DuckDB's threads. @default its own choice */
	threads?: number;
	/** Told about each phase and, while reading, every batch. */
	onProgress?: (progress: BuildProgress) => void;
	/**
	 * Import only: write the staging rows (tiles.sql's input) to this Parquet file instead of
	 * building tiles, so that the tiling can run on another engine over many such files.
	 */
	staging?: string;
	/** Return the text of every statement DuckDB ran for the tiling (from its query log). */
	queryLog?: boolean;
}

/** Where a build is. */
export interface BuildProgress {
	phase: string;
	/** Rows read from the inputs so far. */
	rows: number;
	/** Since the build started. */
	seconds: number;
}

/** What a build made. */
export interface BuildResult {
	/** The manifest written (none when only the staging rows were written). */
	manifest?: Manifest;
	/** The statements DuckDB ran for the tiling, in order (with `queryLog`). */
	queryLog: string[];
}

/** The numbered comments that open tiles.sql's statements, in order: the phases of the tiling. */
export function tilingPhases(sql: string): string[] {
	// The words before the first colon or full stop: "3. How many events the densest tile…".
	return [...sql.matchAll(/^-- (\d+\. [^:.(\n]*)/gm)].map((m) => m[1]?.trim() ?? '');
}

/** Runs tiles.sql statement by statement, telling each numbered phase. */
async function runTilesSql(
	connection: DuckDBConnection,
	sql: string,
	phase: (name: string) => void
) {
	const phases = tilingPhases(sql);
	const statements = await connection.extractStatements(sql);
	for (let i = 0; i < statements.count; i++) {
		phase(phases[i] ?? `statement ${i + 1}`);
		await (await statements.prepare(i)).run();
	}
}

/**
 * Reads every input through the importer into the staging table, setting rows aside in `report`;
 * returns how many events were accepted.
 */
async function stageInputs(
	instance: DuckDBInstance,
	connection: DuckDBConnection,
	options: BuildOptions,
	report: Report,
	tell: (phase: string, rows: number) => void
): Promise<number> {
	let rows = 0;
	await connection.run(STAGING_TABLE);
	// Inputs are read on a connection of their own: the appender's flushes run on its connection,
	// and a query run on a connection ends the result it is streaming.
	const reader = await instance.connect();
	const appender = await connection.createAppender('events');
	let ord = 0;
	for (const input of options.inputs) {
		const prefix = options.inputs.length > 1 ? inputName(input) : '';
		const before = rows;
		tell(`reading ${input}`, rows);
		for await (const batch of readInput(reader, input, { import: options.import, prefix })) {
			rows = before + batch.rows;
			const unplaced: RejectedEvent[] = [];
			for (const { event, where } of batch.events) {
				const staged = stageEvent(event, ord++, where);
				if (staged) appendStaged(appender, staged);
				else {
					unplaced.push({
						index: ord,
						where,
						issues: [{ path: where, message: 'its dates cannot be placed in time' }],
						raw: event
					});
				}
			}
			report.add(batch.rejected);
			report.add(unplaced);
			tell(`reading ${input}`, rows);
		}
	}
	appender.closeSync();
	reader.closeSync();
	tell('setting aside repeated ids', rows);
	await setAsideDuplicates(connection, report);
	const accepted = Number(
		(await connection.runAndReadAll('SELECT count(*) FROM events')).getRowsJS()[0]?.[0]
	);
	return accepted;
}

/**
 * Builds the tile set of `options.inputs` into `options.out`; with `options.staging`, only imports
 * them and writes the staging rows there, for tiles.sql to run elsewhere.
 */
export async function buildTiles(options: BuildOptions): Promise<BuildResult> {
	const started = performance.now();
	const seconds = () => (performance.now() - started) / 1000;
	let rows = 0;
	const tell = (phase: string) => options.onProgress?.({ phase, rows, seconds: seconds() });

	const out = resolve(options.out);
	mkdirSync(out, { recursive: true });
	for (const name of ['counts', 'events', 'manifest.json', REPORT]) {
		rmSync(join(out, name), { recursive: true, force: true });
	}
	const work = mkdtempSync(join(tmpdir(), 'eventline-tiles-'));
	const instance = await DuckDBInstance.create(join(work, 'stage.duckdb'), {
		memory_limit: options.memoryLimit ?? '3GB',
		temp_directory: join(work, 'spill'),
		preserve_insertion_order: 'true',
		...(options.threads ? { threads: String(options.threads) } : {})
	});
	const connection = await instance.connect();
	const report = new Report(join(out, REPORT));
	try {
		const accepted = await stageInputs(instance, connection, options, report, (phase, read) => {
			rows = read;
			tell(phase);
		});
		if (!accepted) throw new InputError('no event was accepted: see set-aside.ndjson');
		if (options.staging) {
			tell(`writing the staging rows to ${options.staging}`);
			await connection.run(
				`COPY (SELECT * FROM events ORDER BY ord) TO ${sqlString(resolve(options.staging))} (FORMAT parquet, COMPRESSION zstd)`
			);
			report.close();
			tell('done');
			return { queryLog: [] };
		}

		const variables = {
			work: sqlString(work),
			buckets: BUCKETS,
			top: TOP,
			max_tile_events: options.maxTileEvents ?? 20_000,
			min_tile_events: options.minTileEvents ?? 2_000,
			unit_ms: options.unitMs ?? 60_000
		};
		// Order matters while reading; tiles.sql orders what it writes itself.
		await connection.run('SET preserve_insertion_order = false');
		for (const [name, value] of Object.entries(variables)) {
			await connection.run(`SET VARIABLE ${name} = ${value}`);
		}
		const enableLog = "CALL enable_logging('QueryLog')";
		const readLog = "SELECT message FROM duckdb_logs WHERE type = 'QueryLog' ORDER BY timestamp";
		if (options.queryLog) await connection.run(enableLog);
		const sql = readFileSync(TILES_SQL, 'utf8');
		await runTilesSql(connection, sql, tell);
		// Everything DuckDB ran from turning the log on to reading it, but those two statements.
		const queryLog = options.queryLog
			? (await connection.runAndReadAll(readLog))
					.getRowsJS()
					.map(([message]) => String(message))
					.filter((message) => message !== enableLog && message !== readLog)
			: [];

		tell('writing the count tiles');
		await cutTiles(join(work, 'counts.tsv'), join(out, 'counts'), 'json', countTile);
		rmSync(join(work, 'counts.tsv'));
		tell('writing the event tiles');
		await cutTiles(join(work, 'events.tsv'), join(out, 'events'), 'ndjson', eventTile);
		rmSync(join(work, 'events.tsv'));

		report.close();
		const manifest = await readManifest(connection, {
			options,
			accepted,
			setAside: report.count,
			seconds: seconds(),
			size: folderSize(out)
		});
		writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
		tell('done');
		return { manifest, queryLog };
	} finally {
		report.close();
		connection.closeSync();
		instance.closeSync();
		rmSync(work, { recursive: true, force: true });
	}
}
