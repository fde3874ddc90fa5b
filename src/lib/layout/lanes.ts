/**
 * Lane and label layout: `(events, scale, viewport) → marks, rows and labels`, a pure function.
 * Each lane (category) stacks its events into rows, left to right. Nothing drawn overlaps anything
 * else: in a row, each mark and its label keep clear of the next mark and label, and rows never
 * overlap, so every mark can be reached by the pointer. A label runs until the next thing in its row
 * and is cut only where it would collide. A lane opens rows to give labels room up to `maxRows`; past
 * that, a label is cut where the next mark needs its place; a mark that still finds no place opens a
 * row of its own, up to `maxMarkRows`, beyond which the lane is drawn as counted clusters. Only events
 * in view are laid out, and a lane with more than the screen can show is drawn as clusters that split
 * as the reader zooms in.
 */
import { bisectLeft } from 'd3-array';
import type { DensityCluster, LaneDensity } from '$lib/model/density';
import { countInWindow, eventsInWindow } from '$lib/model/time-index';
import {
	findEvent,
	type LaneEvents,
	type PreparedEvent,
	type PreparedTimeline
} from '$lib/model/timeline';
import { symbolHalfWidth } from './encoding';
import type { TimeScale } from './scale';
import { estimateTextWidth, fitText, wrapLines, type WrappedText } from './text';

/** Sizes the layout works with, in pixels. */
export interface LayoutOptions {
	/** Height of a row of one-line labels. @default 24 */
	rowHeight: number;
	/** Space above each lane's rows for its name. @default 22 */
	laneHeader: number;
	/** Gap below a lane. @default 10 */
	laneGap: number;
	/** @default 12 */
	fontSize: number;
	/**
	 * Most rows a lane opens to give labels room; past them a label is cut where the next mark in its
	 * row needs the place. @default 12
	 */
	maxRows: number;
	/**
	 * Most rows a lane stacks so that every mark has a place of its own; a lane that needs more is
	 * drawn as counted clusters. @default 48
	 */
	maxMarkRows: number;
	/**
	 * Open rows, up to `maxMarkRows`, rather than cut a label to make room for the next mark: the
	 * exported figure has no tooltip to give the rest of a title. @default false
	 */
	keepTitles: boolean;
	/**
	 * Lines a label may wrap onto before it is cut; rows grow to hold them. The page keeps labels to
	 * one line; the exported figure wraps them so that no title is cut. @default 1
	 */
	wrapLabels: number;
	/** Narrowest a mark is drawn, so a minute-long span stays visible. @default 6 */
	minMarkWidth: number;
	/** Width of a point mark's symbol. @default 12 */
	pointSize: number;
	/** Most events drawn one by one; denser lanes become clusters. @default 400 */
	maxMarks: number;
	/** Width of a cluster's slice of time, in pixels. @default 28 */
	clusterWidth: number;
	/**
	 * Spans running off the drawing are cut on lines this many pixels apart, fixed in time, rather
	 * than just beyond the edge (see {@link clipBounds}): the page's, so a pan leaves them alone.
	 * @default 0
	 */
	clipStep: number;
}

/** The defaults for {@link LayoutOptions}. */
export const DEFAULT_LAYOUT: LayoutOptions = {
	rowHeight: 24,
	laneHeader: 22,
	laneGap: 10,
	fontSize: 12,
	maxRows: 12,
	maxMarkRows: 48,
	keepTitles: false,
	wrapLabels: 1,
	minMarkWidth: 6,
	pointSize: 12,
	maxMarks: 400,
	clusterWidth: 28,
	clipStep: 0
};

/**
 * The exported figure's layout: the page's, with labels that wrap instead of being cut. A printed
 * figure has no tooltip to give the rest of a title, so rows grow (and open) until every title fits.
 */
export const FIGURE_LAYOUT: Partial<LayoutOptions> = { wrapLabels: 3, keepTitles: true };

/** Below this drawing width (a phone), the page wraps labels onto two lines rather than cut them. */
export const NARROW_WIDTH = 600;

/**
 * The page's layout at a drawing `width`: one-line labels, or on a phone, where a one-line label
 * beside a mark has a few words' room, two lines.
 */
