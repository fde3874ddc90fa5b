import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	guessDayOrder,
	isoYear,
	needsDayOrder,
	parseLooseDate,
	type DayOrder
} from './loose-dates';

describe('parseLooseDate', () => {
	const rows: { input: string; order?: DayOrder; expected: object }[] = [
		{ input: '2024-11-17', expected: { iso: '2024-11-17' } },
		{ input: '2024/11/17', expected: { iso: '2024-11-17' } },
		{ input: '2024-11', expected: { iso: '2024-11' } },
		{ input: '2024-11-17 06:30', expected: { iso: '2024-11-17T06:30' } },
		{ input: '2024-11-17T06:30:15', expected: { iso: '2024-11-17T06:30:15' } },
		{ input: '1500', expected: { iso: '1500', precision: 'year' } },
		{ input: '11-Mar-15', expected: { iso: '2015-03-11' } },
		{ input: '11-Mar-87', expected: { iso: '1987-03-11' } },
		{ input: '11 March 2015', expected: { iso: '2015-03-11' } },
		{ input: 'March 11, 2015', expected: { iso: '2015-03-11' } },
		{ input: 'Mar 11th 2015', expected: { iso: '2015-03-11' } },
		{ input: 'March 2015', expected: { iso: '2015-03' } },
		{ input: '17 novembre 2024', expected: { iso: '2024-11-17' } },
		{ input: '1er août 1914', expected: { iso: '1914-08-01' } },
		{ input: '17 de noviembre de 2024', expected: { iso: '2024-11-17' } },
		{ input: '3. März 2015', expected: { iso: '2015-03-03' } },
		{ input: '3.2.2015', expected: { iso: '2015-02-03' } },
		{ input: '25/12/2024', expected: { iso: '2024-12-25' } },
		{ input: '12/25/2024', expected: { iso: '2024-12-25' } },
		{ input: '1/2/2024', order: 'day-first', expected: { iso: '2024-02-01' } },
		{ input: '1/2/2024', order: 'month-first', expected: { iso: '2024-01-02' } },
		{ input: '5/5/2024', expected: { iso: '2024-05-05' } },
		{ input: '01-02-24', order: 'day-first', expected: { iso: '2024-02-01' } },
		{ input: '1/12/2013 14:30:00.00', order: 'month-first', expected: { iso: '2013-01-12T14:30' } },
		{
			input: '1/12/2013 14:30:05.25',
			order: 'month-first',
			expected: { iso: '2013-01-12T14:30:05' }
		},
		{ input: '12/25/2024 3:45 PM', expected: { iso: '2024-12-25T15:45' } },
		{ input: '12/25/2024 9 am', expected: { iso: '2024-12-25T09:00', precision: 'hour' } },
		{ input: '3300 BC', expected: { iso: '-3299', precision: 'year' } },
		{ input: '3300 BCE', expected: { iso: '-3299', precision: 'year' } },
		{ input: '44 B.C.', expected: { iso: '-0043', precision: 'year' } },
		{ input: '1 BC', expected: { iso: '0000', precision: 'year' } },
		{ input: '52 av. J.-C.', expected: { iso: '-0051', precision: 'year' } },
		{ input: '218 a. C.', expected: { iso: '-0217', precision: 'year' } },
		{ input: '9 v. Chr.', expected: { iso: '-0008', precision: 'year' } },
		{ input: 'AD 1066', expected: { iso: '1066', precision: 'year' } },
		{ input: '79 AD', expected: { iso: '0079', precision: 'year' } },
		{ input: '-3299', expected: { iso: '-3299', precision: 'year' } },
		{ input: 'c. 1500', expected: { iso: '1500', precision: 'year', approximate: true } },
		{ input: 'ca. 1500', expected: { iso: '1500', precision: 'year', approximate: true } },
		{ input: 'circa 1500', expected: { iso: '1500', precision: 'year', approximate: true } },
		{ input: 'vers 1500', expected: { iso: '1500', precision: 'year', approximate: true } },
		{ input: 'um 1500', expected: { iso: '1500', precision: 'year', approximate: true } },
		{ input: '1500?', expected: { iso: '1500', precision: 'year', approximate: true } },
		{ input: 'c. 3300 BC', expected: { iso: '-3299', precision: 'year', approximate: true } },
		{ input: 'c. March 1500', expected: { iso: '1500-03', approximate: true } }
	];
	for (const { input, order, expected } of rows) {
		it(`reads ${JSON.stringify(input)}${order ? ` (${order})` : ''}`, () => {
			expect(parseLooseDate(input, order)).toEqual({ ok: true, ...expected });
		});
	}

	const failures: { input: string; says: RegExp }[] = [
		{ input: '1/2/2024', says: /1 February or January 2: say whether the day or the month/ },
		{ input: '31/02/2024', says: /has no day 31/ },
		{ input: '13/13/2024', says: /no month 13/ },
		{ input: '0 BC', says: /no year 0/ },
		{ input: 'March 3 BC', says: /only a year/ },
		{ input: 'soon', says: /not a date/ },
		{ input: '', says: /empty/ },
		{ input: '12/25/2024 25:00', says: /not a time of day/ },
		{ input: 'Mar-15', says: /not a date/ }
	];
	for (const { input, says } of failures) {
		it(`refuses ${JSON.stringify(input)}, saying why`, () => {
			const result = parseLooseDate(input);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.message).toMatch(says);
		});
	}

	it('reads every real day written day-first, month-first and with a month name alike', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
				(d) => {
					const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
					const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
					const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(d);
					expect(parseLooseDate(`${day}/${m}/${y}`, 'day-first')).toEqual({ ok: true, iso });
					expect(parseLooseDate(`${m}/${day}/${y}`, 'month-first')).toEqual({ ok: true, iso });
					expect(parseLooseDate(`${day} ${name} ${y}`)).toEqual({ ok: true, iso });
				}
			),
			{ numRuns: 200 }
		);
	});

	it('never throws on any text', () => {
		fc.assert(fc.property(fc.string(), (s) => void parseLooseDate(s)));
	});
});

describe('isoYear', () => {
	it('writes astronomical years as signed expanded ISO years', () => {
		expect([isoYear(-3299), isoYear(-43), isoYear(0), isoYear(79), isoYear(2024)]).toEqual([
			'-3299',
			'-0043',
			'0000',
			'0079',
			'2024'
		]);
	});
});

describe('guessDayOrder', () => {
	const rows: { name: string; values: string[]; expected: DayOrder | undefined }[] = [
		{ name: 'a first number over 12', values: ['1/2/2024', '25/2/2024'], expected: 'day-first' },
		{ name: 'a second number over 12', values: ['1/2/2024', '2/25/2024'], expected: 'month-first' },
		{ name: 'nothing over 12', values: ['1/2/2024', '3/4/2024'], expected: undefined },
		{ name: 'contradicting values', values: ['25/2/2024', '2/25/2024'], expected: undefined },
		{ name: 'no all-number dates', values: ['2024-02-25', '11-Mar-15'], expected: undefined }
	];
	for (const { name, values, expected } of rows) {
		it(`is ${expected ?? 'undecided'} with ${name}`, () =>
			expect(guessDayOrder(values)).toBe(expected));
	}

	it('asks only when all-number dates leave the order open', () => {
		expect(needsDayOrder(['1/2/2024', '3/4/2024'])).toBe(true);
		expect(needsDayOrder(['1/2/2024', '13/4/2024'])).toBe(false);
		expect(needsDayOrder(['2024-01-02'])).toBe(false);
		expect(needsDayOrder(['5/5/2024'])).toBe(false);
	});
});
