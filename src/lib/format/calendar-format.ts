/**
 * Formats calendar fields with a few date-fns-style tokens. The app speaks English only, and
 * date-fns' `format` ships its whole en-US locale (parsing tables included) with the page: a fifth
 * of the JavaScript budget for twelve month names and seven day names.
 */

/** English month names, January first. */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** What the formatter reads: a Date, or a TZDate whose getters answer in its own zone. */
export interface CalendarFields {
	getFullYear(): number;
	getMonth(): number;
	getDate(): number;
	getDay(): number;
	getHours(): number;
	getMinutes(): number;
	getSeconds(): number;
}

const pad = (n: number) => String(n).padStart(2, '0');

const TOKENS: Record<string, (d: CalendarFields) => string> = {
	yyyy: (d) => String(d.getFullYear()).padStart(4, '0'),
	MMMM: (d) => MONTHS[d.getMonth()] ?? '',
	MMM: (d) => (MONTHS[d.getMonth()] ?? '').slice(0, 3),
	MM: (d) => pad(d.getMonth() + 1),
	dd: (d) => pad(d.getDate()),
	d: (d) => String(d.getDate()),
	EEEE: (d) => DAYS[d.getDay()] ?? '',
	EEE: (d) => (DAYS[d.getDay()] ?? '').slice(0, 3),
	HH: (d) => pad(d.getHours()),
	mm: (d) => pad(d.getMinutes()),
	ss: (d) => pad(d.getSeconds())
};

/**
 * `pattern` with its tokens (yyyy, MMMM, MMM, MM, dd, d, EEEE, EEE, HH, mm, ss) replaced by the
 * fields of `date`; any other character stands for itself.
 */
export function formatCalendar(date: CalendarFields, pattern: string): string {
	return pattern.replace(/yyyy|MMMM|MMM|MM|dd|d|EEEE|EEE|HH|mm|ss/g, (token) =>
		(TOKENS[token] as (d: CalendarFields) => string)(date)
	);
}
