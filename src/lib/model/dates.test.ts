import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	eventTime,
	fromWallClock,
	toWallClock,
	zoneOffsetMinutes,
	type EventDateFields
} from './dates';

const iso = (ms: number) => new Date(ms).toISOString();

describe('eventTime: each precision is drawn over the interval it really covers', () => {
	const rows: {
		name: string;
		event: EventDateFields;
		zone?: string;
		expected: [string, string];
		instant: boolean;
		uncertain: boolean;
	}[] = [
		{
			name: 'a Kyiv day covers Kyiv midnight to midnight',
			event: { start: '2024-11-17' },
			zone: 'Europe/Kyiv',
			expected: ['2024-11-16T22:00:00.000Z', '2024-11-17T22:00:00.000Z'],
			instant: false,
			uncertain: true
		},
		{
			name: 'early morning covers 04:00–08:00 local',
			event: { start: '2024-11-17', precision: 'part-of-day', partOfDay: 'early-morning' },
			zone: 'Europe/Kyiv',
			expected: ['2024-11-17T02:00:00.000Z', '2024-11-17T06:00:00.000Z'],
			instant: false,
			uncertain: true
		},
		{
			name: 'an exact time is an instant',
			event: { start: '2024-11-15T15:00' },
			zone: 'Europe/Berlin',
			expected: ['2024-11-15T14:00:00.000Z', '2024-11-15T14:00:00.000Z'],
			instant: true,
			uncertain: false
		},
		{
			name: 'an approximate exact time is an instant that is flagged uncertain',
			event: { start: '2024-11-15T15:00', approximate: true },
			zone: 'UTC',
			expected: ['2024-11-15T15:00:00.000Z', '2024-11-15T15:00:00.000Z'],
			instant: true,
			uncertain: true
		},
		{
			name: 'hour precision covers the hour',
			event: { start: '2024-11-17T07:00', precision: 'hour' },
			zone: 'UTC',
			expected: ['2024-11-17T07:00:00.000Z', '2024-11-17T08:00:00.000Z'],
			instant: false,
			uncertain: true
		},
		{
			name: 'a month covers the whole month',
			event: { start: '2024-10' },
			zone: 'UTC',
			expected: ['2024-10-01T00:00:00.000Z', '2024-11-01T00:00:00.000Z'],
			instant: false,
			uncertain: true
		},
		{
			name: 'a year covers the whole year',
			event: { start: '2022' },
			zone: 'UTC',
			expected: ['2022-01-01T00:00:00.000Z', '2023-01-01T00:00:00.000Z'],
			instant: false,
			uncertain: true
		},
		{
			name: 'a span of months runs to the end of its last month',
			event: { start: '2024-10', end: '2024-11' },
			zone: 'UTC',
			expected: ['2024-10-01T00:00:00.000Z', '2024-12-01T00:00:00.000Z'],
			instant: false,
			uncertain: true
		},
		{
			name: 'an exact span is certain',
			event: { start: '2024-11-17T06:00Z', end: '2024-11-17T09:30Z' },
			zone: 'Europe/Kyiv',
			expected: ['2024-11-17T06:00:00.000Z', '2024-11-17T09:30:00.000Z'],
			instant: false,
			uncertain: false
		},
		{
			name: 'an explicit offset wins over the zone',
			event: { start: '2024-11-17T06:00+02:00' },
			zone: 'America/New_York',
			expected: ['2024-11-17T04:00:00.000Z', '2024-11-17T04:00:00.000Z'],
			instant: true,
			uncertain: false
		}
	];
	for (const row of rows) {
		it(row.name, () => {
			const time = eventTime(row.event, row.zone ?? 'UTC');
			expect(time).toBeDefined();
			if (!time) return;
			expect([iso(time.outer.start), iso(time.outer.end)]).toEqual(row.expected);
			expect(time.instant).toBe(row.instant);
			expect(time.uncertain).toBe(row.uncertain);
		});
	}

	it('a span with uncertain ends has a certain core between them', () => {
		const time = eventTime({ start: '2024-10', end: '2024-12' }, 'UTC');
		expect(time?.core && [iso(time.core.start), iso(time.core.end)]).toEqual([
			'2024-11-01T00:00:00.000Z',
			'2024-12-01T00:00:00.000Z'
		]);
	});

	it('keeps years before 100 as they are', () => {
		const time = eventTime({ start: '0079-08-24' }, 'UTC');
		expect(time && new Date(time.outer.start).getUTCFullYear()).toBe(79);
	});

	it('returns undefined for strings that are not ISO dates', () => {
		expect(eventTime({ start: 'last Sunday' }, 'UTC')).toBeUndefined();
	});
});

