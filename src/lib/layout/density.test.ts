import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../scripts/bench-data.js';
import type { Dataset } from '$lib/model/schema';
import { prepareTimeline, type PreparedEvent } from '$lib/model/timeline';
import { densityInView } from './density';
import { DEFAULT_LAYOUT, layoutLanes } from './lanes';
import { paddedDomain, timeScale } from './scale';

const WIDTH = 1200;
// The bench's own generator: three years, eight lanes, bursty days, a mix of precisions and spans.
const timeline = prepareTimeline(generateDataset(60_000, 7) as unknown as Dataset);
const mid = (e: PreparedEvent) => (e.wall.start + e.wall.end) / 2;
const laneEvents = (lane: string) => timeline.events.filter((e) => e.lane === lane);

describe('densityInView at 60,000 events', () => {
	it('counts every event of every lane once when the whole timeline is in view', () => {
		const extent = timeline.extent ?? [0, 1];
		const layout = layoutLanes(timeline, timeScale(paddedDomain(extent), WIDTH), WIDTH);
		const lanes = densityInView(layout);
		expect(lanes.length).toBe(timeline.lanes.length);
		for (const lane of lanes) {
			expect(lane.total, lane.lane).toBe(laneEvents(lane.lane).length);
			expect(lane.clusters.reduce((sum, c) => sum + c.count, 0)).toBe(lane.total);
			// Many slices of three years: the lane reads as bars, not as counted boxes.
			expect(lane.bars).toBe(true);
		}
	});

	it('after a zoom, each cluster holds exactly the lane events whose middle it spans', () => {
		const extent = timeline.extent ?? [0, 1];
		// Ten days in the second year: dense enough that most lanes are still clustered.
		const from = extent[0] + 400 * 86_400_000;
		const to = from + 10 * 86_400_000;
		const scale = timeScale([from, to], WIDTH);
		const layout = layoutLanes(timeline, scale, WIDTH);
		const lanes = densityInView(layout);
		expect(lanes.length).toBeGreaterThan(0);
		const slice = ((to - from) / WIDTH) * DEFAULT_LAYOUT.clusterWidth;
		for (const lane of lanes.filter((l) => !l.clusters.some((c) => c.spanning))) {
			const mids = laneEvents(lane.lane).map(mid);
			for (const c of lane.clusters) {
				expect(c.count).toBe(mids.filter((m) => m >= c.start && m <= c.end).length);
			}
			// The slices cover the window and at most one slice beyond each edge.
			const inside = mids.filter((m) => m >= from && m <= to).length;
			const around = mids.filter((m) => m >= from - slice && m <= to + slice).length;
			expect(lane.total).toBeGreaterThanOrEqual(inside);
			expect(lane.total).toBeLessThanOrEqual(around);
			const starts = lane.clusters.map((c) => c.start);
			expect(starts).toEqual([...starts].sort((a, b) => a - b));
		}
	});

	it('at a deep zoom, events longer than the view are one counted band and the rest are marks', () => {
		// One lane: 600 reports dated only to the month, and five exact ones in the hour looked at.
		const events = [
			...Array.from({ length: 600 }, (_, i) => ({
				id: `m${i}`,
				title: `Reported during the month ${i}`,
				start: '2024-03',
				precision: 'month' as const,
				category: 'reports'
			})),
			...Array.from({ length: 5 }, (_, i) => ({
				id: `x${i}`,
				title: `Exact report ${i}`,
				start: `2024-03-14T12:${String(i * 10).padStart(2, '0')}`,
				category: 'reports'
			}))
		];
		const dense = prepareTimeline({ timeZone: 'UTC', events } as Dataset);
		const from = Date.UTC(2024, 2, 14, 11, 55);
		const to = Date.UTC(2024, 2, 14, 12, 55);
		const layout = layoutLanes(dense, timeScale([from, to], WIDTH), WIDTH);
		expect(layout.clusters).toHaveLength(1);
		const [band] = layout.clusters;
		expect(band?.spanning).toBe(true);
		expect(band?.count).toBe(600);
		expect(band?.counted).toBe(true);
		expect(layout.marks.map((m) => m.id).sort()).toEqual(['x0', 'x1', 'x2', 'x3', 'x4']);
		// The marks sit below the band, never on its row.
		expect(layout.marks.every((m) => m.row > 0)).toBe(true);
		// Zoomed out to the month, the 600 are no longer longer than the view: they cluster as before.
		const month = layoutLanes(
			dense,
			timeScale([Date.UTC(2024, 1, 20), Date.UTC(2024, 3, 10)], WIDTH),
			WIDTH
		);
		expect(month.clusters.some((c) => c.spanning)).toBe(false);
	});
});
