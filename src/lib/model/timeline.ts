/**
 * The prepared timeline: a validated dataset resolved into real time, sorted once, with its lanes.
 * Everything after this stage (layout, rendering, export) reads only this shape.
 */
import { max, min } from 'd3-array';
import { eventTime, toWallClock, type EventTime, type Interval } from './dates';
import {
	buildMidpointIndex,
	buildTimeIndex,
	type MidpointIndex,
	type TimeIndex
} from './time-index';
import type { Category, Dataset, Era, Precision, TimelineEvent } from './schema';

/** An era resolved into display wall-clock time: a band behind the lanes. */
export interface PreparedEra {
	era: Era;
	/** From the start of its first unit to the end of its last, as display wall-clock ms. */
	wall: Interval;
}

/** An event resolved into real time, ready for layout. */
export interface PreparedEvent extends EventTime {
	id: string;
	/** Position in time order: the order arrow keys and the list follow. */
	order: number;
	/** The lane (category id) the event is drawn in. */
	lane: string;
	/** The zone the event's own dates are written in. */
	zone: string;
	/** {@link EventTime.outer} as wall-clock ms of the display zone: what scales position. */
	wall: Interval;
	/** {@link EventTime.core} as wall-clock ms of the display zone. */
	wallCore?: Interval;
	event: TimelineEvent;
	/**
	 * The event's actors or places, where they can be read without making `event` (a loaded
	 * timeline's events are made only when read): what counting and filtering by them read.
	 */
	listed?(field: 'actors' | 'places'): readonly string[] | undefined;
}

/** One lane's events (in time order) with their indexes, so layout never scans other lanes. */
export interface LaneEvents {
	events: PreparedEvent[];
	index: TimeIndex;
	mids: MidpointIndex;
}

/** A dataset ready to draw. */
export interface PreparedTimeline {
	title: string;
	description: string;
	/** The timeline's own picture or link, shown under its title. */
	media?: Dataset['media'];
	/** The zone the axis is drawn in. */
	zone: string;
	/**
	 * True when the file names no zone: its clock times are shown as written, never labelled with a
	 * zone the file did not claim (they are laid out as if in {@link zone}, UTC).
	 */
	floating?: boolean;
	source?: Dataset['source'];
	lanes: Category[];
	/** Named stretches of time drawn behind the lanes, in time order. */
	eras?: PreparedEra[];
	/** Sorted by start, then end, then id. */
	events: PreparedEvent[];
	/** Finds the events in a window of time. */
	index: TimeIndex;
	/** Each lane's events and indexes, in the order of `lanes`. */
	byLane: LaneEvents[];
	/** Earliest start and latest end over all events, as display wall-clock ms. */
	extent?: [number, number];
}

/** The lane events without a category fall into. */
export const UNCATEGORISED: Category = { id: 'uncategorised', label: 'Other' };

/** Title used when a data file has none. */
export const UNTITLED = 'Untitled timeline';

/** Precisions from finest to coarsest. */
export const PRECISION_ORDER: readonly Precision[] = [
	'minute',
	'hour',
	'part-of-day',
	'day',
	'month',
	'year'
];

/** The finest date precision any event has: how far in zooming makes sense. */
export function finestPrecision(timeline: Pick<PreparedTimeline, 'events'>): Precision | undefined {
	let best: number | undefined;
	for (const e of timeline.events) {
		const rank = PRECISION_ORDER.indexOf(e.precision);
		if (best === undefined || rank < best) best = rank;
		if (best === 0) break;
	}
	return best === undefined ? undefined : PRECISION_ORDER[best];
}

/** A timeline with nothing in it yet. */
export const EMPTY_TIMELINE: PreparedTimeline = {
	title: UNTITLED,
	description: '',
	zone: 'UTC',
	lanes: [],
	events: [],
	index: buildTimeIndex([]),
	byLane: []
};

/** What a prepared timeline says of itself: its title, description, picture, zone and source. */
export function timelineHeader(
	dataset: Omit<Dataset, 'events'>,
	zone: string
): Pick<PreparedTimeline, 'title' | 'description' | 'media' | 'zone' | 'floating' | 'source'> {
	return {
		title: dataset.title ?? UNTITLED,
		description: dataset.description ?? '',
		...(dataset.media ? { media: dataset.media } : {}),
		zone,
		...(dataset.timeZone === undefined ? { floating: true } : {}),
		source: dataset.source
	};
}

