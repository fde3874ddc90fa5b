/**
 * JSON files of events in a shape of their own (a list of flat records such as `{"name": ...,
 * "begin": -4500, "region": [...]}`), read through the same column mapping as CSV: each key is a
 * column, each record a row. Problems are located at the record's path (`events[3].begin`).
 */
import type { CsvTable } from './csv';
import type { ImportOptions } from './column-map';
import { importMappedCsv } from './csv-mapped';
import type { ImportOutcome } from './outcome';
import { formatPath } from './validate';
import { field, isRecord } from './values';

/** A list of records in a file, where it is, and how to write a list of them back in that place. */
export interface RecordList {
	list: unknown[];
	at: string[];
	wrap: (items: unknown[]) => unknown;
}

/** Keys a list of events is commonly found under. */
const LIST_KEYS = ['events', 'items', 'data', 'records', 'rows', 'entries'];
/** Most columns a table of records gets; beyond them, keys are not offered for mapping. */
const MOST_KEYS = 60;

/** The list of records a JSON file holds: itself, or the first list under a usual key. */
export function recordList(file: unknown): RecordList | undefined {
	if (Array.isArray(file)) return { list: file, at: [], wrap: (items) => items };
	if (!isRecord(file)) return undefined;
	for (const key of LIST_KEYS) {
		const list = field(file, key);
		if (Array.isArray(list))
			return { list, at: [key], wrap: (items) => ({ ...file, [key]: items }) };
	}
	return undefined;
}

/** A text, number or true/false value as a cell; anything else is empty. */
function scalarCell(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return String(value);
	return '';
}

/** A value as a cell: a scalar, or a list of them joined with "; " (deeper nesting is left out). */
function cellOf(value: unknown): string {
	if (!Array.isArray(value)) return scalarCell(value);
	return value.map(scalarCell).filter(Boolean).join('; ');
}

/** The records as a table (a key per column, in order of first appearance), when most items are records. */
export function recordsTable(list: readonly unknown[]): CsvTable | undefined {
	const records = list.filter(isRecord);
	if (!records.length || records.length < list.length * 0.8) return undefined;
	const header: string[] = [];
	const seen = new Set<string>();
	for (const record of records) {
		for (const key of Object.keys(record)) {
			if (!seen.has(key) && header.length < MOST_KEYS) {
				seen.add(key);
				header.push(key);
			}
		}
	}
	return {
		header,
		headerRow: 1,
		rows: list.map((item, i) => ({
			row: i + 2,
			cells: header.map((key) => cellOf(field(item, key)))
		}))
	};
}

/** Imports a list of records through a mapping, naming each problem by the record's JSON path. */
export function importMappedRecords(
	records: RecordList,
	table: CsvTable,
	options: ImportOptions
): ImportOutcome {
	const path = (row: number, key?: string) =>
		formatPath([...records.at, row - 2, ...(key === undefined ? [] : [key])]);
	const mapped = importMappedCsv(table, options, {
		header: '',
		where: (row) => path(row.row),
		column: (row, name) => path(row.row, name)
	});
	const outcome: ImportOutcome = { ...mapped, format: 'json-mapped' };
	if (!outcome.rejected.length) return outcome;
	return {
		...outcome,
		rejected: outcome.rejected.map((r) => ({ ...r, raw: records.list[r.index] })),
		frame: { kind: 'json-custom', write: records.wrap }
	};
}
