/**
 * Lane and label layout: `(events, scale, viewport) → marks, rows and labels`, a pure function.
 * Each lane (category) stacks its events into rows; an event's box is its mark plus its label, and
 * boxes in a row never overlap, so no two labels can. A lane that runs out of rows still draws every
 * mark but leaves the label to the tooltip rather than let text collide. Only events in view are laid
 * out, and a lane with more than the screen can show is drawn as counted clusters that split as the
 * reader zooms in.
 */
import { bisectLeft, bisectRight } from 'd3-array';
import { countInWindow, eventsInWindow } from '$lib/model/time-index';
import {
	findEvent,
	type LaneEvents,
	type PreparedEvent,
	type PreparedTimeline
} from '$lib/model/timeline';
import type { TimeScale } from './scale';
import { estimateTextWidth, fitText } from './text';

/** Sizes the layout works with, in pixels. */
export interface LayoutOptions {
	/** @default 24 */
	rowHeight: number;
	/** Space above each lane's rows for its name. @default 22 */
	laneHeader: number;
	/** Gap below a lane. @default 10 */
	laneGap: number;
	/** @default 12 */
	fontSize: number;
	/** Most rows a lane may stack before labels are left to the tooltip. @default 12 */
	maxRows: number;
	/** Longest a label may be before it is shortened with an ellipsis. @default 240 */
	maxLabelWidth: number;
	/** Narrowest a mark is drawn, so a minute-long span stays visible. @default 6 */
	minMarkWidth: number;
	/** Width of a point mark's symbol. @default 12 */
	pointSize: number;
	/** Most events drawn one by one; denser lanes become clusters. @default 400 */
	maxMarks: number;
	/** Width of a cluster's slice of time, in pixels. @default 28 */
	clusterWidth: number;
}

/** The defaults for {@link LayoutOptions}. */
export const DEFAULT_LAYOUT: LayoutOptions = {
	rowHeight: 24,
	laneHeader: 22,
	laneGap: 10,
	fontSize: 12,
	maxRows: 12,
	maxLabelWidth: 240,
	minMarkWidth: 6,
	pointSize: 12,
	maxMarks: 400,
	clusterWidth: 28
};

const LABEL_GAP = 5;
/** Room before a span's label for its category symbol (points are their own symbol). */
export const LABEL_ICON = 14;
const BOX_GAP = 8;
/**
 * How far past the drawing's edges a span's rectangle may reach. A day-long span at minute zoom is
 * millions of pixels wide; drawn whole, its dashed outline alone stalls the browser for seconds. Cut
 * just beyond the edge, its rounded, outlined ends stay out of sight and it reads as continuing.
 */
export const SPAN_OVERHANG = 16;

