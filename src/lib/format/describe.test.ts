import { de } from 'date-fns/locale/de';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CALENDAR_YEARS, yearStart } from '$lib/model/civil';
import { isoYear } from '$lib/model/iso';
import { formatYear } from './years';
import { describeEventDate, formatRange, formatWallSpan } from './describe';
import type { TimelineEvent } from '$lib/model/schema';

const event = (fields: Partial<TimelineEvent>): TimelineEvent => ({
	id: 'e',
	title: 'E',
	start: '2024-11-17',
	...fields
});

describe('describeEventDate says exactly what is known', () => {
	const rows: { name: string; input: Partial<TimelineEvent>; expected: string }[] = [
		{ name: 'day', input: {}, expected: 'Sunday 17 November 2024' },
		{
			name: 'part of day, approximate',
			input: { precision: 'part-of-day', partOfDay: 'early-morning', approximate: true },
			expected: 'Sunday 17 November 2024, early morning, approx.'
		},
		{
			name: 'exact time in the event zone',
			input: { start: '2024-11-15T15:00', timeZone: 'Europe/Berlin' },
			expected: 'Friday 15 November 2024, 15:00 Berlin time (UTC+01:00)'
		},
		{
			name: 'hour precision',
			input: { start: '2024-11-17T07:00', precision: 'hour' },
			expected: 'Sunday 17 November 2024, 07:00–07:59 Kyiv time (UTC+02:00)'
		},
		{ name: 'month', input: { start: '2024-10' }, expected: 'October 2024' },
		{ name: 'year', input: { start: '2022' }, expected: '2022' },
		{
			name: 'span',
			input: { start: '2024-10', end: '2024-11' },
			expected: 'October 2024 – November 2024'
		},
		{
			name: 'an explicit offset is shown as that offset',
			input: { start: '2024-11-17T06:00+03:00' },
			expected: 'Sunday 17 November 2024, 06:00 UTC+03:00'
		}
	];
	for (const row of rows) {
		it(row.name, () =>
			expect(describeEventDate(event(row.input), 'Europe/Kyiv')).toBe(row.expected)
		);
	}
});

describe('formatRange', () => {
	const day = 86_400_000;
	const nov15 = Date.UTC(2024, 10, 15);
	it.each([
		{ range: [nov15, nov15 + day], expected: '15 November 2024' },
		{ range: [nov15, nov15 + 5 * day], expected: '15–19 November 2024' },
		{ range: [Date.UTC(2024, 9, 1), nov15 + day], expected: '1 October – 15 November 2024' },
		{ range: [Date.UTC(2022, 1, 24), nov15], expected: '24 February 2022 – 14 November 2024' }
	])('$expected', ({ range, expected }) => {
		expect(formatRange(range as [number, number])).toBe(expected);
	});
});

describe('describeEventDate from deep time to the far future', () => {
	const rows: { name: string; input: Partial<TimelineEvent>; expected: string }[] = [
		{ name: 'a BCE day', input: { start: '-0043-03-15' }, expected: 'Friday 15 March 44 BCE' },
		{ name: 'a BCE year', input: { start: '-0043' }, expected: '44 BCE' },
		{
			name: 'a span across year 0 says CE on its end',
			input: { start: '-0026', end: '0014' },
			expected: '27 BCE – 14 CE'
		},
		{ name: 'deep time', input: { start: '-13800000000' }, expected: '13.8 billion years ago' },
		{
			name: 'a deep-time span',
			input: { start: '-252000000', end: '-201000000', approximate: true },
			expected: '252 million years ago – 201 million years ago, approx.'
		},
		{ name: 'the far future', input: { start: '+12345' }, expected: '12,345' },
		{
			name: 'a span from deep time into BCE years reads one way',
			input: { start: '-11700', end: '-3199' },
			expected: '11,700 years ago – 3,200 years ago'
		}
	];
	for (const row of rows) {
		it(row.name, () => expect(describeEventDate(event(row.input), 'UTC')).toBe(row.expected));
	}

	it('speaks another language when given its date-fns locale', () => {
		expect(describeEventDate(event({ start: '2024-03-05' }), 'UTC', { locale: de })).toBe(
			'Dienstag 5 März 2024'
		);
		expect(formatRange([Date.UTC(2024, 2, 1), Date.UTC(2024, 3, 2)], { locale: de })).toBe(
			'1 März – 1 April 2024'
		);
	});

	it('says what span a cluster of deep-time events covers', () => {
		expect(formatWallSpan(yearStart(-66_000_000), yearStart(-65_000_000))).toBe(
			'66 million years ago – 65 million years ago'
		);
		expect(formatWallSpan(Date.UTC(-43, 2, 15, 9), Date.UTC(-43, 2, 15, 13))).toBe(
			'Fri 15 March 44 BCE, 09:00–13:00'
		);
	});

	it('writes ranges beyond Date’s reach in years', () => {
		expect(formatRange([yearStart(-13_800_000_000), yearStart(2025)])).toBe(
			'13.8 billion years ago – 2024 CE'
		);
		expect(formatRange([yearStart(-220_000) + 1e9, yearStart(-7999)])).toBe(
			'220,000 years ago – 8,001 years ago'
		);
		expect(formatRange([yearStart(-66_000_000), yearStart(-65_000_000)])).toBe(
			'66 million years ago – 65 million years ago'
		);
	});
});

describe('dates are written in words across the whole range, never NaN', () => {
	const bad = /NaN|Invalid|undefined|Infinity/;
	it('for any ISO year, and any day of a year a Date can hold', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
				fc.integer({ min: CALENDAR_YEARS.min, max: CALENDAR_YEARS.max }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 28 }),
				(deep, year, month, day) => {
					const pad = (n: number) => String(n).padStart(2, '0');
					const yearOnly = describeEventDate(event({ start: isoYear(deep) }), 'UTC');
					expect(yearOnly).not.toMatch(bad);
					const dated = `${isoYear(year)}-${pad(month)}-${pad(day)}`;
					const text = describeEventDate(event({ start: dated }), 'Europe/Rome');
					expect(text).not.toMatch(bad);
					expect(text).toContain(formatYear(year));
				}
			)
		);
	});

	it('for any window from the Big Bang to the far future', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -4.4e20, max: 4.4e20, noNaN: true }),
				fc.double({ min: 0, max: 4.4e20, noNaN: true }),
				(from, span) => {
					expect(formatRange([from, from + span])).not.toMatch(bad);
					expect(formatWallSpan(from, from + span)).not.toMatch(bad);
				}
			)
		);
	});
});
