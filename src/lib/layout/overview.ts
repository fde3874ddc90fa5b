/**
 * The overview strip: how many events fall in each slice of the whole dataset's time, and where the
 * visible window sits on it.
 */
import { bin, max } from 'd3-array';
import type { PreparedEvent } from '$lib/model/timeline';
import { linearScale, type TimeScale } from './scale';

/** One bar of the density histogram, in pixels. */
export interface DensityBar {
	x0: number;
	x1: number;
	height: number;
	count: number;
}

/**
 * A histogram of event counts over the full scale, `binWidth` pixels per bar, with a square-root
 * height so a single event still shows next to a burst of hundreds.
 * @default binWidth 4
 */
export function densityBars(
	events: readonly PreparedEvent[],
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
	const bins = bin<PreparedEvent, number>()
		.value((e) => (e.wall.start + e.wall.end) / 2)
		.domain([d0, d1])
		.thresholds(thresholds)(events as PreparedEvent[]);
	const y = linearScale([0, Math.sqrt(max(bins, (b) => b.length) ?? 1)], [0, height]);
	return bins
		.filter((b) => b.length > 0)
		.map((b) => ({
			x0: fullScale(b.x0 ?? d0),
			x1: fullScale(b.x1 ?? d1),
			height: Math.max(2, y(Math.sqrt(b.length))),
			count: b.length
		}));
}
