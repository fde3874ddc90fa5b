/**
 * The prepared timeline: a validated dataset resolved into real time, sorted once, with its lanes.
 * Everything after this stage (layout, rendering, export) reads only this shape.
 */
import { max, min } from 'd3-array';
import { eventTime, toWallClock, type EventTime, type Interval } from './dates';
import {
	buildMidpointIndex,
	buildTimeIndex,
	midpointIndexOf,
	timeIndexOf,
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

/** Numbers per event in {@link TimelineTimes.times}. */
export const TIME_FIELDS = 8;
const INSTANT = 8;
const UNCERTAIN = 16;

/**
 * A prepared timeline with its events' times in typed arrays instead of objects: what
 * {@link prepareTimeline} builds its events from, and what crosses from the data worker to the page
 * without a copy. At a million events, building and copying an object per event and per interval
 * was most of a load.
 */
export interface TimelineTimes extends Omit<PreparedTimeline, 'events' | 'byLane'> {
	/** The events, in time order. */
	events: TimelineEvent[];
	/** Per event: outer start and end, core start and end (UTC ms), then the same on the wall clock. Absent intervals are NaN. */
	times: Float64Array;
	/** Per event: precision's index in {@link PRECISION_ORDER}, +8 if instant, +16 if uncertain. */
	flags: Uint8Array;
	/** Per lane: its events' positions in `events`, and its indexes. */
	byLane: { positions: Uint32Array; index: TimeIndex; mids: MidpointIndex }[];
}

/** Resolves a validated dataset into a {@link PreparedTimeline}. */
export function prepareTimeline(dataset: Dataset): PreparedTimeline {
	const times = prepareTimes(dataset);
	return assembleTimeline(times, preparedEvents(times, times.events));
}

/** The events of a dataset resolved into real time, in file order, with those that have none left out. */
function resolveTimes(dataset: Dataset, zone: string) {
	const all = dataset.events;
	const times = new Float64Array(all.length * TIME_FIELDS);
	const flags = new Uint8Array(all.length);
	const events: TimelineEvent[] = [];
	for (const event of all) {
		const time = eventTime(event, event.timeZone ?? zone);
		if (!time) continue;
		const at = events.length * TIME_FIELDS;
		const { outer, core } = time;
		times[at] = outer.start;
		times[at + 1] = outer.end;
		times[at + 2] = core ? core.start : NaN;
		times[at + 3] = core ? core.end : NaN;
		times[at + 4] = toWallClock(outer.start, zone);
		times[at + 5] = toWallClock(outer.end, zone);
		times[at + 6] = core ? toWallClock(core.start, zone) : NaN;
		times[at + 7] = core ? toWallClock(core.end, zone) : NaN;
		flags[events.length] =
			PRECISION_ORDER.indexOf(time.precision) +
			(time.instant ? INSTANT : 0) +
			(time.uncertain ? UNCERTAIN : 0);
		events.push(event);
	}
	return { events, times, flags };
}

/**
 * Positions of `events` in wall-clock order: by start, then end, then id. Keys are read from typed
 * arrays, as comparing object properties dominated the cost at 100,000 events; a file already in
 * that order (as exports often are) is not sorted again.
 */
function timeOrder(times: Float64Array, events: readonly TimelineEvent[]): ArrayLike<number> {
	const n = events.length;
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		starts[i] = times[i * TIME_FIELDS + 4] ?? 0;
		ends[i] = times[i * TIME_FIELDS + 5] ?? 0;
	}
	const compare = (a: number, b: number) => {
		const d = (starts[a] ?? 0) - (starts[b] ?? 0) || (ends[a] ?? 0) - (ends[b] ?? 0);
		if (d !== 0) return d;
		const x = events[a]?.id ?? '';
		const y = events[b]?.id ?? '';
		return x < y ? -1 : x > y ? 1 : 0;
	};
	let sorted = true;
	for (let i = 1; i < n && sorted; i++) sorted = compare(i - 1, i) <= 0;
	const identity = new Uint32Array(n);
	for (let i = 0; i < n; i++) identity[i] = i;
	return sorted ? identity : Array.from(identity).sort(compare);
}

