/**
 * Breaks in the axis as SVG nodes: a light band down through the lanes with the time it leaves out
 * written on it, the break symbol (two slanted strokes) where it cuts the axis line, and a cut with
 * the same strokes across each span that runs through it.
 */
import type { BreakLayout } from '$lib/layout/frame';
import type { LabelBox, MarkLayout, TimelineLayout } from '$lib/layout/lanes';
import { estimateTextWidth } from '$lib/layout/text';
import type { Theme } from '$lib/layout/theme';
import { BAR_HEIGHT } from './marks';
import { svgNode, type SvgNode } from './node';
import { num } from './xml';

const LABEL_SIZE = 11;
/** How far a break stroke leans: its top is this many pixels right of its bottom. */
const LEAN = 4;

/** A slanted stroke centred on `(x, y)`, `height` tall. */
const stroke = (x: number, y: number, height: number, theme: Theme, className = 'break-mark') =>
	svgNode('path', {
		class: className,
		d: `M${num(x - LEAN / 2)},${num(y + height / 2)}L${num(x + LEAN / 2)},${num(y - height / 2)}`,
		stroke: theme.inkSoft,
		'stroke-width': 1.5,
		fill: 'none'
	});

/** Something drawn in a row, which a break's label keeps clear of: its extent and row centre. */
export interface RowItem {
	x0: number;
	x1: number;
	y: number;
	/** Height of its row (a wrapped label makes a row taller). @default 24 */
	rowHeight?: number;
}

/** Where a label's box runs, left to right. */
const labelSpan = (label: LabelBox): [number, number] =>
	label.anchor === 'start' ? [label.x, label.x + label.width] : [label.x - label.width, label.x];

/** What a mark takes up in its row: its shape and its label. */
export function markExtent(m: MarkLayout): RowItem {
	const { rowHeight } = m;
	if (!m.label) return { x0: m.x0, x1: m.x1, y: m.y, rowHeight };
	const [a, b] = labelSpan(m.label);
	return { x0: Math.min(m.x0, a), x1: Math.max(m.x1, b), y: m.y, rowHeight };
}

/** The first stretch `length` tall below `from` and above `to` that no row item in `[x0, x1]` crosses. */
function freeRun(
	items: readonly RowItem[],
	x0: number,
	x1: number,
	from: number,
	to: number,
	length: number
) {
	const taken = items
		.filter((item) => item.x1 > x0 && item.x0 < x1)
		.map((item) => {
			const half = (item.rowHeight ?? 24) / 2;
			return [item.y - half, item.y + half] as const;
		})
		.sort((a, b) => a[0] - b[0]);
	let y = from;
	for (const [start, end] of taken) {
		if (y + length <= start) break;
		y = Math.max(y, end);
	}
	return y + length <= to ? y : undefined;
}

/** What a break's label keeps clear of in a laid-out body: every mark with its label, and clusters. */
export function breakObstacles(
	body: Pick<TimelineLayout, 'marks' | 'clusters'> & Partial<Pick<TimelineLayout, 'lanes'>>
): RowItem[] {
	// Each lane's name (drawn by laneNodes: symbol at 12, text from 22, 11 px capitals spaced 0.5).
	const names = (body.lanes ?? []).map((lane) => {
		const text = lane.label.toUpperCase();
		const width = estimateTextWidth(text, 11) + text.length * 0.5;
		return { x0: 0, x1: 22 + width, y: lane.y + 12, rowHeight: 24 };
	});
	return [...body.marks.map(markExtent), ...body.clusters, ...names];
}

/** How a break's band is drawn. */
export interface BreakDrawing {
	/** Write the time each break leaves out. @default true */
	labels?: boolean;
	/** Marks, clusters and lane names, which the labels keep clear of. @default [] */
	items?: readonly RowItem[];
}

/**
 * Each break's band from the axis line at `top` down to `bottom`, its symbol on the axis line and
 * the time it leaves out: across the band when it fits, else up along it, where no mark is in the way.
 */
export function breakNodes(
	breaks: readonly BreakLayout[],
	top: number,
	bottom: number,
	theme: Theme,
	{ labels = true, items = [] }: BreakDrawing = {}
): SvgNode[] {
	return breaks.flatMap((b) => {
		const width = b.x1 - b.x0;
		const nodes: SvgNode[] = [
			svgNode('rect', {
				class: 'break-band',
				x: b.x0,
				y: top,
				width,
				height: Math.max(0, bottom - top),
				fill: theme.paper,
				// Light enough that a lane's name under it still reads.
				'fill-opacity': 0.7
			}),
			svgNode('path', {
				class: 'break-edge',
				d: `M${num(b.x0)},${num(top)}V${num(bottom)}M${num(b.x1)},${num(top)}V${num(bottom)}`,
				stroke: theme.rule,
				'stroke-dasharray': '2 3',
				fill: 'none'
			}),
			stroke(b.x0, top, 12, theme),
			stroke(b.x1, top, 12, theme)
		];
		if (!labels) return nodes;
		const textWidth = estimateTextWidth(b.label, LABEL_SIZE);
		const cx = (b.x0 + b.x1) / 2;
		const across = textWidth + 8 <= width;
		// Up along a narrow band, reading from the bottom, as a book's spine does.
		const length = across ? 16 : textWidth + 8;
		const y = freeRun(items, b.x0, b.x1, top + 8, bottom, length);
		if (y === undefined) return nodes;
		const cy = y + length / 2;
		nodes.push(
			svgNode(
				'text',
				{
					class: 'break-label',
					transform: across ? undefined : `rotate(-90 ${num(cx)} ${num(cy)})`,
					x: cx,
					y: cy,
					'text-anchor': 'middle',
					'dominant-baseline': 'central',
					'font-size': LABEL_SIZE,
					fill: theme.inkSoft,
					// A halo of paper keeps it legible where it crosses a grid line.
					stroke: theme.paper,
					'stroke-width': 3,
					'stroke-linejoin': 'round',
					'paint-order': 'stroke'
				},
				b.label
			)
		);
		return nodes;
	});
}

/**
 * The cut across each span that runs through a break: two slanted strokes with paper between (left
 * out where the span's own label runs across the break).
 */
export function breakCutNodes(
	breaks: readonly BreakLayout[],
	marks: readonly MarkLayout[],
	theme: Theme
): SvgNode[] {
	const nodes: SvgNode[] = [];
	for (const b of breaks) {
		const cx = (b.x0 + b.x1) / 2;
		const gap = Math.min(6, (b.x1 - b.x0) / 3);
		for (const m of marks) {
			if (m.instant || m.x0 > cx - gap || m.x1 < cx + gap) continue;
			// A label written along the span is not cut through: the band behind shows the break.
			const [a, b] = m.label?.inside ? labelSpan(m.label) : [Infinity, -Infinity];
			if (a < cx + gap && b > cx - gap) continue;
			const height = BAR_HEIGHT + 6;
			const [top, bottom] = [m.y - height / 2, m.y + height / 2];
			const [left, right] = [cx - gap / 2, cx + gap / 2];
			nodes.push(
				svgNode('path', {
					class: 'break-band',
					d: `M${num(left - LEAN / 2)},${num(bottom)}L${num(left + LEAN / 2)},${num(top)}H${num(right + LEAN / 2)}L${num(right - LEAN / 2)},${num(bottom)}Z`,
					fill: theme.paper
				}),
				stroke(left, m.y, height, theme),
				stroke(right, m.y, height, theme)
			);
		}
	}
	return nodes;
}
