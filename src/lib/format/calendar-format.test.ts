import { TZDate } from '@date-fns/tz';
import { de } from 'date-fns/locale/de';
import { fr } from 'date-fns/locale/fr';
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

	it('writes early years as they are, and years before 1 CE as BCE', () => {
		const date = new TZDate(0, 'UTC');
		date.setFullYear(79, 7, 24);
		expect(formatCalendar(date, 'd MMMM yyyy')).toBe('24 August 79');
		expect(formatCalendar(date, 'd MMMM yyyy', { era: 'always' })).toBe('24 August 79 CE');
		date.setFullYear(-43, 2, 15);
		expect(formatCalendar(date, 'EEEE d MMMM yyyy')).toBe('Friday 15 March 44 BCE');
	});

	it('names months and days in the locale it is given', () => {
		expect(formatCalendar(kyiv, 'EEEE d MMMM yyyy', { locale: de })).toBe(
			'Sonntag 17 November 2024'
		);
		const march = new TZDate(Date.UTC(2024, 2, 5), 'UTC');
		expect(formatCalendar(march, 'EEEE d MMMM yyyy', { locale: de })).toBe('Dienstag 5 März 2024');
		expect(formatCalendar(march, 'EEEE d MMMM yyyy', { locale: fr })).toBe('mardi 5 mars 2024');
	});
});
