import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearScale } from './scale';
import { layoutEras } from './eras';
import type { PreparedEra } from '$lib/model/timeline';

const era = (title: string | undefined, start: number, end: number): PreparedEra => ({
	era: { ...(title ? { title } : {}), start: '2000', end: '2001' },
	wall: { start, end }
});

describe('layoutEras', () => {
	const scale = linearScale([0, 1000], [0, 500]);
	it('places each era in view as a band, cut at the edges of the view, with its label', () => {
		expect(
			layoutEras(
				[
					era('Before', -400, -100),
					era('Bronze Age', -200, 300),
					era(undefined, 300, 600),
					era('Late', 900, 1400)
				],
				scale,
				500
			)
		).toEqual([
			{ index: 1, x: 0, width: 150, label: 'Bronze Age', labelX: 4 },
			{ index: 2, x: 150, width: 150, label: '', labelX: 154 },
			{ index: 3, x: 450, width: 50, label: expect.stringMatching(/^L.*…$|^Late$/), labelX: 454 }
		]);
	});

	it('keeps every band inside the view and every label inside its band', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.integer({ min: -5000, max: 5000 }),
						fc.integer({ min: 1, max: 3000 }),
						fc.string()
					),
					{
						maxLength: 12
					}
				),
				(rows) => {
					const bands = layoutEras(
						rows.map(([s, d, t]) => era(t || undefined, s, s + d)),
						scale,
						500
					);
					for (const band of bands) {
						expect(band.x).toBeGreaterThanOrEqual(0);
						expect(band.x + band.width).toBeLessThanOrEqual(500);
						expect(band.width).toBeGreaterThan(0);
						expect(band.labelX).toBeGreaterThanOrEqual(band.x);
					}
				}
			)
		);
	});
});
