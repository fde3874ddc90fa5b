/**
 * How much Eventline reads: the largest file that fits its memory budget, and the longest text a
 * field keeps. Beyond these a tab would freeze or run out of memory, so a load stops early or cuts
 * the text, and says so.
 */

/** How a file is read, which decides how much memory each of its bytes costs. */
export type ReadKind = 'text' | 'ndjson' | 'csv' | 'parquet';

/**
 * Memory a load may use across the data worker and the page (the file as read, its events parsed,
 * checked and drawn). Past it a tab would run out of memory and die; a file that needs more is
 * refused up front, or as soon as its bytes go past it, with a message saying what to do instead.
 */
export const MEMORY_BUDGET_BYTES = 1024 * 1024 * 1024;

/**
 * Memory per byte of file, measured roughly on the bench's datasets: a JSON file is held whole as
 * text, parsed into objects and checked into copies; NDJSON and CSV are parsed line by line, so
 * the text is never whole; Parquet is compressed (about a tenth of the same events as JSON).
 */
const MEMORY_PER_BYTE: Readonly<Record<ReadKind, number>> = {
	text: 4,
	ndjson: 2,
	csv: 2,
	parquet: 8
};

/** Largest file of a kind that fits the memory budget, in bytes as saved (after any gzip is undone). */
export function maxFileBytes(kind: ReadKind): number {
	return Math.floor(MEMORY_BUDGET_BYTES / MEMORY_PER_BYTE[kind]);
}

/** How a file will be read, judged by its name (its content can still show it is Parquet). */
export function readKindOfName(name: string): ReadKind {
	const path = name.split(/[?#]/)[0] ?? name;
	if (/\.parquet$/i.test(path)) return 'parquet';
	if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
	if (/\.csv$/i.test(path)) return 'csv';
	return 'text';
}

const KIND_NAMES: Readonly<Record<ReadKind, string>> = {
	text: 'a JSON file',
	ndjson: 'an NDJSON file',
	csv: 'a CSV file',
	parquet: 'a Parquet file'
};

/**
 * Why a file of `bytes` (or more, when `atLeast`) is refused: what fits in memory, and a format that
 * holds more.
 */
export function tooLargeMessage(bytes: number, kind: ReadKind, atLeast = false): string {
	const size = `${atLeast ? 'larger than ' : ''}${megabytes(bytes)}`;
	const advice =
		kind === 'text'
			? '; save it as NDJSON (one event per line) or Parquet to open more events'
			: '; open a part of it (fewer events, or fewer fields)';
	return (
		`The file is ${size}: Eventline can hold ${KIND_NAMES[kind]} of up to ` +
		`${megabytes(maxFileBytes(kind))} in this tab's memory${advice}`
	);
}

/** Largest text the whole-text importers are given; decoded text never has more characters than its bytes. */
export const MAX_FILE_CHARS = maxFileBytes('text');

/**
 * Longest text kept in a field, in characters, by field name; longer text is cut with a notice. Generous
 * for any real report (a long summary is a few thousand characters), small enough to lay out at once.
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
	title: 1_000,
	label: 1_000,
	name: 1_000,
	speaker: 1_000,
	description: 20_000,
	summary: 20_000,
	text: 20_000
};

/** Longest text kept in any other field (actors, places, notes, attribution...). */
export const DEFAULT_TEXT_LIMIT = 2_000;

/** Longest event id: ids are looked up and written into URLs, and are not cut (that could merge two). */
export const MAX_ID_LENGTH = 200;

/** Longest link: a cut link would lead somewhere else, so a longer one is a problem, not cut. */
export const MAX_URL_LENGTH = 8_000;

/** Megabytes, as messages write sizes: one decimal below 10 MB. */
export function megabytes(bytes: number): string {
	const mb = bytes / 1024 / 1024;
	return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en')} MB`;
}
