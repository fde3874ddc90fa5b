/**
 * Dates written the way a person would say them, with exactly the precision that is known:
 * "Sunday 17 November 2024, early morning (Kyiv time)", "November 2024", "about 14:00 Berlin time".
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { formatCalendar as format } from './calendar-format';
import { parseDateParts, precisionOfParts, unitInterval } from '$lib/model/dates';
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
	const offset = tzOffset(zone, new Date(utcMs));
	const abs = Math.abs(offset);
	const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
	return ` (UTC${offset < 0 ? '-' : '+'}${hhmm})`;
}

/**
 * One date string at its precision, in its zone. With no zone (a file that never says which one its
 * clock times are in) the time is shown as written, with no zone named.
 */
export function describeDate(
	text: string,
	precision: Precision | undefined,
	zone: string | undefined,
	partOfDay?: PartOfDay
): string {
	const parts = parseDateParts(text);
	if (!parts) return text;
	const p = precision ?? precisionOfParts(parts);
	// A string with its own offset is shown at that offset, not converted to the event's zone.
	const shownZone =
		parts.offsetMinutes === undefined ? (zone ?? 'UTC') : offsetZone(parts.offsetMinutes);
	const { start } = unitInterval(parts, p, shownZone, partOfDay);
	const zoneText =
		zone === undefined && parts.offsetMinutes === undefined
			? ''
			: ` ${zoneName(shownZone)}${utcOffsetSuffix(start, shownZone)}`;
	const at = (pattern: string) => format(new TZDate(start, shownZone), pattern);
	switch (p) {
		case 'year':
			return at('yyyy');
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
 * no zone, so clock times are shown as written).
 */
export function describeEventDate(event: TimelineEvent, fallbackZone: string | undefined): string {
	const zone = event.timeZone ?? fallbackZone;
	const start = describeDate(event.start, event.precision, zone, event.partOfDay);
	let text = start;
	if (event.end !== undefined) {
		const endParts = parseDateParts(event.end);
		const endPrecision =
			event.precision === 'hour' && endParts?.hour !== undefined ? 'hour' : undefined;
		text = `${start} – ${describeDate(event.end, endPrecision, zone)}`;
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

/** "15–19 November 2024" style range of display wall-clock ms, as short as stays unambiguous. */
export function formatRange([start, end]: readonly [number, number]): string {
	const a = new TZDate(start, 'UTC');
	// The extent's end is exclusive: an event on the 19th ends at midnight starting the 20th.
	const b = new TZDate(Math.max(start, end - 1), 'UTC');
	if (a.getFullYear() !== b.getFullYear())
		return `${format(a, 'd MMMM yyyy')} – ${format(b, 'd MMMM yyyy')}`;
	if (a.getMonth() !== b.getMonth()) return `${format(a, 'd MMMM')} – ${format(b, 'd MMMM yyyy')}`;
	if (a.getDate() !== b.getDate()) return `${format(a, 'd')}–${format(b, 'd MMMM yyyy')}`;
	return format(a, 'd MMMM yyyy');
}

/** A stretch of display wall-clock time, with clock times when it falls within one day. */
export function formatWallSpan(start: number, end: number): string {
	const a = new TZDate(start, 'UTC');
	const b = new TZDate(Math.max(start, end - 1), 'UTC');
	if (format(a, 'yyyy-MM-dd') === format(b, 'yyyy-MM-dd')) {
		return `${format(a, 'EEE d MMMM yyyy')}, ${format(a, 'HH:mm')}–${format(new TZDate(end, 'UTC'), 'HH:mm')}`;
	}
	return formatRange([start, end]);
}