export function pageLayout(width: number): Partial<LayoutOptions> {
	return width < NARROW_WIDTH ? { wrapLabels: 2, clipStep: CLIP_STEP } : { clipStep: CLIP_STEP };
}

const LABEL_GAP = 5;
/** Room before a span's label for its category symbol (points are their own symbol). */
export const LABEL_ICON = 14;
/** Clear space between one mark's box (shape and label) and the next in its row. */
export const BOX_GAP = 8;
/** Shortest cut label worth showing, in characters with its ellipsis; shorter, the tooltip has it. */
const MIN_CUT_LABEL = 4;
/** Distance between the baselines of a wrapped label's lines, in ems. */
const LINE_SPACING = 1.2;
/**
 * How far past the drawing's edges a span's rectangle may reach. A day-long span at minute zoom is
 * millions of pixels wide; drawn whole, its dashed outline alone stalls the browser for seconds. Cut
 * just beyond the edge, its rounded, outlined ends stay out of sight and it reads as continuing.
 */
export const SPAN_OVERHANG = 16;
/** The page's {@link LayoutOptions.clipStep}: cuts at most this much further out. */
export const CLIP_STEP = 256;

/** A label placed beside its mark (or inside a long span). */
export interface LabelBox {
	x: number;
	/** Which side of the mark the text sits on; `end` anchors the text's right edge at `x`. */
	anchor: 'start' | 'end';
	/** The text shown: the lines joined by spaces. */
	text: string;
	/** The text line by line: one line on the page, up to `wrapLabels` in the exported figure. */
	lines: string[];
	/** Distance between the lines' baselines, in pixels. */
	lineHeight: number;
	/** True when some of the title was left out (cut with an ellipsis) to fit. */
	truncated: boolean;
	/** True when the label sits inside a long span rather than beside it. */
	inside: boolean;
	/** Width of the whole box: the category symbol (for spans) and the text. */
	width: number;
}

/** One event's mark, in pixels. Spans are cut just beyond the drawing's edges. */
export interface MarkLayout {
	id: string;
	order: number;
	lane: string;
	laneIndex: number;
	row: number;
	/** Vertical centre of the row. */
	y: number;
	/** Height of the row, which a wrapped label makes taller. */
	rowHeight: number;
	/** Horizontal extent of the (soft) interval, at least `minMarkWidth` wide. */
	x0: number;
	x1: number;
	/** The certain stretch of a span with uncertain ends. */
	core?: { x0: number; x1: number };
	/** Centre of the mark, where a point symbol sits. */
	cx: number;
	instant: boolean;
	uncertain: boolean;
	approximate: boolean;
	label?: LabelBox;
	event: PreparedEvent;
}

/** One lane's band. */
export interface LaneLayout {
	id: string;
	label: string;
	index: number;
	/** Top of the lane, including its header. */
	y: number;
	height: number;
	rows: number;
}

/**
 * Events of one lane too close together to draw one by one at this zoom, drawn as a count: a
 * {@link DensityCluster} (its `id` is `cluster:<lane>:<slice>`, stable while the zoom level stays;
 * `counted` when its lane has few clusters in view, each a box with its count written on it, while a
 * lane with many reads as density, the counts on hover and in the list) at its row's height.
 */
export interface ClusterLayout extends DensityCluster {
	y: number;
	/**
	 * True for the band of events dated to periods longer than the whole view (at a deep zoom into a
	 * large set, the month-long reports around it): counted across the lane, above the view's own
	 * events drawn one by one. Opening it shows their whole stretch.
	 */
	spanning?: boolean;
}

/** Most clusters a lane shows as counted boxes; past this it is drawn as a density profile. */
export const COUNTED_CLUSTERS = 8;

/** The laid-out timeline body. */
export interface TimelineLayout {
	lanes: LaneLayout[];
	marks: MarkLayout[];
	clusters: ClusterLayout[];
	height: number;
}

/** Where spans are cut on the left and the right, in pixels: see {@link clipBounds}. */
type ClipBounds = readonly [number, number];

/**
 * Where spans running off the drawing are cut: {@link SPAN_OVERHANG} beyond each edge, or with a
 * `step`, at least that far out on lines `step` pixels apart that are fixed in time. A pan then
 * moves a cut end with the span rather than with the edge (it jumps only every `step` pixels), so
 * the page leaves a long span's element alone while the reader drags.
 */
