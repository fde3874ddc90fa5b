/**
 * Apache Parquet files, read with hyparquet (loaded only when a Parquet file is opened). The columns
 * become a table of text cells, so a Parquet file with Eventline's CSV columns, or an ACLED export,
 * is checked exactly as the same CSV would be.
 */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { CsvTable } from './csv';
import { importCsvTable } from './import';
import { fatalOutcome, type ImportOutcome } from './outcome';

/** One Parquet value as the text a CSV cell would hold. */
export function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
		return String(value);
	}
	if (value instanceof Date) {
		const iso = value.toISOString();
		// A DATE column, or a timestamp at midnight UTC, is a day.
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
	}
	// Lists (actors, places) are written as CSV writes them: separated by ";".
	if (Array.isArray(value)) return value.map(cellText).filter(Boolean).join('; ');
	return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

/** Reads a Parquet file into a table: its top-level columns as the header, one row per record. */
export async function readParquetTable(buffer: ArrayBuffer): Promise<CsvTable> {
	const metadata = parquetMetadata(buffer);
	const header = parquetSchema(metadata).children.map((column) => column.element.name);
	const records = await new Promise<unknown[][]>((resolve, reject) => {
		parquetRead({ file: buffer, metadata, onComplete: resolve }).catch(reject);
	});
	const rows: CsvTable['rows'] = new Array(records.length);
	for (let i = 0; i < records.length; i++) {
		// Each record becomes its row's cells in place: a second table of a million rows would
		// double what the collector has to walk.
		const cells = records[i] as unknown[];
		for (let j = 0; j < cells.length; j++) cells[j] = cellText(cells[j]);
		rows[i] = { row: i + 1, cells: cells as string[] };
	}
	// Row 1 is the first record: a Parquet file has no header row to count.
	return { header, headerRow: 0, rows };
}

/** Imports a Parquet file: as ACLED when its columns are ACLED's, else as Eventline's columns. */
export async function importParquet(buffer: ArrayBuffer): Promise<ImportOutcome> {
	let table: CsvTable;
	try {
		table = await readParquetTable(buffer);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return fatalOutcome('parquet', [
			{ path: '', message: `This Parquet file could not be read (${detail})` }
		]);
	}
	const outcome = importCsvTable(table);
	return outcome.format === 'acled' || outcome.format === undefined
		? outcome
		: { ...outcome, format: 'parquet' };
}
