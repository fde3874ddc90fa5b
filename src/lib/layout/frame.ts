/**
 * The whole drawing: axis band on top, lanes below. One geometry for the page and the export.
 */
import { layoutEras, type EraBand } from './eras';
import { layoutLanes, type LayoutOptions, type TimelineLayout } from './lanes';
import { formatDuration } from '$lib/format/duration';
import type { TimeScale } from './scale';
import { axisTicks, type AxisLayout } from './ticks';
import type { LaneDensity } from '$lib/model/density';
import type { PreparedTimeline } from '$lib/model/timeline';

/** Baseline of the context row (day, month or year names). */
export const AXIS_CONTEXT_Y = 16;
/** Baseline of the tick labels. */
export const AXIS_LABEL_Y = 34;
/** Where tick and grid lines start. */
export const AXIS_TICK_Y = 40;
/** Height of the axis band; lanes start below it. */
export const AXIS_HEIGHT = 46;

/** A break in the axis as drawn: where it sits, the time it leaves out, and that time in words. */
export interface BreakLayout {
	x0: number;
	x1: number;
	start: number;
	end: number;
	/** The time left out, e.g. "4 months". */
	label: string;
}

/** Axis and lanes laid out together. */
export interface FrameLayout {
	axis: AxisLayout;
	body: TimelineLayout;
	/** The breaks in view, left to right. */
	breaks: BreakLayout[];
	/** Eras in view, as bands behind the lanes. */
	eras: EraBand[];
	width: number;
	/** Axis band plus lanes. */
	height: number;
}

/**
 * Lays out the axis and lanes of `timeline` for `scale` across `width` pixels; with `density`, the
 * lanes are drawn from counts (see {@link layoutLanes}).
 */
export function layoutFrame(
	timeline: Pick<PreparedTimeline, 'lanes' | 'events' | 'byLane' | 'eras'>,
	scale: TimeScale,
	width: number,
	options: Partial<LayoutOptions> = {},
	include: ReadonlySet<string> = new Set(),
	density?: LaneDensity
): FrameLayout {
	const body = layoutLanes(timeline, scale, width, options, include, density);
	return {
		axis: axisTicks(scale),
		body,
		breaks: breaksInView(scale, width),
		eras: layoutEras(timeline.eras ?? [], scale, width),
		width,
		height: AXIS_HEIGHT + body.height
	};
}

/** The breaks of `scale` that show in `[0, width]`, with the time each leaves out in words. */
export function breaksInView(scale: TimeScale, width: number): BreakLayout[] {
	return scale
		.breaks()
		.filter((b) => b.x1 > 0 && b.x0 < width)
		.map((b) => ({ ...b, label: formatDuration(b.end - b.start) }));
}
