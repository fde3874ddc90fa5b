/**
 * The proleptic Gregorian calendar as arithmetic, for years a JavaScript Date cannot hold. A Date
 * reaches 8.64e15 ms either side of 1970 (years −271,821 to 275,760); a timeline that starts at the
 * Big Bang needs −13.8 billion. Days since 1970 stay exact integers in a float64 up to 2^53 (years
 * beyond ±24 trillion), and milliseconds at −13.8 billion years (4.4e20) keep about a minute of
 * resolution, more than a year-precise date needs.
 *
 * Inside Date's range these functions agree with `Date.UTC` to the millisecond (a unit and a
 * property test check it); `dates.ts` keeps using the platform there and calls these outside it.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The furthest a Date reaches from 1970, in ms. */
const DATE_LIMIT_MS = 8.64e15;

/**
 * The first and last years whose every day a Date can hold: dates with a month, day or time are
 * accepted only in these years; beyond them a date is a year.
 */
export const CALENDAR_YEARS = { min: -271_820, max: 275_759 } as const;

/** True when a Date can hold the instant `ms` (wall-clock or UTC). */
export const dateCanHold = (ms: number) => Math.abs(ms) <= DATE_LIMIT_MS;

/** True when `year` (astronomical numbering: 0 is 1 BCE) lies wholly inside Date's range. */
export const isCalendarYear = (year: number) =>
	year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (`month` 1–12), for any year. The 400-year
 * cycle of 146,097 days makes it exact for negative years too (Howard Hinnant's days_from_civil).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day counted from 1970-01-01: the inverse of {@link daysFromCivil}. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36_524) -
			Math.floor(dayOfEra / 146_096)) /
			365
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Milliseconds of calendar fields, rolling over out-of-range ones as Date.UTC does (month index 12
 * is next January, hour 24 the next day).
 */
export function civilTime(
	year: number,
	month0: number,
	day = 1,
	hour = 0,
	minute = 0,
	second = 0
): number {
	const y = year + Math.floor(month0 / 12);
	const month = month0 - Math.floor(month0 / 12) * 12 + 1;
	const days = daysFromCivil(y, month, 1) + day - 1;
	return days * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Milliseconds at the start of 1 January of `year`. */
export const yearStart = (year: number) => daysFromCivil(year, 1, 1) * DAY_MS;

/**
 * The day an instant falls in, counted from 1970-01-01. Beyond 2^53 ms (285,000 years) a day's
 * start is not an exact float, and dividing it back can land a hair before the day: a quotient
 * within float error of a whole day is that day.
 */
export function dayNumber(ms: number): number {
	const q = ms / DAY_MS;
	const whole = Math.round(q);
	return Math.abs(q - whole) <= Math.abs(q) * 4 * Number.EPSILON ? whole : Math.floor(q);
}

/** The year an instant falls in (astronomical numbering). */
export const yearOf = (ms: number) => civilFromDays(dayNumber(ms)).year;

/** Calendar fields of an instant, for any year: what a UTC Date's getters would answer. */
export function civilFields(ms: number): {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
} {
	const days = dayNumber(ms);
	const { year, month, day } = civilFromDays(days);
	const inDay = Math.max(0, ms - days * DAY_MS);
	const seconds = Math.floor(inDay / 1000);
	return {
		year,
		month,
		day,
		hour: Math.floor(seconds / 3600),
		minute: Math.floor(seconds / 60) % 60,
		second: seconds % 60
	};
}

/**
 * An instant as a continuous year number: 2024.5 is mid-2024, −43.2 is early 44 BCE. Ticks on
 * the axis are nice numbers on this line.
 */
export function fractionalYear(ms: number): number {
	const year = yearOf(ms);
	const start = yearStart(year);
	const length = yearStart(year + 1) - start;
	return year + Math.min(1, Math.max(0, (ms - start) / length));
}

/** The instant of a continuous year number: the inverse of {@link fractionalYear}. */
export function timeOfFractionalYear(value: number): number {
	const year = Math.floor(value);
	const start = yearStart(year);
	return start + (value - year) * (yearStart(year + 1) - start);
}
