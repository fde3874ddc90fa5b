/**
 * Honest dates: turns an event's ISO strings, precision and time zone into the interval of real time
 * it may have happened in. Everything here works in UTC milliseconds; display zones come later.
 */
import { tzOffset } from '@date-fns/tz';
import { civilTime, dateCanHold, isCalendarYear } from './civil';
import { ISO_DATE_PATTERN } from './iso';
import type { PartOfDay, Precision } from './schema';

/** The fields an ISO 8601 string spells out; missing fields were not given. */
export interface DateParts {
	year: number;
	month?: number;
	day?: number;
	hour?: number;
	minute?: number;
	second?: number;
	/** Offset from UTC in minutes when the string carries `Z` or `±HH:MM`. */
	offsetMinutes?: number;
}

/** The hours (local, start inclusive, end exclusive) that each named part of a day covers. */
export const PART_OF_DAY_HOURS: Record<PartOfDay, readonly [number, number]> = {
	night: [0, 6],
	'early-morning': [4, 8],
	morning: [6, 12],
	midday: [11, 14],
	afternoon: [12, 18],
	evening: [18, 24]
};

/** Splits an ISO 8601 string into its fields, or returns undefined when it is not one. */
export function parseDateParts(text: string): DateParts | undefined {
	const m = ISO_DATE_PATTERN.exec(text);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, offset] = m;
	const num = (part: string | undefined) => (part === undefined ? undefined : Number(part));
	let offsetMinutes: number | undefined;
	if (offset === 'Z') offsetMinutes = 0;
	else if (offset) {
		const sign = offset.startsWith('-') ? -1 : 1;
		const [oh, om] = offset.slice(1).split(':').map(Number);
		offsetMinutes = sign * ((oh ?? 0) * 60 + (om ?? 0));
	}
	return {
		year: Number(y),
		month: num(mo),
		day: num(d),
		hour: num(h),
		minute: num(mi),
		second: num(s),
		offsetMinutes
	};
}

/** The finest precision a date string can express: what it says when no precision is given. */
export function precisionOfParts(parts: DateParts): Precision {
	if (parts.hour !== undefined) return 'minute';
	if (parts.day !== undefined) return 'day';
	if (parts.month !== undefined) return 'month';
	return 'year';
}

/** The fields a precision needs the string to spell out. */
export function requiredFieldsFor(precision: Precision): 'year' | 'month' | 'day' | 'time' {
	if (precision === 'year') return 'year';
	if (precision === 'month') return 'month';
	if (precision === 'day' || precision === 'part-of-day') return 'day';
	return 'time';
}

const FIELD_RANK = { year: 0, month: 1, day: 2, time: 3 } as const;

/** True when a date string spells out enough to be known at `precision` ("hour" needs a time). */
export function partsSupport(parts: DateParts, precision: Precision): boolean {
	const available = requiredFieldsFor(precisionOfParts(parts));
	return FIELD_RANK[requiredFieldsFor(precision)] <= FIELD_RANK[available];
}

/**
 * UTC ms of calendar fields, rolling over out-of-range ones (month 12 is next January, hour 24 the
 * next day) as unitInterval relies on. Unlike Date.UTC, years 0–99 stay themselves. Years a Date
 * cannot hold (before −271,820 or after 275,759) are placed by arithmetic on the same axis.
 */
export function utcTime(
	year: number,
	month0: number,
	day = 1,
	hour = 0,
	minute = 0,
	second = 0
): number {
	if (!isCalendarYear(year)) return civilTime(year, month0, day, hour, minute, second);
	if (year >= 100) return Date.UTC(year, month0, day, hour, minute, second);
	const date = new Date(0);
	date.setUTCFullYear(year, month0, day);
	date.setUTCHours(hour, minute, second, 0);
	return date.getTime();
}

const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Offset of a zone from UTC at an instant, in minutes (Kyiv in November: 120). Offsets only change on
 * quarter-hour boundaries, so answers are cached per zone and UTC quarter-hour: a dataset of 100,000
 * events asks Intl a few thousand times instead of hundreds of thousands.
 */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
	// Time zones are a matter of the last few centuries; deep time is told in UTC.
	if (zone === 'UTC' || !dateCanHold(utcMs)) return 0;
	let cache = offsetCache.get(zone);
	if (!cache) offsetCache.set(zone, (cache = new Map()));
	const bucket = Math.floor(utcMs / QUARTER_HOUR);
	let offset = cache.get(bucket);
	if (offset === undefined) {
		offset = tzOffset(zone, new Date(bucket * QUARTER_HOUR));
		if (cache.size > 50_000) cache.clear();
		cache.set(bucket, offset);
	}
	return offset;
}

