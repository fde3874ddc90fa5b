/**
 * Finds the events in a window of time without scanning them all: events are sorted by start once, so
 * the window is a binary search, widened by the longest short event; the few long events that could
 * reach in from far away are kept apart and checked one by one.
 */
import { bisectLeft, bisectRight } from 'd3-array';
import type { Interval } from './dates';

/** Events longer than this (ms) are checked individually rather than widening every search. */
const LONG = 7 * 86_400_000;

/** A search structure over events sorted by their wall-clock start. */
export interface TimeIndex {
	/** Wall-clock start of each event, in the same order as the events. */
	starts: Float64Array;
	/** Wall-clock end of each event, in the same order. */
	ends: Float64Array;
	/** The same ends, ascending, when the index was built with them sorted (a loaded file's whole timeline). */
	sortedEnds?: Float64Array;
	/** Longest duration among events not in `long`. */
	maxShort: number;
	/** Positions of events longer than a week, in time order. */
	long: number[];
}

/** Builds the index for events already sorted by `wall.start`. */
export function buildTimeIndex(events: readonly { wall: Interval }[]): TimeIndex {
	return timeIndexOf(
		Float64Array.from(events, (e) => e.wall.start),
		Float64Array.from(events, (e) => e.wall.end)
	);
}

/** Builds the index from the wall-clock starts (ascending) and ends of the events. */
export function timeIndexOf(starts: Float64Array, ends: Float64Array): TimeIndex {
	const long: number[] = [];
	let maxShort = 0;
	for (let i = 0; i < starts.length; i++) {
		const duration = (ends[i] ?? 0) - (starts[i] ?? 0);
		if (duration > LONG) long.push(i);
		else if (duration > maxShort) maxShort = duration;
	}
	return { starts, ends, maxShort, long };
}

/** Positions, in time order, of the events of `index` whose interval meets `[from, to]` (wall-clock ms). */
export function eventsInWindow(index: TimeIndex, from: number, to: number): number[] {
	const lo = bisectLeft(index.starts, from - index.maxShort);
	const hi = bisectRight(index.starts, to);
	const found: number[] = [];
	// Long events that start before the longest of them could reach the window are skipped by a
	// search: at a million events, thousands of month-long events lie before a late window.
	const reach = bisectLeft(index.starts, from - longestOf(index));
	// Starts and ends are read from the index, not the events: a loaded timeline's events make their
	// intervals only when asked.
	const { starts, ends } = index;
	for (let k = bisectLeft(index.long, reach); k < index.long.length; k++) {
		const i = index.long[k] as number;
		if (i >= lo) break;
		if ((ends[i] as number) >= from && (starts[i] as number) <= to) found.push(i);
	}
	for (let i = lo; i < hi; i++) if ((ends[i] as number) >= from) found.push(i);
	return found;
}

/** The longest duration among each index's long events, found the first time it is asked for. */
const longestOfIndex = new WeakMap<TimeIndex, number>();

function longestOf(index: TimeIndex): number {
	let longest = longestOfIndex.get(index);
	if (longest === undefined) {
		longest = 0;
		for (const i of index.long) {
			longest = Math.max(longest, (index.ends[i] as number) - (index.starts[i] as number));
		}
		longestOfIndex.set(index, longest);
	}
	return longest;
}

/** Most events starting just before a window that {@link countInWindow} checks one by one. */
const EXACT_COUNT = 10_000;

/**
 * The ends of each index's long events, ascending, made the first time a window is counted. Kept
 * beside the index rather than in it, so the prepared timeline's shape (built and sent by the
 * worker) stays as it is; a WeakMap, so it goes with its timeline.
 */
const longEndsOf = new WeakMap<TimeIndex, Float64Array>();

function longEnds(index: TimeIndex): Float64Array {
	let ends = longEndsOf.get(index);
	if (!ends) {
		ends = Float64Array.from(index.long, (i) => index.ends[i] ?? Infinity).sort();
		longEndsOf.set(index, ends);
	}
	return ends;
}

/**
 * How many events meet `[from, to]`, by binary searches: the cost does not grow with the events in
 * the window, so a lane of a million events is counted on every frame of a zoom. Unless `exact`,
 * it is an upper bound. Exact: events starting in the window all meet it; of those
 * starting up to the longest short event before it, each is checked (a few, unless the data is
 * packed into a week); a long event starting earlier meets it unless it ended before `from`, and
 * every long event that ended before `from` started before those (it lasts longer than any short
 * one), so they are counted off by one search over their sorted ends.
 */
export function countInWindow(index: TimeIndex, from: number, to: number, exact = false): number {
	const lo = bisectLeft(index.starts, from - index.maxShort);
	const hi = bisectRight(index.starts, to);
	if (!exact) return Math.max(0, hi - lo) + index.long.length;
	const inside = bisectLeft(index.starts, from, lo, Math.max(lo, hi));
	let count = Math.max(0, hi - inside);
	if (inside - lo <= EXACT_COUNT) {
		for (let i = lo; i < inside; i++) if ((index.ends[i] ?? Infinity) >= from) count++;
	} else count += inside - lo;
	const longBefore = bisectLeft(index.long, lo);
	return count + longBefore - bisectLeft(longEnds(index), from);
}

/** Events ordered by their midpoint, for counting them in slices of time by binary search. */
export interface MidpointIndex {
	/** Midpoints, ascending. */
	mids: Float64Array;
	/** `order[k]` is the position (in the events array) of the event with the k-th midpoint. */
	order: Uint32Array;
}

/** Builds a {@link MidpointIndex} over events. */
export function buildMidpointIndex(events: readonly { wall: Interval }[]): MidpointIndex {
	return midpointIndexOf(
		Float64Array.from(events, (e) => e.wall.start),
		Float64Array.from(events, (e) => e.wall.end)
	);
}

/** Positions of `keys` in ascending order, equal keys in their order. */
export type Sorter = (keys: Float64Array) => Uint32Array;

/**
 * Events come sorted by start, so their midpoints are nearly sorted: a plain array's TimSort
 * handles that in close to linear time, where a typed array's sort would not. Large files are
 * sorted by `sortedPositions` (model/radix.ts), loaded with the importers.
 */
const comparisonSort: Sorter = (mids) =>
	Uint32Array.from(Array.from(mids.keys()).sort((a, b) => (mids[a] ?? 0) - (mids[b] ?? 0)));

/**
 * Builds a {@link MidpointIndex} from the wall-clock starts (ascending) and ends of the events,
 * ordering the midpoints with `sort` when they are not in order already.
 */
export function midpointIndexOf(
	starts: Float64Array,
	ends: Float64Array,
	sort: Sorter = comparisonSort
): MidpointIndex {
	const mids = new Float64Array(starts.length);
	let sorted = true;
	for (let i = 0; i < mids.length; i++) {
		mids[i] = ((starts[i] ?? 0) + (ends[i] ?? 0)) / 2;
		if (i > 0 && (mids[i] ?? 0) < (mids[i - 1] ?? 0)) sorted = false;
	}
	// Filled by plain loops: a typed array's `from` calls its mapping function, or walks an
	// iterator, for each of a million items.
	if (sorted) {
		const order = new Uint32Array(mids.length);
		for (let i = 0; i < order.length; i++) order[i] = i;
		return { mids, order };
	}
	const order = sort(mids);
	const ordered = new Float64Array(order.length);
	for (let k = 0; k < order.length; k++) ordered[k] = mids[order[k] as number] as number;
	return { mids: ordered, order };
}
