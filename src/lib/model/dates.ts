/**
 * Honest dates: turns an event's ISO strings, precision and time zone into the interval of real time
 * it may have happened in. Everything here works in UTC milliseconds; display zones come later.
 */
import { tzOffset } from '@date-fns/tz';
import { civilTime, dateCanHold, isCalendarYear } from './civil';
import { isoFields, type IsoFields } from './iso';
import type { PartOfDay, Precision } from './schema';

/**
 * The fields an ISO 8601 string spells out (missing fields were not given), with its offset from
 * UTC in minutes when the string carries `Z` or `±HH:MM`.
 */
export type DateParts = Omit<IsoFields, 'offset'> & { offsetMinutes?: number };

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
	const fields = isoFields(text);
	if (!fields) return undefined;
	const { offset } = fields;
	let offsetMinutes: number | undefined;
	if (offset === 'Z') offsetMinutes = 0;
	else if (offset) {
		const sign = offset.startsWith('-') ? -1 : 1;
		const [oh, om] = offset.slice(1).split(':').map(Number);
		offsetMinutes = sign * ((oh ?? 0) * 60 + (om ?? 0));
	}
	return {
		year: fields.year,
		month: fields.month,
		day: fields.day,
		hour: fields.hour,
		minute: fields.minute,
		second: fields.second,
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
const DAY = 86_400_000;
/** Per zone and UTC quarter-hour: its offset. */
const offsetCache = new Map<string, Map<number, number>>();
/** Per zone and UTC day: its offset when the day starts and ends with the same one, else NaN. */
const dayCache = new Map<string, Map<number, number>>();
/** Entries a cache holds before it is emptied. */
const CACHE_LIMIT = 50_000;

function cached(
	caches: Map<string, Map<number, number>>,
	zone: string,
	key: number,
	make: () => number
) {
	let cache = caches.get(zone);
	if (!cache) caches.set(zone, (cache = new Map()));
	let value = cache.get(key);
	if (value === undefined) {
		value = make();
		if (cache.size > CACHE_LIMIT) cache.clear();
		cache.set(key, value);
	}
	return value;
}

const quarterHourOffset = (zone: string, bucket: number) =>
	cached(offsetCache, zone, bucket, () => tzOffset(zone, new Date(bucket * QUARTER_HOUR)));

/**
 * Offset of a zone from UTC at an instant, in minutes (Kyiv in November: 120). Offsets change a few
 * times a year, on quarter-hour boundaries: a day that starts and ends on one offset has it all day,
 * so answers are cached per zone and day, and per quarter-hour only on days the offset changes. A
 * million events over three years ask Intl a few thousand times (a cache of quarter-hours alone
 * filled and emptied itself over and over).
 */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
	// Time zones are a matter of the last few centuries; deep time is told in UTC.
	if (zone === 'UTC' || !dateCanHold(utcMs)) return 0;
	const day = Math.floor(utcMs / DAY);
	const whole = cached(dayCache, zone, day, () => {
		const first = day * (DAY / QUARTER_HOUR);
		const start = quarterHourOffset(zone, first);
		return quarterHourOffset(zone, first + DAY / QUARTER_HOUR - 1) === start ? start : NaN;
	});
	return Number.isNaN(whole) ? quarterHourOffset(zone, Math.floor(utcMs / QUARTER_HOUR)) : whole;
}

/** UTC milliseconds of a local wall-clock time in a zone (or at the string's fixed offset). */
function wallToUtc(
	parts: DateParts,
	zone: string,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0
): number {
	const wall = utcTime(parts.year, month - 1, day, hour, minute, second);
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
	const interval = (start: number, end: number): Interval => ({ start, end });
	switch (precision) {
		case 'year':
			return interval(wallToUtc(parts, zone, 1, 1), wallToUtc(parts, zone, 13, 1));
		case 'month':
			return interval(wallToUtc(parts, zone, month, 1), wallToUtc(parts, zone, month + 1, 1));
		case 'day':
			return interval(wallToUtc(parts, zone, month, day), wallToUtc(parts, zone, month, day + 1));
		case 'part-of-day': {
			const [from, to] = PART_OF_DAY_HOURS[partOfDay ?? 'morning'];
			return interval(
				wallToUtc(parts, zone, month, day, from),
				wallToUtc(parts, zone, month, day, to)
			);
		}
		case 'hour':
			return interval(
				wallToUtc(parts, zone, month, day, hour),
				wallToUtc(parts, zone, month, day, hour + 1)
			);
		case 'minute': {
			const t = wallToUtc(parts, zone, month, day, hour, parts.minute ?? 0, parts.second ?? 0);
			return interval(t, t);
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
