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

/** The number written by the `count` digits at `at`, or −1 when they are not all digits. */
function digitsAt(text: string, at: number, count: number): number {
	let value = 0;
	for (let i = at; i < at + count; i++) {
		const digit = text.charCodeAt(i) - 0x30;
		if (!(digit >= 0 && digit <= 9)) return -1;
		value = value * 10 + digit;
	}
	return value;
}

/** What comes before month, day, hour, minute and second in a date with a four-digit year. */
const SEPARATORS = '--T::';

/**
 * The fields of a date with a four-digit year, read character by character; null when the string
 * is not one that {@link ISO_DATE_PATTERN} matches. A million dates are read in a load, and the
 * regular expression with its array of captures was a large part of it (docs/decisions.md, 27).
 */
function plainIsoFields(text: string): IsoFields | null {
	const year = digitsAt(text, 0, 4);
	if (year < 0) return null;
	// Month, day, hour, minute, second: each two digits after its separator.
	const fields: number[] = [];
	let at = 4;
	while (fields.length < 5 && text[at] === SEPARATORS[fields.length]) {
		const value = digitsAt(text, at + 1, 2);
		if (value < 0) return null;
		fields.push(value);
		at += 3;
	}
	// An hour needs its minute; a fraction, seconds; an offset, a time.
	if (fields.length === 3) return null;
	if (fields.length === 5 && text[at] === '.') {
		let digits = 0;
		while (digits < 3 && digitsAt(text, at + 1 + digits, 1) >= 0) digits++;
		if (!digits) return null;
		at += 1 + digits;
	}
	let offset: string | undefined;
	if (fields.length >= 4 && text[at] === 'Z') offset = 'Z';
	else if (fields.length >= 4 && (text[at] === '+' || text[at] === '-')) {
		if (digitsAt(text, at + 1, 2) < 0 || text[at + 3] !== ':' || digitsAt(text, at + 4, 2) < 0)
			return null;
		offset = text.slice(at, at + 6);
	}
	if (at + (offset?.length ?? 0) !== text.length) return null;
	const [month, day, hour, minute, second] = fields;
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
