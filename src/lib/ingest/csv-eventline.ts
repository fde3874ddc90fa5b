/**
 * CSV whose columns are Eventline's own fields, one event per row: the simplest file a spreadsheet
 * can write. Lists (actors, places, notes) are separated by ";".
 */
import { eventRules, type DataIssue } from './validate';
import { acceptEvents, acceptPlain, type Candidate } from './accept';
import { plainFieldCheck, StreamedEvent } from './plain-event';
import { bindColumns, extraCellsIssue, type BoundColumn, type CsvTable } from './csv';
import { generatedId } from './ids';
import { preview } from './messages';
import { ALL_DIFFERENT, allDifferent, SeenIds, type IdsSeen } from './seen-ids';
import { NO_EVENTS, fatalOutcome, type ImportOutcome, type RejectedEvent } from './outcome';
import { isHttpUrl } from './values';
import { EventSchema, type TimelineEvent } from '$lib/model/schema';

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
/** A cell's true/false, yes/no or 1/0 (in any case); undefined when it says neither. */
function yesOrNo(text: string): boolean | undefined {
	const answer = text.toLowerCase();
	return TRUE.has(answer) ? true : FALSE.has(answer) ? false : undefined;
}

/**
 * Data rows read one cell at a time: a CSV table's rows, or a Parquet file's columns, which are read
 * in place rather than turned into a row of cells each.
 */
export interface CellRows {
	/** How many data rows there are. */
	length: number;
	/** The number of row `i` (from 0) as messages name it: "row N". */
	rowNumber(i: number): number;
	/** The text of row `i`'s cell in column `column`; empty past the row's last cell. */
	cell(i: number, column: number): string;
	/** A problem with row `i` as a whole (more cells than the header has columns), if any. */
	rowIssue?(i: number): DataIssue | undefined;
}

/** A CSV table's rows as {@link CellRows}. */
function tableRows(table: CsvTable): CellRows {
	const { rows } = table;
	return {
		length: rows.length,
		rowNumber: (i) => rows[i]?.row ?? 0,
		cell: (i, column) => rows[i]?.cells[column] ?? '',
		rowIssue: (i) => {
			const row = rows[i];
			return row && extraCellsIssue(table, row);
		}
	};
}

/** Imports a CSV table whose header names Eventline's fields. */
export function importEventlineCsv(table: CsvTable): ImportOutcome {
	return importEventlineRows(table, tableRows(table));
}

/** Rows checked at a time: each run's accepted events go on together. */
const ROWS_AT_A_TIME = 5_000;

/**
 * Imports `rows` under `table`'s header, whose names are Eventline's fields. `table.rows` is read
 * only to tell whether a column without a name holds data. `onEvents`, when given, takes the
 * accepted events a run of rows at a time, in file order, and the outcome's dataset lists none.
 * `seen`, when given, notes the ids the rows take (where they are first seen, as row numbers), for
 * the caller to ask of afterwards.
 */