/** UTC milliseconds of a local wall-clock time in a zone (or at a fixed offset). */
function wallToUtc(
	parts: DateParts,
	zone: string,
	fields: { month: number; day: number; hour: number; minute: number; second: number }
): number {
	const wall = utcTime(
		parts.year,
		fields.month - 1,
		fields.day,
		fields.hour,
		fields.minute,
		fields.second
	);
	if (parts.offsetMinutes !== undefined) return wall - parts.offsetMinutes * 60_000;
	return fromWallClock(wall, zone);
}

/** A stretch of real time in UTC milliseconds; `start === end` for an exact instant. */
export interface Interval {
	start: number;
	end: number;
}

/**
 * The interval a date string stands for at a precision: a day-precision date covers the whole day in
 * its zone, "early morning" covers 04:00–08:00, a minute-precision time is an instant.
 */
export function unitInterval(
	parts: DateParts,
	precision: Precision,
	zone: string,
	partOfDay?: PartOfDay
): Interval {
	const month = parts.month ?? 1;
	const day = parts.day ?? 1;
	const hour = parts.hour ?? 0;
	const minute = parts.minute ?? 0;
	const second = parts.second ?? 0;
	const at = (f: Partial<{ month: number; day: number; hour: number; minute: number }>) =>
		wallToUtc(parts, zone, { month, day, hour: 0, minute: 0, second: 0, ...f });
	switch (precision) {
		case 'year':
			return { start: at({ month: 1, day: 1 }), end: at({ month: 13, day: 1 }) };
		case 'month':
			return { start: at({ day: 1 }), end: at({ month: month + 1, day: 1 }) };
		case 'day':
			return { start: at({}), end: at({ day: day + 1 }) };
		case 'part-of-day': {
			const [from, to] = PART_OF_DAY_HOURS[partOfDay ?? 'morning'];
			return { start: at({ hour: from }), end: at({ hour: to }) };
		}
		case 'hour':
			return { start: at({ hour }), end: at({ hour: hour + 1 }) };
		case 'minute': {
			const t = wallToUtc(parts, zone, { month, day, hour, minute, second });
			return { start: t, end: t };
		}
	}
}

/** Where an event may have happened in time, and what of that is certain. */
export interface EventTime {
	/** Earliest possible start to latest possible end (UTC ms). */
	outer: Interval;
	/** The stretch the event surely covered, for spans whose ends are uncertain; absent otherwise. */
	core?: Interval;
	/** An exact moment: minute precision and no end. */
	instant: boolean;
	/** Drawn as a softer span because the date is known only to a day, part of day, month... */
	uncertain: boolean;
	precision: Precision;
}

/** The inputs {@link eventTime} reads from an event. */
export interface EventDateFields {
	start: string;
	end?: string;
	precision?: Precision;
	partOfDay?: PartOfDay;
	approximate?: boolean;
	timeZone?: string;
}

/**
 * Resolves an event's dates into real time. `zone` is the event's own time zone or, failing that, the
 * dataset's. Returns undefined when a date string is not ISO 8601 (validation reports those).
 */
export function eventTime(event: EventDateFields, zone: string): EventTime | undefined {
	const startParts = parseDateParts(event.start);
	if (!startParts) return undefined;
	const precision = event.precision ?? precisionOfParts(startParts);
	const startInterval = unitInterval(startParts, precision, zone, event.partOfDay);
	if (event.end === undefined) {
		const instant = startInterval.start === startInterval.end;
		return {
			outer: startInterval,
			instant,
			uncertain: !instant || event.approximate === true,
			precision
		};
	}
	const endParts = parseDateParts(event.end);
	if (!endParts) return undefined;
	const endNatural = precisionOfParts(endParts);
	// An hour-precision event's end time is known to the hour too, not to the minute.
	const endPrecision = precision === 'hour' && endNatural === 'minute' ? 'hour' : endNatural;
	const endInterval = unitInterval(endParts, endPrecision, zone);
	const outer = { start: startInterval.start, end: Math.max(endInterval.end, startInterval.end) };
	const exactEnds =
		startInterval.start === startInterval.end && endInterval.start === endInterval.end;
	const core =
		!exactEnds && endInterval.start > startInterval.end
			? { start: startInterval.end, end: endInterval.start }
			: undefined;
	return {
		outer,
		core,
		instant: false,
		uncertain: !exactEnds || event.approximate === true,
		precision
	};
}

/**
 * Wall-clock milliseconds: the UTC value whose UTC fields read as the local time in `zone`. Scales and
 * ticks work on these so that "midnight" and "the 17th" mean the display zone's, on any machine.
 */
export const toWallClock = (utcMs: number, zone: string) =>
	utcMs + zoneOffsetMinutes(zone, utcMs) * 60_000;

/** Inverse of {@link toWallClock} (exact except inside a daylight-saving jump). */
export function fromWallClock(wallMs: number, zone: string): number {
	const guess = wallMs - zoneOffsetMinutes(zone, wallMs) * 60_000;
	return wallMs - zoneOffsetMinutes(zone, guess) * 60_000;
}
