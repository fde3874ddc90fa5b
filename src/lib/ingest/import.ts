/**
 * Bring your own events: reads Eventline JSON, TimelineJS3 JSON, TimelineJS3's spreadsheet as CSV,
 * and CSV with Eventline's own columns, into a validated Eventline dataset. Events that fail are
 * returned with every problem located in the original file, never dropped silently.
 */
import { formatPath, parseJsonText } from './validate';
import { columnKey, detectDelimiter, readCsv, type CsvTable } from './csv';
import {
	formatMapArgument,
	mappingRequest,
	type ImportOptions,
	type MappingRequest
} from './column-map';
import { importMappedCsv } from './csv-mapped';
import {
	betaTimelineJs3,
	importTimelineJs2,
	importTimelineJsV1Csv,
	isTimelineJsV1Header,
	looksLikeTimelineJs2
} from './timelinejs-legacy';
import { importVisTimeline, looksLikeVis } from './vis-timeline';
import { importMappedRecords, recordList, recordsTable } from './json-records';
import { EVENTLINE_COLUMNS, importEventlineCsv, importEventlineRows } from './csv-eventline';
import { TIMELINEJS_COLUMNS, importTimelineJsCsv } from './csv-timelinejs';
import { importEventlineJson } from './eventline-json';
import { duplicateKeys } from './json-keys';
import { parseJson } from './json-text';
import { preview } from './messages';
import { importNdjsonText, looksLikeNdjson } from './ndjson';
import { ACLED_FORMAT, importAcledTable, looksLikeAcled } from './acled';
import { fatalOutcome, type ImportOutcome } from './outcome';
import type { SeenIds } from './seen-ids';
import { limitText } from './text-limits';
import { importTimelineJs, looksLikeTimelineJs } from './timelinejs';
import { field, isRecord } from './values';
import type { TimelineEvent } from '$lib/model/schema';

export type { DataFormat, ImportOutcome, RejectedEvent } from './outcome';
export type { ImportOptions } from './column-map';

/**
 * Detects the format (by content; `fileName`'s extension is only a hint) and imports. When the file
 * was read from the web, `fileName` is its address, and relative links in it are resolved against
 * it. `options` map the columns of a CSV file whose names Eventline does not know, and settle 1/2/2024.
 */
export function importData(
	text: string,
	fileName?: string,
	options: ImportOptions = {}
): ImportOutcome {
	return limitTopLevel(importAny(text, fileName, options));
}