export function importEventlineRows(
	table: CsvTable,
	rows: CellRows,
	onEvents?: (events: TimelineEvent[]) => void,
	{ asIs = true, seen }: { asIs?: boolean; seen?: SeenIds } = {}
): ImportOutcome {
	const { columns, issues } = bindColumns(table, EVENTLINE_COLUMNS);
	for (const required of ['title', 'start'] as const) {
		if (!columns.has(required)) {
			issues.push({ path: `row ${table.headerRow}`, message: `needs a "${required}" column` });
		}
	}
	if (issues.length) return fatalOutcome('csv-eventline', issues, rows.length);
	if (!rows.length) return fatalOutcome('csv-eventline', [NO_EVENTS]);

	const at = columnIndexes(columns);
	const fields = CELL_FIELDS.flatMap((name) => (at[name] < 0 ? [] : [{ name, column: at[name] }]));
	const text = (i: number, column: number) => (column < 0 ? '' : rows.cell(i, column).trim());
	// The file's own ids, gathered only when a row needs an id made for it: most files give every row one.
	let taken: Set<string> | undefined;
	const ownIds = () => {
		if (taken) return taken;
		taken = new Set();
		for (let i = 0; i < rows.length; i++) {
			const id = text(i, at.id);
			if (id) taken.add(id);
		}
		return taken;
	};
	const idOf = (i: number) =>
		text(i, at.id) ||
		generatedId(text(i, at.title), rows.rowNumber(i) - table.headerRow - 1, ownIds());
	const candidate = ([i, id]: readonly [number, string]): Candidate => {
		const row = rows.rowNumber(i);
		return rowCandidate(
			{ row, index: row - table.headerRow - 1, id, cell: (column) => text(i, column) },
			rows.rowIssue?.(i),
			columns,
			at,
			fields
		);
	};
	const events: TimelineEvent[] = [];
	const rejected: RejectedEvent[] = [];
	const notices: DataIssue[] = [];
	// A table whose ids all differ needs none kept: no row can take another's.
	const firstWithId: IdsSeen =
		seen ??
		(allDifferent(rows.length, (i) => text(i, at.id))
			? ALL_DIFFERENT
			: new SeenIds((row) => `row ${row}`, rows.length));
	const rules = eventRules({});
	// Rows in doubt (and their ids, made once) wait here, in order, for the full check, which builds
	// and words a candidate each.
	let doubtful: [number, string][] = [];
	const checkInFull = (accepted: TimelineEvent[]) => {
		if (!doubtful.length) return;
		const run = acceptEvents(doubtful.map(candidate), {}, firstWithId);
		doubtful = [];
		for (const event of run.events) accepted.push(event);
		for (const r of run.rejected) rejected.push(r);
		for (const notice of run.notices) notices.push(notice);
	};
	// Events handed on as they are checked only go to the packer: those take one shape.
	const newEvent = onEvents ? streamedRow : plainObject;
	const lists = new QuickLists();
	for (let from = 0; from < rows.length; from += ROWS_AT_A_TIME) {
		const to = Math.min(from + ROWS_AT_A_TIME, rows.length);
		const accepted: TimelineEvent[] = onEvents ? [] : events;
		for (let i = from; i < to; i++) {
			// Most rows pass as they are: built field by field with each field's quick check, with no
			// candidate. The others get the full check (`asIs` false sends every row there, for tests),
			// a run at a time, before the next row's id is taken: the first row with an id keeps it.
			const id = idOf(i);
			const plain =
				asIs && !rows.rowIssue?.(i)
					? plainRow(id, i, text, at, fields, newEvent, lists)
					: undefined;
			if (plain) checkInFull(accepted);
			const event = plain && acceptPlain(plain, rules, firstWithId, rows.rowNumber(i));
			if (!event) {
				doubtful.push([i, id]);
				continue;
			}
			accepted.push(event);
		}
		checkInFull(accepted);
		if (onEvents && accepted.length) onEvents(accepted);
	}
	return {
		format: 'csv-eventline',
		dataset: { events },
		fatal: [],
		rejected,
		notices,
		total: rows.length
	};
}

/** Each field's column position in the rows, -1 when the table has no such column. */
type ColumnIndexes = Readonly<Record<Column, number>>;

function columnIndexes(columns: ReadonlyMap<Column, BoundColumn>): ColumnIndexes {
	const names = new Set(EVENTLINE_COLUMNS.values());
	return Object.fromEntries(
		[...names].map((name) => [name, columns.get(name)?.index ?? -1])
	) as Record<Column, number>;
}

/** The items of a list cell, separated by ";". */
/** Most different cells a {@link QuickLists} remembers per field: past them, it splits each cell. */
const LISTS_KEPT = 10_000;

/**
 * The lists of actors and places of the rows checked in one go, split and quick-checked once per
 * different cell: the cells of a large file repeat (a Parquet file stores them once, in a dictionary
 * per row group). Rows with the same cell share one list, which no one changes, as the page shares
 * them once they arrive.
 */
class QuickLists {
	readonly #known = {
		actors: new Map<string, string[] | null>(),
		places: new Map<string, string[] | null>()
	};

	/** The items of a cell of `field`; null when they fail the quick check. */
	items(field: 'actors' | 'places', text: string): string[] | null {
		const known = this.#known[field];
		let items = known.get(text);
		if (items === undefined) {
			const split = listItems(text);
			items =
				!split.length || (QUICK.get(field) as (value: unknown) => boolean)(split) ? split : null;
			if (known.size < LISTS_KEPT) known.set(text, items);
		}
		return items;
	}
}

function listItems(text: string): string[] {
	// Most cells hold one item or none: those need no splitting.
	if (!text.includes(';')) return text ? [text] : [];
	return text
		.split(';')
		.map((item) => item.trim())
		.filter(Boolean);
}

const NO_SOURCE = {};

/**
 * The source a row names: the name, the link if it is http(s), or the link's host when no name is
 * given. Other links are dropped, with a note saying so.
 */
function sourceOf(
	name: string,
	url: string
): { sources?: { name: string; url?: string }[]; note?: string } {
	if (!name && !url) return NO_SOURCE;
	if (url && isHttpUrl(url)) return { sources: [{ name: name || new URL(url).hostname, url }] };
	const note = url ? 'A source link that was not http(s) was removed' : undefined;
	return { ...(name ? { sources: [{ name }] } : {}), ...(note ? { note } : {}) };
}

/**
 * The fields a row fills from one cell each, in the order the event schema lists them: an event
 * built in that order is the one the checks accept, kept as it is rather than copied.
 */
const CELL_FIELDS: readonly Column[] = Object.keys(EventSchema.entries).filter(
	(key): key is Column =>
		key !== 'id' && key !== 'notes' && key !== 'sources' && LOCATED.some((c) => c === key)
);
const TEXT = new Set<Column>(TEXT_FIELDS);

