/**
 * The axis and the lane bands as SVG nodes: tick lines that run down through the lanes, tick and
 * context labels, and each lane's band with its symbol and name.
 */
import { laneColor, laneSymbolAt } from '$lib/layout/encoding';
import { AXIS_CONTEXT_Y, AXIS_LABEL_Y, AXIS_TICK_Y } from '$lib/layout/frame';
import type { LaneLayout } from '$lib/layout/lanes';
import type { Theme } from '$lib/layout/theme';
import type { AxisLayout } from '$lib/layout/ticks';
import { keyed, px, svgNode, type SvgNode } from './node';

/** The time axis across the top, its grid lines `height` pixels down, `width` pixels across. */
export function axisNodes(
	axis: AxisLayout,
	height: number,
	width: number,
	theme: Theme
): SvgNode[] {
	const nodes: SvgNode[] = [];
	for (const tick of axis.ticks) {
		// Keyed by their time, so a tick keeps its elements while the view pans.
		nodes.push(
			keyed(
				svgNode('line', {
					class: 'grid',
					x1: tick.x,
					x2: tick.x,
					y1: AXIS_TICK_Y,
					y2: height,
					stroke: theme.grid
				}),
				`grid:${tick.value}`
			)
		);
		if (tick.label) {
			nodes.push(
				keyed(
					svgNode(
						'text',
						{ class: 'tick', x: tick.x + 4, y: AXIS_LABEL_Y, 'font-size': 12, fill: theme.inkSoft },
						tick.label
					),
					`tick:${tick.value}`
				)
			);
		}
	}
	for (const context of axis.context) {
		nodes.push(
			keyed(
				svgNode(
					'text',
					{
						class: 'context',
						x: context.x + 4,
						y: AXIS_CONTEXT_Y,
						'font-size': 12,
						'font-weight': 600,
						fill: theme.ink
					},
					context.label
				),
				`context:${context.value}`
			)
		);
	}
	nodes.push(
		keyed(
			svgNode('line', {
				class: 'baseline',
				x1: 0,
				x2: width,
				y1: AXIS_TICK_Y,
				y2: AXIS_TICK_Y,
				stroke: theme.inkSoft
			}),
			'baseline'
		)
	);
	return nodes;
}

/**
 * Each lane's band, alternating in shade (`bands`), and its category symbol and name (`names`).
 * Drawn apart so that what lies across the lanes (eras, breaks) goes between: over the bands,
 * under the names.
 */
export function laneNodes(
	lanes: readonly LaneLayout[],
	width: number,
	theme: Theme,
	part: 'bands' | 'names'
): SvgNode[] {
	if (part === 'bands') {
		return lanes.map((lane) =>
			svgNode('rect', {
				class: lane.index % 2 ? 'band odd' : 'band',
				x: 0,
				y: lane.y,
				width,
				height: lane.height,
				fill: lane.index % 2 ? theme.bandOdd : theme.band
			})
		);
	}
	return lanes.flatMap((lane) => [
		svgNode('path', {
			d: laneSymbolAt(lane.index, 12, px(lane.y + 12), 10),
			fill: laneColor(lane.index)
		}),
		svgNode(
			'text',
			{
				class: 'lane-name',
				x: 22,
				y: lane.y + 12,
				'dominant-baseline': 'central',
				'font-size': 11,
				'font-weight': 600,
				'letter-spacing': 0.5,
				fill: theme.inkSoft
			},
			lane.label.toUpperCase()
		)
	]);
}
