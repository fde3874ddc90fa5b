/**
 * A prepared timeline with its events' times in typed arrays: how the data worker prepares a large
 * file, and the shape that crosses to the page without a copy (ingest/pack.ts). At a million events,
 * building and copying an object per event and per interval was most of a load. The page's own
 * bundled timeline is prepared by `prepareTimeline` (timeline.ts) and stays out of this module, to
 * keep the first paint small; a test holds the two to the same result (ingest/pack.test.ts).
 */
import { max } from 'd3-array';
import { eventTime, toWallClock, type Interval } from './dates';
import { midpointIndexOf, timeIndexOf, type MidpointIndex, type TimeIndex } from './time-index';
import type { Category, Dataset, Precision, TimelineEvent } from './schema';
import {
	PRECISION_ORDER,
	prepareEras,
	UNCATEGORISED,
	timelineHeader,
	withEras,
	type PreparedEvent,
	type PreparedTimeline
} from './timeline';

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
		const at = filled[lane] ?? 0;
		(positions[lane] as Uint32Array)[at] = k;
		filled[lane] = at + 1;
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
		...timelineHeader(dataset, zone),
		events,
		times,
		flags,
		...withEras(indexed, prepareEras(dataset.eras ?? [], zone, wall))
	};
}

/**
 * A prepared event read from a timeline's typed arrays. Its wall-clock interval, which layout reads
 * for every event, is made at once; the others are made from `times` the first time they are read
 * and kept. Rebuilding a million events makes two objects each rather than three to five.
 */
class TimesEvent implements PreparedEvent {
	readonly precision: Precision;
	readonly instant: boolean;
	readonly uncertain: boolean;
	readonly id: string;
	readonly lane: string;
	readonly zone: string;
	/** Made at once: layout and the overview read every event's wall-clock interval. */
	readonly wall: Interval;
	#outer: Interval | undefined = undefined;
	// null until read: an event without a core has undefined.
	#core: Interval | undefined | null = null;
	#wallCore: Interval | undefined | null = null;
	readonly #times: Float64Array;

	constructor(
		times: Float64Array,
		flag: number,
		readonly order: number,
		zone: string,
		readonly event: TimelineEvent
	) {
		this.#times = times;
		this.precision = PRECISION_ORDER[flag & 7] ?? 'day';
		this.instant = (flag & INSTANT) !== 0;
		this.uncertain = (flag & UNCERTAIN) !== 0;
		this.id = event.id;
		this.lane = event.category ?? UNCATEGORISED.id;
		this.zone = event.timeZone ?? zone;
		const at = order * TIME_FIELDS;
		this.wall = { start: times[at + 4] ?? NaN, end: times[at + 5] ?? NaN };
	}

	/** The interval at `field` of this event's {@link TimelineTimes.times}; undefined when NaN. */
	#interval(field: number): Interval | undefined {
		const at = this.order * TIME_FIELDS + field;
		const start = this.#times[at] ?? NaN;
		return Number.isNaN(start) ? undefined : { start, end: this.#times[at + 1] ?? NaN };
	}

	get outer(): Interval {
		return (this.#outer ??= this.#interval(0) ?? { start: NaN, end: NaN });
	}
	get core(): Interval | undefined {
		if (this.#core === null) this.#core = this.#interval(2);
		return this.#core;
	}
	get wallCore(): Interval | undefined {
		if (this.#wallCore === null) this.#wallCore = this.#interval(6);
		return this.#wallCore;
	}
}

/**
 * The prepared events of `events`, a slice of the timeline's events starting at `offset`, so that a
 * large timeline can be rebuilt a batch at a time. They read their intervals from `times` when
 * asked ({@link TimesEvent}); the objects are not plain, so a copy is made field by field (see
 * `withLane` in model/refine.ts), never by spreading.
 */
export function preparedEvents(
	timeline: Pick<TimelineTimes, 'times' | 'flags' | 'zone'>,
	events: readonly TimelineEvent[],
	offset = 0
): PreparedEvent[] {
	const { times, flags, zone } = timeline;
	const prepared = new Array<PreparedEvent>(events.length);
	for (let j = 0; j < events.length; j++) {
		const i = offset + j;
		prepared[j] = new TimesEvent(times, flags[i] ?? 0, i, zone, events[j] as TimelineEvent);
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
