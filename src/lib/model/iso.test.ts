import { describe, expect, it } from 'vitest';
import { utcTime } from './dates';
import { isRealDate } from './iso';

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
