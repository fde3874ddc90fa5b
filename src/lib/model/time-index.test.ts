import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeIndex, eventsInWindow } from './time-index';

const DAY = 86_400_000;

/** Every event whose interval meets [from, to], by scanning them all: the answer the index must match. */
const scan = (events: { wall: { start: number; end: number } }[], from: number, to: number) =>
	events.flatMap((e, i) => (e.wall.end >= from && e.wall.start <= to ? [i] : []));

describe('eventsInWindow', () => {
	it('finds short and long events that meet the window, in time order', () => {
		const events = [
			{ wall: { start: 0, end: 100 * DAY } },
			{ wall: { start: 10 * DAY, end: 10 * DAY } },
			{ wall: { start: 49 * DAY, end: 50.5 * DAY } },
			{ wall: { start: 60 * DAY, end: 61 * DAY } }
		];
		const index = buildTimeIndex(events);
		expect(eventsInWindow(index, events, 50 * DAY, 55 * DAY)).toEqual([0, 2]);
		expect(eventsInWindow(index, events, 200 * DAY, 300 * DAY)).toEqual([]);
	});

	it('agrees with a full scan for any events and window', () => {
		const interval = fc
			.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 60 }))
			.map(([start, length]) => ({
				wall: {
					start: (start * DAY) / 4,
					end: (start / 4 + length * (length > 40 ? 3 : 0.1)) * DAY
				}
			}));
		fc.assert(
			fc.property(
				fc.array(interval, { maxLength: 200 }),
				fc.integer({ min: 0, max: 300 }),
				fc.integer({ min: 0, max: 100 }),
				(raw, from, length) => {
					const events = [...raw].sort((a, b) => a.wall.start - b.wall.start);
					const index = buildTimeIndex(events);
					const found = eventsInWindow(index, events, from * DAY, (from + length) * DAY);
					expect([...found].sort((a, b) => a - b)).toEqual(
						scan(events, from * DAY, (from + length) * DAY)
					);
				}
			),
			{ numRuns: 300 }
		);
	});
});
