import { de } from 'date-fns/locale/de';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYear } from './years';

describe('formatYear writes a year the way a reader expects it', () => {
	const rows: { name: string; year: number; era?: 'always'; expected: string }[] = [
		{ name: 'a modern year is plain', year: 2024, expected: '2024' },
		{ name: 'an early CE year is plain', year: 500, expected: '500' },
		{ name: 'CE beside BCE years', year: 500, era: 'always', expected: '500 CE' },
		{ name: 'astronomical -43 is 44 BCE', year: -43, expected: '44 BCE' },
		{ name: 'year 0 is 1 BCE', year: 0, expected: '1 BCE' },
		{ name: 'the last BCE year counted', year: -9998, expected: '9999 BCE' },
		{ name: 'older than that is years ago', year: -11_999, expected: '12,000 years ago' },
		{ name: 'modern humans', year: -299_999, expected: '300,000 years ago' },
		{ name: 'the end of the dinosaurs', year: -65_999_999, expected: '66 million years ago' },
		{ name: 'four significant digits', year: -66_040_000, expected: '66.04 million years ago' },
		{ name: 'the Big Bang', year: -13_800_000_000, expected: '13.8 billion years ago' },
		{ name: 'the far future', year: 12_345, expected: '12,345' },
		{ name: 'the very far future', year: 5_000_000_000, expected: '5 billion CE' }
	];
	for (const row of rows) {
		it(row.name, () => expect(formatYear(row.year, { era: row.era })).toBe(row.expected));
	}

	it('on a deep-time axis, the years just before 1 CE stay BCE years, never "1 years ago"', () => {
		expect(formatYear(0, { yearsAgo: true })).toBe('1 BCE');
		expect(formatYear(-499, { yearsAgo: true })).toBe('500 BCE');
		expect(formatYear(-4999, { yearsAgo: true })).toBe('5,000 years ago');
	});

	it('groups digits and names large numbers the locale’s way', () => {
		expect(formatYear(-13_800_000_000, { locale: de })).toBe('13,8 Milliarden years ago');
		expect(formatYear(12_345, { locale: de })).toBe('12.345');
	});

	it('writes every year across the whole range as words and digits, never NaN', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e12, max: 1e12 }), (year) => {
				const text = formatYear(year);
				expect(text).toMatch(/^[\d.,]+( (million|billion|trillion))?( BCE| CE| years ago)?$/);
				expect(text).not.toContain('NaN');
			})
		);
	});
});
