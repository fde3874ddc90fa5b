/**
 * Bring your own events: reads Eventline JSON, TimelineJS3 JSON, TimelineJS3's spreadsheet as CSV,
 * and CSV with Eventline's own columns, into a validated Eventline dataset. Events that fail are
 * returned with every problem located in the original file, never dropped silently.
 */
import { formatPath, parseJsonText } from './validate';
import { columnKey, readCsv, type CsvTable } from './csv';
import { EVENTLINE_COLUMNS, importEventlineCsv } from './csv-eventline';
import { TIMELINEJS_COLUMNS, importTimelineJsCsv } from './csv-timelinejs';
import { importEventlineJson } from './eventline-json';
import { duplicateKeys } from './json-keys';
import { parseJson } from './json-text';
import { preview } from './messages';
import { importNdjsonText, looksLikeNdjson } from './ndjson';
import { ACLED_FORMAT, importAcledTable, looksLikeAcled } from './acled';
import { fatalOutcome, type ImportOutcome } from './outcome';
import { limitText } from './text-limits';
import { importTimelineJs, looksLikeTimelineJs } from './timelinejs';
import { field, isRecord } from './values';

export type { DataFormat, ImportOutcome, RejectedEvent } from './outcome';

/** Detects the format (by content; `fileName`'s extension is only a hint) and imports. */
export function importData(text: string, fileName?: string): ImportOutcome {
	return limitTopLevel(importAny(text, fileName));
}

function importAny(text: string, fileName?: string): ImportOutcome {
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
	if (/^\s*[[{]/.test(source)) return importJson(source);

	const table = readCsv(source);
	if (table && csvFormat(table)) return importCsvTable(table);
	if (hintsJson || parseJsonText(source).ok) return importJson(source);
	return importCsvTable(table);
}

/**
 * Imports a CSV table (read whole, or as a stream, or from a Parquet file's columns) in the format
 * its header names, or says that no format matches.
 */
export function importCsvTable(table: CsvTable | undefined): ImportOutcome {
	const format = table && csvFormat(table);
	if (table && format === ACLED_FORMAT)
		return limitTopLevel(withRows(importAcledTable(table), table));
	if (table && format === 'csv-timelinejs') return withRows(importTimelineJsCsv(table), table);
	if (table && format === 'csv-eventline') return withRows(importEventlineCsv(table), table);
	return fatal(
		'Eventline cannot tell what kind of file this is: it reads Eventline or TimelineJS JSON, NDJSON, ' +
			'Parquet, ACLED exports, and CSV whose first row names the columns (such as title,start or ' +
			'Year,Headline)' +
			delimiterHint(table)
	);
}

function fatal(message: string, path = ''): ImportOutcome {
	return fatalOutcome(undefined, [{ path, message }]);
}

function importJson(source: string): ImportOutcome {
	const parsed = parseJson(source);
	if (!parsed.ok) return fatalOutcome(undefined, [parsed.issue]);
	const file = parsed.value;
	if (!isRecord(file)) {
		return fatal(
			`Expected an object with an "events" list, got ${Array.isArray(file) ? 'a list' : preview(file)}`
		);
	}
	const timelineJs = looksLikeTimelineJs(file);
	// After parsing, which has proved the text is JSON: the scan relies on it.
	const duplicates = duplicateKeys(source);
	if (duplicates.length) return fatalOutcome(timelineJs ? 'timelinejs' : 'eventline', duplicates);
	if (timelineJs) return withValues(importTimelineJs(file), file);
	if (field(file, 'events') === undefined) {
		return fatal('is required: Eventline and TimelineJS files list their events here', 'events');
	}
	return withValues(importEventlineJson(file), file);
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
	return {
		...outcome,
		// Both CSV importers number data rows from the one after the header (blank rows counted).
		rejected: outcome.rejected.map((r) => ({
			...r,
			raw: cells.get(r.index + table.headerRow + 1)
		})),
		frame: { kind: 'csv', header: table.header }
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
