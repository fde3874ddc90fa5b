/**
 * Events and clusters as SVG nodes: a symbol for an exact moment, a bar for a span, a soft band over
 * the whole interval when the date is known only to the day, part of day or month, a dashed outline
 * when the source hedges; a label beside the mark. Every style is a presentation attribute, so the
 * exported file needs no stylesheet; the page's CSS only adds the interactive states (hover, focus,
 * search) on top.
 */
import { laneColor, laneSymbolAt } from '$lib/layout/encoding';
import {
	clusterCountLabel,
	clusterOpacity,
	LABEL_ICON,
	type ClusterLayout,
	type LaneLayout,
	type MarkLayout
} from '$lib/layout/lanes';
import type { Theme } from '$lib/layout/theme';
import type { PreparedEvent } from '$lib/model/timeline';
import { px, sameNodes, svgNode, type SvgAttributes, type SvgNode } from './node';
import { num } from './xml';

/** Height of a span's bar, in pixels. */
export const BAR_HEIGHT = 14;
/** Height of a cluster's band, in pixels. */
export const CLUSTER_HEIGHT = 16;
/** Fill of a span whose whole extent is known. */
const FIRM_OPACITY = 0.9;
/** Fill of a span that says "sometime in this period". */
export const SOFT_OPACITY = 0.22;
/** The outline of a date the source gives as approximate. */
export const APPROXIMATE_DASH = '3 2';

/** How certain a mark's date is: what its fill and outline say. */
export interface DateStyle {
	/** Known only to a period (day, part of day, month): a soft band over the whole period. */
	uncertain: boolean;
	/** The source hedges ("about"): a dashed outline. */
	approximate: boolean;
}

/** Fill and stroke of a span's bar in `color`. */
export function spanPaint({ uncertain, approximate }: DateStyle, color: string): SvgAttributes {
	return {
		fill: color,
		stroke: color,
		'fill-opacity': uncertain ? SOFT_OPACITY : FIRM_OPACITY,
		'stroke-opacity': uncertain ? 0.75 : undefined,
		'stroke-dasharray': approximate ? APPROXIMATE_DASH : undefined
	};
}

/** Fill and stroke of a point symbol in `color`. */
export function pointPaint({ approximate }: Pick<DateStyle, 'approximate'>, color: string) {
	return {
		fill: color,
		stroke: color,
		'fill-opacity': approximate ? 0.45 : undefined,
		'stroke-width': approximate ? 1.5 : undefined,
		'stroke-dasharray': approximate ? APPROXIMATE_DASH : undefined
	};
}

/**
 * The shape of an event, `dx` pixels left and `dy` up: its symbol, or its bar and the bar's
 * certain core.
 */
function shapeNodes(m: MarkLayout, color: string, dx: number, dy: number): SvgNode[] {
	if (m.instant) {
		return [
			svgNode('path', {
				class: 'point',
				d: laneSymbolAt(m.laneIndex, px(m.cx, dx), px(m.y, dy)),
				...pointPaint(m, color)
			})
		];
	}
	const bar = { y: px(m.y - BAR_HEIGHT / 2, dy), height: BAR_HEIGHT };
	const shapes = [
		svgNode('rect', {
			class: 'span',
			x: px(m.x0, dx),
			width: px(m.x1 - m.x0),
			...bar,
			rx: 3,
			...spanPaint(m, color)
		})
	];
	if (m.core && m.core.x1 > m.core.x0) {
		shapes.push(
			svgNode('rect', {
				class: 'core',
				x: px(m.core.x0, dx),
				width: px(m.core.x1 - m.core.x0),
				...bar,
				fill: color,
				'fill-opacity': FIRM_OPACITY
			})
		);
	}
	return shapes;
}

/**
 * The label beside a mark; a span's label starts with its category symbol. A wrapped label is one
 * <text> with a <tspan> per line, its lines centred on the mark's row.
 */
function labelNodes(m: MarkLayout, color: string, theme: Theme, dx: number, dy: number): SvgNode[] {
	const label = m.label;
	if (!label) return [];
	const start = label.anchor === 'start';
	const lines = label.lines;
	const firstY = m.y - dy - ((lines.length - 1) * label.lineHeight) / 2;
	const nodes: SvgNode[] = [];
	if (!m.instant) {
		nodes.push(
			svgNode('path', {
				class: 'icon',
				d: laneSymbolAt(m.laneIndex, px(start ? label.x + 6 : label.x - 6, dx), px(firstY), 9),
				fill: color
			})
		);
	}
	const x = px(m.instant ? label.x : start ? label.x + LABEL_ICON : label.x - LABEL_ICON, dx);
	const attrs = {
		class: 'label',
		x,
		y: px(firstY),
		'text-anchor': label.anchor,
		'dominant-baseline': 'central',
		'font-size': 12,
		fill: theme.ink
	};
	const content =
		lines.length === 1
			? label.text
			: lines.map((line, i) => svgNode('tspan', { x, y: px(firstY + i * label.lineHeight) }, line));
	nodes.push(svgNode('text', attrs, content));
	return nodes;
}

/**
 * Everything one event draws: its shape, then its label. Drawn `dx` pixels left of and `dy` up
 * from where the layout placed it when the page draws it inside a group moved by as much (its
 * lane's, placed by the pan: see `panOrigin`).
 */
export function markNodes(m: MarkLayout, theme: Theme, dx = 0, dy = 0): SvgNode[] {
	const color = laneColor(m.laneIndex);
	return [...shapeNodes(m, color, dx, dy), ...labelNodes(m, color, theme, dx, dy)];
}

