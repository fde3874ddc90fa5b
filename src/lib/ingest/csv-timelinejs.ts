/**
 * CSV exported from TimelineJS3's Google Sheets template: one row per slide, dates split over Year,
 * Month, Day and Time columns, a Type column marking the title slide and eras.
 */
import type { DataIssue } from './validate';
import {
	HUMAN_YEARS,
	parseClock,
	wholeNumber,
	type DateField,
	type DateFields,
	type YearScale
} from './calendar';
import { bindColumns, extraCellsIssue, type BoundColumn, type CsvRow, type CsvTable } from './csv';
import { urlResolver } from './media';
import { NO_EVENTS, fatalOutcome, type ImportOutcome } from './outcome';
import { coverMedia } from './slide-content';
import { convertSlides, titleSlide, type Slide, type SlideField } from './slides';
import { isBlank } from './values';

/** Other names the template's columns have had, or that people give them, by `columnKey`. */
const ALIASES: [string, string][] = [
	['tag', 'Group'],
	['caption', 'Media Caption'],
	['credit', 'Media Credit'],
	['alt', 'Alt Text'],
	['mediaalt', 'Alt Text'],
	['mediaalttext', 'Alt Text']
];

/** The template's columns, by their `columnKey`. */
export const TIMELINEJS_COLUMNS: ReadonlyMap<string, string> = new Map([
	...[
		'Year',
		'Month',
		'Day',
		'Time',
		'End Year',
		'End Month',
		'End Day',
		'End Time',
		'Display Date',
		'Headline',
		'Text',
		'Media',
		'Media Credit',
		'Media Caption',
		'Type',
		'Group',
		'Alt Text'
	].map((name): [string, string] => [name.toLowerCase().replace(/\s+/g, ''), name]),
	...ALIASES
]);

// Presentation only: Eventline draws no thumbnails or slide backgrounds.
const IGNORED = new Set(['mediathumbnail', 'background']);

const DATE_COLUMNS: Record<'start' | 'end', Record<'year' | 'month' | 'day' | 'time', string>> = {
	start: { year: 'Year', month: 'Month', day: 'Day', time: 'Time' },
	end: { year: 'End Year', month: 'End Month', day: 'End Day', time: 'End Time' }
};

/** The column each field of a slide is read from; the template has no column for an id. */
const FIELD_COLUMNS: Record<SlideField, string | undefined> = {
	headline: 'Headline',
	text: 'Text',
	group: 'Group',
	displayDate: 'Display Date',
	uniqueId: undefined,
	media: 'Media',
	start: 'Year',
	end: 'End Year'
};

/** The column a field of a start or end date is read from. */
function dateColumn(which: 'start' | 'end', part: DateField): string {
	const names = DATE_COLUMNS[which];
	return part === 'year' || part === 'month' || part === 'day' ? names[part] : names.time;
}

/**
 * Imports a CSV table whose header names TimelineJS's columns. Columns TimelineJS does not know are
 * read past, as TimelineJS does, and named in a notice. `address` is where the file was read from,
 * for relative media links.
 */