export function clipBounds(scale: TimeScale, width: number, step = 0): ClipBounds {
	const at = step > 0 ? scale(0) : NaN;
	if (!Number.isFinite(at)) return [-SPAN_OVERHANG, width + SPAN_OVERHANG];
	// The lines run through the epoch, a time every scale places.
	const phase = at - step * Math.floor(at / step);
	return [
		phase + step * Math.floor((-SPAN_OVERHANG - phase) / step),
		phase + step * Math.ceil((width + SPAN_OVERHANG - phase) / step)
	];
}

/** Cuts a horizontal extent to `bounds`. */
function clipExtent(x0: number, x1: number, [left, right]: ClipBounds): { x0: number; x1: number } {
	return { x0: Math.max(x0, left), x1: Math.min(x1, right) };
}

function markExtent(
	e: PreparedEvent,
	lane: number,
	scale: TimeScale,
	bounds: ClipBounds,
	options: LayoutOptions
) {
	if (e.instant) {
		const cx = scale(e.wall.start);
		const half = Math.max(options.pointSize / 2, symbolHalfWidth(lane));
		return { x0: cx - half, x1: cx + half, cx };
	}
	let x0 = scale(e.wall.start);
	let x1 = scale(e.wall.end);
	if (x1 - x0 < options.minMarkWidth) {
		const mid = (x0 + x1) / 2;
		x0 = mid - options.minMarkWidth / 2;
		x1 = mid + options.minMarkWidth / 2;
	}
	const clipped = clipExtent(x0, x1, bounds);
	return { ...clipped, cx: (clipped.x0 + clipped.x1) / 2 };
}

/** Left edge of a label's box. */
export const labelLeft = (label: LabelBox) =>
	label.anchor === 'end' ? label.x - label.width : label.x;

/** Number of marks whose title is not shown whole beside them: cut with an ellipsis, or left out. */
export function cutLabels(layout: Pick<TimelineLayout, 'marks'>): number {
	return layout.marks.filter((m) => !m.label || m.label.truncated).length;
}

/** An event ready to be stacked: its mark's extent and what its label needs. */
interface Candidate {
	event: PreparedEvent;
	x0: number;
	x1: number;
	cx: number;
	/** Room the label's category symbol takes (spans only). */
	icon: number;
	/** Width of the title on one line. */
	natural: number;
}

/** What a row holds so far: the right edge of all it draws, and the last mark placed in it. */
interface Row {
	end: number;
	last?: Placed;
}

/** A candidate placed in a row, its label chosen. */
interface Placed extends Candidate {
	row: number;
	label?: LabelBox;
}

type Side = 'start' | 'end' | 'inside';

/**
 * `title` in `count` lines of even length: the narrowest width that still takes no more lines, so a
 * wrapped label ends in a line of some length rather than one stray word, and takes less of its row.
 */
function balanced(title: string, fontSize: number, room: number, count: number): WrappedText {
	let low = Math.ceil(estimateTextWidth(title, fontSize) / count);
	let high = room;
	let best = wrapLines(title, fontSize, room, count);
	while (high - low > 2) {
		const mid = Math.floor((low + high) / 2);
		const attempt = wrapLines(title, fontSize, mid, count);
		if (attempt.truncated || attempt.lines.length > count) low = mid;
		else {
			best = attempt;
			high = mid;
		}
	}
	return best;
}

/**
 * Sets `title` in at most `lines` lines no wider than `room` (less the symbol), or shortens it;
 * undefined when less than a few characters would show. Words up to `unbreakable` pixels wide are
 * kept whole.
 */
