/**
 * The state of one timeline on screen: which data, how wide, and which window of time is shown. The
 * window is one immutable zoom transform, which the view owns and animates; the visible scale, axis
 * and layout are derived from it. Gestures (interaction/zoom.ts) move it with {@link TimelineView.jump}.
 */
import { layoutFrame, type FrameLayout } from '$lib/layout/frame';
import { hitIndex, type HitIndex } from '$lib/layout/hit';
import {
	alwaysDrawn,
	DEFAULT_LAYOUT,
	pageLayout,
	type ClusterLayout,
	type MarkLayout
} from '$lib/layout/lanes';
import { timelineGaps, wholeScale, type BrokenDomain } from '$lib/layout/breaks';
import type { DensityBar } from '$lib/layout/overview';
import type { TimeScale } from '$lib/layout/scale';
import {
	centreOn,
	clampTransform,
	domainOfTransform,
	easeCubicInOut,
	IDENTITY,
	maxZoom,
	panOrigin,
	rescale,
	transformForDomain,
	zoomPath,
	type ViewTransform
} from '$lib/layout/viewport';
import type { LaneDensity } from '$lib/model/density';
import { NO_REFINEMENT, refineTimeline, type RefineOptions } from '$lib/model/refine';
import type { Precision } from '$lib/model/schema';
import { searchEvents } from '$lib/model/search';
import {
	EMPTY_TIMELINE,
	findEvent,
	finestPrecision,
	type PreparedTimeline
} from '$lib/model/timeline';
import type { FilterState } from './filters.svelte';
import type { SelectionState } from './selection.svelte';

/** Width the page is prerendered at, before the browser measures the real one. */
export const PRERENDER_WIDTH = 1160;

/** Duration of programmatic zooms, unless the reader prefers reduced motion. */
const ZOOM_MS = 350;

const prefersReducedMotion = () =>
	typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * What a tiled timeline (`?tiles=`) adds to its view: where its data is (from its counts), how
 * finely it is dated, and while the events in view are not at hand, the counts drawn instead.
 */
export interface TiledLayers {
	/** The whole extent and its empty stretches, found from the counts. */
	gaps: BrokenDomain;
	/** The finest date precision of any event in the set. */
	finest: Precision | undefined;
	/** Every event in the set. */
	total: number;
	/** The overview strip's bars over `scale`, from the coarsest counts of all lanes. */
	overview: (scale: TimeScale, height: number) => DensityBar[];
	/** Every lane's counts from the tiles at hand (what the export of the whole set draws). */
	counts: LaneDensity;
	/** True while the view is drawn from `counts`; false while its events are drawn one by one. */
	drawCounts: boolean;
	/** While events are drawn one by one: those longer than this (ms) are left out, being many. */
	longerThan?: number;
	/** `loading` while some tile the view needs is on its way; `sharp` once all are drawn. */
	status: 'loading' | 'sharp';
	/** Tiles that could not be read (each drawn as empty), for the reader. */
	problems: string[];
	/**
	 * The refined timeline with every lane the filters allow, even one with no event at hand (its
	 * counts draw it).
	 */
	refine: (
		refined: PreparedTimeline,
		source: PreparedTimeline,
		options: RefineOptions
	) => PreparedTimeline;
}

/** One timeline's view: data, size and zoom, with everything drawn derived from them. */
export class TimelineView {
	/** The timeline as loaded. */
	source: PreparedTimeline = $state.raw(EMPTY_TIMELINE);
	width = $state(PRERENDER_WIDTH);
	transform: ViewTransform = $state.raw(IDENTITY);
	/** Where an animated move is heading; undefined when the view is still. */
	#heading: ViewTransform | undefined = undefined;
	#frame: number | undefined = undefined;
	// Assigned by the constructor; the derivations below read it lazily.
	#selection: SelectionState | undefined = undefined;
	#filters: FilterState | undefined = undefined;

	/** Set for a tiled timeline (`?tiles=`): see {@link TiledLayers}. */
	tiled: TiledLayers | undefined = $state.raw();

