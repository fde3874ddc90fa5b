/**
 * The time scale: wall-clock milliseconds of the display zone → pixels. Linear over plain numbers,
 * or piecewise linear when long empty stretches of time are compressed into narrow breaks (the
 * piecewise domain and range of d3's time scale). The axis makes its own calendar ticks (ticks.ts).
 * It is not d3-scale, which brings d3-interpolate, d3-color and d3-format with it (10.6 KB gzipped;
 * docs/decisions.md) for colour ranges and tick formats a timeline never asks of it; this is the same
 * arithmetic, with the methods the layout and the zoom (viewport.ts) call, and a binary search over
 * the pieces so any number of breaks stays fast (see docs/decisions.md).
 */
import { bisectRight } from 'd3-array';

/** A stretch of time compressed to a narrow break, as wall-clock ms. */
export interface ScaleBreak {
	start: number;
	end: number;
}

/** A break as a scale draws it: its time and where it sits in pixels. */
export interface BreakExtent extends ScaleBreak {
	x0: number;
	x1: number;
}

/** A map from numbers to pixels, shaped like d3's: call it, invert it, copy it. */
export interface LinearScale {
	(value: number): number;
	invert(pixel: number): number;
	/** The values shown at the ends of the range; setting it shows that window (breaks kept). */
	domain(): [number, number];
	domain(values: readonly (number | Date)[]): this;
	/** The pixels the domain spans; setting it keeps the domain. */
	range(): [number, number];
	range(values: readonly number[]): this;
	copy(): this;
	/** The compressed stretches, in time and pixels; none for a plain linear scale. */
	breaks(): readonly BreakExtent[];
	/** Pixels per unit of the domain outside the breaks. */
	slope(): number;
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
	scale.breaks = () => [];
	scale.slope = () => (d1 === d0 ? 0 : (r1 - r0) / (d1 - d0));
	return scale;
}

/**
 * Pieces of a broken scale: knot times and where each falls in base units (the pixels of the scale
 * as first built), both increasing. Between knots the map is linear; beyond them it runs on with
 * the slope of the outer pieces.
 */
interface Knots {
	times: Float64Array;
	units: Float64Array;
	/** Indices `i` of the knots that start a break (the break runs to knot `i + 1`). */
	breakAt: readonly number[];
	/** Base units per ms outside the breaks. */
	slope: number;
}

/** Position of `value` on the piecewise line through `(from[i], to[i])`, extrapolating at the ends. */
function along(from: Float64Array, to: Float64Array, value: number): number {
	const last = from.length - 1;
	const i = Math.min(last - 1, Math.max(0, bisectRight(from, value) - 1));
	const f0 = from[i] as number;
	const f1 = from[i + 1] as number;
	const t0 = to[i] as number;
	return t0 + ((value - f0) / (f1 - f0)) * ((to[i + 1] as number) - t0);
}

function piecewiseScale(knots: Knots, window: [number, number], a: number, b: number): LinearScale {
	let [r0, r1] = window;
	// Pixels are an affine map of base units: zooming and panning never move a break's proportions.
	let gain = a;
	let offset = b;
	const toUnit = (t: number) => along(knots.times, knots.units, t);
	const toTime = (u: number) => along(knots.units, knots.times, u);
	const scale = ((value: number) => gain * toUnit(value) + offset) as LinearScale;
	scale.invert = (pixel) => toTime((pixel - offset) / gain);
	const show = (t0: number, t1: number) => {
		const u0 = toUnit(t0);
		const u1 = toUnit(t1);
		if (!(u1 !== u0) || !Number.isFinite(u1 - u0)) return;
		gain = (r1 - r0) / (u1 - u0);
		offset = r0 - gain * u0;
	};
	scale.domain = ((values?: readonly (number | Date)[]) => {
		if (!values) return [scale.invert(r0), scale.invert(r1)];
		show(Number(values[0]), Number(values[1]));
		return scale;
	}) as LinearScale['domain'];
	scale.range = ((values?: readonly number[]) => {
		if (!values) return [r0, r1];
		const [t0, t1] = scale.domain();
		[r0, r1] = [Number(values[0]), Number(values[1])];
		show(t0, t1);
		return scale;
	}) as LinearScale['range'];
	scale.copy = () => piecewiseScale(knots, [r0, r1], gain, offset);
	scale.breaks = () =>
		knots.breakAt.map((i) => ({
			start: knots.times[i] as number,
			end: knots.times[i + 1] as number,
			x0: gain * (knots.units[i] as number) + offset,
			x1: gain * (knots.units[i + 1] as number) + offset
		}));
	scale.slope = () => gain * knots.slope;
	return scale;
}

/**
 * A scale showing `domain` across `range`, with each of `breaks` (sorted, apart, inside the domain)
 * drawn `breakWidth` pixels wide and the rest of the time sharing the remaining width evenly. With
 * no breaks it is {@link linearScale}. Breaks give up width when there are too many to fit in half
 * the range.
 * @default breakWidth 28
 */
export function brokenScale(
	domain: readonly [number, number],
	breaks: readonly ScaleBreak[],
	range: readonly [number, number],
	breakWidth = 28
): LinearScale {
	const [d0, d1] = domain;
	const usable: ScaleBreak[] = [];
	// Pieces must run forwards: a break inside the domain, after the previous one with time between.
	for (const g of breaks) {
		const after = usable[usable.length - 1]?.end ?? d0;
		if (g.start > after && g.end < d1 && g.end > g.start) usable.push(g);
	}
	if (!usable.length || !(d1 > d0)) return linearScale(domain, range);
	const [r0, r1] = range;
	const width = Math.max(1, r1 - r0);
	const each = Math.min(breakWidth, width / 2 / usable.length);
	const kept = usable.reduce((rest, g) => rest - (g.end - g.start), d1 - d0);
	const slope = (width - each * usable.length) / kept;
	const times = [d0];
	const units = [r0];
	const breakAt: number[] = [];
	for (const g of usable) {
		const startUnit =
			(units[units.length - 1] as number) + (g.start - (times[times.length - 1] as number)) * slope;
		breakAt.push(times.length);
		times.push(g.start, g.end);
		units.push(startUnit, startUnit + each);
	}
	times.push(d1);
	units.push(
		(units[units.length - 1] as number) + (d1 - (times[times.length - 2] as number)) * slope
	);
	return piecewiseScale(
		{ times: Float64Array.from(times), units: Float64Array.from(units), breakAt, slope },
		[r0, r1],
		1,
		0
	);
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

/**
 * A scale showing `domain` across `[0, width]`, with `breaks` compressed when given: each 28 pixels
 * wide on a wide screen, down to 14 on a phone.
 */
export function timeScale(
	domain: readonly [number, number],
	width: number,
	breaks: readonly ScaleBreak[] = []
): TimeScale {
	const breakWidth = Math.min(28, Math.max(14, width * 0.035));
	return brokenScale(domain, breaks, [0, Math.max(1, width)], breakWidth);
}
