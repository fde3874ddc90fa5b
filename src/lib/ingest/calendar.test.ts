import { describe, expect, it } from 'vitest';
import {
	calendarDate,
	isoYear,
	parseClock,
	type CalendarDate,
	type DateFields,
	type YearScale
} from './calendar';

describe('calendarDate keeps the precision it is given', () => {
	const rows: { name: string; input: DateFields; expected: CalendarDate }[] = [
		{ name: 'year only', input: { year: 2021 }, expected: { ok: true, iso: '2021' } },
		{
			name: 'year and month',
			input: { year: '2021', month: '5' },
			expected: { ok: true, iso: '2021-05' }
		},
		{
			name: 'a day',
			input: { year: 2021, month: 5, day: 12 },
			expected: { ok: true, iso: '2021-05-12' }
		},
		{
			name: 'a minute',
			input: { year: 2021, month: 5, day: 12, hour: 9, minute: 30 },
			expected: { ok: true, iso: '2021-05-12T09:30' }
		},
		{
			name: 'seconds',
			input: { year: 2021, month: 5, day: 12, hour: 21, minute: 30, second: 15 },
			expected: { ok: true, iso: '2021-05-12T21:30:15' }
		},
		{
			name: 'an hour without minutes is hour precision',
			input: { year: 2021, month: 5, day: 12, hour: '9' },
			expected: { ok: true, iso: '2021-05-12T09:00', precision: 'hour' }
		},
		{ name: 'small years are padded', input: { year: 33 }, expected: { ok: true, iso: '0033' } },
		{
			name: 'blank fields are missing',
			input: { year: '2021', month: '', day: ' ', hour: null },
			expected: { ok: true, iso: '2021' }
		},
		{
			name: 'leap day',
			input: { year: 2024, month: 2, day: 29 },
			expected: { ok: true, iso: '2024-02-29' }
		}
	];
	it.each(rows)('$name', ({ input, expected }) => expect(calendarDate(input)).toEqual(expected));
});

describe('calendarDate refuses impossible dates, naming the field', () => {
	const rows: { name: string; input: DateFields; field: string; message: string }[] = [
		{ name: 'no year', input: { month: 5 }, field: 'year', message: 'is required' },
		{ name: 'text year', input: { year: 'soon' }, field: 'year', message: '"soon" is not a year' },
		{
			name: 'fractional year',
			input: { year: 2021.5 },
			field: 'year',
			message: '2021.5 is not a year'
		},
		{
			name: 'huge year',
			input: { year: 1e300 },
			field: 'year',
			message: '1e+300 is not a year'
		},
		{
			name: 'month 13',
			input: { year: 2021, month: '13' },
			field: 'month',
			message: '"13" is not a month (1–12)'
		},
		{
			name: 'month 0',
			input: { year: 2021, month: 0 },
			field: 'month',
			message: '0 is not a month (1–12)'
		},
		{
			name: 'February 30th',
			input: { year: 2024, month: 2, day: 30 },
			field: 'day',
			message: '30 is not a day of February 2024 (1–29)'
		},
		{
			name: 'February 29th in a common year',
			input: { year: 2023, month: 2, day: 29 },
			field: 'day',
			message: '29 is not a day of February 2023 (1–28)'
		},
		{
			name: 'hour 25',
			input: { year: 2024, month: 2, day: 1, hour: 25 },
			field: 'hour',
			message: '25 is not an hour (0–23)'
		},
		{
			name: 'minute 60',
			input: { year: 2024, month: 2, day: 1, hour: 1, minute: 60 },
			field: 'minute',
			message: '60 is not a minute (0–59)'
		},
		{
			name: 'a day without a month',
			input: { year: 2024, day: 3 },
			field: 'day',
			message: 'is given without a month'
		},
		{
			name: 'a time without a day',
			input: { year: 2024, month: 3, hour: 3 },
			field: 'hour',
			message: 'is given without a day'
		}
	];
	it.each(rows)('$name', ({ input, field, message }) => {
		expect(calendarDate(input)).toEqual({ ok: false, problems: [{ field, message }] });
	});
});

