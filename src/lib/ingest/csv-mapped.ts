/**
 * A CSV file read through a column mapping (see column-map.ts): one event per row, its dates read
 * in the forms people type (see loose-dates.ts), its other columns left out with a notice naming them.
 */
import type { Category } from '$lib/model/schema';
import type { DataIssue } from './validate';
import { acceptEvents, type Candidate } from './accept';
import {
	MAPPED_FIELDS,
	REQUIRED_FIELDS,
	FIELD_LABELS,
	type ImportOptions,
	type MappedField,
	type MappingRequest
} from './column-map';
import { extraCellsIssue, type CsvRow, type CsvTable } from './csv';
import { claimId, generatedId, slugify } from './ids';
import { parseLooseDate } from './loose-dates';
import { NO_EVENTS, fatalOutcome, type ImportOutcome } from './outcome';
import { isHttpUrl } from './values';

/** Eventline fields each mapped field fills, for locating a problem in its column. */
const EVENT_FIELDS: Record<string, MappedField> = {
	title: 'title',
	start: 'start',
	precision: 'start',
	approximate: 'start',
	end: 'end',
	summary: 'summary',
	category: 'category',
	places: 'place',
	sources: 'url'
};

/** How a row and a cell of it are named in problems: "row 14", "row 14 (Date)" for CSV. */
export interface RowPlaces {
	/** The header, where a notice about columns points. */
	header: string;
	where: (row: CsvRow) => string;
	column: (row: CsvRow, name: string) => string;
}

const CSV_PLACES: RowPlaces = {
	header: 'row 1',
	where: (row) => `row ${row.row}`,
	column: (row, name) => `row ${row.row} (${name})`
};

/** Imports a CSV table whose columns `options.map` names. */
export function importMappedCsv(
	table: CsvTable,
	options: ImportOptions,
	places: RowPlaces = { ...CSV_PLACES, header: `row ${table.headerRow}` }
): ImportOutcome {
	const map = options.map ?? {};
	const header = table.header;
	const issues: DataIssue[] = [];
	const index = new Map<MappedField, number>();
	for (const name of MAPPED_FIELDS) {
		const columnName = map[name];
		if (columnName === undefined) continue;
		const i = header.indexOf(columnName);
		const folded =
			i >= 0 ? i : header.findIndex((h) => h.toLowerCase() === columnName.toLowerCase());
		if (folded < 0) {
			issues.push({
				path: `row ${table.headerRow}`,
				message: `has no column "${columnName}" for ${FIELD_LABELS[name].toLowerCase()} (the columns are ${header.join(', ')})`
			});
		} else index.set(name, folded);
	}
	for (const name of REQUIRED_FIELDS) {
		if (map[name] === undefined) {
			issues.push({
				path: '',
				message: `Choose the column that holds the ${FIELD_LABELS[name].toLowerCase()}`
			});
		}
	}
	if (issues.length) return fatalOutcome('csv-mapped', issues, table.rows.length);
	if (!table.rows.length) return fatalOutcome('csv-mapped', [NO_EVENTS]);

	const cell = (row: CsvRow, name: MappedField) => {
		const i = index.get(name);
		return i === undefined ? '' : (row.cells[i] ?? '').trim();
	};
	const columnOf = (name: MappedField) => header[index.get(name) ?? -1] ?? name;
	const taken = new Set<string>();
	const categories = new Map<string, Category>();
	const categoryIds = new Set<string>();

	const candidates = table.rows.map((row): Candidate => {
		const where = places.where(row);
		const at = (name: MappedField) => places.column(row, columnOf(name));
		const rowIssues: DataIssue[] = [];
		const failed = new Set<string>();
		const extra = extraCellsIssue(table, row);
		if (extra) rowIssues.push(extra);
		const title = cell(row, 'title');
		const event: Record<string, unknown> = {
			id: generatedId(title, row.row - table.headerRow, taken)
		};
		if (title) event.title = title;
		for (const which of ['start', 'end'] as const) {
			const text = cell(row, which);
			if (!text) continue;
			const date = parseLooseDate(text, options.dayOrder);
			if (!date.ok) {
				rowIssues.push({ path: at(which), message: date.message });
				failed.add(which);
				continue;
			}
			event[which] = date.iso;
			if (which === 'start' && date.precision) event.precision = date.precision;
			if (which === 'start' && date.approximate) event.approximate = true;
		}
		const summary = cell(row, 'summary');
		if (summary) event.summary = summary;
		const label = cell(row, 'category');
		if (label) {
			let category = categories.get(label);
			if (!category) {
				category = { id: claimId(slugify(label) || 'group', categoryIds), label };
				categories.set(label, category);
			}
			event.category = category.id;
		}
		const place = cell(row, 'place');
		if (place) event.places = [place];
		const url = cell(row, 'url');
		if (url && isHttpUrl(url)) event.sources = [{ name: new URL(url).hostname, url }];
		else if (url) event.notes = [`A link that was not http(s) was left out: ${url.slice(0, 200)}`];
		return {
			index: row.row - table.headerRow - 1,
			where,
			...(title ? { title } : {}),
			event,
			issues: rowIssues,
			failed,
			locate: ([key]) => {
				const name = typeof key === 'string' ? EVENT_FIELDS[key] : undefined;
				return name && index.has(name) ? at(name) : where;
			}
		};
	});
	const accepted = acceptEvents(candidates, { categories: [...categories.values()] });
	const used = new Set(accepted.events.map((event) => event.category));
	const usedCategories = [...categories.values()].filter((category) => used.has(category.id));
	const mapped = new Set(index.values());
	const left = header.filter((name, i) => name && !mapped.has(i));
	return {
		format: 'csv-mapped',
		dataset: {
			...(usedCategories.length ? { categories: usedCategories } : {}),
			events: accepted.events
		},
		fatal: [],
		rejected: accepted.rejected,
		notices: [
			...(left.length
				? [
						{
							path: places.header,
							message: `Columns not mapped to a field were left out: ${left.join(', ')}`
						}
					]
				: []),
			...accepted.notices
		],
		total: table.rows.length
	};
}

/** What a mapping would load, judged on the rows a mapping request carries. */
export interface MappingPreview {
	/** Events that would load, and rows looked at. */
	loaded: number;
	checked: number;
	/** The first few problems, each with its row. */
	problems: DataIssue[];
}

/** Imports a mapping request's sample rows with `options`, for the count the reader sees. */
export function previewMapping(
	request: Pick<MappingRequest, 'header' | 'rows'>,
	options: ImportOptions,
	shown = 3
): MappingPreview {
	const table: CsvTable = {
		header: request.header,
		headerRow: 1,
		rows: request.rows.map((cells, i) => ({ row: i + 2, cells }))
	};
	const outcome = importMappedCsv(table, options);
	const problems = outcome.fatal.length
		? outcome.fatal
		: outcome.rejected.flatMap((r) => r.issues).slice(0, shown);
	return { loaded: outcome.dataset?.events.length ?? 0, checked: table.rows.length, problems };
}
