/**
 * The time scale: wall-clock milliseconds of the display zone → pixels. Linear over plain numbers:
 * the axis makes its own calendar ticks (ticks.ts), so d3's time-formatting machinery that a time
 * scale carries would only add weight to the page.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';

/** A scale from wall-clock ms to x pixels. */
export type TimeScale = ScaleLinear<number, number>;

const HOUR = 3_600_000;

/**
 * The padded domain that shows a whole extent: a margin of `padding` of the span on each side, and at
 * least an hour either side of a single instant.
 * @default padding 0.04
 */
export function paddedDomain(extent: readonly [number, number], padding = 0.04): [number, number] {
	const [start, end] = extent;
	const margin = Math.max((end - start) * padding, HOUR);
	return [start - margin, end + margin];
}

/** A scale showing `domain` across `[0, width]`. */
export function timeScale(domain: readonly [number, number], width: number): TimeScale {
	return scaleLinear()
		.domain([domain[0], domain[1]])
		.range([0, Math.max(1, width)]);
}
