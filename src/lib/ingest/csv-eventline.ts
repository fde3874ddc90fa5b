/**
 * CSV whose columns are Eventline's own fields, one event per row: the simplest file a spreadsheet
 * can write. Lists (actors, places, notes) are separated by ";".
 */
import type { DataIssue } from './validate';
import { convertEach, acceptEvents, type Candidate } from './accept';
import { bindColumns, extraCellsIssue, type BoundColumn, type CsvRow, type CsvTable } from './csv';
import { generatedId } from './ids';
import { preview } from './messages';
import { NO_EVENTS, fatalOutcome, type ImportOutcome } from './outcome';
import { isHttpUrl } from './values';

const TEXT_FIELDS = [
	'id',
	'title',
	'start',
	'end',
	'category',
	'summary',
	'precision',
	'partOfDay',
	'timeZone',
	'certainty',
	'attribution'
] as const;
const LIST_FIELDS = ['actors', 'places', 'notes'] as const;

type Column =
	| (typeof TEXT_FIELDS)[number]
	| (typeof LIST_FIELDS)[number]
	| 'approximate'
	| 'source'
	| 'sourceUrl';

/** Eventline's CSV columns by their `columnKey`; `description` is another name for `summary`. */
export const EVENTLINE_COLUMNS: ReadonlyMap<string, Column> = new Map<string, Column>([
	...[...TEXT_FIELDS, ...LIST_FIELDS, 'approximate' as const, 'source' as const].map(
		(name): [string, Column] => [name.toLowerCase(), name]
	),
	['description', 'summary'],
	['sourceurl', 'sourceUrl']
]);

const LOCATED: readonly Column[] = [...TEXT_FIELDS, ...LIST_FIELDS, 'approximate'];

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** Imports a CSV table whose header names Eventline's fields. */
export function importEventlineCsv(table: CsvTable): ImportOutcome {
	const { columns, issues } = bindColumns(table, EVENTLINE_COLUMNS);
	for (const required of ['title', 'start'] as const) {
		if (!columns.has(required)) {
			issues.push({ path: `row ${table.headerRow}`, message: `needs a "${required}" column` });
		}
	}
	if (issues.length) return fatalOutcome('csv-eventline', issues, table.rows.length);
	if (!table.rows.length) return fatalOutcome('csv-eventline', [NO_EVENTS]);

	const cell = (row: CsvRow, name: Column) => {
		const column = columns.get(name);
		return column ? (row.cells[column.index] ?? '').trim() : '';
	};
	const taken = new Set(table.rows.map((row) => cell(row, 'id')).filter(Boolean));
	const candidates = convertEach(table.rows, (row) => {
		const index = row.row - table.headerRow - 1;
		const id = cell(row, 'id') || generatedId(cell(row, 'title'), index, taken);
		return rowCandidate(table, row, index, id, (name) => cell(row, name), columns);
	});
	const { events, rejected, notices } = acceptEvents(candidates, {});
	return {
		format: 'csv-eventline',
		dataset: { events },
		fatal: [],
		rejected,
		notices,
		total: table.rows.length
	};
}

/**
 * The source a row names: the name, the link if it is http(s), or the link's host when no name is
 * given. Other links are dropped, with a note saying so.
 */
function sourceOf(
	name: string,
	url: string
): { sources?: { name: string; url?: string }[]; note?: string } {
	if (url && isHttpUrl(url)) return { sources: [{ name: name || new URL(url).hostname, url }] };
	const note = url ? 'A source link that was not http(s) was removed' : undefined;
	return { ...(name ? { sources: [{ name }] } : {}), ...(note ? { note } : {}) };
}

function rowCandidate(
	table: CsvTable,
	row: CsvRow,
	index: number,
	id: string,
	cell: (name: Column) => string,
	columns: ReadonlyMap<Column, BoundColumn>
): Candidate {
	const where = `row ${row.row}`;
	const at = (name: Column, item?: number) => {
		const column = columns.get(name)?.name ?? name;
		return `${where} (${column}${item === undefined ? '' : `, item ${item + 1}`})`;
	};
	const issues: DataIssue[] = [];
	const failed = new Set<string>();
	const extra = extraCellsIssue(table, row);
	if (extra) issues.push(extra);

	const event: Record<string, unknown> = { id };
	for (const name of TEXT_FIELDS) {
		const value = cell(name);
		if (value && name !== 'id') event[name] = value;
	}
	const lists = new Map<Column, string[]>();
	for (const name of LIST_FIELDS) {
		const items = cell(name)
			.split(';')
			.map((item) => item.trim())
			.filter(Boolean);
		lists.set(name, items);
		if (items.length) event[name] = items;
	}

	const approximate = cell('approximate').toLowerCase();
	if (TRUE.has(approximate)) event.approximate = true;
	else if (FALSE.has(approximate)) event.approximate = false;
	else if (approximate) {
		issues.push({
			path: at('approximate'),
			message: `${preview(cell('approximate'))} is not true or false (write true/false, yes/no or 1/0)`
		});
		failed.add('approximate');
	}

	const source = sourceOf(cell('source'), cell('sourceUrl'));
	if (source.sources) event.sources = source.sources;
	if (source.note) event.notes = [...(lists.get('notes') ?? []), source.note];

	const title = cell('title');
	return {
		index,
		where,
		...(title ? { title } : {}),
		event,
		issues,
		failed,
		locate: ([key, item, part]) => {
			if (key === 'sources') return at(part === 'url' ? 'sourceUrl' : 'source');
			const column = LOCATED.find((c) => c === key);
			if (!column || (column === 'id' && !columns.has('id'))) return where;
			const inList = typeof item === 'number' && item < (lists.get(column)?.length ?? 0);
			return at(column, inList ? item : undefined);
		}
	};
}
