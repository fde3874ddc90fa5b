import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import events from '$lib/data/events.json';
import { loadBundledTimeline } from '$lib/ingest/load';
import { prepareTimeline } from '$lib/model/timeline';
import { findBreaks, timelineGaps, wholeScale } from './breaks';
import { buildTimeIndex } from '$lib/model/time-index';
import { DEFAULT_LAYOUT, layoutLanes } from './lanes';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.UTC(2024, 0, 1);
const days = (...ns: number[]) => ns.map((n) => t0 + n * DAY);

describe('findBreaks', () => {
	const rows: { name: string; times: number[]; expected: [number, number][] }[] = [
		{ name: 'evenly spread events: none', times: days(0, 1, 2, 3, 4, 5, 6, 7), expected: [] },
		{ name: 'one span alone: none', times: days(0, 30), expected: [] },
		{ name: 'two instants: none', times: days(0, 0, 90, 90), expected: [] },
		{
			name: 'a week of events months after a prologue: the months between',
			times: days(0, 1, 120, 121, 122, 123, 124, 125, 126),
			expected: [[1, 120]]
		},
		{
			name: 'longest first, each against what would still be shown',
			times: days(0, 1, 100, 101, 102, 103, 120),
			expected: [
				[1, 100],
				[103, 120]
			]
		},
		{
			name: 'a gap short against the rest stays linear',
			times: days(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14),
			expected: []
		}
	];
	it.each(rows)('$name', ({ times, expected }) => {
		const { breaks, domain } = findBreaks(times);
		// Each break keeps room either side of the events around it, inside the gap.
		expect(breaks).toHaveLength(expected.length);
		breaks.forEach((b, i) => {
			const [from, to] = (expected[i] as [number, number]).map((n) => t0 + n * DAY);
			expect(b.start).toBeGreaterThan(from as number);
			expect(b.end).toBeLessThan(to as number);
			expect(b.end - b.start).toBeGreaterThan(((to as number) - (from as number)) / 2);
		});
		expect(domain[0]).toBeLessThan(Math.min(...times));
		expect(domain[1]).toBeGreaterThan(Math.max(...times));
	});

	it('never cuts a short event at its own middle; a long span may be cut', () => {
		// A month-long report, a week-long one, and two day-long events on the 13th and 15th.
		const spans = { starts: days(0, 9, 13, 15), ends: days(31, 16, 14, 16) };
		const times = [...spans.starts, ...spans.ends];
		const inside = (from: number, to: number) => (b: { start: number; end: number }) =>
			b.start < t0 + to * DAY && b.end > t0 + from * DAY;
		// Without the events, the inside of the day of the 13th is one more empty stretch.
		expect(findBreaks(times).breaks.some(inside(13, 14))).toBe(true);
		const { breaks } = findBreaks(times, true, {}, false, spans);
		expect(breaks.some(inside(13, 14))).toBe(false);
		expect(breaks.some(inside(15, 16))).toBe(false);
		// The days between the week's start and the first day event run inside long spans only.
		expect(breaks.some(inside(9, 13))).toBe(true);
	});

	it('turned off, gives the plain padded extent', () => {
		const { breaks, domain } = findBreaks(days(0, 1, 120, 121), false);
		expect(breaks).toEqual([]);
		expect(domain).toEqual([t0 - 0.04 * 121 * DAY, t0 + 121 * DAY + 0.04 * 121 * DAY]);
	});
});

describe('the bundled report', () => {
	const report = loadBundledTimeline(events);

	it('skips the months between June and the November story, and the weeks around it', () => {
		const { breaks } = timelineGaps(report);
		expect(breaks.length).toBe(3);
		const months = breaks.map((b) => new Date(b.start).getUTCMonth());
		expect(months).toEqual([5, 9, 10]);
	});

	it('gives the 15–19 November events more than half the width, with every event in view', () => {
		const scale = wholeScale(report, 1163, true);
		const story = report.events.filter((e) => e.wall.start >= Date.UTC(2024, 10, 14, 22));
		const x0 = Math.min(...story.map((e) => scale(e.wall.start)));
		const x1 = Math.max(
			...story.filter((e) => e.wall.end <= Date.UTC(2024, 10, 20)).map((e) => scale(e.wall.end))
		);
		expect((x1 - x0) / 1163).toBeGreaterThan(0.5);
		for (const e of report.events) {
			expect(scale(e.wall.start)).toBeGreaterThanOrEqual(0);
			expect(scale(e.wall.end)).toBeLessThanOrEqual(1163);
		}
		expect(wholeScale(report, 1163, false).breaks()).toEqual([]);
	});
});

describe('a dense lane on a broken scale', () => {
	it('is counted in slices as narrow as on a linear scale of the stretches', () => {
		const burst = Array.from({ length: 900 }, (_, i) => ({
			id: `b${i}`,
			title: `Report ${i}`,
			start: new Date(Date.UTC(2024, 10, 10 + (i % 5), (i * 7) % 24)).toISOString().slice(0, 16),
			category: 'reports'
		}));
		const timeline = prepareTimeline({
			timeZone: 'UTC',
			events: [
				{ id: 'early', title: 'Months before', start: '2024-03-01', category: 'reports' },
				...burst
			]
		});
		const scale = wholeScale(timeline, 900, true);
		expect(scale.breaks()).toHaveLength(1);
		const { clusters } = layoutLanes(timeline, scale, 900);
		expect(clusters.length).toBeGreaterThan(10);
		for (const c of clusters) expect(c.x1 - c.x0).toBeLessThanOrEqual(DEFAULT_LAYOUT.clusterWidth);
		expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(901);
	});
});

describe('timelineGaps', () => {
	it("finds the same gaps as findBreaks over every start and end, read from the timeline's index", () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 30 })), {
					minLength: 1,
					maxLength: 60
				}),
				(spans) => {
					// A timeline's events, and so its index, are in order of start.
					const wall = spans
						.map(([day, length]) => ({
							wall: { start: t0 + day * DAY, end: t0 + (day + length) * DAY }
						}))
						.sort((a, b) => a.wall.start - b.wall.start);
					const times = wall.flatMap((e) => [e.wall.start, e.wall.end]);
					const starts = wall.map((e) => e.wall.start);
					const ends = wall.map((e) => e.wall.end);
					const index = buildTimeIndex(wall);
					expect(timelineGaps({ index })).toEqual(
						findBreaks(times, true, {}, false, { starts, ends })
					);
				}
			)
		);
	});
});
