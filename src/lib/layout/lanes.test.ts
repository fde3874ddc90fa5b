import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '$lib/model/schema';
import { prepareTimeline } from '$lib/model/timeline';
import { clusterCountLabel, layoutLanes, SPAN_OVERHANG, type MarkLayout } from './lanes';
import { paddedDomain, timeScale } from './scale';

const categories = [
	{ id: 'strike', label: 'Strikes' },
	{ id: 'diplomacy', label: 'Diplomacy' }
];

function timelineOf(events: Omit<TimelineEvent, 'id'>[]) {
	return prepareTimeline({
		timeZone: 'UTC',
		categories,
		events: events.map((e, i) => ({ id: `e${i}`, ...e }))
	});
}

function labelBoxes(marks: MarkLayout[]) {
	return marks.flatMap((m) =>
		m.label
			? [
					{
						id: m.id,
						y: m.y,
						x0: m.label.anchor === 'start' ? m.label.x : m.label.x - m.label.width,
						x1: m.label.anchor === 'start' ? m.label.x + m.label.width : m.label.x
					}
				]
			: []
	);
}

function overlapping(marks: MarkLayout[]) {
	const boxes = labelBoxes(marks);
	const pairs: string[] = [];
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			if (a && b && a.y === b.y && a.x0 < b.x1 && b.x0 < a.x1) pairs.push(`${a.id}/${b.id}`);
		}
	return pairs;
}

describe('layoutLanes', () => {
	const timeline = timelineOf([
		{
			title: 'Massive missile strike on the power grid',
			start: '2024-11-17',
			precision: 'part-of-day',
			partOfDay: 'early-morning',
			category: 'strike'
		},
		{ title: 'Civilians killed near the Polish border', start: '2024-11-17', category: 'strike' },
		{ title: 'Scholz calls Putin', start: '2024-11-15T15:00', category: 'diplomacy' },
		{
			title: 'A deployment over two months',
			start: '2024-10',
			end: '2024-11',
			category: 'diplomacy'
		}
	]);
	const domain = paddedDomain(timeline.extent ?? [0, 1]);
	const scale = timeScale(domain, 1000);
	const layout = layoutLanes(timeline, scale, 1000);

	it('draws a day-precision event over its whole day, not as an instant', () => {
		const mark = layout.marks.find((m) => m.id === 'e1');
		expect(mark?.instant).toBe(false);
		expect(mark?.uncertain).toBe(true);
		const dayWidth = scale(Date.UTC(2024, 10, 18)) - scale(Date.UTC(2024, 10, 17));
		expect((mark?.x1 ?? 0) - (mark?.x0 ?? 0)).toBeCloseTo(Math.max(dayWidth, 6), 5);
		expect(mark?.x0).toBeCloseTo(scale(Date.UTC(2024, 10, 17)), 5);
	});

	it('draws an early-morning event over 04:00–08:00', () => {
		const mark = layout.marks.find((m) => m.id === 'e0');
		const width = scale(Date.UTC(2024, 10, 17, 8)) - scale(Date.UTC(2024, 10, 17, 4));
		expect((mark?.x1 ?? 0) - (mark?.x0 ?? 0)).toBeCloseTo(Math.max(width, 6), 5);
	});

	it('draws an exact time as an instant', () => {
		const mark = layout.marks.find((m) => m.id === 'e2');
		expect(mark?.instant).toBe(true);
		expect(mark?.cx).toBeCloseTo(scale(Date.UTC(2024, 10, 15, 15)), 5);
	});

	it('puts events in their category lane and lanes one below another', () => {
		for (const mark of layout.marks) {
			const lane = layout.lanes.find((l) => l.id === mark.lane);
			expect(lane).toBeDefined();
			if (!lane) continue;
			expect(mark.y).toBeGreaterThan(lane.y);
			expect(mark.y).toBeLessThan(lane.y + lane.height);
		}
		expect(layout.lanes.map((l) => l.id)).toEqual(['strike', 'diplomacy']);
		expect(layout.height).toBe(layout.lanes.reduce((sum, l) => sum + l.height, 0));
	});

	it('labels every event when there is room, and no two labels overlap', () => {
		expect(layout.marks.every((m) => m.label)).toBe(true);
		expect(overlapping(layout.marks)).toEqual([]);
	});

	it('leaves out events wholly outside the view, keeps spans that cross it', () => {
		const zoomed = timeScale([Date.UTC(2024, 10, 17), Date.UTC(2024, 10, 18)], 1000);
		const ids = layoutLanes(timeline, zoomed, 1000)
			.marks.map((m) => m.id)
			.sort();
		// e2 (15 November) is off screen; e3 runs through November, so it crosses the view.
		expect(ids).toEqual(['e0', 'e1', 'e3']);
	});

	it('cuts a span that runs past the view just beyond its edges, however deep the zoom', () => {
		// Ten minutes of 17 November: the day-long and month-long spans are millions of pixels wide.
		const noon = Date.UTC(2024, 10, 17, 12);
		const deep = timeScale([noon, noon + 10 * 60_000], 1000);
		const marks = layoutLanes(timeline, deep, 1000).marks;
		for (const id of ['e1', 'e3']) {
			const mark = marks.find((m) => m.id === id);
			expect(mark?.x0, id).toBe(-SPAN_OVERHANG);
			expect(mark?.x1, id).toBe(1000 + SPAN_OVERHANG);
		}
		const core = marks.find((m) => m.id === 'e3')?.core;
		if (core && core.x1 > core.x0) {
			expect(core.x0).toBeGreaterThanOrEqual(-SPAN_OVERHANG);
			expect(core.x1).toBeLessThanOrEqual(1000 + SPAN_OVERHANG);
		}
	});

	it('labels a span that fills the view inside the span', () => {
		const zoomed = timeScale([Date.UTC(2024, 10, 17), Date.UTC(2024, 10, 18)], 1000);
		const mark = layoutLanes(timeline, zoomed, 1000).marks.find((m) => m.id === 'e3');
		expect(mark?.label?.inside).toBe(true);
		expect(mark?.label?.x).toBeGreaterThanOrEqual(0);
	});
});

