/**
 * Apache Parquet files, read with hyparquet (loaded only when a Parquet file is opened). The columns
 * are read as a table of text cells, so a Parquet file with Eventline's CSV columns, or an ACLED
 * export, is checked exactly as the same CSV would be.
 */
import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { columnKey } from './csv';
import { EVENTLINE_COLUMNS } from './csv-eventline';
import { importColumnTable, readsInPlace, type ColumnTable } from './import';
import { SeenIds } from './seen-ids';
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

/** Which records of a file to read, and which columns (all unless named). */
interface RecordRange {
	from?: number;
	to?: number;
	columns?: string[];
	metadata?: FileMetaData;
}

/**
 * Reads a Parquet file's top-level columns as they are stored, one array of cell text per column,
 * with no row of values built per record (strings are kept as they are, other values made text):
 * records [from, to) of the file, all by default. Columns not read have empty cells.
 */
export async function readParquetColumns(
	buffer: ArrayBuffer,
	{ from = 0, to, columns, metadata = parquetMetadata(buffer) }: RecordRange = {}
): Promise<ColumnTable> {
	const header = parquetSchema(metadata).children.map((column) => column.element.name);
	const end = Math.min(to ?? Infinity, Number(metadata.num_rows));
	const length = Math.max(0, end - from);
	const positions = new Map(header.map((name, i) => [name, i]));
	const texts: string[][] = header.map((name) =>
		!columns || columns.includes(name) ? new Array<string>(length).fill('') : []
	);
	await parquetRead({
		file: buffer,
		metadata,
		rowStart: from,
		rowEnd: end,
		...(columns ? { columns } : {}),
		parsers: { stringFromBytes },
		onChunk({ columnName, columnData, rowStart }) {
			const column = texts[positions.get(columnName) ?? -1];
			if (!column) return;
			const last = Math.min(rowStart + columnData.length, end);
			for (let row = Math.max(rowStart, from); row < last; row++) {
				const value: unknown = columnData[row - rowStart];
				column[row - from] = typeof value === 'string' ? value : cellText(value);
			}
		}
	});
	return {
		header,
		length,
		first: from,
		cell: (row, column) => texts[column]?.[row] ?? ''
	};
}

/** What a helper made of its run of records, and how many events it sent to the page. */
export interface ShareOutcome {
	outcome: ImportOutcome;
	sent: number;
}

/**
 * Another thread that reads a run of a large Parquet file's records (a second data worker), so
 * that two cores check a million records.
 */
export interface ParquetHelper {
	/**
	 * Reads records [from, to) of the file whose bytes are `bytes` (a copy, the helper's own) as
	 * Eventline's columns, sending its accepted events to the page itself. `started` resolves once it
	 * has begun (a worker starting another needs its own thread free until then), `outcome` with
	 * what it made of them.
	 */
	read(
		bytes: ArrayBuffer,
		from: number,
		to: number
	): { started: Promise<void>; outcome: Promise<ShareOutcome> };
	/**
	 * The events read so far, by either thread, are not to be used: the page drops them all and the
	 * file is read again on one thread.
	 */
	discard(): void;
	/** The helper is not needed (any more): it stops. */
	release(): void;
}

/** How a file is shared: with `helper`, when it has at least `records` records. */
export interface ParquetSharing {
	helper: ParquetHelper;
	records?: number;
}

/** A file with at least this many records is shared with a helper, when there is one. */
export const SHARED_RECORDS = 100_000;
/**
 * The share of records this thread keeps: a little under half, for it also starts the helper and,
 * at the end, looks for ids that both halves use.
 */
const OWN_SHARE = 0.47;

/**
 * Where to split a file's records between this thread and a helper: at the row group boundary
 * nearest {@link OWN_SHARE} of them (a row group is decoded whole). Undefined when the file is not
 * worth sharing or is not read in place with an id column (ids made for rows without one depend on
 * every id of the file).
 */
export function sharedSplit(
	metadata: FileMetaData,
	header: readonly string[],
	least = SHARED_RECORDS
): number | undefined {
	const records = Number(metadata.num_rows);
	if (records < least || !readsInPlace(header) || idColumn(header) < 0) return undefined;
	let best: number | undefined;
	let start = 0;
	for (const group of metadata.row_groups.slice(0, -1)) {
		start += Number(group.num_rows);
		if (
			best === undefined ||
			Math.abs(start - records * OWN_SHARE) < Math.abs(best - records * OWN_SHARE)
		) {
			best = start;
		}
	}
	return best !== undefined && best > 0 && best < records ? best : undefined;
}