function fitLabel(
	title: string,
	natural: number,
	room: number,
	icon: number,
	lines: number,
	fontSize: number,
	unbreakable: number,
	cut: boolean
): Pick<LabelBox, 'lines' | 'width' | 'truncated'> | undefined {
	const textRoom = room - icon;
	if (textRoom <= 0) return undefined;
	if (natural <= textRoom) return { lines: [title], width: natural + icon, truncated: false };
	// Most labels are tried in many places: say no early, without setting any text, where the
	// title cannot fit whole and a cut one is not wanted.
	if (!cut && (lines === 1 || natural > lines * (textRoom + fontSize))) return undefined;
	// Wrapping helps only where every word fits a line: a word broken in two reads as two. A word
	// wider than half the drawing (an address, a run of letters) fits nowhere, so it is broken.
	const wordsFit = () =>
		title.split(/\s+/).every((word) => {
			const w = estimateTextWidth(word, fontSize);
			return w <= textRoom || w > unbreakable;
		});
	if (lines > 1 && wordsFit()) {
		let wrapped = wrapLines(title, fontSize, textRoom, lines);
		if (wrapped.truncated && [...wrapped.lines.join(' ')].length < MIN_CUT_LABEL) return undefined;
		if (!wrapped.truncated) wrapped = balanced(title, fontSize, textRoom, wrapped.lines.length);
		const widest = Math.max(...wrapped.lines.map((line) => estimateTextWidth(line, fontSize)));
		return { lines: wrapped.lines, width: widest + icon, truncated: wrapped.truncated };
	}
	if (!cut) return undefined;
	const text = fitText(title, fontSize, textRoom);
	if ([...text].length < MIN_CUT_LABEL) return undefined;
	return { lines: [text], width: estimateTextWidth(text, fontSize) + icon, truncated: true };
}

/**
 * The label of `c` on one `side` in at most `lines` lines, when the row is clear from `from`
 * onwards: whole, or (with `cut`) shortened to the room there is.
 */
function labelOn(
	c: Candidate,
	side: Side,
	from: number,
	width: number,
	options: LayoutOptions,
	lines: number,
	cut: boolean
): LabelBox | undefined {
	const start = Math.max(from, 0);
	const insideStart = Math.max(c.x0, start) + LABEL_GAP;
	const room =
		side === 'start'
			? width - (c.x1 + LABEL_GAP)
			: side === 'end'
				? c.x0 - LABEL_GAP - start
				: c.event.instant
					? 0
					: Math.min(c.x1, width) - LABEL_GAP - insideStart;
	const { title } = c.event.event;
	const { fontSize } = options;
	const fitted = fitLabel(title, c.natural, room, c.icon, lines, fontSize, width / 2, cut);
	if (!fitted || (fitted.truncated && !cut)) return undefined;
	return {
		...fitted,
		x: side === 'inside' ? insideStart : side === 'start' ? c.x1 + LABEL_GAP : c.x0 - LABEL_GAP,
		anchor: side === 'end' ? 'end' : 'start',
		text: fitted.lines.join(' '),
		lineHeight: options.fontSize * LINE_SPACING,
		inside: side === 'inside'
	};
}

const SIDES: readonly Side[] = ['start', 'end', 'inside'];

/** A span drawn solid: its whole extent is known, so text inside would sit on a dark bar. */
const isFirmSpan = (c: Candidate) => !c.event.instant && !c.event.uncertain;

/**
 * The label of `c` in a row clear from `from`: whole on one line on the first side with room for it
 * (right, left, inside a long span), else whole in wrapped lines, else, with `cut`, shortened on the
 * side that shows the most.
 */
function chooseLabel(
	c: Candidate,
	from: number,
	width: number,
	options: LayoutOptions,
	cut: boolean,
	tries: readonly number[] = options.wrapLabels > 1 ? [1, options.wrapLabels] : [1]
): LabelBox | undefined {
	// Text over a solid bar is hard to read: a firm span's label goes inside only when nowhere else.
	const firm = isFirmSpan(c);
	for (const lines of tries) {
		for (const side of SIDES) {
			if (firm && side === 'inside') continue;
			const whole = labelOn(c, side, from, width, options, lines, false);
			if (whole) return whole;
		}
	}
	for (const lines of firm ? tries : []) {
		const whole = labelOn(c, 'inside', from, width, options, lines, false);
		if (whole) return whole;
	}
	if (!cut) return undefined;
	let best: LabelBox | undefined;
	for (const side of SIDES) {
		const label = labelOn(c, side, from, width, options, options.wrapLabels, true);
		if (label && (!best || label.text.length > best.text.length)) best = label;
	}
	return best;
}