describe('layoutLanes properties on random timelines', () => {
	const start = Date.UTC(2024, 0, 1);
	const eventArb = fc.record({
		offsetHours: fc.integer({ min: 0, max: 24 * 60 }),
		lengthHours: fc.option(fc.integer({ min: 1, max: 24 * 20 }), { nil: undefined }),
		precision: fc.constantFrom('minute', 'day', 'month') as fc.Arbitrary<
			'minute' | 'day' | 'month'
		>,
		category: fc.constantFrom('strike', 'diplomacy'),
		title: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0)
	});
	const toIso = (ms: number, precision: 'minute' | 'day' | 'month') =>
		new Date(ms).toISOString().slice(0, precision === 'minute' ? 16 : precision === 'day' ? 10 : 7);

	it('never overlaps labels, never yields NaN, keeps every visible event inside the view', () => {
		fc.assert(
			fc.property(
				fc.array(eventArb, { minLength: 1, maxLength: 120 }),
				fc.integer({ min: 280, max: 1600 }),
				(specs, width) => {
					const timeline = timelineOf(
						specs.map((s) => {
							const t = start + s.offsetHours * 3_600_000;
							return {
								title: s.title,
								start: toIso(t, s.precision),
								end:
									s.lengthHours && s.precision === 'minute'
										? toIso(t + s.lengthHours * 3_600_000, 'minute')
										: undefined,
								category: s.category
							};
						})
					);
					const scale = timeScale(paddedDomain(timeline.extent ?? [0, 1]), width);
					const layout = layoutLanes(timeline, scale, width);
					expect(layout.marks.length).toBe(timeline.events.length);
					expect(overlapping(layout.marks)).toEqual([]);
					for (const mark of layout.marks) {
						for (const v of [mark.x0, mark.x1, mark.y, mark.cx])
							expect(Number.isFinite(v)).toBe(true);
						expect(mark.x1).toBeGreaterThanOrEqual(0);
						expect(mark.x0).toBeLessThanOrEqual(width);
						if (mark.label) {
							const left =
								mark.label.anchor === 'start' ? mark.label.x : mark.label.x - mark.label.width;
							expect(left).toBeGreaterThanOrEqual(-0.001);
							expect(left + mark.label.width).toBeLessThanOrEqual(width + 0.001);
						}
					}
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('level of detail', () => {
	/** `count` events on one day, every few minutes, in two lanes. */
	function dense(count: number) {
		return prepareTimeline({
			timeZone: 'UTC',
			categories,
			events: Array.from({ length: count }, (_, i) => ({
				id: `d${i}`,
				title: `Event ${i}`,
				start: new Date(Date.UTC(2024, 10, 17) + i * 60_000 * 3).toISOString().slice(0, 16),
				category: i % 3 === 0 ? 'diplomacy' : 'strike'
			}))
		});
	}

	it('draws a dense lane as counted clusters that account for every event in view', () => {
		const timeline = dense(3000);
		const scale = timeScale(paddedDomain(timeline.extent ?? [0, 1]), 1000);
		const layout = layoutLanes(timeline, scale, 1000);
		const clustered = layout.clusters.reduce((sum, c) => sum + c.count, 0);
		expect(layout.clusters.length).toBeGreaterThan(0);
		expect(clustered + layout.marks.length).toBe(3000);
		expect(layout.marks.length).toBeLessThanOrEqual(400);
		for (const c of layout.clusters) {
			expect(Number.isFinite(c.x0) && Number.isFinite(c.x1) && c.x1 > c.x0).toBe(true);
			expect(c.sample.length).toBeGreaterThan(0);
		}
	});

	it('draws a lane with many clusters as density against its densest slice', () => {
		const timeline = dense(3000);
		const scale = timeScale(paddedDomain(timeline.extent ?? [0, 1]), 1000);
		const layout = layoutLanes(timeline, scale, 1000, { clusterWidth: 8 });
		for (const lane of new Set(layout.clusters.map((c) => c.lane))) {
			const clusters = layout.clusters.filter((c) => c.lane === lane);
			const densest = Math.max(...clusters.map((c) => c.count));
			expect(clusters.length).toBeGreaterThan(8);
			for (const c of clusters) {
				expect(c.counted).toBe(false);
				expect(c.density).toBeCloseTo(c.count / densest);
			}
		}
		// Few, wide slices in view: boxes with their counts written on them again.
		const start = Date.UTC(2024, 10, 20);
		const few = layoutLanes(timeline, timeScale([start, start + 6 * 3_600_000], 1000), 1000, {
			maxMarks: 10,
			clusterWidth: 200
		});
		expect(few.clusters.length).toBeGreaterThan(0);
		expect(few.clusters.every((c) => c.counted)).toBe(true);
	});

	it('splits clusters into single events as the reader zooms in', () => {
		const timeline = dense(3000);
		const start = Date.UTC(2024, 10, 17, 12);
		const zoomed = layoutLanes(timeline, timeScale([start, start + 60 * 60_000], 1000), 1000);
		expect(zoomed.clusters).toEqual([]);
		expect(zoomed.marks.length).toBe(21);
	});

	it('draws the focused event one by one even inside a clustered lane', () => {
		const timeline = dense(3000);
		const scale = timeScale(paddedDomain(timeline.extent ?? [0, 1]), 1000);
		const layout = layoutLanes(timeline, scale, 1000, {}, new Set(['d1']));
		expect(layout.marks.map((m) => m.id)).toContain('d1');
		const mark = layout.marks.find((m) => m.id === 'd1');
		const clusterRow = layout.clusters.find((c) => c.lane === mark?.lane)?.y;
		expect(mark?.y).not.toBe(clusterRow);
	});
});

describe('clusterCountLabel', () => {
	it('shows the count as exactly as the band has room for, or not at all', () => {
		expect(clusterCountLabel(842, 26)).toBe('842');
		expect(clusterCountLabel(1234, 40)).toBe('1.2k');
		expect(clusterCountLabel(1234, 26)).toBe('1k');
		expect(clusterCountLabel(15_400, 26)).toBe('15k');
		expect(clusterCountLabel(842, 10)).toBeUndefined();
	});
});
