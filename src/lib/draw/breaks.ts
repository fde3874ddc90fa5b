/**
 * Breaks in the axis as SVG nodes: a light band down through the lanes with the time it leaves out
 * written on it, the break symbol (two slanted strokes) where it cuts the axis line, and a cut with
 * the same strokes across each span that runs through it.
 */
import type { BreakLayout } from '$lib/layout/frame';
import type { MarkLayout } from '$lib/layout/lanes';
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

/**
 * Each break's band from the axis line at `top` down to `bottom`, its symbol on the axis line and,
 * with `labels`, the time it leaves out: across the band when it fits, else up along it.
 */
export function breakNodes(
	breaks: readonly BreakLayout[],
	top: number,
	bottom: number,
	theme: Theme,
	labels = true
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
				fill: theme.paper
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
		const cy = top + 14 + (across ? 0 : textWidth / 2);
		if (bottom - cy < (across ? 8 : textWidth / 2)) return nodes;
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
					fill: theme.inkSoft
				},
				b.label
			)
		);
		return nodes;
	});
}

/** The cut across each span that runs through a break: two slanted strokes with paper between. */
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
