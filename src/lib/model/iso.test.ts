import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateParts, utcTime } from './dates';
import { fitsCalendar, ISO_DATE_PATTERN, isoInstant, isoYear, isRealDate } from './iso';

describe('isRealDate', () => {
	it('knows leap years by the Gregorian rules', () => {
		expect(isRealDate('2024-02-29')).toBe(true);
		expect(isRealDate('2000-02-29')).toBe(true);
		expect(isRealDate('2023-02-29')).toBe(false);
		expect(isRealDate('1900-02-29')).toBe(false);
		expect(isRealDate('0004-02-29')).toBe(true);
	});

	it('refuses days a month does not have, and out-of-range fields', () => {
		expect(isRealDate('2024-04-31')).toBe(false);
		expect(isRealDate('2024-12-31T23:59')).toBe(true);
		expect(isRealDate('2024-13')).toBe(false);
		expect(isRealDate('2024-11-17T24:00')).toBe(false);
		expect(isRealDate('2024-11-17T12:00+15:00')).toBe(false);
	});
});

describe('utcTime', () => {
	it('keeps years 0–99 as themselves and rolls over out-of-range fields', () => {
		expect(new Date(utcTime(50, 0, 1)).getUTCFullYear()).toBe(50);
		expect(utcTime(2024, 10, 17, 24)).toBe(Date.UTC(2024, 10, 18));
		expect(utcTime(2024, 12, 1)).toBe(Date.UTC(2025, 0, 1));
	});
});

describe('expanded years (astronomical numbering, as ISO 8601 writes them)', () => {
	it.each([
		['-0043', true],
		['-0043-03-15', true],
		['-0043-03-15T11:00', true],
		['+12345', true],
		['-13800000000', true],
		['+2024-11-17', true],
		['-43', false],
		['12345', false],
		['--0043', false],
		['-0043-02-29', false],
		['-0044-02-29', true]
	])('%s → %s', (text, expected) => expect(isRealDate(text)).toBe(expected));

	it('accepts months and days only in years a Date can hold', () => {
		expect(fitsCalendar('-13800000000')).toBe(true);
		expect(fitsCalendar('-13800000000-01')).toBe(false);
		expect(fitsCalendar('-0271820-01-01')).toBe(true);
		expect(fitsCalendar('-0271821-06-01')).toBe(false);
	});

	it('writes any year back as the year it read', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e11, max: 1e11 }), (year) => {
				const text = isoYear(year);
				expect(ISO_DATE_PATTERN.test(text)).toBe(true);
				expect(parseDateParts(text)?.year).toBe(year);
			})
		);
	});

	it('writes instants that parse back to the same minute, across the whole range', () => {
		fc.assert(
			fc.property(fc.double({ min: -4.4e20, max: 4.4e20, noNaN: true }), (ms) => {
				const text = isoInstant(ms);
				expect(isRealDate(text)).toBe(true);
				const p = parseDateParts(text);
				if (!p) throw new Error(`${text} did not parse`);
				const back = utcTime(p.year, (p.month ?? 1) - 1, p.day, p.hour, p.minute);
				// A minute, or the float resolution out there (65 s at 4e20 ms), whichever is more.
				expect(Math.abs(back - ms)).toBeLessThanOrEqual(Math.max(30_000, Math.abs(ms) * 4e-16));
			})
		);
	});
});