/** A label placed beside its mark. */
export interface LabelBox {
	x: number;
	/** Which side of the mark the text sits on; `end` anchors the text's right edge at `x`. */
	anchor: 'start' | 'end';
	text: string;
	/** True when the text was shortened to fit. */
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

/** Events of one lane too close together to draw one by one at this zoom, drawn as a count. */
export interface ClusterLayout {
	/** `cluster:<lane>:<slice>`, stable while the zoom level stays. */
	id: string;
	lane: string;
	laneIndex: number;
	x0: number;
	x1: number;
	y: number;
	count: number;
	/** Its count against the densest cluster of its lane in view, in (0, 1]: the height it is drawn at. */
	density: number;
	/**
	 * True when its lane has few clusters in view, so each is a box with its count written on it;
	 * a lane with many reads as density (bar heights), the counts on hover and in the list.
	 */
	counted: boolean;
	/** Wall-clock extent of the events in the cluster. */
	start: number;
	end: number;
	/** Up to three of its events, in time order, for the tooltip. */
	sample: PreparedEvent[];
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

/** Cuts a horizontal extent to the drawing plus {@link SPAN_OVERHANG} on each side. */
function clipExtent(x0: number, x1: number, width: number): { x0: number; x1: number } {
	return {
		x0: Math.max(x0, -SPAN_OVERHANG),
		x1: Math.min(x1, width + SPAN_OVERHANG)
	};
}

function markExtent(e: PreparedEvent, scale: TimeScale, width: number, options: LayoutOptions) {
	if (e.instant) {
		const cx = scale(e.wall.start);
		return { x0: cx - options.pointSize / 2, x1: cx + options.pointSize / 2, cx };
	}
	let x0 = scale(e.wall.start);
	let x1 = scale(e.wall.end);
	if (x1 - x0 < options.minMarkWidth) {
		const mid = (x0 + x1) / 2;
		x0 = mid - options.minMarkWidth / 2;
		x1 = mid + options.minMarkWidth / 2;
	}
	const clipped = clipExtent(x0, x1, width);
	return { ...clipped, cx: (clipped.x0 + clipped.x1) / 2 };
}

/** Places the label right of the mark, else left, else shortened on the roomier side, else nowhere. */
function placeLabel(
	title: string,
	x0: number,
	x1: number,
	width: number,
	icon: number,
	options: LayoutOptions
): LabelBox | undefined {
	const full = estimateTextWidth(title, options.fontSize) + icon;
	const rightRoom = Math.min(options.maxLabelWidth, width - (x1 + LABEL_GAP));
	const leftRoom = Math.min(options.maxLabelWidth, x0 - LABEL_GAP);
	// The visible part of a long span can hold its own label.
	const insideStart = Math.max(x0, 0) + LABEL_GAP;
	const insideRoom = Math.min(options.maxLabelWidth, Math.min(x1, width) - LABEL_GAP - insideStart);
	const place = (side: 'start' | 'end' | 'inside', room: number): LabelBox | undefined => {
		const text = fitText(title, options.fontSize, room - icon);
		if (text.length < 4 && text !== title) return undefined;
		return {
			x: side === 'inside' ? insideStart : side === 'start' ? x1 + LABEL_GAP : x0 - LABEL_GAP,
			anchor: side === 'end' ? 'end' : 'start',
			text,
			truncated: text !== title,
			inside: side === 'inside',
			width: estimateTextWidth(text, options.fontSize) + icon
		};
	};
	if (full <= rightRoom) return place('start', rightRoom);
	if (full <= leftRoom) return place('end', leftRoom);
	if (full <= insideRoom) return place('inside', insideRoom);
	const [side, room] = (
		[
			['start', rightRoom],
			['end', leftRoom],
			['inside', insideRoom]
		] as const
	).reduce((best, option) => (option[1] > best[1] ? option : best));
	return place(side, room);
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
	const msPerPixel = scale.breaks().length ? 1 / scale.slope() : (d1 - d0) / Math.max(1, width);
	const slice = msPerPixel * options.clusterWidth;
	const { mids, order } = lane.mids;
	const clusters: Omit<ClusterLayout, 'y' | 'density' | 'counted'>[] = [];
	for (let key = Math.floor(d0 / slice); key * slice <= d1; key++) {
		const lo = bisectLeft(mids, key * slice);
		const hi = bisectRight(mids, (key + 1) * slice, lo);
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

/**
 * Lays out the events that the scale shows. `width` is the drawing width in pixels; events wholly
 * outside it are left out, so the DOM holds only what can be seen. Events in `include` (the focused
 * or pinned one) are drawn one by one even inside a clustered lane.
 */
export function layoutLanes(
	timeline: Pick<PreparedTimeline, 'lanes' | 'events' | 'byLane'>,
	scale: TimeScale,
	width: number,
	overrides: Partial<LayoutOptions> = {},
	include: ReadonlySet<string> = new Set()
): TimelineLayout {
	const options = { ...DEFAULT_LAYOUT, ...overrides };
	const laneIndex = new Map(timeline.lanes.map((lane, i) => [lane.id, i]));
	const [d0, d1] = scale.domain().map(Number) as [number, number];
	// Marks have a minimum width, so look a little beyond the edges.
	const margin = ((d1 - d0) / Math.max(1, width)) * options.pointSize;
	const from = d0 - margin;
	const to = d1 + margin;
	const clustered = clusteredLanes(
		timeline.byLane.map((lane) => countInWindow(lane.index, from, to, lane.events)),
		options,
		width
	);

	// Right edge of the last box in each row, per lane.
	const rowEnds: number[][] = timeline.lanes.map(() => []);
	const placed: Omit<MarkLayout, 'y' | 'laneIndex'>[] = [];
	const clusters: Omit<ClusterLayout, 'y'>[] = [];
	const individual: PreparedEvent[] = [];
	timeline.byLane.forEach((lane, index) => {
		if (!clustered.has(index)) {
			for (const position of eventsInWindow(lane.index, lane.events, from, to)) {
				individual.push(lane.events[position] as PreparedEvent);
			}
			return;
		}
		const ref = { id: timeline.lanes[index]?.id ?? '', index };
		clusters.push(...clusterLane(lane, ref, scale, width, options));
		// Clusters take the lane's first row; events drawn one by one go below them.
		(rowEnds[index] as number[]).push(Infinity);
	});
	for (const id of include) {
		const event = findEvent(timeline, id);
		const lane = event && laneIndex.get(event.lane);
		if (event && lane !== undefined && clustered.has(lane)) individual.push(event);
	}

	for (const event of individual) {
		const lane = laneIndex.get(event.lane);
		if (lane === undefined) continue;
		const { x0, x1, cx } = markExtent(event, scale, width, options);
		if (!isVisible(x0, x1, width)) continue;
		const ends = rowEnds[lane] as number[];
		const icon = event.instant ? 0 : LABEL_ICON;
		let label = placeLabel(event.event.title, x0, x1, width, icon, options);
		const boxStart = (l = label) => (l && l.anchor === 'end' ? l.x - l.width : x0);
		const boxEnd = (l = label) => (l && l.anchor === 'start' ? Math.max(x1, l.x + l.width) : x1);
		let row = ends.findIndex((end) => end + BOX_GAP <= boxStart());
		if (row === -1 && ends.length < options.maxRows) row = ends.length;
		if (row === -1) {
			// Every row is taken: draw the mark without its label (the tooltip has it), in a row where
			// the bare mark fits, else in the row that frees up first.
			label = undefined;
			row = ends.findIndex((end) => end + BOX_GAP <= x0);
			if (row === -1) row = ends.indexOf(Math.min(...ends));
		}
		ends[row] = Math.max(ends[row] ?? -Infinity, boxEnd());
		const core =
			event.wallCore && clipExtent(scale(event.wallCore.start), scale(event.wallCore.end), width);
		placed.push({
			id: event.id,
			order: event.order,
			lane: event.lane,
			row,
			x0,
			x1,
			core,
			cx,
			instant: event.instant,
			uncertain: event.uncertain,
			approximate: event.event.approximate === true,
			label,
			event
		});
	}

	let y = 0;
	const lanes: LaneLayout[] = timeline.lanes.map((lane, index) => {
		const rows = Math.max(1, (rowEnds[index] as number[]).length);
		const height = options.laneHeader + rows * options.rowHeight + options.laneGap;
		const band = { id: lane.id, label: lane.label, index, y, height, rows };
		y += height;
		return band;
	});
	const rowY = (lane: number, row: number) =>
		((lanes[lane] as LaneLayout).y ?? 0) + options.laneHeader + (row + 0.5) * options.rowHeight;
	const marks = placed.map((mark) => {
		const index = laneIndex.get(mark.lane) ?? 0;
		return { ...mark, laneIndex: index, y: rowY(index, mark.row) };
	});
	return {
		lanes,
		marks,
		clusters: clusters.map((cluster) => ({ ...cluster, y: rowY(cluster.laneIndex, 0) })),
		height: y
	};
}
