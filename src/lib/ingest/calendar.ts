/**
 * TimelineJS dates (separate year, month, day, hour, minute and second, as numbers or numeric strings)
 * turned into Eventline's ISO strings at the precision they were given, or into located problems.
 * Impossible dates are refused, never rolled over: February 30th is not March 1st.
 */
import type { Precision } from '$lib/model/schema';
import { preview } from './messages';
import { isBlank } from './values';
import { MONTHS } from '$lib/format/calendar-format';

/** The parts of a TimelineJS date as read from the file; any may be missing or malformed. */
export interface DateFields {
	year?: unknown;
	month?: unknown;
	day?: unknown;
	hour?: unknown;
	minute?: unknown;
	second?: unknown;
	millisecond?: unknown;
}

/** A field of {@link DateFields}. */
export type DateField = keyof DateFields;

/** What is wrong with one field of a date. */
export interface DateProblem {
	field: DateField;
	message: string;
}

/** How a file's years are counted: TimelineJS's "human" scale, or its cosmological one (in years). */
export type YearScale = 'human' | 'cosmological';

/** Years TimelineJS can hold in a JavaScript Date; a file with any year beyond is cosmological. */
export const HUMAN_YEARS = [-271820, 275759] as const;

/**
 * A year as Eventline's expanded ISO 8601 writes it: astronomical numbering (year 0 is 1 BCE, -0043
 * is 44 BCE), four digits at least, a sign before negative years and years past 9999.
 */
export function isoYear(year: number): string {
	if (year < 0) return `-${String(-year).padStart(4, '0')}`;
	return year > 9999 ? `+${year}` : String(year).padStart(4, '0');
}

/**
 * The astronomical year of a TimelineJS year. TimelineJS shows year -44 as "44 BCE" (it drops the
 * sign and adds the era), so a negative year within a Date's range counts BCE years the way readers
 * of the slide saw it, even in a file on the cosmological scale; beyond that range a year is a count
 * of years ago, where one year either way is below what anyone reads, and it stays as written.
 */
export function astronomicalYear(year: number): number {
	return year < 0 && year >= HUMAN_YEARS[0] ? year + 1 : year;
}

/** A date converted to ISO 8601, with the precision to record when the string cannot say it. */
export type CalendarDate =
	{ ok: true; iso: string; precision?: Precision } | { ok: false; problems: DateProblem[] };

/** A whole number written as a number or as digits; undefined when it is neither. */
export function wholeNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
	if (typeof value !== 'string' || !/^\s*[+-]?\d{1,15}\s*$/.test(value)) return undefined;
	return Number(value);
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Range {
	field: Exclude<DateField, 'year'>;
	noun: string;
	min: number;
	max: number;
	needs?: { field: DateField; noun: string };
}

const RANGES: Range[] = [
	{ field: 'month', noun: 'a month', min: 1, max: 12 },
	{ field: 'day', noun: 'a day', min: 1, max: 31, needs: { field: 'month', noun: 'a month' } },
	{ field: 'hour', noun: 'an hour', min: 0, max: 23, needs: { field: 'day', noun: 'a day' } },
	{ field: 'minute', noun: 'a minute', min: 0, max: 59, needs: { field: 'hour', noun: 'an hour' } },
	{
		field: 'second',
		noun: 'a second',
		min: 0,
		max: 59,
		needs: { field: 'minute', noun: 'a minute' }
	}
];

/**
 * Converts TimelineJS date fields to an ISO string keeping their precision: `{year: 2021}` → "2021",
 * `{year: 2021, month: 5}` → "2021-05", `{..., day: 12, hour: 9, minute: 30}` → "2021-05-12T09:30".
 * An hour without minutes becomes "T09:00" with precision "hour", so nothing claims to know the minute.
 */