/** Right edge of everything a placed mark draws. */
const placedEnd = (p: Placed) =>
	p.label && p.label.anchor === 'start' ? Math.max(p.x1, p.label.x + p.label.width) : p.x1;

/**
 * Stacks one lane's candidates into rows, left to right, so that nothing overlaps; `rows` may hold
 * rows already taken (a cluster band). Returns undefined when the lane needs more than
 * `options.maxMarkRows` rows.
 */
function stackLane(
	candidates: Candidate[],
	rows: Row[],
	width: number,
	options: LayoutOptions
): Placed[] | undefined {
	const placed: Placed[] = [];
	const sorted = [...candidates].sort((a, b) => a.x0 - b.x0 || a.event.order - b.event.order);
	const put = (c: Candidate, row: number, label: LabelBox | undefined) => {
		const item: Placed = { ...c, row, label };
		placed.push(item);
		rows[row] = { end: placedEnd(item), last: item };
	};
	for (const c of sorted) {
		const rowLimit = options.keepTitles ? options.maxMarkRows : options.maxRows;
		// 1. The first row where the mark and its whole label fit: on one line; else, while the lane
		// may open rows, a new row with the label on one line; else wrapped in an existing row.
		const firstRow = (lines: number) => {
			// The right and inside places do not depend on the row (the mark must fit it anyway).
			const right = labelOn(c, 'start', -Infinity, width, options, lines, false);
			let inside: LabelBox | undefined;
			let insideTried = false;
			const insideLabel = () => {
				if (!insideTried) inside = labelOn(c, 'inside', -Infinity, width, options, lines, false);
				insideTried = true;
				return inside;
			};
			for (let r = 0; r < rows.length; r++) {
				const from = (rows[r] as Row).end + BOX_GAP;
				if (c.x0 < from) continue;
				const label =
					right ??
					labelOn(c, 'end', from, width, options, lines, false) ??
					(isFirmSpan(c) && rows.length < rowLimit ? undefined : insideLabel());
				if (label) return { r, label };
			}
			return undefined;
		};
		const oneLine = firstRow(1);
		if (oneLine) {
			put(c, oneLine.r, oneLine.label);
			continue;
		}
		const fresh =
			rows.length < rowLimit ? chooseLabel(c, -Infinity, width, options, true) : undefined;
		const wrappedRow =
			options.wrapLabels === 1 || (fresh && !fresh.truncated && fresh.lines.length === 1)
				? undefined
				: firstRow(options.wrapLabels);
		if (wrappedRow) {
			put(c, wrappedRow.r, wrappedRow.label);
			continue;
		}
		// 2. A new row, while the lane may open rows for labels.
		if (rows.length < rowLimit) {
			put(c, rows.length, fresh);
			continue;
		}
		// 3. A row where the mark fits once the label before it is cut: the one that frees up first.
		let best = -1;
		for (let r = 0; r < rows.length; r++) {
			const row = rows[r] as Row;
			const last = row.last;
			const hardEnd = last ? last.x1 : row.end;
			if (hardEnd + BOX_GAP > c.x0) continue;
			if (best === -1 || row.end < (rows[best] as Row).end) best = r;
		}
		if (best !== -1) {
			const row = rows[best] as Row;
			const last = row.last;
			if (last && row.end + BOX_GAP > c.x0) {
				// Only a label to the right of the last mark can reach this far: cut it to what is left.
				const cut = labelOn(
					last,
					'start',
					-Infinity,
					c.x0 - BOX_GAP,
					options,
					options.wrapLabels,
					true
				);
				last.label = cut;
				row.end = placedEnd(last);
			}
			put(c, best, chooseLabel(c, row.end + BOX_GAP, width, options, true));
			continue;
		}
		// 4. A row of its own, up to the most a lane stacks.
		if (rows.length >= options.maxMarkRows) return undefined;
		put(c, rows.length, chooseLabel(c, -Infinity, width, options, true));
	}
	return placed;
}

/** True when some part of the event's interval falls inside `[0, width]` pixels. */
export const isVisible = (x0: number, x1: number, width: number) => x1 >= 0 && x0 <= width;

/** The set of ids to draw one by one whatever the density, from ids that may be missing. */
export function alwaysDrawn(...ids: (string | undefined)[]): ReadonlySet<string> {
	return new Set(ids.filter((id): id is string => id !== undefined));
}