/** One of {@link CELL_FIELDS} that a table has, and its column. */
interface CellField {
	name: Column;
	column: number;
}

const APPROXIMATE_FAILED: ReadonlySet<string> = new Set(['approximate']);

/** The row being converted: its number, position and id, and its cells' trimmed text by column. */
interface RowAt {
	row: number;
	index: number;
	id: string;
	cell: (column: number) => string;
}

/** Each cell field's quick check ({@link plainFieldCheck}); a field without one never passes as is. */
const QUICK = new Map(CELL_FIELDS.map((name) => [name, plainFieldCheck(name) ?? (() => false)]));
const quickId = plainFieldCheck('id') ?? (() => false);

/**
 * A new event with only its id: a plain object, or for a streamed file a {@link StreamedEvent},
 * which has every field in one shape for the packer.
 */
type NewEvent = (id: string) => Record<string, unknown>;
const plainObject: NewEvent = (id) => ({ id });
const streamedRow: NewEvent = (id) => {
	const event = new StreamedEvent();
	event.id = id;
	return event as unknown as Record<string, unknown>;
};

/**
 * Row `i`'s event, built field by field in the schema's order with each field's quick check, when
 * every value passes it and the row has no notes or source (nested fields, which only the full
 * check reads): the event {@link rowCandidate} would make and `plainEvent` pass as it is, with no key
 * walk or look-up per field. Undefined when the full check must decide.
 */
function plainRow(
	id: string,
	i: number,
	cell: (i: number, column: number) => string,
	at: ColumnIndexes,
	fields: readonly CellField[],
	newEvent: NewEvent,
	lists: QuickLists
): TimelineEvent | undefined {
	if (!quickId(id) || cell(i, at.notes) || cell(i, at.source) || cell(i, at.sourceUrl)) return;
	const event = newEvent(id);
	for (const { name, column } of fields) {
		const text = cell(i, column);
		if (!text) continue;
		let value: unknown = text;
		if (name === 'actors' || name === 'places') {
			const items = lists.items(name, text);
			if (items === null) return;
			if (!items.length) continue;
			event[name] = items;
			continue;
		} else if (name === 'approximate') value = yesOrNo(text);
		if (!(QUICK.get(name) as (value: unknown) => boolean)(value)) return;
		event[name] = value;
	}
	return event.title === undefined || event.start === undefined
		? undefined
		: (event as TimelineEvent);
}

function rowCandidate(
	{ row, index, id, cell }: RowAt,
	rowIssue: DataIssue | undefined,
	columns: ReadonlyMap<Column, BoundColumn>,
	at: ColumnIndexes,
	fields: readonly CellField[]
): Candidate {
	const where = `row ${row}`;
	const place = (name: Column, item?: number) => {
		const column = columns.get(name)?.name ?? name;
		return `${where} (${column}${item === undefined ? '' : `, item ${item + 1}`})`;
	};
	const issues: DataIssue[] = rowIssue ? [rowIssue] : [];

	const event: Record<string, unknown> = { id };
	let failed: ReadonlySet<string> | undefined;
	let actors: string[] = [];
	let places: string[] = [];
	for (const { name, column } of fields) {
		const value = cell(column);
		if (!value) continue;
		if (TEXT.has(name)) event[name] = value;
		else if (name === 'actors') {
			actors = listItems(value);
			// A cell of only ";" holds no list.
			if (actors.length) event.actors = actors;
		} else if (name === 'places') {
			places = listItems(value);
			if (places.length) event.places = places;
		} else if (name === 'approximate') {
			const answer = yesOrNo(value);
			if (answer !== undefined) event.approximate = answer;
			else {
				issues.push({
					path: place('approximate'),
					message: `${preview(value)} is not true or false (write true/false, yes/no or 1/0)`
				});
				failed = APPROXIMATE_FAILED;
			}
		}
	}

	const noteItems = listItems(cell(at.notes));
	const source = sourceOf(cell(at.source), cell(at.sourceUrl));
	if (source.sources) event.sources = source.sources;
	const notes = source.note ? [...noteItems, source.note] : noteItems;
	if (notes.length) event.notes = notes;

	const title = cell(at.title);
	const listed = { actors, places, notes: noteItems } as const;
	return {
		index,
		where,
		title: title || undefined,
		event,
		issues,
		failed,
		locate: ([key, item, part]) => {
			if (key === 'sources') return place(part === 'url' ? 'sourceUrl' : 'source');
			const column = LOCATED.find((c) => c === key);
			if (!column || (column === 'id' && !columns.has('id'))) return where;
			const items = column in listed ? listed[column as keyof typeof listed] : [];
			const inList = typeof item === 'number' && item < items.length;
			return place(column, inList ? item : undefined);
		}
	};
}
