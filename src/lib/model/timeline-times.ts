/**
 * A prepared timeline with its events' times in typed arrays: how a loaded file is prepared. The
 * page resolves each batch of events as the data worker sends it, while the worker reads the rest of
 * the file (ingest/pack.ts), then puts them in time order and indexes them. At a million events,
 * building an object per event and per interval was most of a load. The page's own
 * bundled timeline is prepared by `prepareTimeline` (timeline.ts) and stays out of this module, to
 * keep the first paint small; a test holds the two to the same result (ingest/pack.test.ts).
 */
import { max } from 'd3-array';
import { eventTime, toWallClock, type EventDateFields, type Interval } from './dates';
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

/** Numbers per event in the times table: outer start and end, core start and end (UTC ms), then the same on the wall clock; absent intervals are NaN. */
const TIME_FIELDS = 8;
/** Per event in the flags table: precision's index in {@link PRECISION_ORDER}, +8 if instant, +16 if uncertain. */
const INSTANT = 8;
const UNCERTAIN = 16;
/** The flags of an event whose dates could not be resolved (it is left out). */
const NO_TIME = 255;

/**
 * A loaded timeline as {@link TimesBuilder} finishes it on the page: its prepared events in time
 * order ({@link TimesEvent}, which read their times from typed arrays kept in file order, so that
 * finishing a load copies no table of times), and per lane the places of its events in that order.
 */
export interface TimelineTimes extends Omit<PreparedTimeline, 'events' | 'byLane'> {
	/** The prepared events, in time order (made as each batch was resolved). */
	prepared: PreparedEvent[];
	/** Per lane: its events' places in time order, and its indexes. */
	byLane: { positions: Uint32Array; index: TimeIndex; mids: MidpointIndex }[];
}

/** A dataset without its events: what a timeline's header, lanes and eras come from. */
export type DatasetHeader = Omit<Dataset, 'events'>;

/**
 * Resolves `event` into real time at position `at` of `times` and `flags` (in `zone`, unless the
 * event names its own). False when its dates are not ISO 8601 (validation reports those).
 */
