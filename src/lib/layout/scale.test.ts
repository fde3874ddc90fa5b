import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenScale, linearScale, paddedDomain, timeScale } from './scale';

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

describe('brokenScale', () => {
	const DAY = 86_400_000;
	const t0 = Date.UTC(2024, 5, 1);
	/** A domain of 100 days with breaks over days 10–40 and 50–90, across 1000 px. */
	const make = () =>
		brokenScale(
			[t0, t0 + 100 * DAY],
			[
				{ start: t0 + 10 * DAY, end: t0 + 40 * DAY },
				{ start: t0 + 50 * DAY, end: t0 + 90 * DAY }
			],
			[0, 1000],
			20
		);

	it('gives each break its width and shares the rest evenly among the stretches', () => {
		const scale = make();
		// 30 days kept over 960 px: 32 px a day.
		expect(scale(t0 + 10 * DAY)).toBeCloseTo(320);
		expect(scale(t0 + 40 * DAY)).toBeCloseTo(340);
		expect(scale(t0 + 90 * DAY)).toBeCloseTo(680);
		expect(scale(t0 + 100 * DAY)).toBeCloseTo(1000);
		expect(scale.slope() * DAY).toBeCloseTo(32);
		expect(scale.breaks().map((b) => [b.x0, b.x1].map(Math.round))).toEqual([
			[320, 340],
			[660, 680]
		]);
		expect(scale.domain()).toEqual([t0, t0 + 100 * DAY]);
	});

	const times = fc.double({ min: t0 - 200 * DAY, max: t0 + 300 * DAY, noNaN: true });

	it('is monotonic: a later time is never left of an earlier one', () => {
		const scale = make();
		fc.assert(
			fc.property(times, times, (a, b) => {
				const [early, late] = a <= b ? [a, b] : [b, a];
				expect(scale(early)).toBeLessThanOrEqual(scale(late));
			})
		);
	});

	it('is invertible: the time under a pixel is the time drawn there, in breaks too', () => {
		const scale = make();
		fc.assert(
			fc.property(times, (t) => {
				expect(Math.abs(scale.invert(scale(t)) - t)).toBeLessThan(1);
			})
		);
		fc.assert(
			fc.property(fc.double({ min: -500, max: 1500, noNaN: true }), (x) => {
				expect(scale(scale.invert(x))).toBeCloseTo(x, 6);
			})
		);
	});

	it('equals a linear scale where no break applies, zoomed and panned as well', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 9.99, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 1, max: 50, noNaN: true }),
				(day, where, zoom) => {
					const scale = make();
					// Shows a window of 100/zoom days starting somewhere in the first stretch.
					const start = t0 + where * 5 * DAY;
					const pxStart = scale(start);
					const visible = scale.copy().domain([start, scale.invert(pxStart + 1000 / zoom)]);
					// The same window of the first stretch, as a linear scale with the stretch's slope.
					const linear = linearScale([start, start + 1000 / zoom / scale.slope()], [0, 1000]);
					const t = t0 + day * DAY;
					expect(visible(t)).toBeCloseTo(linear(t), 6);
					expect(visible.invert(linear(t))).toBeCloseTo(t, -1);
				}
			)
		);
	});

	it('with no break inside its domain is the plain linear scale', () => {
		const scale = brokenScale([0, 100], [{ start: 200, end: 300 }], [0, 50]);
		expect(scale.breaks()).toEqual([]);
		expect(scale(40)).toBe(20);
	});

	it('keeps its breaks when copied and shown a new window, and sets its range as d3 does', () => {
		const scale = make();
		const zoomed = scale.copy().domain([t0 + 5 * DAY, t0 + 45 * DAY]);
		expect(zoomed(t0 + 5 * DAY)).toBeCloseTo(0);
		expect(zoomed(t0 + 45 * DAY)).toBeCloseTo(1000);
		expect(zoomed.breaks()).toHaveLength(2);
		expect(scale(t0 + 5 * DAY)).toBeCloseTo(160);
		const narrow = scale.copy().range([0, 500]);
		expect(narrow.domain()).toEqual(scale.domain());
		expect(narrow(t0 + 10 * DAY)).toBeCloseTo(160);
	});

	it('places 100k times across 100 breaks in order, each break where it belongs', () => {
		const breaks = Array.from({ length: 100 }, (_, i) => ({
			start: t0 + (i * 10 + 2) * DAY,
			end: t0 + (i * 10 + 9) * DAY
		}));
		const scale = brokenScale([t0, t0 + 1000 * DAY], breaks, [0, 1200]);
		expect(scale.breaks()).toHaveLength(100);
		let previous = -Infinity;
		let backwards = 0;
		for (let i = 0; i < 100_000; i++) {
			const x = scale(t0 + (i / 100_000) * 1000 * DAY);
			if (x < previous) backwards++;
			previous = x;
		}
		expect(backwards).toBe(0);
		const [first, last] = [scale.breaks()[0], scale.breaks()[99]];
		expect(scale(t0 + DAY)).toBeLessThan(first?.x0 ?? 0);
		expect(scale(t0 + 999.5 * DAY)).toBeGreaterThan(last?.x1 ?? Infinity);
	});
});
