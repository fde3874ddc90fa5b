/**
 * The bench's synthetic datasets written as files: Eventline JSON, NDJSON (one event per line,
 * written a line at a time so a million events never become one string) and Parquet (the columns of
 * Eventline's CSV, lists joined by ";", as a spreadsheet or a data tool would export them).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';

/** @typedef {import('./bench-data.js').BenchDataset} BenchDataset */
/** @typedef {'json' | 'ndjson' | 'parquet'} BenchFormat */

/** Lines per write: fewer system calls than one a line, far less memory than one for the file. */
const LINES_PER_WRITE = 10_000;

/** Parquet columns, in order: Eventline's CSV columns that the generator fills. */
const PARQUET_COLUMNS = /** @type {const} */ ([
	'id',
	'title',
	'start',
	'end',
	'precision',
	'partOfDay',
	'approximate',
	'category',
	'actors',
	'places',
	'certainty'
]);

/**
 * Writes `dataset` to `path` in `format`.
 * @param {string} path
 * @param {BenchDataset} dataset
 * @param {BenchFormat} format
 */
export function writeDataset(path, dataset, format) {
	if (format === 'json') return writeFileSync(path, JSON.stringify(dataset));
	if (format === 'ndjson') {
		const fd = openSync(path, 'w');
		try {
			for (let at = 0; at < dataset.events.length; at += LINES_PER_WRITE) {
				const lines = dataset.events.slice(at, at + LINES_PER_WRITE).map((e) => JSON.stringify(e));
				writeSync(fd, `${lines.join('\n')}\n`);
			}
		} finally {
			closeSync(fd);
		}
		return;
	}
	const { events } = dataset;
	const columnData = PARQUET_COLUMNS.map((name) => ({
		name,
		type: /** @type {const} */ ('STRING'),
		data: events.map((event) => {
			const value = event[name];
			if (value === undefined) return null;
			return Array.isArray(value) ? value.join('; ') : String(value);
		})
	}));
	writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData })));
}
