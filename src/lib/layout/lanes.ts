/**
 * Lane and label layout: `(events, scale, viewport) → marks, rows and labels`, a pure function.
 * Each lane (category) stacks its events into rows; an event's box is its mark plus its label, and
 * boxes in a row never overlap, so no two labels can. A lane that runs out of rows still draws every
 * mark but leaves the label to the tooltip rather than let text collide.
 */
import type { PreparedEvent, PreparedTimeline } from '$lib/model/timeline';
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
	pointSize: 12
};

const LABEL_GAP = 5;
/** Room before a span's label for its category symbol (points are their own symbol). */
export const LABEL_ICON = 14;
const BOX_GAP = 8;

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

/** One event's mark, in pixels. */
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

/** The laid-out timeline body. */
export interface TimelineLayout {
	lanes: LaneLayout[];
	marks: MarkLayout[];
	height: number;
}

function markExtent(e: PreparedEvent, scale: TimeScale, options: LayoutOptions) {
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
	return { x0, x1, cx: (x0 + x1) / 2 };
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

/**
 * Lays out the events that the scale shows. `width` is the drawing width in pixels; events wholly
 * outside it are left out, so the DOM holds only what can be seen.
 */
export function layoutLanes(
	timeline: Pick<PreparedTimeline, 'lanes' | 'events'>,
	scale: TimeScale,
	width: number,
	overrides: Partial<LayoutOptions> = {}
): TimelineLayout {
	const options = { ...DEFAULT_LAYOUT, ...overrides };
	const laneIndex = new Map(timeline.lanes.map((lane, i) => [lane.id, i]));
	// Right edge of the last box in each row, per lane.
	const rowEnds: number[][] = timeline.lanes.map(() => []);
	const placed: Omit<MarkLayout, 'y' | 'laneIndex'>[] = [];

	for (const event of timeline.events) {
		const lane = laneIndex.get(event.lane);
		if (lane === undefined) continue;
		const { x0, x1, cx } = markExtent(event, scale, options);
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
		const core = event.wallCore && {
			x0: scale(event.wallCore.start),
			x1: scale(event.wallCore.end)
		};
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
	const marks = placed.map((mark) => {
		const index = laneIndex.get(mark.lane) ?? 0;
		const band = lanes[index] as LaneLayout;
		return {
			...mark,
			laneIndex: index,
			y: band.y + options.laneHeader + (mark.row + 0.5) * options.rowHeight
		};
	});
	return { lanes, marks, height: y };
}