/** One event as the page draws it: {@link markNodes} and the box of its focus ring. */
export interface MarkDrawing {
	readonly id: string;
	readonly event: PreparedEvent;
	readonly laneIndex: number;
	readonly uncertain: boolean;
	readonly approximate: boolean;
	readonly nodes: readonly SvgNode[];
	/** Where the focus ring goes round the mark (22 px tall), in the nodes' coordinates. */
	readonly ring: { readonly x: number; readonly y: number; readonly width: number };
}

/**
 * Each mark's drawing by id, in the marks' order: {@link markNodes} `dx` pixels left and up by the
 * top of its lane in `lanes`. A mark drawn just as in `before` keeps the drawing it had there, so
 * the page hands its element the same value and leaves it alone: while the reader pans, only the
 * marks that change (at the edges, or where rows are packed anew) are redrawn.
 */
export function markDrawings(
	marks: readonly MarkLayout[],
	lanes: readonly LaneLayout[],
	theme: Theme,
	dx: number,
	before: ReadonlyMap<string, MarkDrawing> = new Map()
): Map<string, MarkDrawing> {
	const drawings = new Map<string, MarkDrawing>();
	for (const m of marks) {
		const dy = lanes[m.laneIndex]?.y ?? 0;
		const nodes = markNodes(m, theme, dx, dy);
		const ring = {
			x: px(Math.min(m.x0, m.cx - 8) - 3, dx),
			y: px(m.y - 11, dy),
			width: px(Math.max(m.x1 - m.x0, 16) + 6)
		};
		const old = before.get(m.id);
		const same =
			old &&
			old.event === m.event &&
			old.ring.x === ring.x &&
			old.ring.y === ring.y &&
			old.ring.width === ring.width &&
			sameNodes(old.nodes, nodes);
		drawings.set(
			m.id,
			same
				? old
				: {
						id: m.id,
						event: m.event,
						laneIndex: m.laneIndex,
						uncertain: m.uncertain,
						approximate: m.approximate,
						nodes,
						ring
					}
		);
	}
	return drawings;
}

/** Lowest a density bar is drawn, so the sparsest slice of a lane still shows. */
const MIN_DENSITY_HEIGHT = 2;
/** Shades a density lane is drawn in: its bars grouped by how dense they are, one path each. */
export const DENSITY_SHADES = 4;

/**
 * A lane with many clusters in view, as density: each cluster a bar standing on the row's baseline,
 * as tall as its slice is dense against the lane's densest, and darker the denser (in
 * {@link DENSITY_SHADES} steps), so the lane reads as a histogram; the counts are on hover and in
 * the list. One path per shade rather than an element per bar: a million events fill hundreds of
 * bars, all redrawn on every frame of a zoom.
 */
export function densityNodes(clusters: readonly ClusterLayout[], dx = 0): SvgNode[] {
	const paths: string[] = Array.from({ length: DENSITY_SHADES }, () => '');
	for (const c of clusters) {
		const width = Math.max(4, c.x1 - c.x0);
		const height = Math.max(MIN_DENSITY_HEIGHT, CLUSTER_HEIGHT * c.density);
		const shade = Math.max(0, Math.ceil(c.density * DENSITY_SHADES) - 1);
		paths[shade] +=
			`M${num(c.x0 - dx)},${num(c.y + CLUSTER_HEIGHT / 2 - height)}` +
			`h${num(width)}v${num(height)}h${num(-width)}z`;
	}
	const color = laneColor(clusters[0]?.laneIndex ?? 0);
	return paths.flatMap((d, shade) =>
		d
			? [
					svgNode('path', {
						class: 'density',
						d,
						fill: color,
						'fill-opacity': num(0.45 + (0.5 * (shade + 1)) / DENSITY_SHADES)
					})
				]
			: []
	);
}

/**
 * Events too dense to draw one by one, in a lane with few such: a band with their count when it
 * fits; `dx` pixels left, as {@link markNodes}.
 */
export function clusterNodes(c: ClusterLayout, dx = 0): SvgNode[] {
	const width = Math.max(4, c.x1 - c.x0);
	const count = clusterCountLabel(c.count, width);
	const band = svgNode('rect', {
		x: px(c.x0, dx),
		y: c.y - CLUSTER_HEIGHT / 2,
		width: px(width),
		height: CLUSTER_HEIGHT,
		rx: 3,
		fill: laneColor(c.laneIndex),
		'fill-opacity': num(clusterOpacity(c.count))
	});
	if (!count) return [band];
	return [
		band,
		svgNode(
			'text',
			{
				class: 'count',
				x: px(c.x0 + width / 2, dx),
				y: c.y,
				'text-anchor': 'middle',
				'dominant-baseline': 'central',
				'font-size': 10,
				'font-weight': 700,
				fill: '#fff',
				stroke: 'rgb(0,0,0)',
				'stroke-opacity': 0.35,
				'stroke-width': 2,
				'paint-order': 'stroke'
			},
			count
		)
	];
}

/**
 * A footnote number at the top right of a mark, above its row's text, pointing to the figure's
 * numbered sources and notes.
 */
export function noteNodes(m: MarkLayout, n: number, theme: Theme): SvgNode[] {
	const right = m.instant ? m.cx + 6 : m.x1;
	return [
		svgNode(
			'text',
			{
				class: 'note-number',
				x: right + 1,
				y: m.y - BAR_HEIGHT / 2 - 1,
				'font-size': 8,
				'font-weight': 700,
				fill: theme.inkSoft
			},
			String(n)
		)
	];
}
