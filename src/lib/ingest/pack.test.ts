import { describe, expect, it } from 'vitest';
import events from '$lib/data/events.json';
import { eventsInWindow } from '$lib/model/time-index';
import { NO_REFINEMENT, refineTimeline } from '$lib/model/refine';
import { batchTransferList, EventSender, unpackTimeline, type EventBatch } from './pack';
import { prepareTimeline, type PreparedEvent, type PreparedTimeline } from '$lib/model/timeline';
import type { Dataset } from '$lib/model/schema';
import { generateDataset } from '../../../scripts/bench-data.js';

const bundled = prepareTimeline(events as Dataset);

/**
 * What the worker's messages do: the events handed to the sender a few at a time, as a file read
 * as it arrives gives them, each batch a structured clone with its buffers transferred (which
 * empties the sender's copies); then the page orders and indexes them for the dataset's header.
 * `zone` is the zone the worker tells the page before the first batch.
 */
function postAndReceiveBy(
	dataset: Dataset = events as Dataset,
	{
		batchSize,
		run = 7,
		zone,
		resolve = false
	}: { batchSize?: number; run?: number; zone?: string; resolve?: boolean } = {}
) {
	const received: EventBatch[] = [];
	let told: string | undefined;
	const sender = new EventSender(
		(batch) => received.push(structuredClone(batch, { transfer: batchTransferList(batch) })),
		(begin) => (told = begin),
		{ ...(batchSize ? { batchSize } : {}), resolve }
	);
	sender.zone = zone ?? dataset.timeZone ?? 'UTC';
	for (let at = 0; at < dataset.events.length; at += run) {
		sender.add(dataset.events.slice(at, at + run));
	}
	sender.flush();
	expect(sender.sent).toBe(dataset.events.length);
	const header: Partial<Dataset> = { ...dataset };
	delete header.events;
	return asRead(unpackTimeline(header, received, told));
}

/** Every field of a prepared event as a reader gets it (its intervals are getters), as a plain object. */
const fieldsOf = (e: PreparedEvent): PreparedEvent => ({
	outer: e.outer,
	core: e.core,
	instant: e.instant,
	uncertain: e.uncertain,
	precision: e.precision,
	id: e.id,
	order: e.order,
	lane: e.lane,
	zone: e.zone,
	wall: e.wall,
	wallCore: e.wallCore,
	event: e.event
});

/** A timeline as its readers see it, so it can be compared with `toEqual`. */
function asRead(timeline: PreparedTimeline): PreparedTimeline {
	const read = new Map(timeline.events.map((e) => [e, fieldsOf(e)]));
	const same = (e: PreparedEvent) => read.get(e) ?? e;
	// A loaded timeline's index keeps its ends sorted too, for the first draw: those are checked here,
	// and the rest compared with the page's own index.
	const { sortedEnds, ...index } = timeline.index;
	if (sortedEnds) expect([...sortedEnds]).toEqual([...timeline.index.ends].sort((a, b) => a - b));
	return {
		...timeline,
		index,
		events: timeline.events.map(same),
		byLane: timeline.byLane.map((lane) => ({ ...lane, events: lane.events.map(same) }))
	};
}

// Every field once, each with a value no other field has, so a column read into the wrong field shows.
const EVERY_FIELD = {
	id: 'all',
	title: 'Every field',
	summary: 'Its summary',
	body: [{ kind: 'p', spans: [{ text: 'Body text' }] }],
	titleFrom: 'text',
	start: '2024-11-17',
	end: '2024-11-19',
	precision: 'part-of-day',
	partOfDay: 'evening',
	approximate: true,
	timeZone: 'Europe/Berlin',
	dateBasis: { kind: 'inferred', note: 'A note on the date' },
	displayDate: 'That weekend',
	category: 'lane-a',
	actors: ['Actor one', 'Actor two'],
	places: ['Place one'],
	certainty: 'alleged',
	attribution: 'Attributed to someone',
	quotes: [{ text: 'A quote', speaker: 'A speaker' }],
	sources: [{ name: 'A source', url: 'https://example.org/s' }],
	media: { kind: 'image', url: 'https://example.org/m.jpg' },
	notes: ['A note']
} satisfies Required<Dataset['events'][number]>;

