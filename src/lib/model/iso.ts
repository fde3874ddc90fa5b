/**
 * The shape of an ISO 8601 date as Eventline reads it, and whether it names a real day. Kept apart
 * from the valibot schema so the page can parse dates without shipping the validator.
 */
import { civilFields, daysFromCivil, isCalendarYear } from './civil';

/**
 * An ISO 8601 date or date-time, as precise as is known: `2024`, `2024-11`, `2024-11-17`,
 * `2024-11-17T06:00`, `2024-11-17T06:00:30`, optionally followed by `Z` or an offset `+02:00`.
 * Years before 0 or after 9999 use ISO's expanded form, a sign and at least four digits, in
 * astronomical numbering (year 0 is 1 BCE): `-0043` is 44 BCE, `+12345`, `-13800000000`.
 */
export const ISO_DATE_PATTERN =
	/^([+-]\d{4,12}|\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Days in `month` (1–12) of `year`, by the proleptic Gregorian calendar that ISO 8601 uses. */
const daysInMonth = (year: number, month: number) =>
	daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);

/** The fields of an ISO date string, as {@link ISO_DATE_PATTERN} captures them. */
export interface IsoFields {
	year: number;
	month?: number;
	day?: number;
	hour?: number;
	minute?: number;
	second?: number;
	/** `Z` or `±HH:MM`, when the string carries one. */
	offset?: string;
}

/** The value of the digit at `at`, or −1 when there is none. */
function digitAt(text: string, at: number): number {
	const code = text.charCodeAt(at);
	return code >= 0x30 && code <= 0x39 ? code - 0x30 : -1;
}

/** The two-digit number at `at`, or −1. */
function twoDigits(text: string, at: number): number {
	const tens = digitAt(text, at);
	const ones = digitAt(text, at + 1);
	return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/**
 * The fields of a date with a four-digit year, read character by character; null when the string
 * is not one that {@link ISO_DATE_PATTERN} matches. A million dates are read in a load, and the
 * regular expression with its array of captures was a large part of it (docs/decisions.md, 27).
 */
function plainIsoFields(text: string): IsoFields | null {
	const n = text.length;
	const y0 = digitAt(text, 0);
	const y1 = digitAt(text, 1);
	const y2 = digitAt(text, 2);
	const y3 = digitAt(text, 3);
	if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0) return null;
	const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
	if (n === 4) return { year };
	const month = text.charCodeAt(4) === 0x2d ? twoDigits(text, 5) : -1;
	if (month < 0) return null;
	if (n === 7) return { year, month };
	const day = text.charCodeAt(7) === 0x2d ? twoDigits(text, 8) : -1;
	if (day < 0) return null;
	if (n === 10) return { year, month, day };
	if (text.charCodeAt(10) !== 0x54 || text.charCodeAt(13) !== 0x3a) return null;
	const hour = twoDigits(text, 11);
	const minute = twoDigits(text, 14);
	if (hour < 0 || minute < 0) return null;
	let at = 16;
	let second: number | undefined;
	if (text.charCodeAt(at) === 0x3a) {
		second = twoDigits(text, at + 1);
		if (second < 0) return null;
		at += 3;
		if (text.charCodeAt(at) === 0x2e) {
			let digits = 0;
			while (digits < 3 && digitAt(text, at + 1 + digits) >= 0) digits++;
			if (!digits) return null;
			at += 1 + digits;
		}
	}
	let offset: string | undefined;
	const sign = text.charCodeAt(at);
	if (sign === 0x5a) {
		offset = 'Z';
		at += 1;
	} else if (sign === 0x2b || sign === 0x2d) {
		if (twoDigits(text, at + 1) < 0 || text.charCodeAt(at + 3) !== 0x3a) return null;
		if (twoDigits(text, at + 4) < 0) return null;
		offset = text.slice(at, at + 6);
		at += 6;
	}
	if (at !== n) return null;
	return { year, month, day, hour, minute, second, offset };
}

/** The fields of an ISO date string, or undefined when {@link ISO_DATE_PATTERN} does not match it. */
export function isoFields(text: string): IsoFields | undefined {
	// Four-digit years, nearly every date there is, are read without the regular expression.
	const plain = plainIsoFields(text);
	if (plain) return plain;
	const first = text.charCodeAt(0);
	if (first >= 0x30 && first <= 0x39) return undefined;
	const m = ISO_DATE_PATTERN.exec(text);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, offset] = m;
	const num = (part: string | undefined) => (part === undefined ? undefined : Number(part));
	return {
		year: Number(y),
		month: num(mo),
		day: num(d),
		hour: num(h),
		minute: num(mi),
		second: num(s),
		offset
	};
}

/**
 * True when a date string gives only a year, or its year is one whose days a JavaScript Date can
 * hold: deep-time dates are years (a month of 13.8 billion years ago means nothing anyway).
 */
export function fitsCalendar(text: string): boolean {
	const fields = isoFields(text);
	return !fields || fields.month === undefined || isCalendarYear(fields.year);
}

/** True when an ISO string names a real calendar date and clock time (no 2024-02-30, no 25:00). */
export function isRealDate(text: string): boolean {
	const fields = isoFields(text);
	if (!fields) return false;
	const { year, month, day, hour, minute, second, offset } = fields;
	if (month !== undefined && (month < 1 || month > 12)) return false;
	if (day !== undefined && (day < 1 || day > daysInMonth(year, month ?? 1))) return false;
	if (hour !== undefined && hour > 23) return false;
	if (minute !== undefined && minute > 59) return false;
	if (second !== undefined && second > 59) return false;
	if (offset && offset !== 'Z') {
		const [oh, om] = offset.slice(1).split(':').map(Number);
		if ((oh ?? 99) > 14 || (om ?? 99) > 59) return false;
	}
	return true;
}

/**
 * An ISO year as written in a data file: four digits for 0–9999, the expanded signed form outside
 * (`-0043`, `+12345`, `-13800000000`).
 */
export function isoYear(year: number): string {
	if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
	return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(4, '0')}`;
}

/**
 * An instant as an ISO 8601 UTC date-time to the minute, for any year: `2024-11-17T06:00Z`,
 * `-0043-03-15T11:00Z`, `-13800000000-01-01T00:00Z` (deep time keeps about a minute of float
 * resolution, so minutes are as fine as it goes).
 */
export function isoInstant(ms: number): string {
	const { year, month, day, hour, minute } = civilFields(Math.round(ms / 60_000) * 60_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${isoYear(year)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}Z`;
}
