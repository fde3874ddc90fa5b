import { describe, expect, it } from 'vitest';
import { prepareTimeline } from '$lib/model/timeline';
import { hitIndex } from './hit';
import { layoutLanes } from './lanes';
import { bin } from 'd3-array';
import fc from 'fast-check';
import { densityBars, eventMidpoints, indexMidpoints } from './overview';
import { paddedDomain, timeScale } from './scale';

const timeline = prepareTimeline({
	timeZone: 'UTC',
	events: [
		{ id: 'early', title: 'Early', start: '2024-11-15T12:00' },
		{ id: 'late', title: 'Late', start: '2024-11-19T12:00' },
		{ id: 'day', title: 'A whole day', start: '2024-11-17' }
	]
});
const scale = timeScale(paddedDomain(timeline.extent ?? [0, 1]), 1000);
const layout = layoutLanes(timeline, scale, 1000);
const index = hitIndex(layout.marks, 24);
const mark = (id: string) => layout.marks.find((m) => m.id === id);

describe('hitIndex finds the mark under the pointer', () => {
	it('on a point mark', () => {
		const m = mark('early');
		expect(m && index.find(m.cx, m.y)?.id).toBe('early');
	});
	it('on a label', () => {
		const m = mark('day');
		const label = m?.label;
		if (!m || !label) throw new Error('label expected');
		const x = label.anchor === 'start' ? label.x + label.width / 2 : label.x - label.width / 2;
		expect(index.find(x, m.y)?.id).toBe('day');
	});
	it('anywhere across a soft span', () => {
		const m = mark('day');
		expect(m && index.find(m.x0 + 1, m.y + 5)?.id).toBe('day');
	});
	it('nothing between marks or between rows', () => {
		const m = mark('early');
		if (!m) throw new Error('mark expected');
		expect(index.find(m.cx, m.y + 40)).toBeUndefined();
		expect(index.find(2, m.y)).toBeUndefined();
	});
});

describe('hitIndex searches as far left as a box can reach', () => {
	it('finds a long box that starts before shorter ones ending left of the pointer', () => {
		const long = { id: 'long', x0: 0, x1: 900, y: 12 };
		const short = Array.from({ length: 5 }, (_, i) => ({
			id: `s${i}`,
			x0: 100 + i * 20,
			x1: 110 + i * 20,
			y: 12
		}));
		const index = hitIndex([long, ...short], 24);
		expect(index.find(600, 12)?.id).toBe('long');
		expect(index.find(125, 12)?.id).toBe('s1');
	});
	it('finds a target in a row taller than the others, across its whole height', () => {
		const tall = { id: 'tall', x0: 0, x1: 100, y: 40, rowHeight: 48 };
		const index = hitIndex([{ id: 'top', x0: 0, x1: 100, y: 4 }, tall], 24);
		expect(index.find(50, 60)?.id).toBe('tall');
		expect(index.find(50, 4)?.id).toBe('top');
	});
});

describe('densityBars', () => {
	it('counts every event once and keeps bars inside the strip', () => {
		const bars = densityBars(indexMidpoints(timeline.index), scale, 40);
		expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(3);
		for (const bar of bars) {
			expect(bar.x0).toBeGreaterThanOrEqual(0);
			expect(bar.x1).toBeLessThanOrEqual(1000);
			expect(bar.height).toBeGreaterThan(0);
			expect(bar.height).toBeLessThanOrEqual(40);
		}
	});

	it("reads the same midpoints from the index as from the events' intervals", () => {
		expect([...indexMidpoints(timeline.index)]).toEqual([...eventMidpoints(timeline.events)]);
	});

	it('puts each midpoint in the slice d3 bin puts it in, on linear and broken scales', () => {
		const [d0, d1] = [0, 10_000];
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -500, max: 10_500 }), { maxLength: 200 }),
				fc.integer({ min: 40, max: 400 }),
				fc.boolean(),
				(values, width, broken) => {
					const full = broken
						? timeScale([d0, d1], width, [{ start: 3000, end: 7000 }])
						: timeScale([d0, d1], width);
					const bars = densityBars(Float64Array.from(values), full, 40);
					const count = Math.max(1, Math.floor(width / 4));
					const thresholds = Array.from({ length: count - 1 }, (_, i) =>
						full.invert(((i + 1) * width) / count)
					);
					const bins = bin()
						.domain([d0, d1])
						.thresholds(thresholds)(values)
						.filter((b) => b.length > 0);
					expect(bars.map((b) => b.count)).toEqual(bins.map((b) => b.length));
					expect(bars.map((b) => [b.x0, b.x1])).toEqual(
						bins.map((b) => [full(b.x0 ?? d0), full(b.x1 ?? d1)])
					);
				}
			)
		);
	});
});
