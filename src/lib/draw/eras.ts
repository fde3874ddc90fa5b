/**
 * Eras as SVG nodes: a tinted band behind the lanes for each era, edged on both sides, its name at
 * the foot of the lanes where lane names and marks do not reach.
 */
import { ERA_LABEL_SIZE, type EraBand } from '$lib/layout/eras';
import type { Theme } from '$lib/layout/theme';
import { svgNode, type SvgNode } from './node';

/** The bands of `eras` over lanes `height` pixels tall. */
export function eraNodes(eras: readonly EraBand[], height: number, theme: Theme): SvgNode[] {
	return eras.flatMap((band) => [
		svgNode('rect', {
			class: 'era',
			x: band.x,
			y: 0,
			width: band.width,
			height,
			fill: theme.accent,
			'fill-opacity': band.index % 2 ? 0.05 : 0.1
		}),
		...[band.x, band.x + band.width].map((x) =>
			svgNode('line', {
				x1: x,
				x2: x,
				y1: 0,
				y2: height,
				stroke: theme.accent,
				'stroke-opacity': 0.35,
				'stroke-dasharray': '3 3'
			})
		),
		...(band.label
			? [
					svgNode(
						'text',
						{
							class: 'era-name',
							x: band.labelX,
							y: height - 6,
							'font-size': ERA_LABEL_SIZE,
							'font-style': 'italic',
							fill: theme.accent
						},
						band.label
					)
				]
			: [])
	]);
}
