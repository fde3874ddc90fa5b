/**
 * The visible window as numbers: converting between a time domain and a zoom transform over the
 * base scale, bounding the zoom, and the spans the overview's brush asks for. The transform is a
 * plain `{ k, x }`: the part of d3-zoom's transform a horizontal timeline uses.
 */
import type { Precision } from '$lib/model/schema';
import type { TimeScale } from './scale';

/** A zoom: scale factor `k` and horizontal offset `x` in pixels, as in d3-zoom's transform. */
export interface ViewTransform {
	readonly k: number;
	readonly x: number;
}

/** No zoom: the whole base scale in view. */
export const IDENTITY: ViewTransform = Object.freeze({ k: 1, x: 0 });

/** `baseScale` zoomed by `transform`: what d3-zoom's `transform.rescaleX` gives. */
export function rescale(baseScale: TimeScale, transform: ViewTransform): TimeScale {
	const [r0, r1] = baseScale.range() as [number, number];
	const { k, x } = transform;
	return baseScale.copy().domain([baseScale.invert((r0 - x) / k), baseScale.invert((r1 - x) / k)]);
}

/** Width of the cells {@link panOrigin} moves by, in pixels. */
const ORIGIN_CELL = 2048;

/**
 * Where the page anchors what it draws in the rows: the x of the time `anchor` under `scale`,
 * brought into `[0, 2048)` by whole cells. Marks drawn relative to it keep their coordinates while
 * the view pans (only the anchor moves, by the pan), so a pan moves one group rather than every
 * mark; the cells keep the numbers small enough for the browser's single-precision geometry.
 */
export function panOrigin(scale: TimeScale, anchor: number): number {
	const x = scale(anchor);
	return x - ORIGIN_CELL * Math.floor(x / ORIGIN_CELL);
}

const MINUTE = 60_000;

/** Narrowest window (ms) worth zooming to for data whose finest precision is `precision`. */
export function minimumSpan(finest: Precision | undefined): number {
	switch (finest) {
		case 'minute':
			return 20 * MINUTE;
		case 'hour':
		case 'part-of-day':
			return 3 * 60 * MINUTE;
		case 'day':
			return 24 * 60 * MINUTE;
		case 'month':
			return 14 * 24 * 60 * MINUTE;
		default:
			return 90 * 24 * 60 * MINUTE;
	}
}

/**
 * Largest zoom factor: the one at which the view, outside any break, shows the narrowest useful
 * window (at least 1).
 */
export function maxZoom(baseScale: TimeScale, finest: Precision | undefined): number {
	const [r0, r1] = baseScale.range() as [number, number];
	const slope = Math.abs(baseScale.slope());
	return slope > 0 ? Math.max(1, Math.abs(r1 - r0) / (slope * minimumSpan(finest))) : 1;
}

/** The transform that shows `[start, end]` (wall-clock ms) on `baseScale`. */
export function transformForDomain(
	baseScale: TimeScale,
	[start, end]: readonly [number, number]
): ViewTransform {
	const [r0, r1] = baseScale.range() as [number, number];
	// A day out of 13.8 billion years is 2.5e-10 base pixels: the floor that keeps an empty window
	// from dividing by zero must sit far below that.
	const k = (r1 - r0) / Math.max((r1 - r0) * 1e-15, baseScale(end) - baseScale(start));
	return { k, x: r0 - baseScale(start) * k };
}

/** The domain a transform shows on `baseScale`. */
export function domainOfTransform(
	baseScale: TimeScale,
	transform: ViewTransform
): [number, number] {
	return rescale(baseScale, transform).domain().map(Number) as [number, number];
}

/**
 * Keeps a transform inside the zoom bounds and the base domain: no zooming out past the whole dataset,
 * no panning into empty time beyond it, no zooming in past `kMax` (keeping the centre where it was).
 */
export function clampTransform<T extends ViewTransform>(
	transform: T,
	width: number,
	kMax: number
): T | ViewTransform {
	const k = Math.min(kMax, Math.max(1, transform.k));
	// A zoom cut short at a limit keeps the same time in the middle of the view.
	const centre = (width / 2 - transform.x) / transform.k;
	const wanted = k === transform.k ? transform.x : width / 2 - centre * k;
	const x = Math.min(0, Math.max(width - width * k, wanted));
	return k === transform.k && x === transform.x ? transform : { k, x };
}

/** A window of the same length as `domain`, moved so that `t` is at its centre, kept inside `bounds`. */
export function centreOn(
	domain: readonly [number, number],
	t: number,
	bounds: readonly [number, number]
): [number, number] {
	const half = (domain[1] - domain[0]) / 2;
	const span = Math.min(domain[1] - domain[0], bounds[1] - bounds[0]);
	const start = Math.min(bounds[1] - span, Math.max(bounds[0], t - half));
	return [start, start + span];
}

/**
 * The path an animated zoom follows from one view to another: the width shown changes by equal
 * ratios, so zooming ten times in feels as fast at every depth, and the centre glides in step with
 * it. `t` runs from 0 to 1.
 */
export function zoomPath(
	from: ViewTransform,
	to: ViewTransform,
	width: number
): (t: number) => ViewTransform {
	// The centre of what is shown, in base-scale pixels.
	const centre = ({ k, x }: ViewTransform) => (width / 2 - x) / k;
	const [c0, c1] = [centre(from), centre(to)];
	const ratio = Math.log(to.k / from.k);
	return (t) => {
		if (t >= 1) return to;
		const k = from.k * Math.exp(ratio * t);
		// Where the centre is, as a share of the way, follows the width's share of its change, so
		// that a zoom out and over moves mostly while zoomed out.
		const share = Math.abs(ratio) < 1e-9 ? t : (1 / from.k - 1 / k) / (1 / from.k - 1 / to.k);
		return { k, x: width / 2 - (c0 + (c1 - c0) * share) * k };
	};
}

/** d3-transition's default easing (cubic in and out). */
export const easeCubicInOut = (t: number) => ((t *= 2) <= 1 ? t * t * t : (t -= 2) * t * t + 2) / 2;
