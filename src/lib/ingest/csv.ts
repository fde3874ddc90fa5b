/**
 * CSV files as tables: rows numbered the way a spreadsheet numbers them, and a header whose column
 * names are matched loosely ("End Year", "end_year" and "endyear" are one column) against a known list.
 */
import { dsvFormat } from 'd3-dsv';
import type { DataIssue } from './validate';
import { preview } from './messages';

/** One data row and its 1-based number in the file, counting the header as row 1. */
export interface CsvRow {
	row: number;
	cells: string[];
}

/** A CSV file split into its header and its non-blank data rows. */
export interface CsvTable {
	/** Column names as the file writes them, trimmed. */
	header: string[];
	/** Row number of the header. */
	headerRow: number;
	rows: CsvRow[];
}

const isBlankRow = (cells: readonly string[]) => cells.every((cell) => !cell.trim());

/** The separators CSV files use: commas, or semicolons and tabs where a comma is a decimal point. */
export type Delimiter = ',' | ';' | '\t';

/**
 * The separator of delimited text, judged by its first line outside quotes: the one it holds most
 * of (commas when there is none).
 */
export function detectDelimiter(text: string): Delimiter {
	const line = (/^[^\n]*/.exec(text.replace(/"[^"]*"/g, '""'))?.[0] ?? '').trim();
	const count = (c: string) => line.split(c).length - 1;
	const [comma, semicolon, tab] = [count(','), count(';'), count('\t')];
	if (tab > comma && tab >= semicolon) return '\t';
	if (semicolon > comma) return ';';
	return ',';
}

/**
 * Splits delimited text (CSV by default) into a header and data rows; blank rows are skipped but
 * keep their numbers.
 */
export function readCsv(text: string, delimiter: Delimiter = ','): CsvTable | undefined {
	// parseRows rather than parse: parse builds row objects keyed by the header, where a column
	// named "__proto__" would set the row's prototype.
	const records = dsvFormat(delimiter).parseRows(text);
	const headerIndex = records.findIndex((cells) => !isBlankRow(cells));
	const headerCells = records[headerIndex];
	if (!headerCells) return undefined;
	const rows: CsvRow[] = [];
	records.forEach((cells, i) => {
		if (i > headerIndex && !isBlankRow(cells)) rows.push({ row: i + 1, cells });
	});
	return { header: headerCells.map((name) => name.trim()), headerRow: headerIndex + 1, rows };
}

/** A column name reduced to what matching compares: lower case, no spaces, `_` or `-`. */
export function columnKey(name: string): string {
	return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** A column that was found in the header: where it is and how the file names it. */
export interface BoundColumn {
	index: number;
	name: string;
}

/** The columns of a table matched to the fields an importer reads. */
export interface ColumnBinding<F extends string> {
	columns: Map<F, BoundColumn>;
	issues: DataIssue[];
	/** Columns with names Eventline does not know, read past when `unknown` is 'ignore'. */
	unknown: string[];
}

/**
 * Matches the header against `known` (column key → field). Columns in `ignored` are read past;
 * repeated or unnamed columns holding data are problems with the file. Unknown columns are problems
 * too (silently dropping a misspelt column would lose its data), unless `unknown` is 'ignore': a
 * template people add their own columns to, as TimelineJS's is, then lists them in `unknown` to name.
 */
export function bindColumns<F extends string>(
	table: CsvTable,
	known: ReadonlyMap<string, F>,
	ignored: ReadonlySet<string> = new Set(),
	unknownColumns: 'problem' | 'ignore' = 'problem'
): ColumnBinding<F> {
	const columns = new Map<F, BoundColumn>();
	const issues: DataIssue[] = [];
	const unknown: string[] = [];
	const at = (name: string) => `row ${table.headerRow} (${name})`;
	const names = [...new Set(known.values())].join(', ');
	table.header.forEach((name, index) => {
		const key = columnKey(name);
		const fieldName = known.get(key);
		if (!name) {
			if (table.rows.some(({ cells }) => cells[index]?.trim())) {
				issues.push({
					path: `row ${table.headerRow} (column ${index + 1})`,
					message: 'holds data but has no name'
				});
			}
		} else if (fieldName !== undefined) {
			const bound = columns.get(fieldName);
			if (bound) {
				issues.push({
					path: at(name),
					message: `is the same column as "${bound.name}"; keep one`
				});
			} else columns.set(fieldName, { index, name });
		} else if (ignored.has(key)) {
			// Read past: known to the format, of no use to Eventline.
		} else if (unknownColumns === 'ignore') {
			unknown.push(name);
		} else {
			issues.push({
				path: at(name),
				message: `${preview(name)} is not a column Eventline knows (check its spelling; known columns: ${names})`
			});
		}
	});
	return { columns, issues, unknown };
}

/** The problem with a row that has more cells than the header has columns, if it has one. */
export function extraCellsIssue(table: CsvTable, { row, cells }: CsvRow): DataIssue | undefined {
	if (cells.length <= table.header.length) return undefined;
	if (cells.slice(table.header.length).every((cell) => !cell.trim())) return undefined;
	return {
		path: `row ${row}`,
		message: `has ${cells.length} cells but the header has ${table.header.length} columns (a value with a comma needs quotes around it)`
	};
}
