import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedPositions } from './radix';
import { buildTimeIndex, countInWindow, eventsInWindow } from './time-index';

const DAY = 86_400_000;

/** Every event whose interval meets [from, to], by scanning them all: the answer the index must match. */
const intervals = fc
	.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 60 }))
	.map(([start, length]) => ({
		wall: {
			start: (start * DAY) / 4,
			end: (start / 4 + length * (length > 40 ? 3 : 0.1)) * DAY
		}
	}));

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
		expect(eventsInWindow(index, 50 * DAY, 55 * DAY)).toEqual([0, 2]);
		expect(eventsInWindow(index, 200 * DAY, 300 * DAY)).toEqual([]);
	});

	it('agrees with a full scan for any events and window', () => {
		fc.assert(
			fc.property(
				fc.array(intervals, { maxLength: 200 }),
				fc.integer({ min: 0, max: 300 }),
				fc.integer({ min: 0, max: 100 }),
				(raw, from, length) => {
					const events = [...raw].sort((a, b) => a.wall.start - b.wall.start);
					const index = buildTimeIndex(events);
					const found = eventsInWindow(index, from * DAY, (from + length) * DAY);
					expect([...found].sort((a, b) => a - b)).toEqual(
						scan(events, from * DAY, (from + length) * DAY)
					);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('countInWindow', () => {
	it('is never below the number of events that meet the window, and exact given few events', () => {
		fc.assert(
			fc.property(
				fc.array(intervals, { maxLength: 200 }),
				fc.integer({ min: 0, max: 300 }),
				fc.integer({ min: 0, max: 100 }),
				(raw, from, length) => {
					const events = [...raw].sort((a, b) => a.wall.start - b.wall.start);
					const index = buildTimeIndex(events);
					const met = scan(events, from * DAY, (from + length) * DAY).length;
					expect(countInWindow(index, from * DAY, (from + length) * DAY, true)).toBe(met);
					expect(countInWindow(index, from * DAY, (from + length) * DAY)).toBeGreaterThanOrEqual(
						met
					);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('leaves out long events that ended before the window, given the events', () => {
		// A thousand month-long events, one after another, then an hour's window in the last one.
		const events = Array.from({ length: 1000 }, (_, i) => ({
			wall: { start: i * 31 * DAY, end: (i + 1) * 31 * DAY - 1 }
		}));
		const index = buildTimeIndex(events);
		const from = 999 * 31 * DAY + 3_600_000;
		expect(countInWindow(index, from, from + 3_600_000, true)).toBe(1);
		expect(countInWindow(index, from, from + 3_600_000)).toBe(1000);
	});
});

describe('sortedPositions', () => {
	it('orders any numbers as a stable sort by value does', () => {
		const value = fc.oneof(
			fc.double({ noNaN: true }),
			fc.integer({ min: -5, max: 5 }),
			fc.constantFrom(0, -0, Infinity, -Infinity, 1.7e12, -1.7e12, 4.35e17, Number.MIN_VALUE)
		);
		fc.assert(
			fc.property(fc.array(value, { maxLength: 300 }), (values) => {
				const keys = Float64Array.from(values);
				const expected = values
					.map((_, i) => i)
					.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
				expect([...sortedPositions(keys)]).toEqual(expected);
			}),
			{ numRuns: 2000 }
		);
	});

	it('puts NaN last, whatever its sign bit, in its order', () => {
		const keys = new Float64Array([NaN, 2, -1, NaN, 0]);
		// A NaN with its sign bit set, as some arithmetic leaves it.
		new DataView(keys.buffer).setFloat64(3 * 8, -NaN, true);
		new DataView(keys.buffer).setUint8(3 * 8 + 7, 0xff);
		expect(Number.isNaN(keys[3])).toBe(true);
		expect([...sortedPositions(keys)]).toEqual([2, 4, 1, 0, 3]);
	});

	it('sorts a hundred thousand midpoints as the comparison sort did', () => {
		const keys = Float64Array.from(
			{ length: 100_000 },
			(_, i) => 1.7e12 + ((i * 7919) % 100_003) * 3.6e6 + (i % 3) * 0.5
		);
		const expected = Array.from(keys.keys()).sort(
			(a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b
		);
		expect(Array.from(sortedPositions(keys))).toEqual(expected);
	});
});