/** Resolves a validated dataset into a {@link PreparedTimeline}. */
export function prepareTimeline(dataset: Dataset): PreparedTimeline {
	const zone = dataset.timeZone ?? 'UTC';
	const wall = (interval: Interval) => ({
		start: toWallClock(interval.start, zone),
		end: toWallClock(interval.end, zone)
	});
	// Every prepared event is built by this one literal, so all share one shape: at 100,000 events,
	// spreading a varying `EventTime` into them made every later property read slow.
	const resolved: PreparedEvent[] = [];
	for (const event of dataset.events) {
		const eventZone = event.timeZone ?? zone;
		const time = eventTime(event, eventZone);
		if (!time) continue;
		resolved.push({
			outer: time.outer,
			core: time.core,
			instant: time.instant,
			uncertain: time.uncertain,
			precision: time.precision,
			id: event.id,
			order: 0,
			lane: event.category ?? UNCATEGORISED.id,
			zone: eventZone,
			wall: wall(time.outer),
			wallCore: time.core && wall(time.core),
			event
		});
	}
	// Wall-clock order, which scales and the time index work in; keys read from typed arrays, as
	// comparing object properties dominated the cost at 100,000 events.
	const starts = Float64Array.from(resolved, (r) => r.wall.start);
	const ends = Float64Array.from(resolved, (r) => r.wall.end);
	const byTime = Array.from(starts.keys()).sort((a, b) => {
		const d = (starts[a] ?? 0) - (starts[b] ?? 0) || (ends[a] ?? 0) - (ends[b] ?? 0);
		if (d !== 0) return d;
		const x = resolved[a]?.id ?? '';
		const y = resolved[b]?.id ?? '';
		return x < y ? -1 : x > y ? 1 : 0;
	});
	const events = byTime.map((i, order) => {
		const event = resolved[i] as PreparedEvent;
		event.order = order;
		return event;
	});
	const lanes = [...(dataset.categories ?? [])];
	const known = new Set(lanes.map((lane) => lane.id));
	const used = new Set<string>();
	for (const { lane: id } of events) {
		used.add(id);
		if (!known.has(id)) {
			known.add(id);
			lanes.push(id === UNCATEGORISED.id ? UNCATEGORISED : { id, label: id });
		}
	}
	return {
		...timelineHeader(dataset, zone),
		...withEras(
			indexTimeline(
				events,
				lanes.filter((lane) => used.has(lane.id))
			),
			prepareEras(dataset.eras ?? [], zone, wall)
		)
	};
}

/** Eras in time order, each over the whole of its first and last units. */
export function prepareEras(
	eras: readonly Era[],
	zone: string,
	wall: (interval: Interval) => Interval
): PreparedEra[] {
	const prepared: PreparedEra[] = [];
	for (const era of eras) {
		const time = eventTime({ start: era.start, end: era.end }, zone);
		if (time) prepared.push({ era, wall: wall(time.outer) });
	}
	return prepared.sort((a, b) => a.wall.start - b.wall.start || a.wall.end - b.wall.end);
}

/** The indexed timeline with its eras, its extent widened to take them in. */
export function withEras<T extends Pick<PreparedTimeline, 'extent'>>(
	indexed: T,
	eras: PreparedEra[]
): T & Pick<PreparedTimeline, 'eras'> {
	if (!eras.length) return indexed;
	const first = Math.min(...eras.map((e) => e.wall.start), indexed.extent?.[0] ?? Infinity);
	const last = Math.max(...eras.map((e) => e.wall.end), indexed.extent?.[1] ?? -Infinity);
	return { ...indexed, eras, extent: [first, last] };
}

/** The zone to name beside a timeline's clock times: none when its file named none. */
export function labelZone(
	timeline: Pick<PreparedTimeline, 'zone' | 'floating'>
): string | undefined {
	return timeline.floating ? undefined : timeline.zone;
}

/** Lanes, per-lane indexes, the time index and the extent of events already in time order. */
export function indexTimeline(
	events: PreparedEvent[],
	lanes: Category[]
): Pick<PreparedTimeline, 'lanes' | 'events' | 'index' | 'byLane' | 'extent'> {
	const first = min(events, (e) => e.wall.start);
	const last = max(events, (e) => e.wall.end);
	const laneOf = new Map(lanes.map((lane, i) => [lane.id, i]));
	const grouped: PreparedEvent[][] = lanes.map(() => []);
	for (const event of events) grouped[laneOf.get(event.lane) ?? -1]?.push(event);
	return {
		lanes,
		events,
		index: buildTimeIndex(events),
		byLane: grouped.map((laneEvents) => ({
			events: laneEvents,
			index: buildTimeIndex(laneEvents),
			mids: buildMidpointIndex(laneEvents)
		})),
		extent: first === undefined || last === undefined ? undefined : [first, last]
	};
}

const idMaps = new WeakMap<readonly PreparedEvent[], Map<string, PreparedEvent>>();

/** The event with `id`, found through a map built once per timeline. */
export function findEvent(
	timeline: Pick<PreparedTimeline, 'events'>,
	id: string
): PreparedEvent | undefined {
	let map = idMaps.get(timeline.events);
	if (!map) idMaps.set(timeline.events, (map = new Map(timeline.events.map((e) => [e.id, e]))));
	return map.get(id);
}

/**
 * The timeline as an Eventline data file: what "Download data" saves. Loading it gives the same
 * timeline back.
 */
export function toDataset(timeline: PreparedTimeline): Dataset {
	const used = new Set(timeline.events.map((e) => e.event.category).filter((c) => c !== undefined));
	return {
		$schema: 'https://eventline.invalid/events.schema.json',
		title: timeline.title,
		...(timeline.description ? { description: timeline.description } : {}),
		...(timeline.media ? { media: timeline.media } : {}),
		...(timeline.floating ? {} : { timeZone: timeline.zone }),
		...(timeline.source ? { source: timeline.source } : {}),
		categories: timeline.lanes.filter((lane) => used.has(lane.id)),
		...(timeline.eras?.length ? { eras: timeline.eras.map((e) => e.era) } : {}),
		events: timeline.events.map((e) => e.event)
	};
}
