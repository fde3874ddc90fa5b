/**
 * Apache Parquet files, read with hyparquet (loaded only when a Parquet file is opened). The columns
 * are read as a table of text cells, so a Parquet file with Eventline's CSV columns, or an ACLED
 * export, is checked exactly as the same CSV would be.
 */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { importColumnTable, type ColumnTable } from './import';
import { fatalOutcome, type ImportOutcome } from './outcome';
import type { TimelineEvent } from '$lib/model/schema';

/** Longer text is always handed to TextDecoder, whose cost per call then matters less. */
const SHORT_TEXT = 256;
const utf8 = new TextDecoder();

/**
 * A Parquet string's text. Short ASCII text, most of what an event file holds, is read a byte at a
 * time: TextDecoder costs far more per call than per byte, and a million records are millions of
 * calls (docs/decisions.md, 29). Anything else is TextDecoder's, as hyparquet would decode it.
 */
export function stringFromBytes(bytes: Uint8Array | undefined): string | undefined {
	if (!bytes) return undefined;
	const length = bytes.length;
	if (length > SHORT_TEXT) return utf8.decode(bytes);
	for (let i = 0; i < length; i++) if ((bytes[i] ?? 0) > 0x7f) return utf8.decode(bytes);
	return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

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

/**
 * Reads a Parquet file's top-level columns as they are stored, one array of cell text per column,
 * with no row of values built per record (strings are kept as they are, other values made text).
 */
export async function readParquetColumns(buffer: ArrayBuffer): Promise<ColumnTable> {
	const metadata = parquetMetadata(buffer);
	const header = parquetSchema(metadata).children.map((column) => column.element.name);
	const length = Number(metadata.num_rows);
	const positions = new Map(header.map((name, i) => [name, i]));
	const texts: string[][] = header.map(() => new Array<string>(length).fill(''));
	await parquetRead({
		file: buffer,
		metadata,
		parsers: { stringFromBytes },
		onChunk({ columnName, columnData, rowStart }) {
			const column = texts[positions.get(columnName) ?? -1];
			if (!column) return;
			const end = Math.min(rowStart + columnData.length, length);
			for (let row = rowStart; row < end; row++) {
				const value: unknown = columnData[row - rowStart];
				column[row] = typeof value === 'string' ? value : cellText(value);
			}
		}
	});
	return {
		header,
		length,
		cell: (row, column) => texts[column]?.[row] ?? ''
	};
}

/**
 * Imports a Parquet file: as ACLED when its columns are ACLED's, else as Eventline's columns, whose
 * accepted events `onEvents` (when given) takes as they are checked, instead of the dataset.
 */
export async function importParquet(
	buffer: ArrayBuffer,
	onEvents?: (events: TimelineEvent[]) => void
): Promise<ImportOutcome> {
	let table: ColumnTable;
	try {
		table = await readParquetColumns(buffer);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return fatalOutcome('parquet', [
			{ path: '', message: `This Parquet file could not be read (${detail})` }
		]);
	}
	const outcome = importColumnTable(table, onEvents);
	return outcome.format === 'acled' || outcome.format === undefined
		? outcome
		: { ...outcome, format: 'parquet' };
}
