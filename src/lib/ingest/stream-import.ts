/**
 * Reads a data file from its bytes as they arrive, in the way its name and first bytes call for:
 * NDJSON and CSV are decoded and parsed chunk by chunk (the text is never whole); Parquet is
 * collected and read by a reader loaded only then, its events handed on as they are checked;
 * anything else (JSON, TimelineJS) is decoded whole and detected by content, as before.
 */
import { TextAssembler } from './decode';
import { CsvTableStream } from './csv-stream';
import type { ImportOptions } from './column-map';
import { importCsvTable, importData } from './import';
import { MAX_FILE_CHARS, readKindOfName, tooLargeMessage, type ReadKind } from './limits';
import { LineSplitter } from './lines';
import { NdjsonReader } from './ndjson';
import { fatalOutcome, type ImportOutcome } from './outcome';
import { TextStream } from './text-stream';
import type { DataIssue } from './validate';
import type { ParquetHelper } from './parquet';
import type { TimelineEvent } from '$lib/model/schema';

/** What reading a file came to, and what decoding it changed. */
export interface StreamOutcome {
	outcome: ImportOutcome;
	notices: DataIssue[];
}

/** A file being read: its bytes as they come, then its outcome. */
export interface StreamImport {
	push(bytes: Uint8Array): void;
	finish(): Promise<StreamOutcome>;
}

/** Parquet files start (and end) with these four bytes. */
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];
/** Bytes looked at before choosing how to read. */
const SNIFF_BYTES = 4;

/** How to read a file, from its name and first bytes: the magic bytes of Parquet win. */
export function streamKind(name: string, head: Uint8Array): ReadKind {
	if (PARQUET_MAGIC.every((byte, i) => head[i] === byte)) return 'parquet';
	const kind = readKindOfName(name);
	if (kind !== 'csv') return kind;
	// A file named .csv that holds JSON is read by content, as any other text.
	const first = [...head].find(
		(byte) => ![0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf].includes(byte)
	);
	return first === 0x7b || first === 0x5b ? 'text' : 'csv';
}

const fatal = (message: string): ImportOutcome => fatalOutcome(undefined, [{ path: '', message }]);

function textImport(name: string, options?: ImportOptions): StreamImport {
	const text = new TextAssembler();
	return {
		push: (bytes) => text.push(bytes),
		async finish() {
			if (text.length > MAX_FILE_CHARS) {
				return { outcome: fatal(tooLargeMessage(text.length, 'text')), notices: [] };
			}
			const decoded = text.finish();
			return { outcome: importData(decoded.text, name, options), notices: decoded.notices };
		}
	};
}

function ndjsonImport(
	_name: string,
	_options?: ImportOptions,
	{ onEvents }: StreamOptions = {}
): StreamImport {
	const reader = new NdjsonReader(onEvents);
	const lines = new LineSplitter((line, number) => reader.add(line, number));
	const text = new TextStream((piece) => lines.push(piece));
	return {
		push: (bytes) => text.push(bytes),
		async finish() {
			const notices = text.finish();
			lines.finish();
			return { outcome: reader.finish(), notices };
		}
	};
}

/**
 * Up to this size a CSV file is read whole, as other text is: whether it is Windows-1252 rather than
 * UTF-8 can only be told once all its bytes are in, and a small file costs little memory as one
 * string. Past it, the file is parsed as it arrives, as UTF-8 (or UTF-16 by its byte order mark).
 */
export const WHOLE_CSV_BYTES = 16 * 1024 * 1024;

function csvImport(
	name: string,
	options?: ImportOptions,
	{ wholeCsvBytes: wholeBytes = WHOLE_CSV_BYTES }: StreamOptions = {}
): StreamImport {
	let held: Uint8Array[] = [];
	let size = 0;
	let stream: StreamImport | undefined;
	const replay = (reader: StreamImport) => {
		for (const bytes of held) reader.push(bytes);
		held = [];
		return reader;
	};
	return {
		push(bytes) {
			if (stream) return stream.push(bytes);
			held.push(bytes);
			size += bytes.length;
			if (size > wholeBytes) stream = replay(csvStreamImport(name, options));
		},
		finish: () => (stream ?? replay(textImport(name, options))).finish()
	};
}

