/**
 * Calendar dates written with date-fns patterns and locales: month and weekday names come from the
 * locale (English unless one is given), and years from {@link formatYear}, which knows BCE years
 * and deep time, where date-fns writes the era's year without its era.
 */
import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { formatYear, type DateFormatOptions } from './years';

export type { DateFormatOptions, EraStyle } from './years';

/** English month names, January first (from date-fns' English locale). */
export const MONTHS: readonly string[] = Array.from({ length: 12 }, (_, month) =>
	enUS.localize.month(month as 0)
);

/**
 * `pattern` (date-fns tokens: `EEEE d MMMM yyyy`, `HH:mm`...) written for `date`, a Date, a
 * TZDate or a UTCDate, whose getters answer in its own zone. `yyyy` is the year in words
 * ("44 BCE", "2024"), so a date in 44 BCE reads "Friday 15 March 44 BCE".
 */
export function formatCalendar(
	date: Date,
	pattern: string,
	options: DateFormatOptions = {}
): string {
	const locale = options.locale ?? enUS;
	return pattern
		.split('yyyy')
		.map((piece) => (piece ? format(date, piece, { locale }) : ''))
		.join(formatYear(date.getFullYear(), options));
}

/**
 * Wall-clock milliseconds (the UTC value whose UTC fields read as the local time, as scales and
 * ticks use) written with `pattern`. A UTCDate answers in UTC without asking Intl, so this is three
 * times quicker than a TZDate in the zone, which date-fns clones on every call.
 */
export const formatWallClock = (wallMs: number, pattern: string, options?: DateFormatOptions) =>
	formatCalendar(new UTCDate(wallMs), pattern, options);