export function calendarDate(fields: DateFields, scale: YearScale = 'human'): CalendarDate {
	const problems: DateProblem[] = [];
	const values: Partial<Record<DateField, number>> = {};

	const year = wholeNumber(fields.year);
	if (isBlank(fields.year)) problems.push({ field: 'year', message: 'is required' });
	else if (year === undefined) {
		problems.push({ field: 'year', message: `${preview(fields.year)} is not a year` });
	} else values.year = astronomicalYear(year);
	// Cosmological dates are years and nothing finer, as in TimelineJS.
	if (scale === 'cosmological') {
		return problems.length || values.year === undefined
			? { ok: false, problems }
			: { ok: true, iso: isoYear(values.year) };
	}

	for (const range of RANGES) {
		const raw = fields[range.field];
		if (isBlank(raw)) continue;
		const n = wholeNumber(raw);
		if (range.needs && isBlank(fields[range.needs.field])) {
			problems.push({ field: range.field, message: `is given without ${range.needs.noun}` });
		} else if (n === undefined || n < range.min || n > range.max) {
			problems.push({
				field: range.field,
				message: `${preview(raw)} is not ${range.noun} (${range.min}–${range.max})`
			});
		} else values[range.field] = n;
	}

	const { month, day } = values;
	if (values.year !== undefined && month !== undefined && day !== undefined) {
		const last = daysInMonth(values.year, month);
		if (day > last) {
			problems.push({
				field: 'day',
				message: `${preview(fields.day)} is not a day of ${MONTHS[month - 1]} ${values.year} (1–${last})`
			});
		}
	}
	if (problems.length) return { ok: false, problems };

	let iso = isoYear(values.year ?? 0);
	if (month !== undefined) iso += `-${pad(month)}`;
	if (day !== undefined) iso += `-${pad(day)}`;
	if (values.hour === undefined) return { ok: true, iso };
	iso += `T${pad(values.hour)}:${pad(values.minute ?? 0)}`;
	if (values.second !== undefined) iso += `:${pad(values.second)}${fraction(fields.millisecond)}`;
	return values.minute === undefined ? { ok: true, iso, precision: 'hour' } : { ok: true, iso };
}

/** `.5` for 500 ms: the fraction of a second ISO 8601 writes, or nothing. */
function fraction(millisecond: unknown): string {
	const ms = wholeNumber(millisecond);
	if (ms === undefined || ms <= 0 || ms > 999) return '';
	return `.${String(ms).padStart(3, '0').replace(/0+$/, '')}`;
}

/** A clock time read from a spreadsheet cell. */
export type ClockTime =
	| { ok: true; hour: number; minute?: number; second?: number; millisecond?: number }
	| { ok: false; message: string };

/**
 * Reads every clock time TimelineJS reads: "9:30", "09:30:15", "12:30:45.5", "9.30", "1430", "930",
 * "21", "3:45 PM", "9 a.m." (12 AM is midnight, 12 PM noon).
 */
export function parseClock(text: string): ClockTime {
	const fail = {
		ok: false,
		message: `${preview(text)} is not a time of day (write it like 9:30, 21:30:15 or 9:30 PM)`
	} as const;
	const m = /^(.*?)\s*(?:([ap])\.?\s*m\.?)?$/i.exec(text.trim());
	const clock = m?.[1] ?? '';
	const meridiem = m?.[2]?.toLowerCase();
	const compact = /^(\d{1,2})(\d{2})$/.exec(clock);
	let parts = compact ? compact.slice(1) : clock.split(':');
	if (parts.length === 1) parts = clock.split('.');
	const [h, mi, s, ...rest] = parts;
	if (rest.length || h === undefined || !/^\d{1,2}$/.test(h)) return fail;
	let hour = Number(h);
	if (meridiem) {
		if (hour < 1 || hour > 12) return fail;
		hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
	}
	if (mi !== undefined && !/^\d{2}$/.test(mi)) return fail;
	const sec = s === undefined ? undefined : /^(\d{2})(?:[.,](\d{1,3}))?$/.exec(s);
	if (s !== undefined && !sec) return fail;
	const minute = mi === undefined ? undefined : Number(mi);
	const second = sec?.[1] === undefined ? undefined : Number(sec[1]);
	const millisecond = sec?.[2] === undefined ? undefined : Number(sec[2].padEnd(3, '0'));
	if (hour > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return fail;
	return { ok: true, hour, minute, second, millisecond };
}
