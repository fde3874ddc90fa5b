/**
 * ACLED exports (CSV, or Parquet read into the same table), recognised by their header and mapped
 * to Eventline events. ACLED's codebook gives each event a `time_precision`: 1, the sources give the
 * day; 2, they give only the week (or weekend, or a similar few days) and ACLED codes its middle day;
 * 3, they give only the month and ACLED codes its middle day. An event is drawn over that span,
 * never as the coded day: code 2 as the seven days around the coded day, code 3 as the whole month.
 */
import type { DataIssue } from './validate';
import { convertEach, acceptEvents, type Candidate } from './accept';
import { columnKey, type CsvRow, type CsvTable } from './csv';
import { generatedId } from './ids';
import { preview } from './messages';
import { NO_EVENTS, fatalOutcome, type ImportOutcome } from './outcome';

/** The format name ACLED imports report. */
export const ACLED_FORMAT = 'acled';

/** The ACLED columns Eventline reads, by field; every other column of an export is read past. */
const COLUMNS = {
	id: 'event_id_cnty',
	date: 'event_date',
	precision: 'time_precision',
	type: 'event_type',
	subType: 'sub_event_type',
	actor1: 'actor1',
	assoc1: 'assoc_actor_1',
	actor2: 'actor2',
	assoc2: 'assoc_actor_2',
	location: 'location',
	admin3: 'admin3',
	admin2: 'admin2',
	admin1: 'admin1',
	country: 'country',
	notes: 'notes',
	source: 'source',
	fatalities: 'fatalities'
} as const;

type Field = keyof typeof COLUMNS;

/** Columns whose presence, together, marks a header as ACLED's. */
const SIGNATURE: readonly Field[] = ['date', 'precision', 'type', 'actor1'];

/** True when a header is an ACLED export's. */
export function looksLikeAcled(header: readonly string[]): boolean {
	const keys = new Set(header.map(columnKey));
	return SIGNATURE.every((field) => keys.has(columnKey(COLUMNS[field])));
}

/** How many days ACLED's week code spans on each side of the coded (middle) day. */
const WEEK_HALF_DAYS = 3;

/** What each `time_precision` code says about the date, for the event's date basis. */
const PRECISION_NOTES: Readonly<Record<string, string>> = {
	'2': 'ACLED time precision 2: the sources give only the week (or a similar few days); ACLED codes its middle day, so the event is shown over the seven days around it',
	'3': 'ACLED time precision 3: the sources give only the month; ACLED codes its middle day, so the event is shown over the whole month'
};

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDay = (ms: number) => {
	const d = new Date(ms);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/**
 * An ACLED `event_date` as year, month and day: `2024-11-17` (current exports and Parquet),
 * `17 November 2024` (older exports), or `17-11-2024` / `17/11/2024` (day first, as ACLED writes it).
 */
export function acledDate(text: string): { year: number; month: number; day: number } | undefined {
	const value = text.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0+)?)?Z?)?$/.exec(value);
	if (m) return real(Number(m[1]), Number(m[2]), Number(m[3]));
	m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(value);
	if (m) {
		const month = MONTHS.findIndex((name) => name.startsWith((m?.[2] ?? '').toLowerCase()));
		return (m[2]?.length ?? 0) >= 3 && month >= 0
			? real(Number(m[3]), month + 1, Number(m[1]))
			: undefined;
	}
	m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(value);
	if (m) return real(Number(m[3]), Number(m[2]), Number(m[1]));
	return undefined;
}

function real(year: number, month: number, day: number) {
	const ms = Date.UTC(year, month - 1, day);
	const d = new Date(ms);
	return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
}

/**
 * The Eventline date fields for an ACLED date and precision code, or the problem with them. Code 1
 * is the day; 2 the seven days around it; 3 its month.
 */
