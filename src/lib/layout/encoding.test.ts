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
import {
	laneSymbolAt,
	laneSymbolPath,
	symbolHalfWidth,
	SYMBOL_PATHS,
	type SymbolSize
} from './encoding';

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

	it('are drawn at a point by moving their points, the same shapes there', () => {
		// Absolute points: the pairs after M and L, and the last pair of each arc.
		const points = (path: string) =>
			[...path.matchAll(/([MLA])([-\d.,]+)/g)].map(([, letter, numbers = '']) =>
				(letter === 'A' ? numbers.split(',').slice(5) : numbers.split(',')).map(Number)
			);
		for (const size of Object.keys(SYMBOL_PATHS).map(Number) as SymbolSize[]) {
			for (let lane = 0; lane < 7; lane++) {
				const at = points(laneSymbolAt(lane, 140.5, -20.25, size));
				const centred = points(laneSymbolPath(lane, size));
				expect(at).toHaveLength(centred.length);
				at.forEach(([x = NaN, y = NaN], i) => {
					expect(x).toBeCloseTo((centred[i]?.[0] ?? NaN) + 140.5, 3);
					expect(y).toBeCloseTo((centred[i]?.[1] ?? NaN) - 20.25, 3);
				});
				// Relative steps (the square's h and v) and the arcs' radii and flags are kept.
				const rest = (path: string) => path.replace(/[ML][-\d.,]+|,[-\d.]+,[-\d.]+(?=A|$)/g, '');
				expect(rest(laneSymbolAt(lane, 140.5, -20.25, size))).toBe(
					rest(laneSymbolPath(lane, size))
				);
			}
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

	it('know how far each 12 px symbol reaches either side of its centre', () => {
		D3_SHAPES.forEach((type, lane) => {
			// Draw the symbol into a context that only records how far it reaches horizontally.
			let reach = 0;
			const note = (x: number) => (reach = Math.max(reach, Math.abs(x)));
			const context = {
				moveTo: note,
				lineTo: note,
				arc: (x: number, _y: number, r: number) => note(Math.abs(x) + r),
				rect: (x: number, _y: number, w: number) => note(Math.max(Math.abs(x), Math.abs(x + w))),
				closePath: () => undefined
			};
			type.draw(context as unknown as CanvasPath, (Math.PI * 12 * 12) / 4);
			expect(symbolHalfWidth(lane), `lane ${lane}`).toBeCloseTo(reach, 2);
		});
	});
});
