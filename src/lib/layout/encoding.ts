/**
 * How a lane looks: a colour and a shape per category, so colour is never the only signal. The colours
 * keep at least 3:1 contrast against both the light and the dark background.
 */

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

/** What a cluster's counted band means, in the page's legend and the exported figure's. */
export const CLUSTER_KEY = 'events too close together to draw one by one, counted';
/** What the legend says of density bars: a lane whose events are too many to count one box at a time. */
export const DENSITY_KEY = 'events too close together to draw one by one: the taller, the more';

/** The symbol sizes the page and the export draw, in pixels across. */
export type SymbolSize = 9 | 10 | 11 | 12;

/**
 * Path data of d3-shape's circle, square, diamond, triangle, star, cross and wye, in lane order, at
 * each size (d3 sizes a symbol by area: that of a circle `size` wide). Written out rather than drawn
 * with d3-shape at run time, which would add 3 KB to the page for seven constant strings; a unit test
 * checks every one against d3-shape.
 */
export const SYMBOL_PATHS: Readonly<Record<SymbolSize, readonly string[]>> = {
	9: [
		'M4.5,0A4.5,4.5,0,1,1,-4.5,0A4.5,4.5,0,1,1,4.5,0',
		'M-3.988,-3.988h7.976v7.976h-7.976Z',
		'M0,-7.423L4.285,0L0,7.423L-4.285,0Z',
		'M0,-6.998L6.06,3.499L-6.06,3.499Z',
		'M0,-7.528L1.69,-2.326L7.16,-2.326L2.735,0.889L4.425,6.09L0,2.875L-4.425,6.09L-2.735,0.889L-7.16,-2.326L-1.69,-2.326Z',
		'M-5.35,-1.783L-1.783,-1.783L-1.783,-5.35L1.783,-5.35L1.783,-1.783L5.35,-1.783L5.35,1.783L1.783,1.783L1.783,5.35L-1.783,5.35L-1.783,1.783L-5.35,1.783Z',
		'M2.152,1.243L2.152,5.547L-2.152,5.547L-2.152,1.243L-5.88,-0.91L-3.728,-4.638L0,-2.485L3.728,-4.638L5.88,-0.91Z'
	],
	10: [
		'M5,0A5,5,0,1,1,-5,0A5,5,0,1,1,5,0',
		'M-4.431,-4.431h8.862v8.862h-8.862Z',
		'M0,-8.247L4.762,0L0,8.247L-4.762,0Z',
		'M0,-7.776L6.734,3.888L-6.734,3.888Z',
		'M0,-8.364L1.878,-2.585L7.955,-2.585L3.039,0.987L4.917,6.767L0,3.195L-4.917,6.767L-3.039,0.987L-7.955,-2.585L-1.878,-2.585Z',
		'M-5.945,-1.982L-1.982,-1.982L-1.982,-5.945L1.982,-5.945L1.982,-1.982L5.945,-1.982L5.945,1.982L1.982,1.982L1.982,5.945L-1.982,5.945L-1.982,1.982L-5.945,1.982Z',
		'M2.392,1.381L2.392,6.164L-2.392,6.164L-2.392,1.381L-6.534,-1.011L-4.142,-5.153L0,-2.762L4.142,-5.153L6.534,-1.011Z'
	],
	11: [
		'M5.5,0A5.5,5.5,0,1,1,-5.5,0A5.5,5.5,0,1,1,5.5,0',
		'M-4.874,-4.874h9.748v9.748h-9.748Z',
		'M0,-9.072L5.238,0L0,9.072L-5.238,0Z',
		'M0,-8.553L7.407,4.277L-7.407,4.277Z',
		'M0,-9.201L2.066,-2.843L8.751,-2.843L3.342,1.086L5.408,7.444L0,3.514L-5.408,7.444L-3.342,1.086L-8.751,-2.843L-2.066,-2.843Z',
		'M-6.539,-2.18L-2.18,-2.18L-2.18,-6.539L2.18,-6.539L2.18,-2.18L6.539,-2.18L6.539,2.18L2.18,2.18L2.18,6.539L-2.18,6.539L-2.18,2.18L-6.539,2.18Z',
		'M2.631,1.519L2.631,6.78L-2.631,6.78L-2.631,1.519L-7.187,-1.112L-4.556,-5.668L0,-3.038L4.556,-5.668L7.187,-1.112Z'
	],
	12: [
		'M6,0A6,6,0,1,1,-6,0A6,6,0,1,1,6,0',
		'M-5.317,-5.317h10.635v10.635h-10.635Z',
		'M0,-9.897L5.714,0L0,9.897L-5.714,0Z',
		'M0,-9.331L8.081,4.665L-8.081,4.665Z',
		'M0,-10.037L2.254,-3.102L9.546,-3.102L3.646,1.185L5.9,8.12L0,3.834L-5.9,8.12L-3.646,1.185L-9.546,-3.102L-2.254,-3.102Z',
		'M-7.134,-2.378L-2.378,-2.378L-2.378,-7.134L2.378,-7.134L2.378,-2.378L7.134,-2.378L7.134,2.378L2.378,2.378L2.378,7.134L-2.378,7.134L-2.378,2.378L-7.134,2.378Z',
		'M2.87,1.657L2.87,7.397L-2.87,7.397L-2.87,1.657L-7.841,-1.213L-4.971,-6.184L0,-3.314L4.971,-6.184L7.841,-1.213Z'
	]
};

/**
 * How far each 12 px symbol reaches left and right of its centre, in lane order: the star and the
 * triangle are wider than 12 px, and layout keeps labels clear of the whole shape.
 */
const SYMBOL_HALF_WIDTHS = [6, 5.317, 5.714, 8.081, 9.546, 7.134, 7.841] as const;

/** Half the width of the lane's 12 px point symbol, in pixels. */
export const symbolHalfWidth = (index: number): number =>
	SYMBOL_HALF_WIDTHS[index % SYMBOL_HALF_WIDTHS.length] ?? 6;

/** The colour of the lane at `index`, cycling when there are more lanes than colours. */
export const laneColor = (index: number): string =>
	LANE_COLORS[index % LANE_COLORS.length] as string;

/**
 * SVG path data, centred on 0,0, of the lane's symbol with about `size` pixels across.
 * @default size 12
 */
export function laneSymbolPath(index: number, size: SymbolSize = 12): string {
	const paths = SYMBOL_PATHS[size];
	return paths[index % paths.length] as string;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * {@link laneSymbolPath} centred on `x`, `y` rather than 0,0: the point each absolute command (M,
 * L, A) ends on is moved; relative steps (h, v) and an arc's radii and flags stay. The page draws
 * hundreds of symbols; each with its own `transform` would cost the browser a transform node and a
 * paint chunk, redone on every frame of a zoom.
 * @default size 12
 */
export const laneSymbolAt = (index: number, x: number, y: number, size: SymbolSize = 12): string =>
	laneSymbolPath(index, size).replace(
		/(-?[\d.]+),(-?[\d.]+)(?=[A-Za-z]|$)/g,
		(_, px: string, py: string) => `${round3(Number(px) + x)},${round3(Number(py) + y)}`
	);
