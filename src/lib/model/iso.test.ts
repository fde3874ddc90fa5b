import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateParts, utcTime } from './dates';
import { fitsCalendar, ISO_DATE_PATTERN, isoFields, isoInstant, isoYear, isRealDate } from './iso';

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

describe('isoFields', () => {
	/** What the regular expression alone makes of a string: the reference the fast reader must match. */
	function byPattern(text: string) {
		const m = ISO_DATE_PATTERN.exec(text);
		if (!m) return undefined;
		const num = (part: string | undefined) => (part === undefined ? undefined : Number(part));
		return {
			year: Number(m[1]),
			month: num(m[2]),
			day: num(m[3]),
			hour: num(m[4]),
			minute: num(m[5]),
			second: num(m[6]),
			offset: m[7]
		};
	}
	const defined = (fields: object | undefined) =>
		fields && Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

	it('reads every string exactly as the ISO pattern does', () => {
		const piece = fc.constantFrom(
			...['2024', '0043', '-0043', '+12345', '-', ':', 'T', 'Z', '.', '+', '11', '17', '06', '5'],
			...['30', '.123', '.1234', '+02:00', '-05:30', '+2:00', ' ', 'x', '', '9', '00', '24']
		);
		/** Mostly well formed, sometimes not: each field and separator goes wrong one time in eight. */
		const mostly = (usual: fc.Arbitrary<string>, ...odd: string[]) =>
			fc.oneof({ arbitrary: usual, weight: 7 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
		const two = mostly(fc.constantFrom('00', '06', '11', '17', '30', '59'), '1', '123', 'x1');
		const sep = (usual: string) => mostly(fc.constant(usual), '-', ':', '/', '', 'T');
		// Dates built field by field (each field may be missing or malformed), then possibly edited.
		// Dates built field by field to a random depth, each field or separator possibly malformed.
		const built = fc
			.tuple(
				fc.constantFrom('2024', '0043', '-0043', '+12345', '-13800000000', '202', '20245'),
				fc.nat(5),
				fc.tuple(sep('-'), two, sep('-'), two, sep('T'), two, sep(':'), two, sep(':'), two),
				fc.constantFrom('', '', '.5', '.123', '.1234', '.', 'Z'),
				fc.constantFrom('', '', 'Z', '+02:00', '-05:30', '+2:00', '-0530', ' ')
			)
			.map(
				([year, depth, fields, fraction, offset]) =>
					year +
					fields.slice(0, [0, 2, 4, 8, 10, 10][depth]).join('') +
					(depth >= 4 ? fraction : '') +
					offset
			);
		const edited = fc
			.tuple(built, fc.nat(30), fc.constantFrom('', '0', ':', '-', 'T', 'Z', '.', ' '))
			.map(([text, at, insert]) => text.slice(0, at) + insert + text.slice(at + 1));
		const candidates = fc.oneof(
			built,
			edited,
			fc.array(piece, { maxLength: 9 }).map((pieces) => pieces.join('')),
			fc.string({ unit: fc.constantFrom(...'0123456789-+:TZ. '), maxLength: 26 })
		);
		fc.assert(
			fc.property(candidates, (text) => {
				expect(defined(isoFields(text))).toEqual(defined(byPattern(text)));
			}),
			{ numRuns: 20_000 }
		);
	});

	it('reads the forms real files use', () => {
		expect(isoFields('2024-11-17T06:30:15.5+02:00')).toMatchObject({
			year: 2024,
			month: 11,
			day: 17,
			hour: 6,
			minute: 30,
			second: 15,
			offset: '+02:00'
		});
		expect(isoFields('-13800000000')).toEqual(expect.objectContaining({ year: -13800000000 }));
		expect(isoFields('2024-11-17T06')).toBeUndefined();
		expect(isoFields('2024-11-17 06:30')).toBeUndefined();
	});
});