// The page resolves each batch's times, or the worker does and the page rebuilds each event only
// when it is read: the timeline is the same either way.
describe.each([
	['the page', false],
	['the worker', true]
])('EventSender / unpackTimeline, times resolved by %s', (_, resolve) => {
	const postAndReceive = (dataset: Dataset = events as Dataset, options = {}) =>
		postAndReceiveBy(dataset, { ...options, resolve });

	it('gives back the same prepared timeline after crossing to another thread', () => {
		const received = postAndReceive();
		expect(received).toEqual(bundled);
	});

	it('gives back the same timeline when it crosses in many small batches', () => {
		expect(postAndReceive(events as Dataset, { batchSize: 3 })).toEqual(bundled);
	});

	it('reads the dates again when the header names another zone than the worker told', () => {
		expect(postAndReceive(events as Dataset, { zone: 'America/New_York' })).toEqual(bundled);
	});

	it('keeps every field of an event: text, repeated values, lists and structured evidence', () => {
		const full: Dataset = {
			timeZone: 'Europe/Kyiv',
			categories: [{ id: 'strike', label: 'Strikes' }],
			events: [
				{ ...EVERY_FIELD, id: 'a', category: 'strike' },
				{
					id: 'b',
					title: 'Same actors',
					start: '2024-11-16T06:00',
					actors: ['Actor one', 'Actor two']
				},
				{ id: 'c', title: 'Unicode ✓ 💥 text', start: '2024-11-15', approximate: true }
			]
		};
		const received = postAndReceive(full, { batchSize: 2 });
		expect(received).toEqual(prepareTimeline(full));
		// Keys come back in the order validation gives them, so a downloaded file reads the same.
		const a = received.events.find((e) => e.id === 'a')?.event;
		expect(Object.keys(a ?? {})).toEqual(Object.keys(full.events[0] ?? {}));
	});

	it('puts each field back where it was, whichever fields an event has and whichever batch it is in', () => {
		const dataset: Dataset = {
			events: [
				EVERY_FIELD,
				// Only what is required, then the same lists and values again in later batches,
				// where they cross as numbers into the tables earlier batches sent.
				{ id: 'bare', title: 'Bare', start: '2024-11-18' },
				{ id: 'again', title: 'Again', start: '2024-11-20', actors: ['Actor one', 'Actor two'] },
				{ id: 'one', title: 'One actor', start: '2024-11-21', actors: ['Actor one'] },
				{ id: 'other', title: 'Other one', start: '2024-11-22', actors: ['Actor two'] },
				{
					id: 'quoted',
					title: 'Quoted',
					start: '2024-11-23',
					places: ['Place one'],
					quotes: [{ text: 'Q', speaker: 'S' }]
				},
				{
					id: 'empty',
					title: 'Empty summary',
					summary: '',
					start: '2024-11-24',
					approximate: false
				}
			]
		};
		for (const batchSize of [1, 2, 7]) {
			const received = postAndReceive(dataset, { batchSize });
			expect(received.events.map((e) => e.event)).toEqual(dataset.events);
			received.events.forEach((e, i) => {
				expect(Object.keys(e.event)).toEqual(Object.keys(dataset.events[i] ?? {}));
			});
		}
	});

	it('keeps every precision and the uncertain and instant flags, in time order', () => {
		const dataset: Dataset = {
			timeZone: 'Europe/Kyiv',
			events: [
				{ id: 'y', title: 'A year', start: '2023' },
				{ id: 'm', title: 'A month', start: '2024-02', approximate: true },
				{
					id: 'p',
					title: 'Early morning',
					start: '2024-11-17',
					precision: 'part-of-day',
					partOfDay: 'early-morning'
				},
				{
					id: 'h',
					title: 'An hour',
					start: '2024-11-17T10:00',
					precision: 'hour',
					timeZone: 'Europe/Berlin'
				},
				{ id: 'x', title: 'Exact', start: '2024-11-17T12:30' },
				{ id: 's', title: 'Span', start: '2024-10', end: '2024-11-20' }
			]
		};
		const timeline = prepareTimeline(dataset);
		const received = postAndReceive(dataset);
		expect(received.events.map((e) => [e.id, e.precision, e.instant, e.uncertain, e.zone])).toEqual(
			timeline.events.map((e) => [e.id, e.precision, e.instant, e.uncertain, e.zone])
		);
		expect(received).toEqual(timeline);
		// The span from October keeps the stretch it surely covered; the exact time stays an instant.
		expect(received.events.find((e) => e.id === 's')?.core).toBeDefined();
		expect(received.events.find((e) => e.id === 'x')?.instant).toBe(true);
	});

	it('rebuilds indexes that find the same events in a window', () => {
		const received = postAndReceive();
		const [from, to] = [Date.UTC(2024, 10, 17), Date.UTC(2024, 10, 18)];
		const ids = (t: typeof bundled) =>
			eventsInWindow(t.index, from, to).map((i) => t.events[i]?.id);
		expect(ids(received)).toEqual(ids(bundled));
		expect(ids(received).length).toBeGreaterThan(5);
	});
});