function csvStreamImport(name: string, options?: ImportOptions): StreamImport {
	const table = new CsvTableStream();
	const text = new TextStream((piece) => table.push(piece));
	return {
		push: (bytes) => text.push(bytes),
		async finish() {
			const notices = text.finish();
			const read = table.finish();
			if (table.binary) {
				const message =
					'This is not a text file: Eventline reads JSON, NDJSON, CSV or Parquet (save spreadsheets as CSV)';
				return { outcome: fatal(message), notices: [] };
			}
			return {
				outcome: read ? importCsvTable(read, options, name) : fatal('The file is empty'),
				notices
			};
		}
	};
}

function parquetImport(
	_name: string,
	_options?: ImportOptions,
	{ onEvents, parquetHelper }: StreamOptions = {}
): StreamImport {
	const chunks: Uint8Array[] = [];
	let size = 0;
	// Started with the first bytes, so that it is ready when they are all in.
	const helper = parquetHelper?.();
	return {
		push(bytes) {
			chunks.push(bytes);
			size += bytes.length;
		},
		async finish() {
			const bytes = new Uint8Array(size);
			let at = 0;
			for (const chunk of chunks.splice(0)) {
				bytes.set(chunk, at);
				at += chunk.length;
			}
			// Loaded only now: most files are not Parquet, and the reader is the largest importer.
			const { importParquet } = await import('./parquet');
			const outcome = await importParquet(bytes.buffer, onEvents, helper && { helper });
			return { outcome, notices: [] };
		}
	};
}

const IMPORTS: Record<
	ReadKind,
	(name: string, options?: ImportOptions, stream?: StreamOptions) => StreamImport
> = {
	text: textImport,
	ndjson: ndjsonImport,
	csv: csvImport,
	parquet: parquetImport
};

/** How a file is streamed. */
export interface StreamOptions {
	/** CSV longer than this is parsed as it arrives ({@link WHOLE_CSV_BYTES}). */
	wholeCsvBytes?: number;
	/**
	 * Takes the events of NDJSON (as the file arrives) and of a Parquet file with Eventline's columns
	 * (as its records are checked) as they are accepted, in file order; they are then not in the
	 * outcome's dataset. Other files keep theirs there.
	 */
	onEvents?: (events: TimelineEvent[]) => void;
	/**
	 * Starts a helper that shares the reading of a large Parquet file with Eventline's columns (called
	 * when the file is known to be Parquet); its events go to the page on their own.
	 */
	parquetHelper?: () => ParquetHelper;
}

/**
 * Starts reading a file called `name` (its path or address: the extension says how to read it, and
 * relative links in it are resolved against an address), with `options` (a column mapping).
 */
export function startImport(
	name: string,
	options?: ImportOptions,
	stream: StreamOptions = {}
): StreamImport {
	let chosen: StreamImport | undefined;
	let head: Uint8Array[] = [];
	let headBytes = 0;
	const choose = () => {
		const first = new Uint8Array(headBytes);
		let at = 0;
		for (const chunk of head) {
			first.set(chunk, at);
			at += chunk.length;
		}
		head = [];
		const reader = IMPORTS[streamKind(name, first)](name, options, stream);
		if (first.length) reader.push(first);
		return reader;
	};
	return {
		push(bytes) {
			if (chosen) return chosen.push(bytes);
			head.push(bytes);
			headBytes += bytes.length;
			if (headBytes >= SNIFF_BYTES) chosen = choose();
		},
		finish: () => (chosen ??= choose()).finish()
	};
}
