/**
 * Dates written the way a person would say them, with exactly the precision that is known:
 * "Sunday 17 November 2024, early morning (Kyiv time)", "November 2024", "about 14:00 Berlin time".
 */
import { tzOffset } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { isSameDay, isSameMonth, isSameYear } from 'date-fns';
import { formatCalendar, formatWallClock } from './calendar-format';
import { eraFor, formatYear, isDeepTime, type DateFormatOptions } from './years';
import { dateCanHold, yearOf } from '$lib/model/civil';
import { parseDateParts, precisionOfParts, toWallClock, unitInterval } from '$lib/model/dates';
import type { PartOfDay, Precision, TimelineEvent } from '$lib/model/schema';

const PART_NAMES: Record<PartOfDay, string> = {
	night: 'night',
	'early-morning': 'early morning',
	morning: 'morning',
	midday: 'around midday',
	afternoon: 'afternoon',
	evening: 'evening'
};

function offsetZone(minutes: number): string {
	if (minutes === 0) return 'UTC';
	const abs = Math.abs(minutes);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "Kyiv time", "New York time", "UTC": how a zone is named beside a clock time. */
export function zoneName(zone: string): string {
	if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
	if (/^[+-]\d{2}:\d{2}$/.test(zone)) return `UTC${zone}`;
	const city = zone.split('/').pop() ?? zone;
	return `${city.replace(/_/g, ' ')} time`;
}

function utcOffsetSuffix(utcMs: number, zone: string): string {
	if (zone === 'UTC' || /^[+-]/.test(zone)) return '';
	// Local mean time before standard zones has offsets in seconds (Rome: +00:49:56); minutes do.
	const offset = Math.round(tzOffset(zone, new Date(utcMs)));
	const abs = Math.abs(offset);
	const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
	return ` (UTC${offset < 0 ? '-' : '+'}${hhmm})`;
}

/**
 * One date string at its precision, in its zone: "Sunday 17 November 2024, early morning",
 * "15 March 44 BCE", "13.8 billion years ago". With no zone (a file that never says which one its
 * clock times are in) the time is shown as written, with no zone named.
 */
export function describeDate(
	text: string,
	precision: Precision | undefined,
	zone: string | undefined,
	partOfDay?: PartOfDay,
	options: DateFormatOptions = {}
): string {
	const parts = parseDateParts(text);
	if (!parts) return text;
	const p = precision ?? precisionOfParts(parts);
	if (p === 'year') return formatYear(parts.year, options);
	// A string with its own offset is shown at that offset, not converted to the event's zone.
	const shownZone =
		parts.offsetMinutes === undefined ? (zone ?? 'UTC') : offsetZone(parts.offsetMinutes);
	const { start } = unitInterval(parts, p, shownZone, partOfDay);
	const zoneText =
		zone === undefined && parts.offsetMinutes === undefined
			? ''
			: ` ${zoneName(shownZone)}${utcOffsetSuffix(start, shownZone)}`;
	const wall = toWallClock(start, shownZone);
	const at = (pattern: string) => formatWallClock(wall, pattern, options);
	switch (p) {
		case 'month':
			return at('MMMM yyyy');
		case 'day':
			return at('EEEE d MMMM yyyy');
		case 'part-of-day':
			return `${at('EEEE d MMMM yyyy')}, ${PART_NAMES[partOfDay ?? 'morning']}`;
		case 'hour':
			return `${at('EEEE d MMMM yyyy')}, ${at('HH')}:00–${at('HH')}:59${zoneText}`;
		case 'minute':
			return `${at('EEEE d MMMM yyyy')}, ${at(parts.second ? 'HH:mm:ss' : 'HH:mm')}${zoneText}`;
	}
}

/**
 * The whole date of an event: start, end when it has one, and "approx." when the source hedges.
 * `fallbackZone` is the dataset's zone, used when the event names none (undefined: the file names
 * no zone, so clock times are shown as written). A span from BCE into CE years says "CE" on its end.
 */
export function describeEventDate(
	event: TimelineEvent,
	fallbackZone: string | undefined,
	options: DateFormatOptions = {}
): string {
	const zone = event.timeZone ?? fallbackZone;
	const startParts = parseDateParts(event.start);
	const endParts = event.end === undefined ? undefined : parseDateParts(event.end);
	const crossesZero = (startParts?.year ?? 1) < 1 && (endParts?.year ?? 0) >= 1;
	const withEra: DateFormatOptions = {
		...options,
		era: crossesZero ? 'always' : options.era,
		yearsAgo: isDeepTime(startParts?.year ?? 1)
	};
	const start = describeDate(event.start, event.precision, zone, event.partOfDay, withEra);
	let text = start;
	if (event.end !== undefined) {
		const endPrecision =
			event.precision === 'hour' && endParts?.hour !== undefined ? 'hour' : undefined;
		text = `${start} – ${describeDate(event.end, endPrecision, zone, undefined, withEra)}`;
	}
	return event.approximate ? `${text}, approx.` : text;
}

/**
 * The date people read for an event: the label its file wrote for readers ("Summer 1848"), else the
 * date at its precision. The mark is placed by the dates, whatever the label says.
 */
export function eventDateLabel(event: TimelineEvent, fallbackZone: string | undefined): string {
	return event.displayDate ?? describeEventDate(event, fallbackZone);
}

/** A short line on how sure the date is: "Date stated in the report" or "Date inferred: …". */
export function describeDateBasis(event: TimelineEvent): string | undefined {
	if (!event.dateBasis) return undefined;
	const kind = event.dateBasis.kind === 'stated' ? 'Date stated' : 'Date inferred';
	return `${kind}: ${event.dateBasis.note}`;
}

/** Options for a range whose ends may lie on either side of year 0. */
/**
 * "15–19 November 2024" style range of display wall-clock ms, as short as stays unambiguous.
 * Ranges reaching into deep time are told in years: "13.8 billion years ago – 2024 CE".
 */
export function formatRange(
	[start, end]: readonly [number, number],
	options: DateFormatOptions = {}
): string {
	// The extent's end is exclusive: an event on the 19th ends at midnight starting the 20th.
	const last = Math.max(start, end - 1);
	const era = eraFor(start, last, options);
	const [firstYear, lastYear] = [yearOf(start), yearOf(last)];
	if (!dateCanHold(start) || !dateCanHold(last) || isDeepTime(firstYear)) {
		const words: DateFormatOptions = { ...era, yearsAgo: isDeepTime(firstYear) };
		const [a, b] = [formatYear(firstYear, words), formatYear(lastYear, words)];
		return a === b ? a : `${a} – ${b}`;
	}
	const a = new UTCDate(start);
	const b = new UTCDate(last);
	const format = (date: Date, pattern: string) => formatCalendar(date, pattern, era);
	if (!isSameYear(a, b)) return `${format(a, 'd MMMM yyyy')} – ${format(b, 'd MMMM yyyy')}`;
	if (!isSameMonth(a, b)) return `${format(a, 'd MMMM')} – ${format(b, 'd MMMM yyyy')}`;
	if (!isSameDay(a, b)) return `${format(a, 'd')}–${format(b, 'd MMMM yyyy')}`;
	return format(a, 'd MMMM yyyy');
}

/** A stretch of display wall-clock time, with clock times when it falls within one day. */
export function formatWallSpan(
	start: number,
	end: number,
	options: DateFormatOptions = {}
): string {
	const last = Math.max(start, end - 1);
	if (dateCanHold(start) && dateCanHold(end)) {
		const a = new UTCDate(start);
		if (isSameDay(a, new UTCDate(last))) {
			const format = (wall: number, pattern: string) => formatWallClock(wall, pattern, options);
			return `${format(start, 'EEE d MMMM yyyy')}, ${format(start, 'HH:mm')}–${format(end, 'HH:mm')}`;
		}
	}
	return formatRange([start, end], options);
}
