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
}

/** A field of {@link DateFields}. */
export type DateField = keyof DateFields;

/** What is wrong with one field of a date. */
export interface DateProblem {
	field: DateField;
	message: string;
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
export function calendarDate(fields: DateFields): CalendarDate {
	const problems: DateProblem[] = [];
	const values: Partial<Record<DateField, number>> = {};

	const year = wholeNumber(fields.year);
	if (isBlank(fields.year)) problems.push({ field: 'year', message: 'is required' });
	else if (year === undefined) {
		problems.push({ field: 'year', message: `${preview(fields.year)} is not a year` });
	} else if (year < 0 || year > 9999) {
		problems.push({
			field: 'year',
			message: `${preview(fields.year)} is outside the years Eventline can place (0–9999)`
		});
	} else values.year = year;

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

	let iso = pad(values.year ?? 0, 4);
	if (month !== undefined) iso += `-${pad(month)}`;
	if (day !== undefined) iso += `-${pad(day)}`;
	if (values.hour === undefined) return { ok: true, iso };
	iso += `T${pad(values.hour)}:${pad(values.minute ?? 0)}`;
	if (values.second !== undefined) iso += `:${pad(values.second)}`;
	return values.minute === undefined ? { ok: true, iso, precision: 'hour' } : { ok: true, iso };
}

/** A clock time read from a spreadsheet cell. */
export type ClockTime =
	{ ok: true; hour: number; minute?: number; second?: number } | { ok: false; message: string };

/**
 * Reads the clock times spreadsheets hold: "9:30", "09:30", "9:30 PM", "9 pm", "21:30:15", "21".
 */
export function parseClock(text: string): ClockTime {
	const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/i.exec(text.trim());
	const fail = {
		ok: false,
		message: `${preview(text)} is not a time of day (write it like 9:30, 21:30:15 or 9:30 PM)`
	} as const;
	if (!m) return fail;
	const [, h, mi, s, meridiem] = m;
	let hour = Number(h);
	const minute = mi === undefined ? undefined : Number(mi);
	const second = s === undefined ? undefined : Number(s);
	if (meridiem) {
		if (hour < 1 || hour > 12) return fail;
		hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
	}
	if (hour > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return fail;
	return { ok: true, hour, minute, second };
}
