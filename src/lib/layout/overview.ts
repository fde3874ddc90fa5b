/**
 * The overview strip: how many events fall in each slice of the whole dataset's time, and where the
 * visible window sits on it.
 */
import { bisectRight, max } from 'd3-array';
import type { PreparedEvent } from '$lib/model/timeline';
import type { TimeIndex } from '$lib/model/time-index';
import { linearScale, type TimeScale } from './scale';

/** One bar of the density histogram, in pixels. */
export interface DensityBar {
	x0: number;
	x1: number;
	height: number;
	count: number;
}

/** Midpoints already worked out, per index: the strip is redrawn as the page is resized. */
const midpointsOf = new WeakMap<TimeIndex, Float64Array>();

/** The wall-clock midpoints of a timeline's events, read from its index: no event object is touched. */
export function indexMidpoints(index: TimeIndex): Float64Array {
	let mids = midpointsOf.get(index);
	if (!mids) {
		const { starts, ends } = index;
		mids = new Float64Array(starts.length);
		for (let i = 0; i < mids.length; i++) {
			mids[i] = ((starts[i] as number) + (ends[i] as number)) / 2;
		}
		midpointsOf.set(index, mids);
	}
	return mids;
}

/** The wall-clock midpoints of some events (a search's matches). */
export const eventMidpoints = (events: readonly Pick<PreparedEvent, 'wall'>[]): Float64Array =>
	Float64Array.from(events, (e) => (e.wall.start + e.wall.end) / 2);

/**
 * A histogram of the events whose wall-clock midpoints are `mids` over the full scale, `binWidth`
 * pixels per bar, with a square-root height so a single event still shows next to a burst of
 * hundreds. Each midpoint is counted into its slice by a search of the slices' edges (d3's
 * `bisectRight`, as `bin` does), without gathering the events of each slice: at a million events,
 * `bin`'s arrays were a third of a second of the first draw.
 * @default binWidth 4
 */
export function densityBars(
	mids: ArrayLike<number>,
	fullScale: TimeScale,
	height: number,
	binWidth = 4
): DensityBar[] {
	const [r0, r1] = fullScale.range() as [number, number];
	const count = Math.max(1, Math.floor((r1 - r0) / binWidth));
	const [d0, d1] = fullScale.domain().map(Number) as [number, number];
	// Slices of equal width on screen, so a broken scale's compressed stretches get narrow ones.
	const thresholds = Array.from({ length: count - 1 }, (_, i) =>
		fullScale.invert(r0 + ((i + 1) * (r1 - r0)) / count)
	);
	const counts = new Uint32Array(count);
	for (let i = 0; i < mids.length; i++) {
		const mid = mids[i] as number;
		if (!(mid >= d0 && mid <= d1)) continue;
		const at = bisectRight(thresholds, mid);
		counts[at] = (counts[at] ?? 0) + 1;
	}
	const y = linearScale([0, Math.sqrt(max(counts) ?? 1)], [0, height]);
	const bars: DensityBar[] = [];
	counts.forEach((n, i) => {
		if (!n) return;
		bars.push({
			x0: fullScale(i === 0 ? d0 : (thresholds[i - 1] as number)),
			x1: fullScale(i === count - 1 ? d1 : (thresholds[i] as number)),
			height: Math.max(2, y(Math.sqrt(n))),
			count: n
		});
	});
	return bars;
}
