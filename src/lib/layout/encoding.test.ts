import {
	symbol,
	symbolCircle,
	symbolCross,
	symbolDiamond,
	symbolSquare,
	symbolStar,
	symbolTriangle,
	symbolWye
} from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { laneSymbolPath, SYMBOL_PATHS, type SymbolSize } from './encoding';

const D3_SHAPES = [
	symbolCircle,
	symbolSquare,
	symbolDiamond,
	symbolTriangle,
	symbolStar,
	symbolCross,
	symbolWye
];

describe('lane symbols', () => {
	it('are exactly the paths d3-shape draws, at every size used', () => {
		for (const size of Object.keys(SYMBOL_PATHS).map(Number) as SymbolSize[]) {
			const drawn = D3_SHAPES.map((type) => symbol(type, (Math.PI * size * size) / 4)());
			expect(SYMBOL_PATHS[size], `size ${size}`).toEqual(drawn);
		}
	});

	it('differ from lane to lane, and cycle past the seventh', () => {
		const shapes = [0, 1, 2, 3, 4, 5, 6].map((lane) => laneSymbolPath(lane));
		expect(new Set(shapes).size).toBe(7);
		expect(laneSymbolPath(7)).toBe(laneSymbolPath(0));
	});

	it('are about `size` pixels across', () => {
		const width = (path: string) => {
			const xs = [...path.matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]));
			return Math.max(...xs) - Math.min(...xs);
		};
		// The diamond (lane 2): at 12 px, and smaller at 9.
		expect(width(laneSymbolPath(2, 12))).toBeGreaterThan(9);
		expect(width(laneSymbolPath(2, 12))).toBeLessThan(15);
		expect(width(laneSymbolPath(2, 9))).toBeLessThan(width(laneSymbolPath(2, 12)));
	});
});
