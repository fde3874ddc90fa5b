import { describe, expect, it } from 'vitest';
import type { DensityBar, LaneDensity } from '$lib/model/density';
import { placeBars } from '$lib/tiles/density';
import { indexTimeline } from '$lib/model/timeline';
import { COUNTED_CLUSTERS, layoutLanes } from './lanes';
import { timeScale } from './scale';

const HOUR = 3_600_000;
const lanes = [
	{ id: 'a', label: 'A' },
	{ id: 'b', label: 'B' }
];
const empty = indexTimeline([], lanes);

/** Density with `n` bars an hour each in lane `a`, counts 1..n, and none in lane `b`. */
function density(n: number): LaneDensity & { asked: [string, number, number][] } {
	const asked: [string, number, number][] = [];
	return {
		asked,
		clusters(lane, scale, from, to, msPerPixel, px, countedMax) {
			return placeBars(this.bars(lane.id, from, to, msPerPixel, px), lane, scale, countedMax);
		},
		bars(lane, from, to) {
			asked.push([lane, from, to]);
			if (lane !== 'a') return [];
			return Array.from({ length: n }, (_, i): DensityBar => ({
				start: i * HOUR,
				end: (i + 1) * HOUR,
				count: i + 1,
				first: i * HOUR + 60_000,
				last: (i + 1) * HOUR - 60_000,
				sample: []
			}));
		}
	};
}

describe('layoutLanes with counts (a tiled timeline)', () => {
	it('draws each lane from its bars: placed by time, heights against the densest', () => {
		const source = density(20);
		const scale = timeScale([0, 20 * HOUR], 1000);
		const { clusters, lanes: laid } = layoutLanes(empty, scale, 1000, {}, new Set(), source);
		expect(laid.map((l) => l.id)).toEqual(['a', 'b']);
		expect(source.asked.map(([lane]) => lane)).toEqual(['a', 'b']);
		expect(clusters).toHaveLength(20);
		expect(clusters.every((c) => c.lane === 'a' && !c.counted)).toBe(true);
		expect(clusters[0]?.x0).toBeCloseTo(1);
		expect(clusters[19]?.x1).toBeCloseTo(999);
		expect(clusters.map((c) => c.density)).toEqual(clusters.map((c) => c.count / 20));
		// A click zooms to where the events are, which the counts know.
		expect([clusters[0]?.start, clusters[0]?.end]).toEqual([60_000, HOUR - 60_000]);
	});

	it('writes the count on each bar when a lane has few', () => {
		const { clusters } = layoutLanes(
			empty,
			timeScale([0, 4 * HOUR], 1000),
			1000,
			{},
			new Set(),
			density(COUNTED_CLUSTERS)
		);
		expect(clusters.every((c) => c.counted)).toBe(true);
	});
});