	/** The timeline as drawn: filtered and grouped as the reader asked. */
	timeline: PreparedTimeline = $derived.by(() => {
		const options = this.#filters?.options ?? NO_REFINEMENT;
		const refined = refineTimeline(this.source, options);
		return this.tiled ? this.tiled.refine(refined, this.source, options) : refined;
	});
	/** How many events the timeline holds: a tiled one's whole set, not just the events at hand. */
	eventCount: number = $derived(this.tiled?.total ?? this.timeline.events.length);
	/** Ids of the events matching the search, or undefined with no search. */
	matches: ReadonlySet<string> | undefined = $derived(
		searchEvents(this.timeline.events, this.#filters?.query ?? '')
	);

	/**
	 * Long stretches where no event starts or ends are compressed into narrow breaks (on by default;
	 * the reader can ask for plain linear time).
	 */
	skipGaps = $state(true);
	/** The whole dataset's domain with its empty stretches, whether or not they are skipped. */
	gaps: BrokenDomain = $derived(this.tiled?.gaps ?? timelineGaps(this.source));
	/** The data has stretches worth skipping. */
	hasGaps: boolean = $derived(this.gaps.breaks.length > 0);
	/** The scale that shows the whole dataset at the current width, breaks and all. */
	baseScale: TimeScale = $derived(wholeScale(this.source, this.width, this.skipGaps, this.gaps));
	/** The scale for what is on screen now. */
	scale: TimeScale = $derived(rescale(this.baseScale, this.transform));
	/**
	 * Where the page anchors the drawing of the rows: it moves with a pan, and the marks drawn
	 * relative to it keep their coordinates (see {@link panOrigin}).
	 */
	origin: number = $derived(panOrigin(this.scale, this.baseScale.domain()[0]));
	/** Visible window, as display wall-clock ms. */
	domain: [number, number] = $derived(domainOfTransform(this.baseScale, this.transform));
	/** Events drawn one by one whatever the density: the focused and the pinned one. */
	include: ReadonlySet<string> = $derived(
		alwaysDrawn(this.#selection?.focused, this.#selection?.pinned)
	);
	/** Axis, lanes, marks and labels in pixels. */
	frame: FrameLayout = $derived(
		layoutFrame(
			this.timeline,
			this.scale,
			this.width,
			pageLayout(this.width),
			this.include,
			this.tiled?.drawCounts ? this.tiled.counts : undefined
		)
	);
	/** Finds the mark or cluster under the pointer. */
	hits: HitIndex<MarkLayout | ClusterLayout> = $derived(
		hitIndex<MarkLayout | ClusterLayout>(
			[...this.frame.body.marks, ...this.frame.body.clusters],
			DEFAULT_LAYOUT.rowHeight
		)
	);
	/** How far in the zoom may go: a window no narrower than the data's finest precision warrants. */
	kMax: number = $derived(
		maxZoom(this.baseScale, this.tiled ? this.tiled.finest : finestPrecision(this.source))
	);

	/**
	 * `selection` says which events must stay drawn one by one (focused, pinned); `filters` what the
	 * reader narrowed the timeline to.
	 */
	constructor(timeline: PreparedTimeline, selection?: SelectionState, filters?: FilterState) {
		this.source = timeline;
		this.#selection = selection;
		this.#filters = filters;
	}

	/** Shows a newly loaded timeline at its full extent. */
	load(timeline: PreparedTimeline) {
		this.source = timeline;
		this.apply(IDENTITY, false);
	}

	/**
	 * Moves to a transform (bounded), along a smooth zoom path unless `animate` is false or the
	 * reader prefers reduced motion.
	 */
	apply(transform: ViewTransform, animate = true) {
		const target = clampTransform(transform, this.width, this.kMax);
		if (!animate || prefersReducedMotion() || typeof requestAnimationFrame !== 'function') {
			this.jump(target);
			return;
		}
		this.stopAnimation();
		const path = zoomPath(this.transform, target, this.width);
		this.#heading = target;
		let started: number | undefined;
		const step = (now: number) => {
			started ??= now;
			const t = Math.min(1, (now - started) / ZOOM_MS);
			this.transform = path(easeCubicInOut(t));
			if (t < 1) this.#frame = requestAnimationFrame(step);
			else this.#frame = this.#heading = undefined;
		};
		this.#frame = requestAnimationFrame(step);
	}

	/** Shows `transform` at once, ending any animated move: what gestures do. */
	jump(transform: ViewTransform) {
		this.stopAnimation();
		this.transform = transform;
	}

	/** Ends an animated move where it is. */
	stopAnimation() {
		if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
		this.#frame = this.#heading = undefined;
	}

	/** The window the view is showing, or heading to while it animates. */
	get destination(): [number, number] {
		return this.#heading ? domainOfTransform(this.baseScale, this.#heading) : this.domain;
	}

	/** Shows `[start, end]` (display wall-clock ms). */
	showDomain(domain: readonly [number, number], animate = true) {
		this.apply(transformForDomain(this.baseScale, domain), animate);
	}

	/**
	 * Zooms by `factor` (2 = twice as close) around wall-clock time `at`, or the centre. Zooms asked
	 * for while one is still animating add up: two quick clicks zoom four times. Measured in the
	 * base scale's pixels, so a zoom across a break keeps `at` where it is.
	 */
	zoomBy(factor: number, at?: number) {
		const base = this.baseScale;
		const [p0, p1] = this.destination.map(base) as [number, number];
		const centre = at === undefined ? (p0 + p1) / 2 : base(at);
		const span = (p1 - p0) / factor;
		const ratio = (centre - p0) / (p1 - p0);
		this.showDomain([base.invert(centre - span * ratio), base.invert(centre + span * (1 - ratio))]);
	}

	/** Shows the whole dataset. */
	fit(animate = true) {
		this.apply(IDENTITY, animate);
	}

	/** Pans, keeping the zoom, so that the event with `id` is in view (no move if it already is). */
	reveal(id: string, animate = true) {
		const event = findEvent(this.timeline, id);
		if (!event) return;
		// In the base scale's pixels, so a window with a break in it keeps its width on screen.
		const base = this.baseScale;
		const window = this.destination.map(base) as [number, number];
		const margin = (window[1] - window[0]) * 0.05;
		if (base(event.wall.end) >= window[0] + margin && base(event.wall.start) <= window[1] - margin)
			return;
		const middle = base((event.wall.start + event.wall.end) / 2);
		const [x0, x1] = centreOn(window, middle, base.range());
		this.showDomain([base.invert(x0), base.invert(x1)], animate);
	}

	/**
	 * Skips the data's empty stretches (`on`) or shows plain linear time, keeping the same window
	 * of time in view (the whole dataset stays the whole dataset).
	 */
	setSkipGaps(on: boolean) {
		if (on === this.skipGaps) return;
		const whole = this.transform.k <= 1.0001;
		const domain = this.destination;
		this.skipGaps = on;
		this.apply(whole ? IDENTITY : transformForDomain(this.baseScale, domain), false);
	}

	/** Changes the drawing width, keeping the same window of time in view. */
	resize(width: number) {
		if (width === this.width || width <= 0) return;
		const domain = this.destination;
		this.width = width;
		this.apply(transformForDomain(this.baseScale, domain), false);
	}
}