/** Resolves a validated dataset into a {@link TimelineTimes}: times, order, lanes and indexes. */
export function prepareTimes(dataset: Dataset): TimelineTimes {
	const zone = dataset.timeZone ?? 'UTC';
	const resolved = resolveTimes(dataset, zone);
	const order = timeOrder(resolved.times, resolved.events);
	const n = resolved.events.length;
	const times = new Float64Array(n * TIME_FIELDS);
	const flags = new Uint8Array(n);
	const events: TimelineEvent[] = new Array<TimelineEvent>(n);
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	for (let k = 0; k < n; k++) {
		const i = order[k] ?? 0;
		for (let f = 0; f < TIME_FIELDS; f++) {
			times[k * TIME_FIELDS + f] = resolved.times[i * TIME_FIELDS + f] ?? NaN;
		}
		flags[k] = resolved.flags[i] ?? 0;
		events[k] = resolved.events[i] as TimelineEvent;
		starts[k] = times[k * TIME_FIELDS + 4] ?? 0;
		ends[k] = times[k * TIME_FIELDS + 5] ?? 0;
	}
	// Lanes: the file's categories in its order, then the others as events first name them.
	const lanes = [...(dataset.categories ?? [])];
	const laneAt = new Map(lanes.map((lane, i) => [lane.id, i]));
	const laneOf = new Uint32Array(n);
	for (let k = 0; k < n; k++) {
		const id = events[k]?.category ?? UNCATEGORISED.id;
		let at = laneAt.get(id);
		if (at === undefined) {
			at = lanes.length;
			laneAt.set(id, at);
			lanes.push(id === UNCATEGORISED.id ? UNCATEGORISED : { id, label: id });
		}
		laneOf[k] = at;
	}
	const counts = new Uint32Array(lanes.length);
	for (let k = 0; k < n; k++) {
		const lane = laneOf[k] ?? 0;
		counts[lane] = (counts[lane] ?? 0) + 1;
	}
	const positions = Array.from(counts, (count) => new Uint32Array(count));
	const filled = new Uint32Array(lanes.length);
	for (let k = 0; k < n; k++) {
		const lane = laneOf[k] ?? 0;
		const slot = filled[lane] ?? 0;
		filled[lane] = slot + 1;
		(positions[lane] as Uint32Array)[slot] = k;
	}
	const used = lanes.flatMap((lane, i) => ((counts[i] ?? 0) > 0 ? [i] : []));
	const extent: [number, number] | undefined = n ? [starts[0] ?? 0, max(ends) ?? 0] : undefined;
	const indexed = {
		lanes: used.map((i) => lanes[i] as Category),
		index: timeIndexOf(starts, ends),
		byLane: used.map((i) => {
			const at = positions[i] as Uint32Array;
			const laneStarts = Float64Array.from(at, (k) => starts[k] ?? 0);
			const laneEnds = Float64Array.from(at, (k) => ends[k] ?? 0);
			return {
				positions: at,
				index: timeIndexOf(laneStarts, laneEnds),
				mids: midpointIndexOf(laneStarts, laneEnds)
			};
		}),
		extent
	};
	const wall = (interval: Interval) => ({
		start: toWallClock(interval.start, zone),
		end: toWallClock(interval.end, zone)
	});
	return {
		title: dataset.title ?? UNTITLED,
		description: dataset.description ?? '',
		...(dataset.media ? { media: dataset.media } : {}),
		zone,
		...(dataset.timeZone === undefined ? { floating: true } : {}),
		source: dataset.source,
		events,
		times,
		flags,
		...withEras(indexed, prepareEras(dataset.eras ?? [], zone, wall))
	};
}

/**
 * The prepared events of `events`, a slice of the timeline's events starting at `offset`, so that a
 * large timeline can be rebuilt a batch at a time. Every prepared event is built by this one
 * literal, so all share one shape: spreading a varying `EventTime` into them made every later
 * property read slow.
 */
export function preparedEvents(
	timeline: Pick<TimelineTimes, 'times' | 'flags' | 'zone'>,
	events: readonly TimelineEvent[],
	offset = 0
): PreparedEvent[] {
	const { times, flags, zone } = timeline;
	const interval = (at: number) =>
		Number.isNaN(times[at]) ? undefined : { start: times[at] ?? 0, end: times[at + 1] ?? 0 };
	const prepared = new Array<PreparedEvent>(events.length);
	for (let j = 0; j < events.length; j++) {
		const event = events[j] as TimelineEvent;
		const i = offset + j;
		const at = i * TIME_FIELDS;
		const flag = flags[i] ?? 0;
		prepared[j] = {
			outer: { start: times[at] ?? 0, end: times[at + 1] ?? 0 },
			core: interval(at + 2),
			instant: (flag & INSTANT) !== 0,
			uncertain: (flag & UNCERTAIN) !== 0,
			precision: PRECISION_ORDER[flag & 7] ?? 'day',
			id: event.id,
			order: i,
			lane: event.category ?? UNCATEGORISED.id,
			zone: event.timeZone ?? zone,
			wall: { start: times[at + 4] ?? 0, end: times[at + 5] ?? 0 },
			wallCore: interval(at + 6),
			event
		};
	}
	return prepared;
}

/** The prepared timeline of `timeline`, given all its events already built by {@link preparedEvents}. */
export function assembleTimeline(
	timeline: Omit<TimelineTimes, 'events'>,
	events: PreparedEvent[]
): PreparedTimeline {
	return {
		title: timeline.title,
		description: timeline.description,
		...(timeline.media ? { media: timeline.media } : {}),
		zone: timeline.zone,
		...(timeline.floating ? { floating: true } : {}),
		source: timeline.source,
		lanes: timeline.lanes,
		...(timeline.eras ? { eras: timeline.eras } : {}),
		events,
		index: timeline.index,
		byLane: timeline.byLane.map((lane) => ({
			events: Array.from(lane.positions, (i) => events[i] as PreparedEvent),
			index: lane.index,
			mids: lane.mids
		})),
		extent: timeline.extent
	};
}

/** Eras in time order, each over the whole of its first and last units. */
function prepareEras(
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
function withEras<T extends Pick<PreparedTimeline, 'extent'>>(
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