describe('parseClock reads spreadsheet times', () => {
	const rows: { input: string; expected: ReturnType<typeof parseClock> }[] = [
		{ input: '9:30', expected: { ok: true, hour: 9, minute: 30, second: undefined } },
		{ input: '09:30', expected: { ok: true, hour: 9, minute: 30, second: undefined } },
		{ input: '9:30 PM', expected: { ok: true, hour: 21, minute: 30, second: undefined } },
		{ input: '12:05 am', expected: { ok: true, hour: 0, minute: 5, second: undefined } },
		{ input: '12:05 p.m.', expected: { ok: true, hour: 12, minute: 5, second: undefined } },
		{ input: '9 pm', expected: { ok: true, hour: 21, minute: undefined, second: undefined } },
		{ input: '21:30:15', expected: { ok: true, hour: 21, minute: 30, second: 15 } },
		// The forms TimelineJS's parseTime reads as well.
		{ input: '1430', expected: { ok: true, hour: 14, minute: 30 } },
		{ input: '930', expected: { ok: true, hour: 9, minute: 30 } },
		{ input: '9.30', expected: { ok: true, hour: 9, minute: 30 } },
		{
			input: '12:30:45.5',
			expected: { ok: true, hour: 12, minute: 30, second: 45, millisecond: 500 }
		},
		{
			input: '12:30:45,25',
			expected: { ok: true, hour: 12, minute: 30, second: 45, millisecond: 250 }
		},
		{ input: '3:45 PM', expected: { ok: true, hour: 15, minute: 45 } },
		{ input: '12 AM', expected: { ok: true, hour: 0 } },
		{ input: '9 a.m.', expected: { ok: true, hour: 9 } }
	];
	it.each(rows)('$input', ({ input, expected }) => {
		const clock = parseClock(input);
		// Absent parts may be left out or undefined; both mean "not given".
		expect(JSON.parse(JSON.stringify(clock))).toEqual(JSON.parse(JSON.stringify(expected)));
	});

	it.each(['25:00', '9:75', '13:00 PM', '0 am', 'noon', '9:3', '21:30:61', '1:2:3:4', '12345'])(
		'refuses %s',
		(input) => {
			const clock = parseClock(input);
			expect(clock.ok).toBe(false);
			if (!clock.ok)
				expect(clock.message).toBe(
					`"${input}" is not a time of day (write it like 9:30, 21:30:15 or 9:30 PM)`
				);
		}
	);
});

describe('years from deep time to the far future, in expanded ISO 8601', () => {
	const rows: { name: string; input: DateFields; scale?: YearScale; iso: string }[] = [
		// TimelineJS shows year -44 as "44 BCE"; astronomically that is year -43.
		{ name: '44 BCE', input: { year: -44, month: 3, day: 15 }, iso: '-0043-03-15' },
		{ name: '1 BCE', input: { year: -1 }, iso: '0000' },
		{ name: '3300 BCE as text', input: { year: '-3300' }, iso: '-3299' },
		{ name: 'year 1', input: { year: 1 }, iso: '0001' },
		{ name: 'a far-future year', input: { year: 12000 }, iso: '+12000' },
		{
			name: '13.8 billion years ago',
			input: { year: -13800000000 },
			scale: 'cosmological',
			iso: '-13800000000'
		},
		{
			name: 'a BCE year in a cosmological file is still read as TimelineJS shows it',
			input: { year: -3500 },
			scale: 'cosmological',
			iso: '-3499'
		},
		{
			name: 'a cosmological year keeps only the year',
			input: { year: -65000000, month: 6, day: 1 },
			scale: 'cosmological',
			iso: '-65000000'
		},
		{
			name: 'a leap day in 45 BCE (astronomical -44)',
			input: { year: -45, month: 2, day: 29 },
			iso: '-0044-02-29'
		}
	];
	it.each(rows)('$name', ({ input, scale, iso }) => {
		expect(calendarDate(input, scale)).toEqual({ ok: true, iso });
	});

	it('writes years as ISO does', () => {
		expect([-13800000000, -43, 0, 44, 9999, 10000].map(isoYear)).toEqual([
			'-13800000000',
			'-0043',
			'0000',
			'0044',
			'9999',
			'+10000'
		]);
	});

	it('keeps fractions of a second', () => {
		expect(
			calendarDate({
				year: 2021,
				month: 5,
				day: 12,
				hour: 12,
				minute: 30,
				second: 45,
				millisecond: 500
			})
		).toEqual({ ok: true, iso: '2021-05-12T12:30:45.5' });
	});
});
