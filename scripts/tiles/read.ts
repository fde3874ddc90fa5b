/**
 * Reads the tile builder's inputs with DuckDB, a batch of rows at a time (a file larger than memory
 * streams through), and hands each batch to the app's own importer: NDJSON lines to the page's
 * `NdjsonReader`, CSV rows and Parquet records (as the text cells the page makes of them) to
 * `importCsvTable`, which knows Eventline's columns, ACLED's, TimelineJS's and a `--map`ping. So
 * every rule the page applies (validation, precision, time zones, set-aside rows) applies here.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportOptions } from '$lib/ingest/column-map';
import { detectDelimiter, readCsv, type CsvRow } from '$lib/ingest/csv';
import { importCsvTable } from '$lib/ingest/import';
import { NdjsonReader } from '$lib/ingest/ndjson';
import type { ImportOutcome, RejectedEvent } from '$lib/ingest/outcome';
import { cellText } from '$lib/ingest/parquet';
import { streamKind } from '$lib/ingest/stream-import';
import type { DataIssue } from '$lib/ingest/validate';
import type { TimelineEvent } from '$lib/model/schema';

/** Rows handed to the importer at once. */
export const BATCH_ROWS = 10_000;
/** Cells past the header's columns that are still read, so the importer can name a row that has too many. */
const EXTRA_CELLS = 16;
/** Bytes read to find a CSV file's header and separator. */
const HEAD_BYTES = 256 * 1024;

/** What the importer made of a batch of rows. */
export interface ImportedBatch {
	/** The accepted events, in input order, with where each is in the input. */
	events: { event: TimelineEvent; where: string }[];
	/** Rows set aside, each with where it is, its problems and the row as the file gives it. */
	rejected: RejectedEvent[];
	/** What was changed to accept events (text cut to its limit). */
	notices: DataIssue[];
	/** Rows read so far from this input. */
	rows: number;
}

/** A whole input that cannot be used (columns nobody knows, a format that is not supported). */
export class InputError extends Error {}

/** A SQL string literal. */
export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

function readHead(path: string, bytes = HEAD_BYTES): Uint8Array {
	const fd = openSync(path, 'r');
	try {
		const head = new Uint8Array(bytes);
		const read = readSync(fd, head, 0, bytes, 0);
		return head.subarray(0, read);
	} finally {
		closeSync(fd);
	}
}

/** How the input is read: by its first bytes and name, as the page chooses. */
export function inputKind(path: string): 'ndjson' | 'csv' | 'parquet' {
	const kind = streamKind(path, readHead(path, 4));
	if (kind === 'text') {
		throw new InputError(
			`${path}: the tile builder reads NDJSON (.ndjson, .jsonl), CSV or Parquet; save a JSON file as NDJSON, one event per line`
		);
	}
	return kind;
}

/** Reads `path` a batch at a time. `where` names a row ("line 12" or "a.csv line 12" when there are several inputs). */
export async function* readInput(
	connection: DuckDBConnection,
	path: string,
	options: { import?: ImportOptions; prefix?: string } = {}
): AsyncGenerator<ImportedBatch> {
	const kind = inputKind(path);
	const prefix = options.prefix ?? '';
	if (kind === 'ndjson') yield* readNdjson(connection, path, prefix);
	else if (kind === 'csv') yield* readCsvRows(connection, path, prefix, options.import);
	else yield* readParquet(connection, path, prefix, options.import);
}

/** Rows of a query, BATCH_ROWS at a time. */
async function* batches(connection: DuckDBConnection, sql: string) {
	const result = await connection.stream(sql);
	let batch: unknown[][] = [];
	for await (const rows of result.yieldRowsJs()) {
		for (const row of rows) batch.push(row);
		if (batch.length >= BATCH_ROWS) {
			yield { names: result.columnNames(), rows: batch };
			batch = [];
		}
	}
	if (batch.length) yield { names: result.columnNames(), rows: batch };
}

const withPrefix = (prefix: string, where: string) => (prefix ? `${prefix} ${where}` : where);

function prefixed(rejected: RejectedEvent, prefix: string): RejectedEvent {
	if (!prefix) return rejected;
	return {
		...rejected,
		where: withPrefix(prefix, rejected.where),
		issues: rejected.issues.map((issue) => ({ ...issue, path: withPrefix(prefix, issue.path) }))
	};
}

function failIfFatal(path: string, outcome: ImportOutcome) {
	if (!outcome.fatal.length) return;
	const problems = outcome.fatal.map(
		(issue) => `${issue.path ? `${issue.path}: ` : ''}${issue.message}`
	);
	throw new InputError(`${path}: ${problems.join('; ')}`);
}