/** Width (px) a cluster count's characters take at the cluster's 10 px type, with a margin. */
const countWidth = (text: string) => text.length * 7 + 4;

/**
 * The count a cluster `width` pixels wide shows: as exact as fits ("842", "1.2k", "12k"), or nothing
 * when even the shortest does not (its name says the number).
 */
export function clusterCountLabel(count: number, width: number): string | undefined {
	const forms =
		count < 1000
			? [String(count)]
			: [`${Math.round(count / 100) / 10}k`, `${Math.round(count / 1000)}k`];
	return forms.find((text) => countWidth(text) <= width);
}

/** How strongly a cluster is filled: denser is darker; the count carries the exact number. */
export const clusterOpacity = (count: number) => Math.min(0.95, 0.25 + Math.log10(count) * 0.22);

/** Which lanes (by index) are drawn as clusters: the largest first, until the rest fit the budget. */
function clusteredLanes(perLane: number[], options: LayoutOptions, width: number): Set<number> {
	const clustered = new Set<number>();
	// More events than rows of labels could ever hold is too many to read one by one.
	const laneLimit = Math.max(60, Math.floor((options.maxRows * width) / 40));
	let total = perLane.reduce((sum, n) => sum + n, 0);
	const bySize = perLane.map((n, i) => [n, i] as const).sort((a, b) => b[0] - a[0]);
	for (const [count, lane] of bySize) {
		if (total <= options.maxMarks && count <= laneLimit) break;
		clustered.add(lane);
		total -= count;
	}
	return clustered;
}

/**
 * Counts a clustered lane's events in slices `options.clusterWidth` pixels wide, by binary search
 * over their sorted midpoints: the cost grows with the number of slices, not of events.
 */
function clusterLane(
	lane: LaneEvents,
	laneRef: { id: string; index: number },
	scale: TimeScale,
	width: number,
	options: LayoutOptions
): Omit<ClusterLayout, 'y'>[] {
	const [d0, d1] = scale.domain().map(Number) as [number, number];
	// Slices are fixed in time, not in pixels, so they stay put while the reader pans; their
	// length is the time `clusterWidth` pixels show outside any break.
	const slice = msPerPixelOf(scale, width) * options.clusterWidth;
	const { mids, order } = lane.mids;
	const clusters: Omit<ClusterLayout, 'y' | 'density' | 'counted'>[] = [];
	for (let key = Math.floor(d0 / slice); key * slice <= d1; key++) {
		// Half-open slices: an event whose midpoint falls on a boundary is counted once, so the
		// counts of a lane add up to its events in view.
		const lo = bisectLeft(mids, key * slice);
		const hi = bisectLeft(mids, (key + 1) * slice, lo);
		if (hi <= lo) continue;
		const sample: PreparedEvent[] = [];
		for (let k = lo; k < Math.min(hi, lo + 3); k++) {
			const event = lane.events[order[k] ?? 0];
			if (event) sample.push(event);
		}
		clusters.push({
			id: `cluster:${laneRef.id}:${key}`,
			lane: laneRef.id,
			laneIndex: laneRef.index,
			x0: scale(key * slice) + 1,
			x1: scale((key + 1) * slice) - 1,
			count: hi - lo,
			start: mids[lo] ?? key * slice,
			end: mids[hi - 1] ?? (key + 1) * slice,
			sample
		});
	}
	const densest = clusters.reduce((most, c) => Math.max(most, c.count), 1);
	const counted = clusters.length <= COUNTED_CLUSTERS;
	return clusters.map((c) => ({ ...c, density: c.count / densest, counted }));
}

/** Time one pixel shows outside any break: what a slice of `px` pixels is measured in. */
function msPerPixelOf(scale: TimeScale, width: number): number {
	const [d0, d1] = scale.domain().map(Number) as [number, number];
	return scale.breaks().length ? 1 / scale.slope() : (d1 - d0) / Math.max(1, width);
}

/** Most events in view a lane lists to look for the ones longer than the view (past it, it clusters). */
const SPANNING_SEARCH = 5_000;

