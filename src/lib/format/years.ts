/**
 * Years as people write them, from deep time to the far future: "13.8 billion years ago",
 * "12,000 years ago", "44 BCE", "500 CE" (beside BCE years), "2024", "12,345". Years are numbered
 * astronomically in the data (year 0 is 1 BCE, −43 is 44 BCE), as ISO 8601 numbers them.
 */
import type { Locale } from 'date-fns';
import { yearOf } from '$lib/model/civil';

/** Whether years after year 0 say "CE": only where a reader also sees BCE years. */
export type EraStyle = 'auto' | 'always';

/** Options every date formatter takes. */
export interface DateFormatOptions {
	/**
	 * The date-fns locale that names months and weekdays and groups digits.
	 * @default English (en-US, with day-month order written by the patterns)
	 */
	locale?: Locale;
	/**
	 * "CE" after years from 1 on: `always` where a span crosses year 0.
	 * @default 'auto'
	 */
	era?: EraStyle;
	/**
	 * Tell BCE years as "years ago" too, so an axis reaching into deep time reads one way
	 * throughout ("12,000 years ago", "8,000 years ago"), not "10,000 years ago" beside "8000 BCE".
	 * @default false
	 */
	yearsAgo?: boolean;
}

/** The last year counted BCE; earlier years are told as "years ago". */
export const LAST_BCE_COUNT = 9999;

/** Digits grouped the locale's way: "12,345". */
function grouped(n: number, locale: Locale | undefined): string {
	return n.toLocaleString(locale?.code ?? 'en-US', { maximumFractionDigits: 3 });
}

/**
 * A large count with at most four significant digits, in the locale's words from a million up
 * ("13.8 billion", "66.04 million"; "13,8 Milliarden" in German): Intl's compact notation.
 */
function large(n: number, locale: Locale | undefined): string {
	if (n < 1e6) return grouped(n >= 10_000 ? Number(n.toPrecision(4)) : n, locale);
	return compactCount(n, 4, locale);
}

/** `n` in words, to `digits` significant digits: "13.8 billion", "12 thousand". */
export function compactCount(n: number, digits: number, locale?: Locale): string {
	return n.toLocaleString(locale?.code ?? 'en-US', {
		notation: 'compact',
		compactDisplay: 'long',
		maximumSignificantDigits: digits
	});
}

/**
 * How many years before 1 CE an astronomical year is, counted as BCE years are (year 0 is 1 BCE).
 * Deep time is told as that count "years ago": 13.8 billion years before 1 CE and before today are
 * the same number to the precision it is known to.
 */
export const bceCount = (year: number) => 1 - year;

/** True when a year is told as "years ago" rather than as a BCE year. */
export const isDeepTime = (year: number) => bceCount(year) > LAST_BCE_COUNT;

/** An astronomical year in words: "13.8 billion years ago", "44 BCE", "500 CE", "2024". */
export function formatYear(year: number, options: DateFormatOptions = {}): string {
	const { locale, era = 'auto', yearsAgo = false } = options;
	if (year >= 1) {
		if (year >= 1e6) return `${large(year, locale)} CE`;
		const written = year >= 10_000 ? grouped(year, locale) : String(year);
		return era === 'always' ? `${written} CE` : written;
	}
	const count = bceCount(year);
	// A few hundred years before 1 CE are BCE years even on a deep-time axis: "1 BCE", never
	// "1 years ago".
	if (count <= LAST_BCE_COUNT && (!yearsAgo || count < 1000)) return `${count} BCE`;
	return `${count < 10_000 ? grouped(count, locale) : large(count, locale)} years ago`;
}

/** `options` for writing dates from `start` to `end` (ms): "CE" is said when they cross year 0. */
export function eraFor(start: number, end: number, options: DateFormatOptions): DateFormatOptions {
	return yearOf(start) < 1 && yearOf(end) >= 1 ? { ...options, era: 'always' } : options;
}
