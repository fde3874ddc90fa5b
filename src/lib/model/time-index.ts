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
	return { starts, maxShort, long };
}

/**
 * Positions, in time order, of the events whose interval meets `[from, to]` (wall-clock ms).
 * `events` must be the array the index was built from.
 */
export function eventsInWindow(
	index: TimeIndex,
	events: readonly { wall: Interval }[],
	from: number,
	to: number
): number[] {
	const lo = bisectLeft(index.starts, from - index.maxShort);
	const hi = bisectRight(index.starts, to);
	const found: number[] = [];
	for (const i of index.long) {
		if (i >= lo) break;
		const e = events[i];
		if (e && e.wall.end >= from && e.wall.start <= to) found.push(i);
	}
	for (let i = lo; i < hi; i++) {
		const e = events[i];
		if (e && e.wall.end >= from) found.push(i);
	}
	return found;
}

/** Most events between the two searches' bounds that {@link countInWindow} checks one by one. */
const EXACT_COUNT = 10_000;

/**
 * Upper bound on how many events meet `[from, to]`: two binary searches. Given `events`, the bound
 * is made exact where that is cheap: long events that start before the window count only if still
 * going on, and when few events lie between the bounds each is checked. Without them, at a million
 * events (tens of thousands known only to the month, a week of day-long events before any window),
 * the bound kept a lane over any budget even an hour wide.
 */
export function countInWindow(
	index: TimeIndex,
	from: number,
	to: number,
	events?: readonly { wall: Interval }[]
): number {
	const lo = bisectLeft(index.starts, from - index.maxShort);
	const hi = bisectRight(index.starts, to);
	if (!events) return Math.max(0, hi - lo) + index.long.length;
	let count = Math.max(0, hi - lo);
	if (count <= EXACT_COUNT) {
		count = 0;
		for (let i = lo; i < hi; i++) if ((events[i]?.wall.end ?? Infinity) >= from) count++;
	}
	for (const i of index.long) {
		if (i >= lo) break;
		if ((events[i]?.wall.end ?? Infinity) >= from) count++;
	}
	return count;
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

/** Builds a {@link MidpointIndex} from the wall-clock starts (ascending) and ends of the events. */
export function midpointIndexOf(starts: Float64Array, ends: Float64Array): MidpointIndex {
	const mids = new Float64Array(starts.length);
	let sorted = true;
	for (let i = 0; i < mids.length; i++) {
		mids[i] = ((starts[i] ?? 0) + (ends[i] ?? 0)) / 2;
		if (i > 0 && (mids[i] ?? 0) < (mids[i - 1] ?? 0)) sorted = false;
	}
	// Events come sorted by start, so their midpoints are nearly sorted (often wholly): a plain
	// array's TimSort handles that in close to linear time, where a typed array's sort would not.
	const order = sorted
		? Uint32Array.from(mids.keys())
		: Uint32Array.from(Array.from(mids.keys()).sort((a, b) => (mids[a] ?? 0) - (mids[b] ?? 0)));
	return { mids: sorted ? mids : Float64Array.from(order, (i) => mids[i] ?? 0), order };
}