/**
 * A lane that is too full only because events longer than the whole window `[from, to]` run through
 * it: those apart (drawn as one counted band) and the others one by one. Undefined when there are
 * none such, or too many events in view to list.
 */
function splitSpanning(
	lane: LaneEvents,
	from: number,
	to: number,
	inView: number
): { short: PreparedEvent[]; spanning: PreparedEvent[] } | undefined {
	if (inView > SPANNING_SEARCH) return undefined;
	const short: PreparedEvent[] = [];
	const spanning: PreparedEvent[] = [];
	for (const position of eventsInWindow(lane.index, from, to)) {
		const event = lane.events[position] as PreparedEvent;
		(event.wall.end - event.wall.start >= to - from ? spanning : short).push(event);
	}
	return spanning.length ? { short, spanning } : undefined;
}

/** The counted band of a lane's {@link splitSpanning} events, across the stretch they cover. */
function spanningBand(
	spanning: readonly PreparedEvent[],
	laneRef: { id: string; index: number },
	scale: TimeScale,
	bounds: ClipBounds
): Omit<ClusterLayout, 'y'> {
	let start = Infinity;
	let end = -Infinity;
	for (const event of spanning) {
		start = Math.min(start, event.wall.start);
		end = Math.max(end, event.wall.end);
	}
	return {
		id: `cluster:${laneRef.id}:spanning`,
		lane: laneRef.id,
		laneIndex: laneRef.index,
		...clipExtent(scale(start), scale(end), bounds),
		count: spanning.length,
		density: 1,
		counted: true,
		start,
		end,
		sample: spanning.slice(0, 3),
		spanning: true
	};
}

/**
 * Lays out the events that the scale shows. `width` is the drawing width in pixels; events wholly
 * outside it are left out, so the DOM holds only what can be seen. Events in `include` (the focused
 * or pinned one) are drawn one by one even inside a clustered lane. With `density` (a tiled
 * timeline whose events in view are not at hand), every lane is drawn from its counts.
 */