export function importTimelineJsCsv(table: CsvTable, address?: string): ImportOutcome {
	const { columns, issues, unknown } = bindColumns(table, TIMELINEJS_COLUMNS, IGNORED, 'ignore');
	for (const required of ['Year', 'Headline']) {
		if (!columns.has(required)) {
			issues.push({ path: `row ${table.headerRow}`, message: `needs a "${required}" column` });
		}
	}
	const dataRows = table.rows.length;
	if (issues.length) return fatalOutcome('csv-timelinejs', issues, dataRows);

	const cell = (row: CsvRow, name: string) => {
		const column = columns.get(name);
		return column ? (row.cells[column.index] ?? '') : '';
	};
	const titleRow = table.rows.find((row) => cell(row, 'Type').trim().toLowerCase() === 'title');
	const slides = table.rows
		.filter((row) => row !== titleRow)
		.map((row) => readRow(table, row, cell, columns));
	if (!slides.length) return fatalOutcome('csv-timelinejs', [NO_EVENTS]);

	const years = table.rows.map((row) => wholeNumber(cell(row, 'Year').replace(/[\s,]+/g, '')));
	const scale: YearScale = years.some(
		(year) => year !== undefined && (year < HUMAN_YEARS[0] || year > HUMAN_YEARS[1])
	)
		? 'cosmological'
		: 'human';
	const resolve = urlResolver(address);
	const converted = convertSlides(slides, { scale, resolve });
	const media =
		titleRow &&
		coverMedia(
			{
				mediaUrl: cell(titleRow, 'Media'),
				mediaCaption: cell(titleRow, 'Media Caption'),
				mediaCredit: cell(titleRow, 'Media Credit'),
				mediaAlt: cell(titleRow, 'Alt Text')
			},
			resolve
		);
	const ignoredColumns: DataIssue[] = unknown.length
		? [
				{
					path: `row ${table.headerRow}`,
					message: `Eventline does not use ${unknown.length === 1 ? 'this column' : 'these columns'}, so ${unknown.length === 1 ? 'it was' : 'they were'} ignored: ${unknown.join(', ')}`
				}
			]
		: [];
	return {
		format: 'csv-timelinejs',
		dataset: {
			...(titleRow ? titleSlide(cell(titleRow, 'Headline'), cell(titleRow, 'Text')) : {}),
			...(media ? { media } : {}),
			...(converted.categories.length ? { categories: converted.categories } : {}),
			...(converted.eras.length ? { eras: converted.eras } : {}),
			events: converted.events
		},
		fatal: [],
		rejected: converted.rejected,
		notices: [...ignoredColumns, ...converted.notices],
		total: slides.length
	};
}

function readRow(
	table: CsvTable,
	row: CsvRow,
	cell: (row: CsvRow, name: string) => string,
	columns: ReadonlyMap<string, BoundColumn>
): Slide {
	const at = (name: string) => `row ${row.row} (${columns.get(name)?.name ?? name})`;
	const problems: DataIssue[] = [];
	const failed = new Set<string>();
	const extra = extraCellsIssue(table, row);
	if (extra) problems.push(extra);

	const date = (which: 'start' | 'end'): DateFields | undefined => {
		const names = DATE_COLUMNS[which];
		// Spreadsheets write big years as "1,900"; TimelineJS reads them without the separators too.
		const number = (name: string) => cell(row, name).replace(/[\s,]+/g, '');
		const fields: DateFields = {
			year: number(names.year),
			month: number(names.month),
			day: number(names.day)
		};
		const time = cell(row, names.time);
		if (Object.values(fields).every(isBlank) && isBlank(time)) return undefined;
		if (!isBlank(time)) {
			const clock = parseClock(time);
			if (clock.ok) {
				fields.hour = clock.hour;
				fields.minute = clock.minute;
				fields.second = clock.second;
				fields.millisecond = clock.millisecond;
			} else {
				problems.push({ path: at(names.time), message: clock.message });
				failed.add(which);
			}
		}
		return fields;
	};
	const type = cell(row, 'Type').trim().toLowerCase();
	return {
		kind: type === 'era' ? 'era' : 'event',
		index: row.row - table.headerRow - 1,
		places: {
			slide: `row ${row.row}`,
			of: (part) => {
				if (typeof part !== 'string') return at(dateColumn(part.which, part.field));
				const column = FIELD_COLUMNS[part];
				return column ? at(column) : `row ${row.row}`;
			}
		},
		start: date('start'),
		end: date('end'),
		headline: cell(row, 'Headline'),
		text: cell(row, 'Text'),
		group: cell(row, 'Group'),
		displayDate: cell(row, 'Display Date'),
		mediaUrl: cell(row, 'Media'),
		mediaCredit: cell(row, 'Media Credit'),
		mediaCaption: cell(row, 'Media Caption'),
		mediaAlt: cell(row, 'Alt Text'),
		problems,
		failed
	};
}
