import { describe, expect, it } from 'vitest';
import { yearStart } from '$lib/model/civil';
import { timeScale } from './scale';
import { clampTransform, domainOfTransform, maxZoom, transformForDomain } from './viewport';

describe('zooming from the Big Bang down to a day', () => {
	const base = timeScale([yearStart(-13_800_000_000), yearStart(2025)], 1280);
	const moonLanding = Date.UTC(1969, 6, 20);
	const day = 86_400_000;

	it('lets a timeline with day-precise events zoom down to one day', () => {
		const kMax = maxZoom(base, 'day');
		const wanted = transformForDomain(base, [moonLanding, moonLanding + day]);
		expect(wanted.k).toBeLessThanOrEqual(kMax * (1 + 1e-9));
		const shown = domainOfTransform(base, clampTransform(wanted, 1280, kMax));
		// A minute of float error out of 13.8 billion years, and the day is on screen.
		expect(Math.abs(shown[0] - moonLanding)).toBeLessThan(60_000);
		expect(Math.abs(shown[1] - (moonLanding + day))).toBeLessThan(60_000);
	});

	it('stops year-precise deep time at a season, and any zoom keeps a finite window', () => {
		const kMax = maxZoom(base, 'year');
		for (const k of [1, 10, 1e6, 1e9, kMax, kMax * 10]) {
			const t = clampTransform({ k, x: -640 * k }, 1280, kMax);
			const [from, to] = domainOfTransform(base, t);
			expect(Number.isFinite(from) && Number.isFinite(to) && to > from).toBe(true);
			expect(to - from).toBeGreaterThanOrEqual(89 * day);
		}
	});
});