export function layoutLanes(
	timeline: Pick<PreparedTimeline, 'lanes' | 'events' | 'byLane'>,
	scale: TimeScale,
	width: number,
	overrides: Partial<LayoutOptions> = {},
	include: ReadonlySet<string> = new Set(),
	density?: LaneDensity
): TimelineLayout {
	const options = { ...DEFAULT_LAYOUT, ...overrides };
	const laneIndex = new Map(timeline.lanes.map((lane, i) => [lane.id, i]));
	const [d0, d1] = scale.domain().map(Number) as [number, number];
	// Marks have a minimum width, so look a little beyond the edges.
	const margin = ((d1 - d0) / Math.max(1, width)) * options.pointSize;
	const from = d0 - margin;
	const to = d1 + margin;
	const inView = timeline.byLane.map((lane) => countInWindow(lane.index, from, to, true));
	const clustered = clusteredLanes(inView, options, width);
	const bounds = clipBounds(scale, width, options.clipStep);
	const candidate = (event: PreparedEvent): Candidate | undefined => {
		const lane = laneIndex.get(event.lane) ?? 0;
		const { x0, x1, cx } = markExtent(event, lane, scale, bounds, options);
		if (!isVisible(x0, x1, width)) return undefined;
		const natural = estimateTextWidth(event.event.title, options.fontSize);
		return { event, x0, x1, cx, icon: event.instant ? 0 : LABEL_ICON, natural };
	};
	// The focused and pinned events of clustered lanes, drawn one by one below the clusters.
	const included: Candidate[][] = timeline.lanes.map(() => []);
	for (const id of include) {
		const event = findEvent(timeline, id);
		const lane = event && laneIndex.get(event.lane);
		const c = event && candidate(event);
		if (c && lane !== undefined) included[lane]?.push(c);
	}

	const placed: Placed[][] = [];
	const clusters: Omit<ClusterLayout, 'y'>[] = [];
	// Marks the clustered lanes may still draw one by one beside their spanning bands: what the
	// lanes drawn in full leave of the budget, so the page never holds more than `maxMarks`.
	let spare =
		options.maxMarks - inView.reduce((sum, n, i) => (clustered.has(i) ? sum : sum + n), 0);
	timeline.byLane.forEach((lane, index) => {
		const ref = { id: timeline.lanes[index]?.id ?? '', index };
		if (density) {
			const [d0, d1] = scale.domain().map(Number) as [number, number];
			const perPixel = msPerPixelOf(scale, width);
			clusters.push(
				...density.clusters(ref, scale, d0, d1, perPixel, options.clusterWidth, COUNTED_CLUSTERS)
			);
			placed[index] = stackLane(included[index] ?? [], [{ end: Infinity }], width, options) ?? [];
			return;
		}
		if (!clustered.has(index)) {
			const candidates: Candidate[] = [];
			for (const position of eventsInWindow(lane.index, from, to)) {
				const c = candidate(lane.events[position] as PreparedEvent);
				if (c) candidates.push(c);
			}
			const stacked = stackLane(candidates, [], width, options);
			if (stacked) {
				placed[index] = stacked;
				return;
			}
		}
		// Too many only because events longer than the view run through it: they are one band on
		// the lane's first row, and the view's own events are drawn one by one below.
		const split = splitSpanning(lane, from, to, inView[index] ?? 0);
		if (split && split.short.length <= spare) {
			const ids = new Set(split.short.map((e) => e.id));
			const candidates = (included[index] ?? []).filter((c) => !ids.has(c.event.id));
			for (const event of split.short) {
				const c = candidate(event);
				if (c) candidates.push(c);
			}
			candidates.sort((a, b) => a.event.order - b.event.order);
			const stacked = stackLane(candidates, [{ end: Infinity }], width, options);
			if (stacked) {
				spare -= split.short.length;
				clusters.push(spanningBand(split.spanning, ref, scale, bounds));
				placed[index] = stacked;
				return;
			}
		}
		// Too many to draw one by one: clusters take the lane's first row, included events go below.
		clusters.push(...clusterLane(lane, ref, scale, width, options));
		const rows: Row[] = [{ end: Infinity }];
		placed[index] = stackLane(included[index] ?? [], rows, width, options) ?? [];
	});

	// Each row is as tall as its tallest label needs.
	const lineHeight = options.fontSize * LINE_SPACING;
	const rowHeights: number[][] = timeline.lanes.map((_, index) => {
		const heights: number[] = [options.rowHeight];
		for (const p of placed[index] ?? []) {
			const lines = p.label?.lines.length ?? 1;
			const needed = options.rowHeight + (lines - 1) * lineHeight;
			heights[p.row] = Math.max(heights[p.row] ?? options.rowHeight, needed);
		}
		return Array.from(heights, (h) => h ?? options.rowHeight);
	});

	let y = 0;
	const rowTops: number[][] = [];
	const lanes: LaneLayout[] = timeline.lanes.map((lane, index) => {
		const heights = rowHeights[index] as number[];
		let top = y + options.laneHeader;
		rowTops[index] = heights.map((h) => {
			const rowTop = top;
			top += h;
			return rowTop;
		});
		const height = top - y + options.laneGap;
		const band = { id: lane.id, label: lane.label, index, y, height, rows: heights.length };
		y += height;
		return band;
	});
	const rowY = (lane: number, row: number) =>
		(rowTops[lane]?.[row] ?? 0) + (rowHeights[lane]?.[row] ?? options.rowHeight) / 2;
	const marks: MarkLayout[] = placed.flatMap((lanePlaced, index) =>
		(lanePlaced ?? []).map((p) => {
			const { event } = p;
			const core =
				event.wallCore &&
				clipExtent(scale(event.wallCore.start), scale(event.wallCore.end), bounds);
			return {
				id: event.id,
				order: event.order,
				lane: event.lane,
				laneIndex: index,
				row: p.row,
				y: rowY(index, p.row),
				rowHeight: rowHeights[index]?.[p.row] ?? options.rowHeight,
				x0: p.x0,
				x1: p.x1,
				core,
				cx: p.cx,
				instant: event.instant,
				uncertain: event.uncertain,
				approximate: event.event.approximate === true,
				label: p.label,
				event
			};
		})
	);
	return {
		lanes,
		marks,
		// Assigned, not spread, so a lazily read sample stays lazy.
		clusters: clusters.map((cluster) => Object.assign(cluster, { y: rowY(cluster.laneIndex, 0) })),
		height: y
	};
}
