/**
 * The visible window as numbers: converting between a time domain and a d3 ZoomTransform over the
 * base scale, bounding the zoom, and the spans the overview's brush asks for.
 */
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { Precision } from '$lib/model/schema';
import type { TimeScale } from '$lib/layout/scale';

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

/** Largest zoom factor: the base span over the narrowest useful window (at least 1). */
export function maxZoom(baseScale: TimeScale, finest: Precision | undefined): number {
	const [d0, d1] = baseScale.domain().map(Number) as [number, number];
	return Math.max(1, (d1 - d0) / minimumSpan(finest));
}

/** The transform that shows `[start, end]` (wall-clock ms) on `baseScale`. */
export function transformForDomain(
	baseScale: TimeScale,
	[start, end]: readonly [number, number]
): ZoomTransform {
	const [r0, r1] = baseScale.range() as [number, number];
	const k = (r1 - r0) / Math.max(1, baseScale(end) - baseScale(start));
	return zoomIdentity.translate(r0 - baseScale(start) * k, 0).scale(k);
}

/** The domain a transform shows on `baseScale`. */
export function domainOfTransform(
	baseScale: TimeScale,
	transform: ZoomTransform
): [number, number] {
	const scale = transform.rescaleX(baseScale);
	return scale.domain().map(Number) as [number, number];
}

/**
 * Keeps a transform inside the zoom bounds and the base domain: no zooming out past the whole dataset,
 * no panning into empty time beyond it, no zooming in past `kMax`.
 */
export function clampTransform(
	transform: ZoomTransform,
	width: number,
	kMax: number
): ZoomTransform {
	const k = Math.min(kMax, Math.max(1, transform.k));
	const x = Math.min(0, Math.max(width - width * k, transform.x));
	return k === transform.k && x === transform.x && transform.y === 0
		? transform
		: zoomIdentity.translate(x, 0).scale(k);
}

/** A domain of the same length as `domain`, moved so that `t` is at its centre, kept inside `bounds`. */
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
