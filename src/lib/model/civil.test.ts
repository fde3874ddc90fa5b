import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CALENDAR_YEARS,
	civilFromDays,
	civilTime,
	daysFromCivil,
	fractionalYear,
	timeOfFractionalYear,
	yearOf,
	yearStart
} from './civil';

/** Date.UTC without its 0–99 → 1900s rule. */
function platformUtc(year: number, month0: number, day: number, hour = 0, minute = 0): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month0, day);
	date.setUTCHours(hour, minute, 0, 0);
	return date.getTime();
}

describe('calendar arithmetic agrees with Date where Date can hold the year', () => {
	it.each([
		{ name: 'the epoch', fields: [1970, 0, 1] },
		{ name: 'a leap day', fields: [2024, 1, 29] },
		{ name: 'the Ides of March, 44 BCE', fields: [-43, 2, 15] },
		{ name: 'year 0 (1 BCE), a leap year', fields: [0, 1, 29] },
		{ name: 'the first full year Date holds', fields: [CALENDAR_YEARS.min, 0, 1] },
		{ name: 'the last full year Date holds', fields: [CALENDAR_YEARS.max, 11, 31] }
	] as const)('$name', ({ fields }) => {
		const [year, month0, day] = fields;
		expect(civilTime(year, month0, day)).toBe(platformUtc(year, month0, day));
	});

	it('for any date and time inside Date’s range, with rollover', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: CALENDAR_YEARS.min, max: CALENDAR_YEARS.max - 1 }),
				fc.integer({ min: 0, max: 13 }),
				fc.integer({ min: 1, max: 31 }),
				fc.integer({ min: 0, max: 24 }),
				fc.integer({ min: 0, max: 59 }),
				(year, month0, day, hour, minute) => {
					expect(civilTime(year, month0, day, hour, minute)).toBe(
						platformUtc(year, month0, day, hour, minute)
					);
				}
			)
		);
	});
});

describe('calendar arithmetic beyond Date', () => {
	it('round-trips days and dates across ±a trillion years', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -1e12, max: 1e12 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 28 }),
				(year, month, day) => {
					expect(civilFromDays(daysFromCivil(year, month, day))).toEqual({ year, month, day });
				}
			)
		);
	});

	it('orders year starts and finds the year of each', () => {
		fc.assert(
			fc.property(fc.integer({ min: -2e10, max: 2e10 }), (year) => {
				const start = yearStart(year);
				expect(yearStart(year + 1)).toBeGreaterThan(start);
				expect(yearOf(start)).toBe(year);
				expect(Math.floor(fractionalYear(start))).toBe(year);
				expect(timeOfFractionalYear(year)).toBe(start);
			})
		);
	});

	it('places 13.8 billion years ago about 4.35e20 ms before 1970', () => {
		const bigBang = yearStart(-13_800_000_000);
		expect(bigBang / 86_400_000 / 365.2425).toBeCloseTo(-13_800_001_970, -3);
		expect(fractionalYear(bigBang + 182 * 86_400_000)).toBeCloseTo(-13_800_000_000 + 0.5, 1);
	});
});
