/**
 * The time scale: wall-clock milliseconds of the display zone → pixels. Linear over plain numbers:
 * the axis makes its own calendar ticks (ticks.ts). It is not d3-scale's linear scale, which brings
 * d3-interpolate, d3-color and d3-format with it (10.6 KB gzipped; docs/decisions.md) for colour
 * ranges and tick formats a timeline never asks of it; this one is the same arithmetic, with the
 * methods the layout and the zoom (viewport.ts) call.
 */

/** A linear map from numbers to pixels, shaped like d3's: call it, invert it, copy it. */
export interface LinearScale {
	(value: number): number;
	invert(pixel: number): number;
	domain(): [number, number];
	domain(values: readonly (number | Date)[]): this;
	range(): [number, number];
	range(values: readonly number[]): this;
	copy(): this;
}

/** A scale from wall-clock ms to x pixels. */
export type TimeScale = LinearScale;

/**
 * The scale mapping `domain` linearly onto `range`. As in d3, an empty domain maps everything to the
 * middle of the range.
 */
export function linearScale(
	domain: readonly [number, number],
	range: readonly [number, number]
): LinearScale {
	let [d0, d1] = domain;
	let [r0, r1] = range;
	const scale = ((value: number) =>
		d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0)) as LinearScale;
	scale.invert = (pixel) =>
		r1 === r0 ? (d0 + d1) / 2 : d0 + ((pixel - r0) / (r1 - r0)) * (d1 - d0);
	scale.domain = ((values?: readonly (number | Date)[]) => {
		if (!values) return [d0, d1];
		[d0, d1] = [Number(values[0]), Number(values[1])];
		return scale;
	}) as LinearScale['domain'];
	scale.range = ((values?: readonly number[]) => {
		if (!values) return [r0, r1];
		[r0, r1] = [Number(values[0]), Number(values[1])];
		return scale;
	}) as LinearScale['range'];
	scale.copy = () => linearScale([d0, d1], [r0, r1]);
	return scale;
}

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
	return linearScale(domain, [0, Math.max(1, width)]);
}