function resolveInto(
	event: EventDateFields,
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
 * A run of events resolved into real time where they were read (the data worker), so that the page
 * only copies their times: per event its times ({@link TIME_FIELDS} numbers) and flags, and the
 * run's events in time order. Its events themselves are made only when asked for.
 */
export interface ResolvedRun {
	count: number;
	times: Float64Array;
	/** Per event: its flags, or {@link NO_TIME} when its dates could not be resolved. */
	flags: Uint8Array;
	/** Positions in the run of the events with times, in time order. */
	order: Uint32Array;
	id(i: number): string;
	/** The event's category, if it has one. */
	category(i: number): string | undefined;
	/** The event's actors or places, if it has any. */
	listed(i: number, field: 'actors' | 'places'): readonly string[] | undefined;
	/** The zone the event's own dates are written in, if it names one. */
	timeZone(i: number): string | undefined;
	event(i: number): TimelineEvent;
}

/** What resolving an event's times reads of it: its id (for ties in time order) and its dates. */
export type DatedId = EventDateFields & { id: string };

/** The times, flags and time order of `events` read in `zone` (as the page would resolve them). */
export function resolveRun(
	events: readonly TimelineEvent[],
	zone: string
): Pick<ResolvedRun, 'times' | 'flags' | 'order'> {
	return resolveDates(events.length, (i) => events[i] as TimelineEvent, zone);
}

/**
 * {@link resolveRun} of `count` events whose ids and dates `dated` gives, one at a time (it may fill
 * one object again and again): a batch's events need not be made to be resolved.
 */
export function resolveDates(
	count: number,
	dated: (i: number) => DatedId,
	zone: string
): Pick<ResolvedRun, 'times' | 'flags' | 'order'> {
	const times = new Float64Array(count * TIME_FIELDS);
	const flags = new Uint8Array(count);
	const ids: string[] = [];
	const timed: number[] = [];
	for (let i = 0; i < count; i++) {
		const event = dated(i);
		ids.push(event.id);
		if (resolveInto(event, zone, times, flags, i)) timed.push(i);
		else flags[i] = NO_TIME;
	}
	timed.sort(timeComparison(times, ids));
	const order = new Uint32Array(timed.length);
	for (let k = 0; k < order.length; k++) order[k] = timed[k] as number;
	return { times, flags, order };
}

/**
 * A timeline's events resolved into real time as they come, a batch at a time and in file order
 * (those with no time left out); then, once all are in, put in time order and indexed
 * ({@link TimesBuilder.finish}). The page feeds it each batch the data worker sends while the
 * worker reads on, so the two threads share the work of a load: everything that can be done per
 * batch is, so that finishing only merges and indexes.
 */
export class TimesBuilder {
	#zone: string;
	/** The events' ids, for ties in time order. */
	#ids: string[] = [];
	/** The tables the prepared events read: replaced, not copied into, as they grow. */
	#tables: TimesTables;
	/** The prepared events, in file order, each told its place in time when all are in. */
	#prepared: TimesEvent[] = [];
	#categoryAt = new Map<string, number>();
	/** Positions of the events, each run added in time order: sorting the whole then only merges the runs. */
	#order: number[] = [];

	/** `zone`: the dataset's, which its events' dates are read in unless they name their own. */
	constructor(zone: string) {
		this.#zone = zone;
		this.#tables = {
			times: new Float64Array(0),
			flags: new Uint8Array(0),
			category: new Uint32Array(0),
			categories: [],
			ids: this.#ids,
			zone
		};
	}

	/** Resolves the next events of the file, here. */
	add(events: readonly TimelineEvent[]): void {
		this.addResolved({
			count: events.length,
			...resolveRun(events, this.#zone),
			id: (i) => (events[i] as TimelineEvent).id,
			category: (i) => events[i]?.category,
			listed: (i, field) => events[i]?.[field],
			timeZone: (i) => events[i]?.timeZone,
			event: (i) => events[i] as TimelineEvent
		});
	}

	/**
	 * Takes the next events of the file, resolved already (read in this builder's zone): their times
	 * are copied, and the events are made only when asked for.
	 */
	addResolved(run: ResolvedRun): void {
		const from = this.#prepared.length;
		if (from + run.count > this.#tables.category.length) this.#grow(from + run.count);
		const tables = this.#tables;
		// Each event's slot: those without times are left out, so later ones move up.
		const slots = new Uint32Array(run.count);
		let at = from;
		for (let i = 0; i < run.count; i++) {
			const flags = run.flags[i] as number;
			if (flags === NO_TIME) continue;
			slots[i] = at;
			tables.flags[at] = flags;
			this.#ids.push(run.id(i));
			tables.category[at] = this.#categoryOf(run.category(i) ?? UNCATEGORISED.id);
			this.#prepared.push(new TimesEvent(tables, at, run, i));
			at++;
		}
		if (at - from === run.count) tables.times.set(run.times, from * TIME_FIELDS);
		else {
			for (let i = 0; i < run.count; i++) {
				if (run.flags[i] === NO_TIME) continue;
				const slot = (slots[i] as number) * TIME_FIELDS;
				tables.times.set(run.times.subarray(i * TIME_FIELDS, (i + 1) * TIME_FIELDS), slot);
			}
		}
		for (let k = 0; k < run.order.length; k++)
			this.#order.push(slots[run.order[k] as number] as number);
	}

	#categoryOf(id: string): number {
		let code = this.#categoryAt.get(id);
		if (code === undefined) {
			code = this.#tables.categories.length;
			this.#tables.categories.push(id);
			this.#categoryAt.set(id, code);
		}
		return code;
	}

	#grow(need: number) {
		const size = Math.max(need, this.#tables.category.length * 2, 1024);
		const times = new Float64Array(size * TIME_FIELDS);
		times.set(this.#tables.times);
		const flags = new Uint8Array(size);
		flags.set(this.#tables.flags);
		const category = new Uint32Array(size);
		category.set(this.#tables.category);
		// The prepared events share the one tables object, so they read the new arrays.
		this.#tables.times = times;
		this.#tables.flags = flags;
		this.#tables.category = category;
	}

	/**
	 * Every event is in: the timeline of `header` (its zone, categories, eras), in time order and
	 * indexed. A header whose zone is not the one the events were read in has them read again.
	 */
	finish(header: DatasetHeader): TimelineTimes {
		const zone = header.timeZone ?? 'UTC';
		if (zone !== this.#zone) {
			const events = this.#prepared.map((prepared) => prepared.event);
			this.#zone = zone;
			this.#ids.length = 0;
			this.#order = [];
			this.#prepared = [];
			this.#tables.zone = zone;
			this.add(events);
		}
		const n = this.#prepared.length;
		const { times, flags, category, categories } = this.#tables;
		// Runs already in order: the sort merges them (and finds a whole already sorted at once).
		const order = new Uint32Array(this.#order.sort(timeComparison(times, this.#ids)));
		// Each prepared event learns its place in time; they are listed in that order.
		const prepared: PreparedEvent[] = [];
		for (let k = 0; k < n; k++) {
			const event = this.#prepared[order[k] as number] as TimesEvent;
			event.order = k;
			prepared.push(event);
		}
		this.#tables.times = times.subarray(0, n * TIME_FIELDS);
		this.#tables.flags = flags.subarray(0, n);
		this.#tables.category = category.subarray(0, n);
		return indexTimes(header, zone, order, prepared, {
			times: this.#tables.times,
			category: this.#tables.category,
			categories
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

/** The times of events resolved in file order, and the number of each one's category. */
interface Resolved {
	times: Float64Array;
	category: Uint32Array;
	categories: readonly string[];
}

/**
 * The lanes of events taken in time `order`: the file's categories in its order, then the others
 * as events first name them; and each event's lane, by its place in time.
 */
function lanesOf(header: DatasetHeader, order: Uint32Array, resolved: Resolved) {
	const lanes = [...(header.categories ?? [])];
	const laneAt = new Map(lanes.map((lane, i) => [lane.id, i]));
	// Each category's lane, -1 until an event names it (time order decides the order of new lanes).
	const laneOfCategory = new Int32Array(resolved.categories.length).fill(-1);
	const laneOf = new Uint32Array(order.length);
	for (let k = 0; k < order.length; k++) {
		const c = resolved.category[order[k] as number] as number;
		let at = laneOfCategory[c] as number;
		if (at < 0) {
			const id = resolved.categories[c] as string;
			at = laneAt.get(id) ?? -1;
			if (at < 0) {
				at = lanes.length;
				laneAt.set(id, at);
				lanes.push(id === UNCATEGORISED.id ? UNCATEGORISED : { id, label: id });
			}
			laneOfCategory[c] = at;
		}
		laneOf[k] = at;
	}
	return { lanes, laneOf };
}

/** Events resolved in file order, indexed in time `order`, with their lanes. */
function indexTimes(
	header: DatasetHeader,
	zone: string,
	order: Uint32Array,
	prepared: PreparedEvent[],
	resolved: Resolved
): TimelineTimes {
	const n = order.length;
	const { times } = resolved;
	// Only the wall-clock starts and ends are laid out in time order: the indexes search them.
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	for (let k = 0; k < n; k++) {
		const at = (order[k] as number) * TIME_FIELDS;
		starts[k] = times[at + 4] as number;
		ends[k] = times[at + 5] as number;
	}
	const { lanes, laneOf } = lanesOf(header, order, resolved);
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
		index: { ...timeIndexOf(starts, ends), sortedEnds: ascendingValues(ends) },
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
		prepared,
		...withEras(indexed, prepareEras(header.eras ?? [], zone, wall))
	};
}

/**
 * `values` ascending, by the radix sort: the first draw merges a timeline's sorted ends with its
 * starts to find its gaps, and a typed array's own sort of a million took 0.3 s of that draw.
 */
function ascendingValues(values: Float64Array): Float64Array {
	const order = sortedPositions(values);
	const sorted = new Float64Array(values.length);
	for (let k = 0; k < sorted.length; k++) sorted[k] = values[order[k] as number] as number;
	return sorted;
}

/**
 * What a {@link TimesEvent} reads its fields from: the timeline's tables, one object shared by
 * every event, whose arrays are replaced as they grow.
 */
interface TimesTables {
	times: Float64Array;
	flags: Uint8Array;
	/** Per event, the number of its category (lane id) in `categories`. */
	category: Uint32Array;
	categories: string[];
	ids: string[];
	zone: string;
}

/**
 * A prepared event read from a timeline's typed arrays: its fields are read from the tables when
 * asked, and its intervals made the first time they are read and kept. Rebuilding a million events
 * makes one small object each, where a field each and three to five intervals made the page's
 * last step of a load a second long; and each is made as its batch is resolved, while the worker
 * still reads, and told its place in time (`order`) once all are in.
 */
class TimesEvent implements PreparedEvent {
	#wall: Interval | undefined = undefined;
	#outer: Interval | undefined = undefined;
	// null until read: an event without a core has undefined.
	#core: Interval | undefined | null = null;
	#wallCore: Interval | undefined | null = null;
	readonly #tables: TimesTables;
	/** The event's position in the tables (file order). */
	readonly #slot: number;
	/** The event, once made; else the run it is made from, and its place there. */
	#event: TimelineEvent | undefined;
	#run: ResolvedRun | undefined;
	readonly #row: number;

	/** The event's place in time order; -1 until the timeline is finished. */
	order = -1;

	/** The event at `row` of a resolved `run`, made from it when first asked for. */
	constructor(tables: TimesTables, slot: number, run: ResolvedRun, row: number) {
		this.#tables = tables;
		this.#slot = slot;
		this.#run = run;
		this.#row = row;
	}

	listed(field: 'actors' | 'places'): readonly string[] | undefined {
		return this.#event ? this.#event[field] : this.#run?.listed(this.#row, field);
	}

	get event(): TimelineEvent {
		if (!this.#event) {
			this.#event = (this.#run as ResolvedRun).event(this.#row);
			this.#run = undefined;
		}
		return this.#event;
	}

	get #flag(): number {
		return this.#tables.flags[this.#slot] ?? 0;
	}
	get precision(): Precision {
		return PRECISION_ORDER[this.#flag & 7] ?? 'day';
	}
	get instant(): boolean {
		return (this.#flag & INSTANT) !== 0;
	}
	get uncertain(): boolean {
		return (this.#flag & UNCERTAIN) !== 0;
	}
	get id(): string {
		return this.#tables.ids[this.#slot] ?? this.event.id;
	}
	get lane(): string {
		return this.#tables.categories[this.#tables.category[this.#slot] ?? 0] ?? UNCATEGORISED.id;
	}
	get zone(): string {
		const own = this.#event ? this.#event.timeZone : this.#run?.timeZone(this.#row);
		return own ?? this.#tables.zone;
	}

	/** The interval at `field` of this event's times; undefined when NaN. */
	#interval(field: number): Interval | undefined {
		const at = this.#slot * TIME_FIELDS + field;
		const start = this.#tables.times[at] ?? NaN;
		return Number.isNaN(start) ? undefined : { start, end: this.#tables.times[at + 1] ?? NaN };
	}

	get wall(): Interval {
		return (this.#wall ??= this.#interval(4) ?? { start: NaN, end: NaN });
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

/** The prepared timeline of `timeline`, whose prepared events are made. */
export function assembleTimeline(timeline: TimelineTimes): PreparedTimeline {
	const events = timeline.prepared;
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