describe.each([false, true])(
	'events rebuilt from the arrays (resolved by the worker: %s)',
	(resolve) => {
		const dataset = generateDataset(2_000, 3) as Dataset;
		const header: Partial<Dataset> = { ...dataset };
		delete header.events;
		const sent: EventBatch[] = [];
		const sender = new EventSender(
			(batch) => sent.push(batch),
			() => {},
			{ batchSize: 700, resolve }
		);
		sender.add(dataset.events);
		sender.flush();
		const timeline = unpackTimeline(header, sent, dataset.timeZone ?? 'UTC');
		const page = prepareTimeline(dataset);

		it('give the same intervals every time they are read', () => {
			const e = timeline.events[10];
			expect(e?.wall).toBe(e?.wall);
			expect(e?.outer).toBe(e?.outer);
			expect(timeline.events.map((e) => e.wall)).toEqual(page.events.map((e) => e.wall));
			expect(timeline.events.some((e) => e.wallCore)).toBe(true);
		});

		it('keep their times when regrouped into other lanes or one lane', () => {
			for (const groupBy of ['actor', 'place', 'none'] as const) {
				const options = { ...NO_REFINEMENT, groupBy };
				const regrouped = refineTimeline(timeline, options);
				const expected = refineTimeline(page, options);
				expect(regrouped.events.map(fieldsOf)).toEqual(expected.events.map(fieldsOf));
				expect(new Set(regrouped.events.map((e) => e.lane))).not.toEqual(
					new Set(timeline.events.map((e) => e.lane))
				);
			}
		});
	}
);

describe.each([false, true])('at scale (resolved by the worker: %s)', (resolve) => {
	// The bench's generator: bursty days, eight lanes, spans and every precision it writes.
	const dataset = generateDataset(50_000, 7) as Dataset;
	const received = postAndReceiveBy(dataset, { resolve });

	it('every event arrives once, in time order, and the lanes add up to the whole', () => {
		expect(received.events).toHaveLength(50_000);
		expect(new Set(received.events.map((e) => e.id)).size).toBe(50_000);
		expect(received.events.every((e, i) => e.order === i)).toBe(true);
		const starts = received.events.map((e) => e.wall.start);
		expect(starts.every((start, i) => i === 0 || start >= (starts[i - 1] ?? start))).toBe(true);
		expect(received.byLane.reduce((sum, lane) => sum + lane.events.length, 0)).toBe(50_000);
		received.byLane.forEach((lane, i) => {
			expect(lane.events.every((e) => e.lane === received.lanes[i]?.id)).toBe(true);
		});
	});

	it('the same timeline as preparing it on the page, event for event', () => {
		expect(received).toEqual(prepareTimeline(dataset));
	});

	it('a window finds exactly the events that meet it, in every lane', () => {
		const day = 86_400_000;
		let seen = 0;
		for (const from of [Date.UTC(2022, 5, 1), Date.UTC(2023, 11, 31, 22), Date.UTC(2024, 2, 3)]) {
			const to = from + day / 2;
			received.byLane.forEach((lane) => {
				const found = eventsInWindow(lane.index, from, to).map((i) => lane.events[i]?.id);
				const meets = lane.events.filter((e) => e.wall.end >= from && e.wall.start <= to);
				expect(found).toEqual(meets.map((e) => e.id));
				seen += found.length;
			});
		}
		expect(seen).toBeGreaterThan(10);
	});
});