export function acledDateFields(
	dateText: string,
	code: string
): { fields: Record<string, unknown> } | { problem: string; field: 'date' | 'precision' } {
	const date = acledDate(dateText);
	if (!date) {
		return {
			field: 'date',
			problem: `${preview(dateText)} is not a date (ACLED writes 2024-11-17 or 17 November 2024)`
		};
	}
	const day = Date.UTC(date.year, date.month - 1, date.day);
	const precision = code.trim();
	if (precision === '1') return { fields: { start: isoDay(day) } };
	if (precision === '2') {
		const half = WEEK_HALF_DAYS * 86_400_000;
		return {
			fields: {
				start: isoDay(day - half),
				end: isoDay(day + half),
				approximate: true,
				dateBasis: { kind: 'inferred', note: PRECISION_NOTES['2'] }
			}
		};
	}
	if (precision === '3') {
		return {
			fields: {
				start: `${pad(date.year, 4)}-${pad(date.month)}`,
				precision: 'month',
				dateBasis: { kind: 'inferred', note: PRECISION_NOTES['3'] }
			}
		};
	}
	return {
		field: 'precision',
		problem: `${preview(code)} is not an ACLED time precision (1 = the day, 2 = the week, 3 = the month)`
	};
}

const list = (...values: string[]) => [
	...new Set(
		values
			.flatMap((value) => value.split(';'))
			.map((item) => item.trim())
			.filter(Boolean)
	)
];

/** Imports an ACLED export read as a table. */
export function importAcledTable(table: CsvTable): ImportOutcome {
	const keys = table.header.map(columnKey);
	const index = new Map<Field, number>();
	for (const field of Object.keys(COLUMNS) as Field[]) {
		const at = keys.indexOf(columnKey(COLUMNS[field]));
		if (at !== -1) index.set(field, at);
	}
	if (!table.rows.length) return fatalOutcome(ACLED_FORMAT, [NO_EVENTS]);
	const cellOf = (row: CsvRow, field: Field) => {
		const at = index.get(field);
		return at === undefined ? '' : (row.cells[at] ?? '').trim();
	};
	const taken = new Set(table.rows.map((row) => cellOf(row, 'id')).filter(Boolean));
	const candidates = convertEach(table.rows, (row): Candidate => {
		const cell = (field: Field) => cellOf(row, field);
		const rowIndex = row.row - table.headerRow - 1;
		const where = `row ${row.row}`;
		const at = (field: Field) =>
			`${where} (${table.header[index.get(field) ?? -1] ?? COLUMNS[field]})`;
		const kind = cell('subType') || cell('type');
		const place = cell('location') || cell('admin1') || cell('country');
		const title = place ? `${kind || 'Event'} in ${place}` : kind || 'Event';
		const id = cell('id') || generatedId(title, rowIndex, taken, 'acled-');
		const issues: DataIssue[] = [];
		const failed = new Set<string>();
		const dates = acledDateFields(cell('date'), cell('precision'));
		if ('problem' in dates) {
			issues.push({ path: at(dates.field), message: dates.problem });
			failed.add('start');
		}
		const fatalities = cell('fatalities');
		if (fatalities && !/^\d+$/.test(fatalities)) {
			issues.push({ path: at('fatalities'), message: `${preview(fatalities)} is not a number` });
		}
		const actors = list(cell('actor1'), cell('assoc1'), cell('actor2'), cell('assoc2'));
		const places = list(
			cell('location'),
			cell('admin3'),
			cell('admin2'),
			cell('admin1'),
			cell('country')
		);
		const sources = list(cell('source')).map((name) => ({ name }));
		const event: Record<string, unknown> = {
			id,
			title,
			...('fields' in dates ? dates.fields : { start: '' }),
			...(cell('type') ? { category: cell('type') } : {}),
			...(cell('notes') ? { summary: cell('notes') } : {}),
			...(actors.length ? { actors } : {}),
			...(places.length ? { places } : {}),
			...(sources.length ? { sources } : {}),
			...(fatalities ? { notes: [`Fatalities: ${Number(fatalities).toLocaleString('en')}`] } : {})
		};
		const located: Partial<Record<string, Field>> = {
			id: 'id',
			start: 'date',
			end: 'date',
			precision: 'precision',
			category: 'type',
			summary: 'notes',
			actors: 'actor1',
			places: 'location',
			sources: 'source',
			notes: 'fatalities'
		};
		return {
			index: rowIndex,
			where,
			title,
			event,
			issues,
			failed,
			locate: ([key]) => {
				const field = typeof key === 'string' ? located[key] : undefined;
				return field && index.has(field) ? at(field) : where;
			}
		};
	});
	const { events, rejected, notices } = acceptEvents(candidates, {});
	return {
		format: ACLED_FORMAT,
		dataset: { events },
		fatal: [],
		rejected,
		notices,
		total: table.rows.length
	};
}