describe('wall clock', () => {
	it('shifts by the zone offset and back', () => {
		const utc = Date.parse('2024-11-17T04:00:00Z');
		const wall = toWallClock(utc, 'Europe/Kyiv');
		expect(iso(wall)).toBe('2024-11-17T06:00:00.000Z');
		expect(fromWallClock(wall, 'Europe/Kyiv')).toBe(utc);
	});
});

describe('eventTime beyond the years a Date can hold', () => {
	it('places a deep-time year on the same axis, a year long, in any zone', () => {
		for (const zone of ['UTC', 'Europe/Rome']) {
			const time = eventTime({ start: '-13800000000' }, zone);
			expect(time?.precision).toBe('year');
			const { start = NaN, end = NaN } = time?.outer ?? {};
			expect(start).toBeCloseTo(-4.3549e20, -16);
			expect((end - start) / 86_400_000).toBeCloseTo(365, -1);
		}
	});

	it('keeps deep events in time order, before the BCE ones', () => {
		const order = [
			'-13800000000',
			'-4540000000',
			'-66000000',
			'-0300000',
			'-0043-03-15',
			'2024'
		].map((start) => eventTime({ start }, 'UTC')?.outer.start ?? NaN);
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(new Set(order).size).toBe(order.length);
	});

	it('reads a BCE day with Date, as the proleptic Gregorian calendar', () => {
		const time = eventTime({ start: '-0043-03-15' }, 'UTC');
		expect(iso(time?.outer.start ?? NaN)).toBe('-000043-03-15T00:00:00.000Z');
	});
});

describe('zoneOffsetMinutes', () => {
	it('gives the offset Intl gives, on ordinary days and on the days clocks change', () => {
		const zones = ['Europe/Kyiv', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
		// 2022–2025 by the minute: every daylight-saving change of those years, in zones that move by
		// an hour, by half an hour, or sit at a quarter-hour offset.
		const from = Date.UTC(2022, 0, 1);
		const to = Date.UTC(2026, 0, 1);
		fc.assert(
			fc.property(fc.constantFrom(...zones), fc.integer({ min: from, max: to }), (zone, ms) => {
				const at = Math.floor(ms / 60_000) * 60_000;
				expect(zoneOffsetMinutes(zone, at)).toBe(tzOffset(zone, new Date(at)));
			}),
			{ numRuns: 3000 }
		);
	});

	it('is right either side of a change, on the day of it', () => {
		// Kyiv went from +02:00 to +03:00 at 01:00 UTC on 27 March 2022.
		expect(zoneOffsetMinutes('Europe/Kyiv', Date.UTC(2022, 2, 27, 0, 59))).toBe(120);
		expect(zoneOffsetMinutes('Europe/Kyiv', Date.UTC(2022, 2, 27, 1, 0))).toBe(180);
		expect(zoneOffsetMinutes('Europe/Kyiv', Date.UTC(2022, 2, 26, 12))).toBe(120);
		expect(zoneOffsetMinutes('Europe/Kyiv', Date.UTC(2022, 2, 28, 12))).toBe(180);
	});
});
