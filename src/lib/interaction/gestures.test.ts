import { zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import { easeCubicInOut, zoomPath } from '$lib/layout/viewport';
import { panBy, pinch, wheelFactor, zoomAround } from './gestures';

const bounds = { width: 1000, kMax: 50 };

describe('zoom and pan arithmetic', () => {
	it('a wheel notch zooms about 1.4 times, with or without ctrl; a trackpad pinch is sped up', () => {
		const notch = 2 ** 0.5;
		expect(wheelFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(notch);
		expect(wheelFactor({ deltaY: -100, deltaMode: 0, ctrlKey: true })).toBeCloseTo(notch);
		expect(wheelFactor({ deltaY: 3, deltaMode: 1, ctrlKey: true })).toBeCloseTo(1 / notch);
		// A pinch: ctrl with small pixel deltas, ten times d3-zoom's plain rate.
		expect(wheelFactor({ deltaY: -5, deltaMode: 0, ctrlKey: true })).toBeCloseTo(2 ** 0.1);
		// Never more than twice in one event, however large the delta.
		expect(wheelFactor({ deltaY: -5000, deltaMode: 0, ctrlKey: true })).toBe(2);
		expect(wheelFactor({ deltaY: 1, deltaMode: 2, ctrlKey: false })).toBe(0.5);
	});

	it('zooming around a point keeps the time under it in place, like d3-zoom’s scaleTo at a point', () => {
		const from = { k: 2, x: -400 };
		const at = 730;
		const ours = zoomAround(from, 3, at, bounds);
		const d3 = zoomIdentity.translate(from.x, 0).scale(from.k);
		const under = d3.invertX(at);
		const expected = zoomIdentity.translate(at, 0).scale(6).translate(-under, 0);
		expect(ours.k).toBeCloseTo(expected.k);
		expect(ours.x).toBeCloseTo(expected.x);
		expect((at - ours.x) / ours.k).toBeCloseTo(under);
	});

	it('stops at the zoom limits and at the ends of the data, keeping the pointer’s time in view', () => {
		expect(zoomAround({ k: 1, x: 0 }, 0.25, 500, bounds)).toEqual({ k: 1, x: 0 });
		const deep = zoomAround({ k: 1, x: 0 }, 1e6, 800, bounds);
		expect(deep.k).toBe(50);
		// The time at 80% of the width is still at 800 px: the point under the pointer stays put.
		expect(deep.x).toBeCloseTo(800 - 800 * 50);
		expect(panBy({ k: 2, x: -100 }, 500, bounds)).toEqual({ k: 2, x: 0 });
		expect(panBy({ k: 2, x: -900 }, -500, bounds)).toEqual({ k: 2, x: -1000 });
		expect(panBy({ k: 2, x: -500 }, 120, bounds)).toEqual({ k: 2, x: -380 });
	});

	it('a pinch zooms by the fingers’ spread and keeps the time under their midpoint with it', () => {
		const start = { k: 2, x: -500 };
		const from = [
			{ x: 400, y: 50 },
			{ x: 500, y: 50 }
		] as const;
		const to = [
			{ x: 350, y: 50 },
			{ x: 650, y: 50 }
		] as const;
		const after = pinch(start, from, to, bounds);
		expect(after.k).toBeCloseTo(6);
		const held = (450 - start.x) / start.k;
		expect((500 - after.x) / after.k).toBeCloseTo(held);
		// Fingers one above the other spread vertically: still a zoom.
		const vertical = pinch(
			start,
			[
				{ x: 450, y: 0 },
				{ x: 450, y: 40 }
			],
			[
				{ x: 450, y: 0 },
				{ x: 450, y: 80 }
			],
			bounds
		);
		expect(vertical.k).toBeCloseTo(4);
	});

	it('an animated zoom starts and ends where asked, zooming by equal ratios on the way', () => {
		const from = { k: 1, x: 0 };
		const to = { k: 16, x: -12_000 };
		const path = zoomPath(from, to, 1000);
		expect(path(0).k).toBeCloseTo(1);
		expect(path(0).x).toBeCloseTo(0);
		expect(path(0.5).k).toBeCloseTo(4);
		expect(path(1)).toEqual(to);
		// A pan at one zoom level glides straight across.
		const pan = zoomPath({ k: 4, x: -1000 }, { k: 4, x: -2000 }, 1000);
		expect(pan(0.5)).toEqual({ k: 4, x: -1500 });
		// Never outside the two zoom levels, and the centre never turns back.
		let lastCentre = -Infinity;
		for (let t = 0; t <= 1.0001; t += 0.05) {
			const { k, x } = path(easeCubicInOut(Math.min(1, t)));
			expect(k).toBeGreaterThanOrEqual(1 - 1e-9);
			expect(k).toBeLessThanOrEqual(16 + 1e-9);
			const centre = (500 - x) / k;
			expect(centre).toBeGreaterThanOrEqual(lastCentre - 1e-9);
			lastCentre = centre;
		}
		expect(easeCubicInOut(0)).toBe(0);
		expect(easeCubicInOut(0.5)).toBe(0.5);
		expect(easeCubicInOut(1)).toBe(1);
	});
});
