/**
 * How a lane looks: a colour and a shape per category, so colour is never the only signal. The colours
 * keep at least 3:1 contrast against both the light and the dark background.
 */
import {
	symbol,
	symbolCircle,
	symbolCross,
	symbolDiamond,
	symbolSquare,
	symbolStar,
	symbolTriangle,
	symbolWye,
	type SymbolType
} from 'd3-shape';

/** Category colours, in lane order. */
export const LANE_COLORS = [
	'#c8372d',
	'#2f6fb0',
	'#2e8540',
	'#8a4fb3',
	'#b35c00',
	'#0f7f86',
	'#b8327a',
	'#66707d'
] as const;

const SHAPES: SymbolType[] = [
	symbolCircle,
	symbolSquare,
	symbolDiamond,
	symbolTriangle,
	symbolStar,
	symbolCross,
	symbolWye
];

/** The colour of the lane at `index`, cycling when there are more lanes than colours. */
export const laneColor = (index: number): string =>
	LANE_COLORS[index % LANE_COLORS.length] as string;

const pathCache = new Map<string, string>();

/**
 * SVG path data, centred on 0,0, of the lane's symbol with about `size` pixels across.
 * @default size 12
 */
export function laneSymbolPath(index: number, size = 12): string {
	const key = `${index % SHAPES.length}:${size}`;
	let path = pathCache.get(key);
	if (path === undefined) {
		const type = SHAPES[index % SHAPES.length] as SymbolType;
		// d3 sizes symbols by area; a circle of this area is `size` wide.
		path = symbol(type, (Math.PI * size * size) / 4)() ?? '';
		pathCache.set(key, path);
	}
	return path;
}
