/**
 * The arithmetic of zooming and panning a horizontal timeline: where a wheel notch, a drag or a pinch
 * takes the view. Pure functions over {@link ViewTransform}; gesture-reducer.ts applies them to
 * pointer, wheel and touch input.
 *
 * d3-zoom did this before, but with d3-selection, d3-transition, d3-drag, d3-interpolate and
 * d3-color it was 18 KB of the page's JavaScript (docs/decisions.md), for a two-dimensional behaviour a timeline uses
 * one axis of. The zoom-around-a-point arithmetic is d3-zoom's, and unit tests check it against
 * d3-zoom.
 */
import { clampTransform, type ViewTransform } from '$lib/layout/viewport';

/** The limits every result is kept inside: the timeline's width and the deepest zoom. */
export interface ZoomBounds {
	width: number;
	kMax: number;
}

/**
 * How many times closer one wheel event takes the view. A trackpad pinch arrives as ctrl + wheel
 * with small pixel deltas and is sped up tenfold, as d3-zoom does; a mouse wheel's notch (about 100
 * px, or 3 lines) zooms about 1.4 times whether or not ctrl is held. One event never zooms more
 * than twice.
 */
export function wheelFactor(event: Pick<WheelEvent, 'deltaY' | 'deltaMode' | 'ctrlKey'>): number {
	const perUnit = event.deltaMode === 1 ? 0.5 / 3 : event.deltaMode ? 1 : 0.005;
	const pinching = event.ctrlKey && event.deltaMode === 0 && Math.abs(event.deltaY) < 50;
	const exponent = -event.deltaY * (pinching ? 0.02 : perUnit);
	return 2 ** Math.max(-1, Math.min(1, exponent));
}

/** Zooms by `factor` keeping the time at pixel `px` where it is (as far as the bounds allow). */
export function zoomAround(
	transform: ViewTransform,
	factor: number,
	px: number,
	{ width, kMax }: ZoomBounds
): ViewTransform {
	const k = Math.min(kMax, Math.max(1, transform.k * factor));
	return clampTransform({ k, x: px - ((px - transform.x) * k) / transform.k }, width, kMax);
}

/** Moves the view `dx` pixels (positive shows earlier times), keeping the zoom. */
export function panBy(
	transform: ViewTransform,
	dx: number,
	{ width, kMax }: ZoomBounds
): ViewTransform {
	return clampTransform({ k: transform.k, x: transform.x + dx }, width, kMax);
}

/** A point of contact, in pixels from the timeline's top left. */
export interface Point {
	x: number;
	y: number;
}

/**
 * Two fingers that started at `from` on the view `start` and are now at `to`: the view zooms by how
 * far they spread, and the time under their midpoint follows the midpoint.
 */
export function pinch(
	start: ViewTransform,
	from: readonly [Point, Point],
	to: readonly [Point, Point],
	{ width, kMax }: ZoomBounds
): ViewTransform {
	const spread = ([a, b]: readonly [Point, Point]) => Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
	const middle = ([a, b]: readonly [Point, Point]) => (a.x + b.x) / 2;
	const k = Math.min(kMax, Math.max(1, (start.k * spread(to)) / spread(from)));
	// The time (in base-scale pixels) the fingers' midpoint first touched.
	const held = (middle(from) - start.x) / start.k;
	return clampTransform({ k, x: middle(to) - held * k }, width, kMax);
}
