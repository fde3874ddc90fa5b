import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale, paddedDomain, timeScale } from './scale';

describe('linearScale', () => {
	it('maps the domain onto the range and back', () => {
		const day = Date.UTC(2024, 10, 17);
		const scale = timeScale([day, day + 86_400_000], 1200);
		expect(scale(day)).toBe(0);
		expect(scale(day + 43_200_000)).toBe(600);
		expect(scale(day + 86_400_000)).toBe(1200);
		expect(scale.invert(300)).toBe(day + 21_600_000);
	});

	it('gives the same pixels and times as d3-scale’s linear scale, for any domain and range', () => {
		// Times within ±300,000 years in ms, spans of a millisecond or more, pixels within ±10 million.
		const time = fc.double({ min: -1e16, max: 1e16, noNaN: true });
		const span = fc.double({ min: 1, max: 1e15, noNaN: true });
		const pixel = fc.double({ min: -1e7, max: 1e7, noNaN: true });
		fc.assert(
			fc.property(
				time,
				span,
				fc.boolean(),
				pixel,
				pixel,
				time,
				(d0, length, reversed, r0, r1, value) => {
					const d1 = reversed ? d0 - length : d0 + length;
					const ours = linearScale([d0, d1], [r0, r1]);
					const d3 = scaleLinear().domain([d0, d1]).range([r0, r1]);
					const near = (a: number, b: number, scale: number) =>
						Math.abs(a - b) <= 1e-9 * Math.max(1, scale, Math.abs(a), Math.abs(b));
					expect(near(ours(value), d3(value), Math.abs(r1 - r0))).toBe(true);
					if (Math.abs(r1 - r0) >= 1)
						expect(
							near(
								ours.invert(r0 + (r1 - r0) / 3),
								d3.invert(r0 + (r1 - r0) / 3),
								Math.abs(d0) + length
							)
						).toBe(true);
				}
			)
		);
	});

	it('copies independently, and reads and sets domain and range as d3 does', () => {
		const scale = linearScale([0, 10], [0, 100]);
		const copy = scale.copy().domain([0, 20]);
		expect(copy(10)).toBe(50);
		expect(scale(10)).toBe(100);
		expect(scale.domain()).toEqual([0, 10]);
		expect(scale.range([100, 0])(10)).toBe(0);
	});

	it('pads a single instant by at least an hour either side', () => {
		const t = Date.UTC(2024, 10, 17, 6);
		expect(paddedDomain([t, t])).toEqual([t - 3_600_000, t + 3_600_000]);
	});
});
