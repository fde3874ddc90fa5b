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

/**
 * True when a date string gives only a year, or its year is one whose days a JavaScript Date can
 * hold: deep-time dates are years (a month of 13.8 billion years ago means nothing anyway).
 */
export function fitsCalendar(text: string): boolean {
	const m = ISO_DATE_PATTERN.exec(text);
	return !m || m[2] === undefined || isCalendarYear(Number(m[1]));
}

/** True when an ISO string names a real calendar date and clock time (no 2024-02-30, no 25:00). */
export function isRealDate(text: string): boolean {
	const m = ISO_DATE_PATTERN.exec(text);
	if (!m) return false;
	const [, y, mo, d, h, mi, s, offset] = m;
	const year = Number(y);
	if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false;
	if (d !== undefined && (Number(d) < 1 || Number(d) > daysInMonth(year, Number(mo)))) return false;
	if (h !== undefined && Number(h) > 23) return false;
	if (mi !== undefined && Number(mi) > 59) return false;
	if (s !== undefined && Number(s) > 59) return false;
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