/** The position of the one column that holds ids, or -1. */
function idColumn(header: readonly string[]): number {
	const ids = header.flatMap((name, i) =>
		EVENTLINE_COLUMNS.get(columnKey(name)) === 'id' ? [i] : []
	);
	return ids.length === 1 ? (ids[0] as number) : -1;
}

/**
 * Reads a file's records in two threads: [0, split) here, the rest by `helper`. The two halves'
 * outcomes are the one outcome of reading the file whole as long as no id is used in both and none
 * is missing (a row without an id is given one unlike every id of the file); otherwise undefined,
 * after the helper's events are discarded, and the file is to be read again on one thread.
 */
async function importShared(
	buffer: ArrayBuffer,
	metadata: FileMetaData,
	header: readonly string[],
	split: number,
	helper: ParquetHelper,
	onEvents?: (events: TimelineEvent[]) => void
): Promise<ImportOutcome | undefined> {
	const records = Number(metadata.num_rows);
	const reading = helper.read(buffer.slice(0), split, records);
	const theirs = reading.outcome.catch(() => undefined);
	await Promise.race([reading.started, theirs]);
	const seen = new SeenIds((row) => `row ${row}`, split);
	const table = await readParquetColumns(buffer, { to: split, metadata });
	const mine = importColumnTable(table, onEvents, { seen });
	const other = await theirs;
	const ids = idColumn(header);
	const [first, rest] = [mine.dataset, other?.outcome.dataset];
	let whole = first !== undefined && rest !== undefined;
	for (let i = 0; whole && i < table.length; i++) whole = table.cell(i, ids).trim() !== '';
	if (whole) {
		const name = header[ids] as string;
		const later = await readParquetColumns(buffer, { from: split, columns: [name], metadata });
		for (let i = 0; whole && i < later.length; i++) {
			const id = later.cell(i, ids).trim();
			whole = id !== '' && !seen.has(id);
		}
	}
	if (!whole || !other || !first || !rest) {
		helper.discard();
		return undefined;
	}
	const both = [mine, other.outcome];
	const frame = both.find((outcome) => outcome.frame)?.frame;
	return {
		format: 'parquet',
		dataset: { events: [...first.events, ...rest.events] },
		fatal: [],
		rejected: both.flatMap((outcome) => outcome.rejected),
		notices: both.flatMap((outcome) => outcome.notices),
		total: records,
		...(frame ? { frame } : {})
	};
}

/**
 * Reads records [from, to) of a Parquet file with Eventline's columns (a helper's share), its
 * accepted events going to `onEvents` as they are checked.
 */
export async function importParquetRecords(
	buffer: ArrayBuffer,
	from: number,
	to: number,
	onEvents: (events: TimelineEvent[]) => void
): Promise<ImportOutcome> {
	return importColumnTable(await readParquetColumns(buffer, { from, to }), onEvents);
}

/**
 * Imports a Parquet file: as ACLED when its columns are ACLED's, else as Eventline's columns, whose
 * accepted events `onEvents` (when given) takes as they are checked, instead of the dataset. A large
 * file of Eventline's columns is shared with a helper, when `sharing` gives one (which is released
 * at the end).
 */
export async function importParquet(
	buffer: ArrayBuffer,
	onEvents?: (events: TimelineEvent[]) => void,
	sharing?: ParquetSharing
): Promise<ImportOutcome> {
	let outcome: ImportOutcome | undefined;
	try {
		const metadata = parquetMetadata(buffer);
		const header = parquetSchema(metadata).children.map((column) => column.element.name);
		const split = onEvents && sharing && sharedSplit(metadata, header, sharing.records);
		if (sharing && split) {
			outcome = await importShared(buffer, metadata, header, split, sharing.helper, onEvents);
		}
		outcome ??= importColumnTable(await readParquetColumns(buffer, { metadata }), onEvents);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return fatalOutcome('parquet', [
			{ path: '', message: `This Parquet file could not be read (${detail})` }
		]);
	} finally {
		sharing?.helper.release();
	}
	return outcome.format === 'acled' || outcome.format === undefined
		? outcome
		: { ...outcome, format: 'parquet' };
}
