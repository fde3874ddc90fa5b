import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { formatCalendar } from './calendar-format';

describe('formatCalendar', () => {
	const kyiv = new TZDate(Date.UTC(2024, 10, 17, 4, 5, 9), 'Europe/Kyiv');
	it.each([
		['EEEE d MMMM yyyy', 'Sunday 17 November 2024'],
		['EEE d', 'Sun 17'],
		['d MMM', '17 Nov'],
		['MMM yyyy', 'Nov 2024'],
		['HH:mm:ss', '06:05:09'],
		['yyyy-MM-dd', '2024-11-17']
	])('%s', (pattern, expected) => expect(formatCalendar(kyiv, pattern)).toBe(expected));

	it('pads early years to four digits', () => {
		const date = new TZDate(0, 'UTC');
		date.setFullYear(79, 7, 24);
		expect(formatCalendar(date, 'd MMMM yyyy')).toBe('24 August 0079');
	});
});
