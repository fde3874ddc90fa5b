/**
 * Bring your own events: reads Eventline JSON, TimelineJS3 JSON, TimelineJS3's spreadsheet as CSV,
 * and CSV with Eventline's own columns, into a validated Eventline dataset. Events that fail are
 * returned with every problem located in the original file, never dropped silently.
 */
import { parseJsonText } from './validate';
import { columnKey, readCsv, type CsvTable } from './csv';
import { EVENTLINE_COLUMNS, importEventlineCsv } from './csv-eventline';
import { TIMELINEJS_COLUMNS, importTimelineJsCsv } from './csv-timelinejs';
import { importEventlineJson } from './eventline-json';
import { parseJson } from './json-text';
import { preview } from './messages';
import { fatalOutcome, type ImportOutcome } from './outcome';
import { importTimelineJs, looksLikeTimelineJs } from './timelinejs';
import { field, isRecord } from './values';

export type { DataFormat, ImportOutcome, RejectedEvent } from './outcome';

/** Detects the format (by content; `fileName`'s extension is only a hint) and imports. */
export function importData(text: string, fileName?: string): ImportOutcome {
	if (typeof text !== 'string') return fatal('The file could not be read as text');
	const source = text.replace(/^\uFEFF/, '');
	if (!source.trim()) return fatal('The file is empty');
	// NUL never appears in JSON or CSV text; it marks a binary file such as a spreadsheet workbook.
	if (source.includes('\u0000')) {
		return fatal('This is not a text file: Eventline reads JSON or CSV (save spreadsheets as CSV)');
	}
	const hintsJson = /\.json$/i.test(fileName ?? '');
	if (/^\s*[[{]/.test(source)) return importJson(source);

	const table = readCsv(source);
	const format = table && csvFormat(table);
	if (table && format === 'csv-timelinejs') return importTimelineJsCsv(table);
	if (table && format === 'csv-eventline') return importEventlineCsv(table);
	if (hintsJson || parseJsonText(source).ok) return importJson(source);
	return fatal(
		'Eventline cannot tell what kind of file this is: it reads Eventline or TimelineJS JSON, and CSV ' +
			'whose first row names the columns (such as title,start or Year,Headline)' +
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
	if (looksLikeTimelineJs(file)) return importTimelineJs(file);
	if (field(file, 'events') === undefined) {
		return fatal('is required: Eventline and TimelineJS files list their events here', 'events');
	}
	return importEventlineJson(file);
}

/** Which CSV format a header names more of the columns of, if either. */
function csvFormat(table: CsvTable): 'csv-timelinejs' | 'csv-eventline' | undefined {
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
