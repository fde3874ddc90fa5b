import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import events from '$lib/data/events.json';
import { loadBundledTimeline } from '$lib/ingest/load';
import type { TimelineEvent } from '$lib/model/schema';
import { prepareTimeline } from '$lib/model/timeline';
import { hitIndex } from './hit';
import {
	clusterCountLabel,
	cutLabels,
	DEFAULT_LAYOUT,
	FIGURE_LAYOUT,
	labelLeft,
	layoutLanes,
	pageLayout,
	CLIP_STEP,
	clipBounds,
	SPAN_OVERHANG,
	type MarkLayout,
	type TimelineLayout
} from './lanes';
import { paddedDomain, timeScale } from './scale';
import { estimateTextWidth } from './text';

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

/** A rectangle something is drawn in; `owner` is the event (or cluster) it belongs to. */
interface Box {
	what: string;
	owner: string;
	x0: number;
	x1: number;
	y0: number;
	y1: number;
	/** A label inside its own span sits on that span by design. */
	insideOf?: string;
}

/** Every box the layout draws: each mark's shape (bar or symbol), each label, each cluster band. */
function drawnBoxes(layout: TimelineLayout): Box[] {
	const boxes: Box[] = [];
	for (const m of layout.marks) {
		boxes.push({ what: 'mark', owner: m.id, x0: m.x0, x1: m.x1, y0: m.y - 7, y1: m.y + 7 });
		const label = m.label;
		if (!label) continue;
		const half = (label.lines.length * label.lineHeight) / 2;
		boxes.push({
			what: 'label',
			owner: m.id,
			x0: labelLeft(label),
			x1: labelLeft(label) + label.width,
			y0: m.y - half,
			y1: m.y + half,
			insideOf: label.inside ? m.id : undefined
		});
	}
	for (const c of layout.clusters) {
		boxes.push({ what: 'cluster', owner: c.id, x0: c.x0, x1: c.x1, y0: c.y - 8, y1: c.y + 8 });
	}
	return boxes;
}