/** NDJSON lines, read by DuckDB as one text column (blank lines come as nulls, so line numbers hold). */
async function* readNdjson(connection: DuckDBConnection, path: string, prefix: string) {
	// No JSON text holds the unit separator outside a string, nor a raw one inside: each line is one cell.
	const sql = `SELECT line FROM read_csv(${sqlString(path)}, columns = {'line': 'VARCHAR'},
		header = false, auto_detect = false, delim = chr(31), quote = '', escape = '',
		new_line = '\\n', strict_mode = false, max_line_size = 8388608)`;
	let lineNumber = 0;
	for await (const { rows } of batches(connection, sql)) {
		const reader = new NdjsonReader();
		const numbers: number[] = [];
		for (const [value] of rows) {
			lineNumber++;
			let line = typeof value === 'string' ? value : '';
			if (lineNumber === 1) line = line.replace(/^\uFEFF/, '');
			if (line.trim()) numbers.push(lineNumber);
			reader.add(line, lineNumber);
		}
		if (!numbers.length) continue;
		const outcome = reader.finish();
		failIfFatal(path, outcome);
		const setAside = new Set(outcome.rejected.map((r) => r.index));
		const places = numbers.filter((_, position) => !setAside.has(position));
		yield {
			events: (outcome.dataset?.events ?? []).map((event, i) => ({
				event,
				where: withPrefix(prefix, `line ${places[i] ?? '?'}`)
			})),
			rejected: outcome.rejected.map((r) => prefixed(r, prefix)),
			notices: outcome.notices,
			rows: lineNumber
		};
	}
}

/** A CSV table's rows through the importer; `headerRow` numbers them as a spreadsheet would. */
function importRows(
	path: string,
	header: string[],
	headerRow: number,
	rows: CsvRow[],
	prefix: string,
	options: ImportOptions | undefined
) {
	const outcome = importCsvTable({ header, headerRow, rows }, options, path);
	failIfFatal(path, outcome);
	const setAside = new Set(outcome.rejected.map((r) => r.index + headerRow + 1));
	const places = rows.filter((row) => !setAside.has(row.row)).map((row) => row.row);
	return {
		events: (outcome.dataset?.events ?? []).map((event, i) => ({
			event,
			where: withPrefix(prefix, `row ${places[i] ?? '?'}`)
		})),
		rejected: outcome.rejected.map((r) => prefixed(r, prefix)),
		notices: outcome.notices
	};
}

/** Text of the first bytes, and whether they are UTF-8 (else the file is read as Latin-1). */
function headText(path: string): { text: string; utf8: boolean } {
	const head = readHead(path);
	// The last character may be cut in two: judge UTF-8 on all but the last few bytes.
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(
			head.subarray(0, Math.max(0, head.length - 4))
		);
		return { text: new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, ''), utf8: true };
	} catch {
		return { text: new TextDecoder('windows-1252').decode(head), utf8: false };
	}
}

async function* readCsvRows(
	connection: DuckDBConnection,
	path: string,
	prefix: string,
	options: ImportOptions | undefined
): AsyncGenerator<ImportedBatch> {
	const { text, utf8 } = headText(path);
	const delimiter = detectDelimiter(text);
	const table = readCsv(text, delimiter);
	if (!table) throw new InputError(`${path}: the file is empty`);
	const { header, headerRow } = table;
	const names = [
		...header.map((_, i) => `c${i}`),
		...Array.from({ length: EXTRA_CELLS }, (_, i) => `x${i}`)
	];
	const columns = names.map((name) => `'${name}': 'VARCHAR'`).join(', ');
	const rejects = `rejects_${Math.random().toString(36).slice(2)}`;
	const sql = `SELECT * FROM read_csv(${sqlString(path)}, columns = {${columns}},
		header = false, skip = ${headerRow}, auto_detect = false, delim = ${sqlString(delimiter)},
		quote = '"', escape = '"', null_padding = true, strict_mode = false,
		encoding = '${utf8 ? 'utf-8' : 'latin-1'}', max_line_size = 8388608,
		store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan')`;
	let row = headerRow;
	for await (const batch of batches(connection, sql)) {
		const rows = batch.rows.map((values): CsvRow => {
			const cells = values.map((value) => (value == null ? '' : String(value)));
			let length = cells.length;
			while (length > header.length && !cells[length - 1]) length--;
			return { row: ++row, cells: cells.slice(0, length) };
		});
		yield { ...importRows(path, header, headerRow, rows, prefix, options), rows: row - headerRow };
	}
	// Rows DuckDB could not split into cells: set aside with its reason, never dropped.
	const unread = await connection.runAndReadAll(
		`SELECT line, csv_line, error_message FROM ${rejects} ORDER BY line`
	);
	const rejected = unread.getRowObjectsJS().map((r): RejectedEvent => {
		const where = withPrefix(prefix, `line ${String(r.line)}`);
		return {
			index: Number(r.line),
			where,
			issues: [{ path: where, message: `cannot be read as CSV (${String(r.error_message)})` }],
			raw: r.csv_line
		};
	});
	if (rejected.length) yield { events: [], rejected, notices: [], rows: row - headerRow };
}

async function* readParquet(
	connection: DuckDBConnection,
	path: string,
	prefix: string,
	options: ImportOptions | undefined
): AsyncGenerator<ImportedBatch> {
	let row = 0;
	// A Parquet file has no header row: row 1 is the first record, as the page numbers them.
	for await (const batch of batches(connection, `SELECT * FROM read_parquet(${sqlString(path)})`)) {
		const rows = batch.rows.map((values): CsvRow => ({ row: ++row, cells: values.map(cellText) }));
		yield { ...importRows(path, batch.names, 0, rows, prefix, options), rows: row };
	}
}

/** The name an input goes by in places and the manifest. */
export const inputName = (path: string) => basename(path);
