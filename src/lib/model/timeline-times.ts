/**
 * A prepared timeline with its events' times in typed arrays: how a loaded file is prepared. The
 * page resolves each batch of events as the data worker sends it, while the worker reads the rest of
 * the file (ingest/pack.ts), then puts them in time order and indexes them. At a million events,
 * building an object per event and per interval was most of a load. The page's own
 * bundled timeline is prepared by `prepareTimeline` (timeline.ts) and stays out of this module, to
 * keep the first paint small; a test holds the two to the same result (ingest/pack.test.ts).
 */
import { max } from 'd3-array';
import { eventTime, toWallClock, type Interval } from './dates';
import { sortedPositions } from './radix';
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
 * A prepared timeline with its events' times in typed arrays instead of objects, as
 * {@link TimesBuilder} makes it on the page; {@link preparedEvents} makes its events from them. At
 * a million events, an object per event and per interval was most of a load.
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

/** A dataset without its events: what a timeline's header, lanes and eras come from. */
export type DatasetHeader = Omit<Dataset, 'events'>;

/**
 * Resolves `event` into real time at position `at` of `times` and `flags` (in `zone`, unless the
 * event names its own). False when its dates are not ISO 8601 (validation reports those).
 */
function resolveInto(
	event: TimelineEvent,
	zone: string,
	times: Float64Array,
	flags: Uint8Array,
	at: number
): boolean {
	const time = eventTime(event, event.timeZone ?? zone);
	if (!time) return false;
	const base = at * TIME_FIELDS;
	const { outer, core } = time;
	times[base] = outer.start;
	times[base + 1] = outer.end;
	times[base + 2] = core ? core.start : NaN;
	times[base + 3] = core ? core.end : NaN;
	times[base + 4] = toWallClock(outer.start, zone);
	times[base + 5] = toWallClock(outer.end, zone);
	times[base + 6] = core ? toWallClock(core.start, zone) : NaN;
	times[base + 7] = core ? toWallClock(core.end, zone) : NaN;
	flags[at] =
		PRECISION_ORDER.indexOf(time.precision) +
		(time.instant ? INSTANT : 0) +
		(time.uncertain ? UNCERTAIN : 0);
	return true;
}

/**
 * A timeline's events resolved into real time as they come, a batch at a time and in file order
 * (those with no time left out); then, once all are in, put in time order and indexed
 * ({@link TimesBuilder.finish}). The page feeds it each batch the data worker sends while the
 * worker reads on, so the two threads share the work of a load.
 */
export class TimesBuilder {
	#zone: string;
	#events: TimelineEvent[] = [];
	/** The events' ids, for ties in time order. */
	#ids: string[] = [];
	#times = new Float64Array(0);
	#flags = new Uint8Array(0);
	/** Positions of the events, each run added in time order: sorting the whole then only merges the runs. */
	#order: number[] = [];

	/** `zone`: the dataset's, which its events' dates are read in unless they name their own. */
	constructor(zone: string) {
		this.#zone = zone;
	}

