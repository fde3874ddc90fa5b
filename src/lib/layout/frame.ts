/**
 * The whole drawing: axis band on top, lanes below. One geometry for the page and the export.
 */
import { layoutEras, type EraBand } from './eras';
import { layoutLanes, type LayoutOptions, type TimelineLayout } from './lanes';
import type { TimeScale } from './scale';
import { axisTicks, type AxisLayout } from './ticks';
import type { PreparedTimeline } from '$lib/model/timeline';

/** Baseline of the context row (day, month or year names). */
export const AXIS_CONTEXT_Y = 16;
/** Baseline of the tick labels. */
export const AXIS_LABEL_Y = 34;
/** Where tick and grid lines start. */
export const AXIS_TICK_Y = 40;
/** Height of the axis band; lanes start below it. */
export const AXIS_HEIGHT = 46;

/** Axis and lanes laid out together. */
export interface FrameLayout {
	axis: AxisLayout;
	body: TimelineLayout;
	/** Eras in view, as bands behind the lanes. */
	eras: EraBand[];
	width: number;
	/** Axis band plus lanes. */
	height: number;
}

/** Lays out the axis and lanes of `timeline` for `scale` across `width` pixels. */
export function layoutFrame(
	timeline: Pick<PreparedTimeline, 'lanes' | 'events' | 'byLane' | 'eras'>,
	scale: TimeScale,
	width: number,
	options: Partial<LayoutOptions> = {},
	include: ReadonlySet<string> = new Set()
): FrameLayout {
	const body = layoutLanes(timeline, scale, width, options, include);
	return {
		axis: axisTicks(scale),
		body,
		eras: layoutEras(timeline.eras ?? [], scale, width),
		width,
		height: AXIS_HEIGHT + body.height
	};
}