function importAny(
	text: string,
	fileName: string | undefined,
	options: ImportOptions
): ImportOutcome {
	if (typeof text !== 'string') return fatal('The file could not be read as text');
	const source = text.replace(/^\uFEFF/, '');
	if (!source.trim()) return fatal('The file is empty');
	// NUL never appears in JSON or CSV text; it marks a binary file such as a spreadsheet workbook.
	if (source.includes('\u0000')) {
		return fatal('This is not a text file: Eventline reads JSON or CSV (save spreadsheets as CSV)');
	}
	const hintsJson = /\.json$/i.test(fileName ?? '');
	if (/\.(ndjson|jsonl)$/i.test(fileName ?? '') || looksLikeNdjson(source)) {
		return importNdjsonText(source);
	}
	if (/^\s*[[{]/.test(source)) return importJson(source, options, fileName);

	const table = readCsv(source, detectDelimiter(source));
	const known =
		table && (options.map || isTimelineJsV1Header(table.header) || csvFormat(table) !== undefined);
	if (!known && (hintsJson || parseJsonText(source).ok))
		return importJson(source, options, fileName);
	return csvTableOutcome(table, options, fileName);
}

/**
 * Imports a CSV table (read whole, or as a stream, or from a Parquet file's columns) in the format
 * its header names, through `options`' column mapping when it has one; or asks for a mapping when
 * the columns look like events under other names; or says that no format matches.
 */
export function importCsvTable(
	table: CsvTable | undefined,
	options: ImportOptions = {},
	fileName?: string
): ImportOutcome {
	return limitTopLevel(csvTableOutcome(table, options, fileName));
}

function csvTableOutcome(
	table: CsvTable | undefined,
	options: ImportOptions,
	fileName: string | undefined
): ImportOutcome {
	if (table && options.map) return withRows(importMappedCsv(table, options), table);
	if (table && isTimelineJsV1Header(table.header)) {
		return withRows(importTimelineJsV1Csv(table), table);
	}
	const format = table && csvFormat(table);
	if (table && format === ACLED_FORMAT) return withRows(importAcledTable(table), table);
	if (table && format === 'csv-timelinejs') {
		return orMapping(withRows(importTimelineJsCsv(table, fileName), table), table);
	}
	if (table && format === 'csv-eventline') {
		return orMapping(withRows(importEventlineCsv(table), table), table);
	}
	const mapping = table && table.rows.length ? mappingRequest(table) : undefined;
	if (table && mapping && worthMapping(mapping)) return askForMapping(table, mapping);
	return fatal(
		'Eventline cannot tell what kind of file this is: it reads Eventline or TimelineJS JSON, NDJSON, ' +
			'Parquet, ACLED exports, and CSV whose first row names the columns (such as title,start or ' +
			'Year,Headline)' +
			delimiterHint(table)
	);
}

/**
 * A table held as columns, with no header row: a Parquet file's, or a run of its records. Record
 * `i` (from 0) of the table is record `first + i` of the file, "row first + i + 1". `cell` gives a
 * value as the text a CSV cell would hold.
 */
export interface ColumnTable {
	header: string[];
	length: number;
	/** The file's number (from 0) of the table's first record; 0 unless given. */
	first?: number;
	cell(row: number, column: number): string;
}

/**
 * Imports a table held as columns as {@link importCsvTable} imports the same table, with the same
 * messages and set-aside rows; when its columns are Eventline's, their cells are read in place
 * rather than copied into a row each, and `onEvents` (when given) takes the accepted events as
 * they are checked, in file order, instead of the outcome's dataset.
 */
export function importColumnTable(
	columns: ColumnTable,
	onEvents?: (events: TimelineEvent[]) => void,
	{ seen }: { seen?: SeenIds } = {}
): ImportOutcome {
	const { header, length, first = 0 } = columns;
	const cellsOf = (row: number) => header.map((_, column) => columns.cell(row - 1 - first, column));
	if (readsInPlace(header)) {
		const outcome = importEventlineRows(
			{ header, headerRow: 0, rows: [] },
			{ length, rowNumber: (i) => first + i + 1, cell: columns.cell },
			onEvents,
			{ seen }
		);
		// A table that fails as a whole goes the CSV way, which also offers to map its columns.
		if (outcome.dataset) return limitTopLevel(withCells(outcome, header, 0, cellsOf));
	}
	const rows = Array.from({ length }, (_, i) => ({
		row: first + i + 1,
		cells: cellsOf(first + i + 1)
	}));
	return importCsvTable({ header, headerRow: 0, rows });
}

/**
 * Whether a table held as columns under `header` is read in place ({@link importColumnTable}): its
 * columns are Eventline's, all named (only a column without a name makes the importer look at the
 * rows, and then they are built).
 */
export function readsInPlace(header: readonly string[]): boolean {
	const table = { header: [...header], headerRow: 0, rows: [] };
	return (
		header.every(Boolean) &&
		!isTimelineJsV1Header(table.header) &&
		csvFormat(table) === 'csv-eventline'
	);
}

function fatal(message: string, path = ''): ImportOutcome {
	return fatalOutcome(undefined, [{ path, message }]);
}

/** `fileName` is the file's web address when it was read from one, to resolve relative links. */
function importJson(source: string, options: ImportOptions = {}, fileName?: string): ImportOutcome {
	const parsed = parseJson(source);
	if (!parsed.ok) return fatalOutcome(undefined, [parsed.issue]);
	const file = parsed.value;
	const records = recordList(file);
	// Only files read through a mapping, or that load nothing otherwise, are turned into a table.
	const recordTable = () => (records ? recordsTable(records.list) : undefined);
	if (records && options.map) {
		const table = recordTable();
		if (table) return importMappedRecords(records, table, options);
	}
	/** The outcome, with a request to map the records' keys when none of its events loaded. */
	const orMapRecords = (outcome: ImportOutcome): ImportOutcome => {
		if (outcome.dataset?.events.length) return outcome;
		// Events in Eventline's own shape that fail are the file's problems to fix, not a mapping's.
		const own = (record: unknown) =>
			field(record, 'title') !== undefined && field(record, 'start') !== undefined;
		if (records?.list.some(own)) return outcome;
		const table = recordTable();
		if (!table?.rows.length) return outcome;
		const mapping = mappingRequest(table);
		return worthMapping(mapping) ? { ...outcome, mapping } : outcome;
	};
	const beta = betaTimelineJs3(file);
	if (beta) return withSlides(importTimelineJs(beta, fileName), beta);
	const other = looksLikeVis(file)
		? ('vis-timeline' as const)
		: isRecord(file) && looksLikeTimelineJs2(file)
			? ('timelinejs2' as const)
			: undefined;
	if (other) {
		const duplicates = duplicateKeys(source);
		if (duplicates.length) return fatalOutcome(other, duplicates);
		return other === 'vis-timeline' || !isRecord(file)
			? importVisTimeline(file)
			: importTimelineJs2(file);
	}
	if (!isRecord(file)) {
		return orMapRecords(
			fatal(
				`Expected an object with an "events" list, got ${Array.isArray(file) ? 'a list' : preview(file)}`
			)
		);
	}
	const timelineJs = looksLikeTimelineJs(file);
	// After parsing, which has proved the text is JSON: the scan relies on it.
	const duplicates = duplicateKeys(source);
	if (duplicates.length) return fatalOutcome(timelineJs ? 'timelinejs' : 'eventline', duplicates);
	if (timelineJs) return withValues(importTimelineJs(file, fileName), file);
	if (field(file, 'events') === undefined) {
		return fatal('is required: Eventline and TimelineJS files list their events here', 'events');
	}
	return orMapRecords(withValues(importEventlineJson(file), file));
}

/**
 * A CSV import that failed as a whole (columns it does not know, a required one missing) becomes a
 * request to map the columns too, its problems kept, when the table looks like events.
 */
function orMapping(outcome: ImportOutcome, table: CsvTable): ImportOutcome {
	if (outcome.dataset || !table.rows.length) return outcome;
	const mapping = mappingRequest(table);
	if (!worthMapping(mapping)) return outcome;
	return { ...outcome, mapping };
}

/** True when a table looks like events: named columns, one of which holds dates or two named fields. */
function worthMapping({ header, guess }: MappingRequest): boolean {
	return (
		header.filter(Boolean).length > 1 &&
		(guess.start !== undefined || Object.keys(guess).length >= 2)
	);
}

/** The outcome for a CSV file whose columns have other names: the reader is asked to map them. */
function askForMapping(table: CsvTable, mapping: MappingRequest): ImportOutcome {
	const suggestion = formatMapArgument(mapping.guess);
	return {
		...fatalOutcome(undefined, [
			{
				path: `row ${table.headerRow}`,
				message:
					`its columns (${table.header.filter(Boolean).join(', ')}) are not Eventline's or TimelineJS's: ` +
					`say which column holds what${suggestion ? ` (a guess: ${suggestion})` : ''}`
			}
		]),
		total: table.rows.length,
		mapping
	};
}

/** Gives each set-aside slide of an early TimelineJS3 file its JSON value, to write back as slides. */
function withSlides(outcome: ImportOutcome, beta: Record<string, unknown>): ImportOutcome {
	const events = field(beta, 'events');
	if (!outcome.rejected.length || !Array.isArray(events)) return outcome;
	return {
		...outcome,
		rejected: outcome.rejected.map((r) => ({ ...r, raw: events[r.index] })),
		frame: { kind: 'json-custom', write: (slides) => ({ timeline: { slides } }) }
	};
}

/** Gives each rejected event its JSON value, and the outcome the file's other fields. */
function withValues(outcome: ImportOutcome, file: Record<string, unknown>): ImportOutcome {
	if (!outcome.rejected.length) return outcome;
	const lists = { events: field(file, 'events'), eras: field(file, 'eras') };
	const events = Array.isArray(lists.events) ? lists.events : [];
	const eras = Array.isArray(lists.eras) ? lists.eras : [];
	// TimelineJS numbers eras after the events (see `Slide.index`).
	const rawOf = (index: number, where: string): unknown =>
		where.startsWith('eras[') ? eras[index - events.length] : events[index];
	return {
		...outcome,
		rejected: outcome.rejected.map((r) => ({ ...r, raw: rawOf(r.index, r.where) })),
		frame: {
			kind: 'json',
			fields: Object.fromEntries(
				Object.entries(file).filter(([key]) => key !== 'events' && key !== 'eras')
			)
		}
	};
}

/** Gives each rejected event its CSV row's cells, and the outcome the header. */
function withRows(outcome: ImportOutcome, table: CsvTable): ImportOutcome {
	if (!outcome.rejected.length) return outcome;
	const cells = new Map(table.rows.map((row) => [row.row, row.cells]));
	return withCells(outcome, table.header, table.headerRow, (row) => cells.get(row));
}

/** Gives each rejected event the cells of its row (by the row's number), and the outcome the header. */
function withCells(
	outcome: ImportOutcome,
	header: string[],
	headerRow: number,
	cellsOf: (row: number) => string[] | undefined
): ImportOutcome {
	if (!outcome.rejected.length) return outcome;
	return {
		...outcome,
		// Both CSV importers number data rows from the one after the header (blank rows counted).
		rejected: outcome.rejected.map((r) => ({ ...r, raw: cellsOf(r.index + headerRow + 1) })),
		frame: { kind: 'csv', header }
	};
}

/**
 * Applies the text limits to the dataset's own fields (title, description, source, categories); an
 * event's were applied when it was accepted.
 */
function limitTopLevel(outcome: ImportOutcome): ImportOutcome {
	if (!outcome.dataset) return outcome;
	const { events, ...top } = outcome.dataset;
	const limited = limitText(top, formatPath);
	if (limited.problems.length) return fatalOutcome(outcome.format, limited.problems, outcome.total);
	if (limited.value === top) return outcome;
	return {
		...outcome,
		dataset: { ...limited.value, events },
		notices: [...limited.notices, ...outcome.notices]
	};
}

/** Which CSV format a header names more of the columns of, if either. */
function csvFormat(
	table: CsvTable
): 'csv-timelinejs' | 'csv-eventline' | typeof ACLED_FORMAT | undefined {
	if (looksLikeAcled(table.header)) return ACLED_FORMAT;
	const keys = table.header.map(columnKey);
	const timelineJs = keys.filter((key) => TIMELINEJS_COLUMNS.has(key)).length;
	const eventline = keys.filter((key) => EVENTLINE_COLUMNS.has(key)).length;
	if (!timelineJs && !eventline) return undefined;
	return timelineJs > eventline ? 'csv-timelinejs' : 'csv-eventline';
}

/** A hint for CSV written with another separator, as spreadsheets in many locales do. */
function delimiterHint(table: CsvTable | undefined): string {
	const [only] = table?.header ?? [];
	if (table?.header.length !== 1 || only === undefined) return '';
	const separator = [';', '\t'].find((s) => only.includes(s));
	if (!separator) return '';
	const name = separator === ';' ? 'semicolons' : 'tabs';
	return `. The first row seems to use ${name} between columns; Eventline reads comma-separated CSV`;
}
