/**
 * A length of time in one rounded unit, the way a caption says it: "4 months", "6 weeks", "3 hours".
 * Used for the time a break in the axis leaves out.
 */
import { countOf } from './count';
import { compactCount } from './years';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.2425 * DAY;
const MONTH = YEAR / 12;

/** Each unit and the least length it is used for (two of it, so "1 month" becomes "5 weeks"). */
const UNITS: [noun: string, ms: number, from: number][] = [
	['year', YEAR, 2 * YEAR],
	['month', MONTH, 2 * MONTH],
	['week', 7 * DAY, 2 * 7 * DAY],
	['day', DAY, 2 * DAY],
	['hour', HOUR, 2 * HOUR],
	['minute', MINUTE, 0]
];

/** `ms` as a whole number of the largest unit that fits it twice, e.g. "4 months". */
export function formatDuration(ms: number): string {
	const length = Math.abs(ms);
	const [noun, unit] = UNITS.find(([, , from]) => length >= from) ?? ['minute', MINUTE];
	const count = Math.max(1, Math.round(length / unit));
	// Deep time is said to two significant digits: "8 billion years", not "7,967,999,841 years".
	if (count >= 10_000) return `${compactCount(count, 2)} ${noun}s`;
	return countOf(count, noun);
}
