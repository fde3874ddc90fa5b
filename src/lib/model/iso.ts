/**
 * The shape of an ISO 8601 date as Eventline reads it, and whether it names a real day. Kept apart
 * from the valibot schema so the page can parse dates without shipping the validator.
 */

/**
 * An ISO 8601 date or date-time, as precise as is known: `2024`, `2024-11`, `2024-11-17`,
 * `2024-11-17T06:00`, `2024-11-17T06:00:30`, optionally followed by `Z` or an offset `+02:00`.
 */
export const ISO_DATE_PATTERN =
	/^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** Days in `month` (1–12) of `year`, by the proleptic Gregorian calendar that ISO 8601 uses. */
const daysInMonth = (year: number, month: number) =>
	month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);

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
