/**
 * How much Eventline reads: the largest file, and the longest text a field keeps. Beyond these a tab
 * would freeze or run out of memory, so a load stops early or cuts the text, and says so.
 */

/** Largest data file Eventline reads, in bytes as saved (after any gzip of the download is undone). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Largest text the importers are given; decoded text never has more characters than its bytes. */
export const MAX_FILE_CHARS = MAX_FILE_BYTES;

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
