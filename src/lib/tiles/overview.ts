/**
 * The overview strip of a tiled timeline: the histogram the strip draws for loaded events, made
 * from the coarsest counts instead (the tiles' buckets), since the events are not at hand.
 */

/** A stretch of time and how many events have their midpoint in it (a count tile's bucket). */
export interface CountedSpan {
	start: number;
	end: number;
	count: number;
}

/** One bar of the strip, in pixels (the shape `layout/overview`'s bars have). */
export interface CountedBar {
	x0: number;
	x1: number;
	height: number;
	count: number;
}

/**
 * Bars `binWidth` pixels wide over the whole `scale`, each stretch counted in the bar holding its
 * middle, with a square-root height so a lone event still shows beside a burst.
 * @default binWidth 4
 */
export function countedBars(
	spans: readonly CountedSpan[],
	scale: { (t: number): number; range(): number[] },
	height: number,
	binWidth = 4
): CountedBar[] {
	const [r0 = 0, r1 = 0] = scale.range();
	const count = Math.max(1, Math.floor((r1 - r0) / binWidth));
	const slice = (r1 - r0) / count;
	const totals = new Float64Array(count);
	for (const span of spans) {
		const i = Math.floor((scale((span.start + span.end) / 2) - r0) / slice);
		if (i >= 0 && i < count) totals[i] = (totals[i] ?? 0) + span.count;
	}
	const top = Math.sqrt(Math.max(1, ...totals));
	const bars: CountedBar[] = [];
	totals.forEach((n, i) => {
		if (n > 0)
			bars.push({
				x0: r0 + i * slice,
				x1: r0 + (i + 1) * slice,
				height: Math.max(2, (Math.sqrt(n) / top) * height),
				count: n
			});
	});
	return bars;
}