/** Pairs of drawn boxes that overlap, as `what:owner/what:owner`. */
function overlaps(layout: TimelineLayout): string[] {
	const boxes = drawnBoxes(layout).sort((a, b) => a.x0 - b.x0);
	const pairs: string[] = [];
	for (let i = 0; i < boxes.length; i++) {
		const a = boxes[i] as Box;
		for (let j = i + 1; j < boxes.length; j++) {
			const b = boxes[j] as Box;
			if (b.x0 >= a.x1) break;
			if (a.owner === b.owner && (a.insideOf === b.owner || b.insideOf === a.owner)) continue;
			if (a.y0 < b.y1 && b.y0 < a.y1) pairs.push(`${a.what}:${a.owner}/${b.what}:${b.owner}`);
		}
	}
	return pairs;
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
			// Known to the month at both ends: surely under way through November, the span's core.
			title: 'A deployment over two months',
			start: '2024-10',
			end: '2024-12',
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
		// November, the certain core of the October-to-December span, is cut the same way.
		expect(marks.find((m) => m.id === 'e3')?.core).toEqual({
			x0: -SPAN_OVERHANG,
			x1: 1000 + SPAN_OVERHANG
		});
	});

	it("cuts the page's long spans on lines fixed in time, so a pan moves a cut end with the span", () => {
		const day = 86_400_000;
		const from = Date.UTC(2024, 10, 17);
		const cut = (px: number) => {
			const start = from + (px * day) / 1000;
			const scale = timeScale([start, start + day], 1000);
			const mark = layoutLanes(timeline, scale, 1000, pageLayout(1000)).marks.find(
				(m) => m.id === 'e3'
			);
			return { bounds: clipBounds(scale, 1000, CLIP_STEP), x0: mark?.x0, x1: mark?.x1 };
		};
		const still = cut(0);
		expect(still.bounds[0]).toBeLessThanOrEqual(-SPAN_OVERHANG);
		expect(still.bounds[0]).toBeGreaterThan(-SPAN_OVERHANG - CLIP_STEP);
		expect(still.bounds[1]).toBeGreaterThanOrEqual(1000 + SPAN_OVERHANG);
		expect(still.bounds[1]).toBeLessThan(1000 + SPAN_OVERHANG + CLIP_STEP);
		expect([still.x0, still.x1]).toEqual(still.bounds);
		// Panned by px pixels and brought back by px, a cut is where it was or whole steps over.
		for (const px of [1, 3, 10, 40, 100, 300]) {
			const panned = cut(px);
			const steps = ((panned.x0 ?? NaN) + px - (still.x0 ?? NaN)) / CLIP_STEP;
			expect(steps).toBeCloseTo(Math.round(steps), 6);
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
					expect(overlaps(layout)).toEqual([]);
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

describe('every mark reachable, nothing drawn over anything', () => {
	const day = Date.UTC(2024, 10, 17);
	const words = ['strike', 'on', 'the', 'grid', 'Kyiv', 'says', 'minister', 'reports', 'a', 'W'];
	/** Events bunched into a few hours, in one or two lanes: spans, instants, every precision. */
	const denseEventArb = fc.record({
		minutes: fc.integer({ min: 0, max: 6 * 60 }),
		lengthMinutes: fc.option(fc.integer({ min: 1, max: 12 * 60 }), { nil: undefined }),
		precision: fc.constantFrom('minute', 'hour', 'part-of-day', 'day') as fc.Arbitrary<
			'minute' | 'hour' | 'part-of-day' | 'day'
		>,
		category: fc.constantFrom('strike', 'strike', 'diplomacy'),
		title: fc
			.array(fc.constantFrom(...words), { minLength: 1, maxLength: 14 })
			.map((w) => w.join(' '))
	});
	const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
	function denseTimeline(
		specs: {
			minutes: number;
			lengthMinutes?: number;
			precision: 'minute' | 'hour' | 'part-of-day' | 'day';
			category: string;
			title: string;
		}[]
	) {
		return timelineOf(
			specs.map((s) => {
				const t = day + s.minutes * 60_000;
				if (s.precision === 'day')
					return { title: s.title, start: iso(t).slice(0, 10), category: s.category };
				if (s.precision === 'part-of-day')
					return {
						title: s.title,
						start: iso(t).slice(0, 10),
						precision: 'part-of-day' as const,
						partOfDay: 'morning' as const,
						category: s.category
					};
				return {
					title: s.title,
					start: iso(t),
					end: s.lengthMinutes ? iso(t + s.lengthMinutes * 60_000) : undefined,
					precision: s.precision,
					category: s.category
				};
			})
		);
	}
	/** Where the pointer lands to reach a mark: the middle of the part of its shape on screen. */
	const centre = (m: MarkLayout, width: number) =>
		m.instant ? m.cx : (Math.max(m.x0, 0) + Math.min(m.x1, width)) / 2;

	/** The properties, for one layout: no overlap, and the pointer finds every mark at its centre. */
	function expectReachable(layout: TimelineLayout, width: number) {
		expect(overlaps(layout)).toEqual([]);
		const index = hitIndex([...layout.marks, ...layout.clusters], DEFAULT_LAYOUT.rowHeight);
		const missed = layout.marks
			.filter((m) => index.find(centre(m, width), m.y)?.id !== m.id)
			.map((m) => m.id);
		expect(missed).toEqual([]);
		for (const c of layout.clusters) expect(index.find((c.x0 + c.x1) / 2, c.y)?.id).toBe(c.id);
		// A label is flagged as cut exactly when it does not show the whole title.
		for (const m of layout.marks) {
			if (m.label) expect(m.label.truncated).toBe(m.label.text !== m.event.event.title);
		}
	}

	it('holds on random dense lanes, on the page and in the figure, zoomed out and in', () => {
		fc.assert(
			fc.property(
				fc.array(denseEventArb, { minLength: 2, maxLength: 90 }),
				fc.integer({ min: 300, max: 1600 }),
				fc.constantFrom(1, 3),
				fc.constantFrom(1, 8),
				(specs, width, wrapLabels, zoom) => {
					const timeline = denseTimeline(specs);
					const [d0, d1] = paddedDomain(timeline.extent ?? [0, 1]);
					const scale = timeScale([d0, d0 + (d1 - d0) / zoom], width);
					const keepTitles = wrapLabels > 1;
					const layout = layoutLanes(timeline, scale, width, { wrapLabels, keepTitles });
					expectReachable(layout, width);
				}
			),
			{ numRuns: 120 }
		);
	});

	const PRECISIONS = ['minute', 'hour', 'minute', 'part-of-day', 'day', 'minute'] as const;
	it('gives each of 36 events piled on one morning its own place, none left unlabelled', () => {
		const specs = Array.from({ length: 36 }, (_, i) => ({
			minutes: (i * 37) % 240,
			lengthMinutes: i % 3 === 0 ? 90 + i * 5 : undefined,
			precision: PRECISIONS[i % PRECISIONS.length] ?? 'minute',
			category: 'strike',
			title: `Event ${i}: ${'report '.repeat(1 + (i % 5))}`.trim()
		}));
		const timeline = denseTimeline(specs);
		const scale = timeScale(paddedDomain(timeline.extent ?? [0, 1]), 1000);
		const layout = layoutLanes(timeline, scale, 1000);
		expect(layout.clusters).toEqual([]);
		expect(layout.marks).toHaveLength(36);
		expectReachable(layout, 1000);
		expect(layout.lanes[0]?.rows).toBeGreaterThan(DEFAULT_LAYOUT.maxRows);
		expect(cutLabels(layout)).toBe(
			layout.marks.filter((m) => !m.label?.lines.length || m.label.truncated).length
		);
	});

	it('cuts a label only where the next mark in its row needs the place', () => {
		// Two events an hour apart, and rows for one only: the first label runs up to the second mark.
		const timeline = timelineOf([
			{
				title: 'A long title that would run far to the right',
				start: '2024-11-17T10:00',
				category: 'strike'
			},
			{ title: 'Next', start: '2024-11-17T11:00', category: 'strike' }
		]);
		const scale = timeScale([Date.UTC(2024, 10, 17, 9), Date.UTC(2024, 10, 17, 13)], 800);
		const roomy = layoutLanes(timeline, scale, 800);
		expect(roomy.marks.map((m) => m.label?.truncated)).toEqual([false, false]);
		expect(cutLabels(roomy)).toBe(0);
		const tight = layoutLanes(timeline, scale, 800, { maxRows: 1 });
		const [first, second] = tight.marks;
		expect(first?.row).toBe(second?.row);
		expect(first?.label?.truncated).toBe(true);
		expect(first?.label?.text.endsWith('…')).toBe(true);
		// It stops at the second mark, less the gap between boxes, and no earlier than it must.
		const end = (first?.label?.x ?? 0) + (first?.label?.width ?? 0);
		expect(end).toBeLessThanOrEqual((second?.x0 ?? 0) - 8);
		expect(end + estimateTextWidth('xx', 12)).toBeGreaterThan((second?.x0 ?? 0) - 8);
		expect(second?.label?.truncated).toBe(false);
		expect(cutLabels(tight)).toBe(1);
	});

	it('shows every title of the bundled report whole at the page width a 1280 px screen gives', () => {
		// The page's drawing is 1164 px wide in a 1280 px window; a fixed 240 px cut cut 15 of 19.
		const report = loadBundledTimeline(events);
		const scale = timeScale(paddedDomain(report.extent ?? [0, 1]), 1164);
		const layout = layoutLanes(report, scale, 1164);
		expect(layout.marks).toHaveLength(19);
		expect(cutLabels(layout)).toBe(0);
		expect(cutLabels(layoutLanes(report, scale, 1164, FIGURE_LAYOUT))).toBe(0);
	});

	it('wraps labels onto two lines on a phone, where one line beside a mark holds a few words', () => {
		const report = loadBundledTimeline(events);
		const scale = timeScale(paddedDomain(report.extent ?? [0, 1]), 342);
		expect(cutLabels(layoutLanes(report, scale, 342))).toBeGreaterThan(0);
		const phone = layoutLanes(report, scale, 342, pageLayout(342));
		expect(cutLabels(phone)).toBe(0);
		expect(phone.marks.some((m) => m.label?.lines.length === 2)).toBe(true);
		expect(pageLayout(1164).wrapLabels ?? DEFAULT_LAYOUT.wrapLabels).toBe(1);
	});

	it('lets a label run as far as its row is empty, with no fixed cut', () => {
		const title =
			'Starmer: North Korean troops show Moscow’s desperation, and Britain will keep helping Kyiv for as long as it takes';
		const timeline = timelineOf([{ title, start: '2024-11-17T10:00', category: 'strike' }]);
		const scale = timeScale([Date.UTC(2024, 10, 17, 9), Date.UTC(2024, 10, 17, 21)], 1400);
		const label = layoutLanes(timeline, scale, 1400).marks[0]?.label;
		expect(label?.text).toBe(title);
		expect(label?.width).toBeGreaterThan(600);
	});

	it('wraps a label that has no room for one line onto up to three, and the row grows to hold it', () => {
		const title = 'Biden lets Ukraine strike inside Russia with ATACMS, US officials say';
		const timeline = timelineOf([{ title, start: '2024-11-17T19:00', category: 'strike' }]);
		const scale = timeScale([Date.UTC(2024, 10, 17, 0), Date.UTC(2024, 10, 17, 21)], 420);
		const onPage = layoutLanes(timeline, scale, 420).marks[0];
		const inFigure = layoutLanes(timeline, scale, 420, { wrapLabels: 3 }).marks[0];
		expect(onPage?.label?.truncated).toBe(true);
		expect(inFigure?.label?.truncated).toBe(false);
		expect(inFigure?.label?.lines.length).toBeGreaterThan(1);
		expect(inFigure?.label?.lines.join(' ')).toBe(title);
		expect(inFigure?.rowHeight).toBeGreaterThan(onPage?.rowHeight ?? Infinity);
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
