/**
 * The state of one timeline on screen: which data, how wide, and which window of time is shown. The
 * window is one immutable d3 ZoomTransform; the visible scale, axis and layout are derived from it.
 */
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { layoutFrame, type FrameLayout } from '$lib/layout/frame';
import { paddedDomain, timeScale, type TimeScale } from '$lib/layout/scale';
import { EMPTY_TIMELINE, type PreparedTimeline } from '$lib/model/timeline';

/** Width the page is prerendered at, before the browser measures the real one. */
export const PRERENDER_WIDTH = 1160;

/** One timeline's view: data, size and zoom, with everything drawn derived from them. */
export class TimelineView {
	timeline: PreparedTimeline = $state.raw(EMPTY_TIMELINE);
	width = $state(PRERENDER_WIDTH);
	transform: ZoomTransform = $state.raw(zoomIdentity);

	/** The scale that shows the whole dataset at the current width. */
	baseScale: TimeScale = $derived(
		timeScale(paddedDomain(this.timeline.extent ?? [0, 86_400_000]), this.width)
	);
	/** The scale for what is on screen now. */
	scale: TimeScale = $derived(this.transform.rescaleX(this.baseScale));
	/** Axis, lanes, marks and labels in pixels. */
	frame: FrameLayout = $derived(layoutFrame(this.timeline, this.scale, this.width));

	constructor(timeline: PreparedTimeline) {
		this.timeline = timeline;
	}
}
