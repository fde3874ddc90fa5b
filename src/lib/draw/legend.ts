/**
 * The key to how dates are drawn: a swatch for each mark style, made by the same paint functions as
 * the marks themselves, for the page's legend and the exported figure's. The class names let the
 * page recolour the ink for its theme.
 */
import { CLUSTER_KEY, DENSITY_KEY, laneSymbolPath } from '$lib/layout/encoding';
import type { Theme } from '$lib/layout/theme';
import { pointPaint, spanPaint } from './marks';
import { svgNode, type SvgNode } from './node';

/** Width of a swatch, in pixels; swatches are centred on y = 0. */
export const SWATCH_WIDTH = 28;

/** One entry of the key. */
export interface EncodingKey {
	id: 'exact' | 'span' | 'period' | 'approximate' | 'cluster' | 'density';
	/** What the style means, in a few words. */
	label: string;
	swatch: SvgNode[];
}

const bar = (uncertain: boolean, approximate: boolean, colour: string) =>
	svgNode('rect', {
		class: 'key',
		x: 0,
		y: -5,
		width: SWATCH_WIDTH,
		height: 10,
		rx: 2,
		...spanPaint({ uncertain, approximate }, colour)
	});

/** Which kinds of cluster a drawing holds: boxes with their count, bars of density. */
export interface ClusterKinds {
	counted: boolean;
	density: boolean;
}

/** The kinds of cluster among `clusters`. */
export function clusterKinds(clusters: readonly { counted: boolean }[]): ClusterKinds {
	return {
		counted: clusters.some((c) => c.counted),
		density: clusters.some((c) => !c.counted)
	};
}

/** Heights of the density swatch's bars, as fractions of the tallest. */
const DENSITY_SWATCH = [0.35, 0.7, 1, 0.55];

/** The key's entries; each cluster entry only when the drawing has clusters of that kind. */
export function encodingKeys(
	theme: Theme,
	clusters: ClusterKinds = { counted: false, density: false }
): EncodingKey[] {
	const ink = theme.inkSoft;
	const keys: EncodingKey[] = [
		{
			id: 'exact',
			label: 'exact time',
			swatch: [
				svgNode('path', {
					class: 'key',
					d: laneSymbolPath(0, 10),
					transform: `translate(${SWATCH_WIDTH / 2},0)`,
					...pointPaint({ approximate: false }, ink)
				})
			]
		},
		{ id: 'span', label: 'lasted this long', swatch: [bar(false, false, ink)] },
		{ id: 'period', label: 'sometime in this period', swatch: [bar(true, false, ink)] },
		{ id: 'approximate', label: 'approximate', swatch: [bar(true, true, ink)] }
	];
	if (clusters.density) {
		const step = SWATCH_WIDTH / DENSITY_SWATCH.length;
		keys.push({
			id: 'density',
			label: DENSITY_KEY,
			swatch: DENSITY_SWATCH.map((share, i) =>
				svgNode('rect', {
					class: 'key-fill',
					x: i * step,
					y: 7 - 14 * share,
					width: step - 1,
					height: 14 * share,
					fill: ink,
					'fill-opacity': 0.45 + 0.5 * share
				})
			)
		});
	}
	if (clusters.counted) {
		keys.push({
			id: 'cluster',
			label: CLUSTER_KEY,
			swatch: [
				svgNode('rect', {
					class: 'key-fill',
					x: 0,
					y: -7,
					width: SWATCH_WIDTH,
					height: 14,
					rx: 3,
					fill: ink,
					'fill-opacity': 0.7
				}),
				svgNode(
					'text',
					{
						x: SWATCH_WIDTH / 2,
						y: 0,
						'text-anchor': 'middle',
						'dominant-baseline': 'central',
						'font-size': 9,
						'font-weight': 700,
						fill: '#fff'
					},
					'12'
				)
			]
		});
	}
	return keys;
}