	/** Resolves the next events of the file. */
	add(events: readonly TimelineEvent[]): void {
		const from = this.#events.length;
		const need = from + events.length;
		if (need > this.#flags.length) this.#grow(need);
		for (const event of events) {
			if (resolveInto(event, this.#zone, this.#times, this.#flags, this.#events.length)) {
				this.#events.push(event);
				this.#ids.push(event.id);
			}
		}
		// Each run is put in order as it comes (on the page, while the worker reads on).
		const run: number[] = [];
		for (let i = from; i < this.#events.length; i++) run.push(i);
		run.sort(timeComparison(this.#times, this.#ids, from));
		for (const i of run) this.#order.push(i);
	}

	#grow(need: number) {
		const size = Math.max(need, this.#flags.length * 2, 1024);
		const times = new Float64Array(size * TIME_FIELDS);
		times.set(this.#times);
		const flags = new Uint8Array(size);
		flags.set(this.#flags);
		this.#times = times;
		this.#flags = flags;
	}

	/**
	 * Every event is in: the timeline of `header` (its zone, categories, eras), in time order and
	 * indexed. A header whose zone is not the one the events were read in has them read again.
	 */
	finish(header: DatasetHeader): TimelineTimes {
		const zone = header.timeZone ?? 'UTC';
		if (zone !== this.#zone) {
			const events = this.#events;
			this.#zone = zone;
			this.#events = [];
			this.#ids = [];
			this.#order = [];
			this.add(events);
		}
		const n = this.#events.length;
		// Runs already in order: the sort merges them (and finds a whole already sorted at once).
		const order = this.#order.sort(timeComparison(this.#times, this.#ids));
		return indexTimes(header, zone, order, {
			events: this.#events,
			times: this.#times.subarray(0, n * TIME_FIELDS),
			flags: this.#flags.subarray(0, n)
		});
	}
}

/**
 * The order of time for positions (from `from` on) of events: by wall-clock start, then end, then
 * id. Keys are read from the typed `times` and a plain list of `ids`: reading properties of event
 * objects of many shapes dominated the cost (ties on start and end are common: every event of a
 * day known only to the day).
 */
function timeComparison(times: Float64Array, ids: readonly string[], from = 0) {
	// The keys side by side: a million events' times are 64 MB, and a sort reads them at random.
	const n = ids.length - from;
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		starts[i] = times[(from + i) * TIME_FIELDS + 4] as number;
		ends[i] = times[(from + i) * TIME_FIELDS + 5] as number;
	}
	return (a: number, b: number) => {
		const d =
			(starts[a - from] as number) - (starts[b - from] as number) ||
			(ends[a - from] as number) - (ends[b - from] as number);
		if (d !== 0) return d;
		const x = ids[a] ?? '';
		const y = ids[b] ?? '';
		return x < y ? -1 : x > y ? 1 : 0;
	};
}

/** Events resolved in file order, put in time `order`, with their lanes and indexes. */
function indexTimes(
	header: DatasetHeader,
	zone: string,
	order: readonly number[],
	resolved: { events: TimelineEvent[]; times: Float64Array; flags: Uint8Array }
): TimelineTimes {
	const n = resolved.events.length;
	const times = new Float64Array(n * TIME_FIELDS);
	const flags = new Uint8Array(n);
	// Pushed, not written into `new Array(n)`: filling a preallocated array of a million took twice as long.
	const events: TimelineEvent[] = [];
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	for (let k = 0; k < n; k++) {
		const i = order[k] ?? 0;
		for (let f = 0; f < TIME_FIELDS; f++) {
			times[k * TIME_FIELDS + f] = resolved.times[i * TIME_FIELDS + f] as number;
		}
		flags[k] = resolved.flags[i] ?? 0;
		events.push(resolved.events[i] as TimelineEvent);
		starts[k] = times[k * TIME_FIELDS + 4] ?? 0;
		ends[k] = times[k * TIME_FIELDS + 5] ?? 0;
	}
	// Lanes: the file's categories in its order, then the others as events first name them.
	const lanes = [...(header.categories ?? [])];
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
			const laneStarts = new Float64Array(at.length);
			const laneEnds = new Float64Array(at.length);
			for (let j = 0; j < at.length; j++) {
				laneStarts[j] = starts[at[j] as number] as number;
				laneEnds[j] = ends[at[j] as number] as number;
			}
			return {
				positions: at,
				index: timeIndexOf(laneStarts, laneEnds),
				mids: midpointIndexOf(laneStarts, laneEnds, sortedPositions)
			};
		}),
		extent
	};
	const wall = (interval: Interval) => ({
		start: toWallClock(interval.start, zone),
		end: toWallClock(interval.end, zone)
	});
	return {
		...timelineHeader(header, zone),
		events,
		times,
		flags,
		...withEras(indexed, prepareEras(header.eras ?? [], zone, wall))
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
 * asked ({@link TimesEvent}); the objects are not plain, so a spread copies their fields but not
 * those intervals, which a copy must name (see `withLane` in model/refine.ts).
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
