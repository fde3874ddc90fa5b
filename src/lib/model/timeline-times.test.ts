import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assembleTimeline, resolveRun, TimesBuilder, type ResolvedRun } from './timeline-times';
import type { TimelineEvent } from './schema';
import { prepareTimeline, type PreparedTimeline } from './timeline';
import { facetCounts, NO_REFINEMENT, refineTimeline } from './refine';

/** `events` as a run resolved elsewhere (as the data worker resolves a batch), counting the events made. */
function runOf(events: TimelineEvent[], zone: string) {
	const made = { count: 0 };
	const run: ResolvedRun = {
		count: events.length,
		...resolveRun(events, zone),
		id: (i) => (events[i] as TimelineEvent).id,
		category: (i) => events[i]?.category,
		listed: (i, field) => events[i]?.[field],
		timeZone: (i) => events[i]?.timeZone,
		event: (i) => {
			made.count++;
			return { ...(events[i] as TimelineEvent) };
		}
	};
	return { run, made };
}

/** What a reader sees of a timeline's events: ids, lanes and intervals in order. */
const seen = (timeline: PreparedTimeline) =>
	timeline.events.map((e) => ({
		id: e.id,
		lane: e.lane,
		order: e.order,
		wall: e.wall,
		core: e.core,
		precision: e.precision,
		title: e.event.title
	}));

const day = fc
	.record({ year: fc.integer({ min: 1990, max: 2030 }), day: fc.integer({ min: 0, max: 364 }) })
	.map(({ year, day }) => new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10));

const event = fc.record({
	start: fc.oneof(
		day,
		day.map((d) => d.slice(0, 7)),
		fc.constant('someday')
	),
	category: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined })
});

describe('TimesBuilder.addResolved', () => {
	it("builds the timeline the page's own preparation builds, leaving out events without times", () => {
		fc.assert(
			fc.property(
				fc.array(event, { maxLength: 40 }),
				fc.integer({ min: 1, max: 9 }),
				(drawn, size) => {
					const events: TimelineEvent[] = drawn.map(({ start, category }, i) => ({
						id: `e${i}`,
						title: `Event ${i}`,
						start,
						...(category ? { category } : {})
					}));
					const worker = new TimesBuilder('UTC');
					for (let at = 0; at < events.length; at += size) {
						worker.addResolved(runOf(events.slice(at, at + size), 'UTC').run);
					}
					const built = assembleTimeline(worker.finish({}));
					expect(seen(built)).toEqual(seen(prepareTimeline({ events })));
				}
			)
		);
	});

	it('makes an event only when it is read', () => {
		const events: TimelineEvent[] = [
			{ id: 'b', title: 'Second', start: '2024-11-18', category: 'x', actors: ['Army'] },
			{ id: 'a', title: 'First', start: '2024-11-17' }
		];
		const { run, made } = runOf(events, 'Europe/Kyiv');
		const builder = new TimesBuilder('Europe/Kyiv');
		builder.addResolved(run);
		const timeline = assembleTimeline(builder.finish({ timeZone: 'Europe/Kyiv' }));
		// Order, lanes, ids and times come from the tables.
		expect(timeline.events.map((e) => [e.id, e.lane])).toEqual([
			['a', 'uncategorised'],
			['b', 'x']
		]);
		expect(timeline.events[0]?.wall.start).toBe(Date.UTC(2024, 10, 17));
		// Counting, filtering and grouping by actors read the tables too.
		expect(facetCounts(timeline.events, 'actors')).toEqual([{ value: 'Army', count: 1 }]);
		const refined = refineTimeline(timeline, {
			...NO_REFINEMENT,
			actors: new Set(['Army']),
			groupBy: 'actor'
		});
		expect(refined.events.map((e) => [e.id, e.lane])).toEqual([['b', 'actors:Army']]);
		expect(made.count).toBe(0);
		expect(timeline.events[1]?.event.title).toBe('Second');
		expect(timeline.events[1]?.event).toBe(timeline.events[1]?.event);
		expect(refined.events[0]?.event).toBe(timeline.events[1]?.event);
		expect(made.count).toBe(1);
	});
});
