import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importData } from './import';

const fixture = readFileSync(
	new URL('../../../tests/fixtures/import/timelinejs.csv', import.meta.url),
	'utf8'
);

const HEADER = 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Headline,Text,Type,Group';

/** A TimelineJS CSV with the template's main columns and the given data rows. */
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('TimelineJS CSV', () => {
	it('imports the sample: a title row, a time with AM/PM, groups, an era', () => {
		const outcome = importData(fixture, 'river.csv');
		expect(outcome.format).toBe('csv-timelinejs');
		expect(outcome.fatal).toEqual([]);
		expect(outcome.rejected).toEqual([]);
		expect(outcome.total).toBe(4);
		expect(outcome.dataset).toEqual({
			title: 'The River Project',
			description: 'A short history of the river works.',
			categories: [
				{ id: 'construction', label: 'Construction' },
				{ id: 'weather', label: 'Weather' }
			],
			eras: [{ title: 'Phase one', start: '2021-05', end: '2022-12' }],
			events: [
				{
					id: 'ground-broken-1',
					title: 'Ground broken',
					summary: 'Work starts at the north bank.',
					body: [
						{
							kind: 'p',
							spans: [
								{ text: 'Work starts at the ' },
								{ text: 'north', strong: true },
								{ text: ' bank.' }
							]
						}
					],
					start: '2021-05-12T09:30',
					category: 'construction',
					media: { kind: 'image', url: 'https://example.org/photo.jpg', credit: 'Photo: J. Doe' }
				},
				{
					id: 'first-flood-season-2',
					title: 'First flood season',
					start: '2021-06',
					end: '2021-08',
					displayDate: 'Summer 2021',
					category: 'weather'
				},
				{
					id: 'bridge-opens-3',
					title: 'Bridge opens',
					summary: 'Opened to foot traffic.',
					start: '2022',
					category: 'construction'
				}
			]
		});
	});

	describe('dates and times keep their precision', () => {
		const rows: { row: string; start: string; end?: string; precision?: string }[] = [
			{ row: '2021,,,,,,,,A,,,', start: '2021' },
			{ row: '2021,5,,,,,,,A,,,', start: '2021-05' },
			{ row: '2021,05,12,,,,,,A,,,', start: '2021-05-12' },
			{ row: '2021,5,12,9:30,,,,,A,,,', start: '2021-05-12T09:30' },
			{ row: '2021,5,12,09:30,,,,,A,,,', start: '2021-05-12T09:30' },
			{ row: '2021,5,12,9:30 PM,,,,,A,,,', start: '2021-05-12T21:30' },
			{ row: '2021,5,12,21:30:15,,,,,A,,,', start: '2021-05-12T21:30:15' },
			{ row: '2021,5,12,9 pm,,,,,A,,,', start: '2021-05-12T21:00', precision: 'hour' },
			{ row: '2021,5,12,1430,,,,,A,,,', start: '2021-05-12T14:30' },
			{ row: '2021,5,12,9.30,,,,,A,,,', start: '2021-05-12T09:30' },
			{ row: '2021,5,12,12:30:45.5,,,,,A,,,', start: '2021-05-12T12:30:45.5' },
			{ row: '2021,5,12,3:45 PM,,,,,A,,,', start: '2021-05-12T15:45' },
			{ row: '"1,900",,,,,,,,A,,,', start: '1900' },
			{
				row: '2021,5,12,9:00,2021,5,12,17:45,A,,,',
				start: '2021-05-12T09:00',
				end: '2021-05-12T17:45'
			}
		];
		it.each(rows)('$row', ({ row, start, end, precision }) => {
			const outcome = importData(csv(row));
			expect(outcome.rejected).toEqual([]);
			const event = outcome.dataset?.events[0];
			expect(event?.start).toBe(start);
			expect(event?.end).toBe(end);
			expect(event?.precision).toBe(precision);
		});
	});

	describe('a broken row is rejected, naming its row and column', () => {
		const rows: { name: string; row: string; path: string; message: string }[] = [
			{
				name: 'month 13',
				row: '2021,13,,,,,,,A,,,',
				path: 'row 2 (Month)',
				message: '"13" is not a month (1–12)'
			},
			{
				name: 'February 30th',
				row: '2024,2,30,,,,,,A,,,',
				path: 'row 2 (Day)',
				message: '"30" is not a day of February 2024 (1–29)'
			},
			{
				name: 'hour 25',
				row: '2024,2,3,25:00,,,,,A,,,',
				path: 'row 2 (Time)',
				message: '"25:00" is not a time of day (write it like 9:30, 21:30:15 or 9:30 PM)'
			},
			{ name: 'no year', row: ',5,,,,,,,A,,,', path: 'row 2 (Year)', message: 'is required' },
			{
				name: 'an end without a year',
				row: '2021,,,,,5,,,A,,,',
				path: 'row 2 (End Year)',
				message: 'is required'
			},
			{
				name: 'a time without a day',
				row: '2021,5,,9:30,,,,,A,,,',
				path: 'row 2 (Time)',
				message: 'is given without a day'
			},
			{
				name: 'an end before the start',
				row: '2021,5,,,2021,4,,,A,,,',
				path: 'row 2 (End Year)',
				message: '"2021-04" is before start "2021-05"'
			},
			{
				name: 'no headline, text or caption',
				row: '2021,,,,,,,,,,,',
				path: 'row 2 (Headline)',
				message:
					'is required: the slide has no headline, text or media caption to take a title from'
			},
			{
				name: 'an era without an end',
				row: '2021,,,,,,,,A,,era,',
				path: 'row 2 (End Year)',
				message: 'is required for an era'
			},
			{
				name: 'more cells than columns',
				row: '2021,,,,,,,,A,,,,Oops',
				path: 'row 2',
				message:
					'has 13 cells but the header has 12 columns (a value with a comma needs quotes around it)'
			}
		];
		it.each(rows)('$name', ({ row, path, message }) => {
			const outcome = importData(csv(row));
			expect(outcome.fatal).toEqual([]);
			expect(outcome.rejected).toMatchObject([{ index: 0, where: 'row 2' }]);
			expect(outcome.rejected[0]?.issues).toContainEqual({ path, message });
		});
	});

	it('matches column names loosely and counts rows as a spreadsheet does, skipping blank ones', () => {
		const outcome = importData(
			[
				' year ,MONTH,end_year,HeadLine,group',
				'2021,1,,A,',
				',,,,',
				'2021,13,,B,',
				'2022,,2021,C,'
			].join('\r\n')
		);
		expect(outcome.format).toBe('csv-timelinejs');
		expect(outcome.total).toBe(3);
		expect(outcome.rejected).toEqual([
			{
				index: 2,
				where: 'row 4',
				title: 'B',
				issues: [{ path: 'row 4 (MONTH)', message: '"13" is not a month (1–12)' }],
				raw: ['2021', '13', '', 'B', '']
			},
			{
				index: 3,
				where: 'row 5',
				title: 'C',
				issues: [{ path: 'row 5 (end_year)', message: '"2021" is before start "2022"' }],
				raw: ['2022', '', '2021', 'C', '']
			}
		]);
	});

	it('takes the first title row as the title and any later one as an event, as TimelineJS does', () => {
		const outcome = importData(
			csv(',,,,,,,,The title,About it,title,', '2021,,,,,,,,Second title,,Title,')
		);
		expect(outcome.dataset).toMatchObject({
			title: 'The title',
			description: 'About it',
			events: [{ title: 'Second title', start: '2021' }]
		});
		expect(outcome.total).toBe(1);
	});

	describe('a header Eventline cannot use is fatal', () => {
		const rows: { name: string; text: string; path: string; message: string }[] = [
			{
				name: 'no Headline column',
				text: 'Year,Month\n2021,1',
				path: 'row 1',
				message: 'needs a "Headline" column'
			},
			{
				name: 'the same column twice',
				text: 'Year,Headline,headline\n2021,A,B',
				path: 'row 1 (headline)',
				message: 'is the same column as "Headline"; keep one'
			},
			{
				name: 'a header and no rows',
				text: `${HEADER}\n`,
				path: '',
				message: 'The file has no events'
			}
		];
		it.each(rows)('$name', ({ text, path, message }) => {
			const outcome = importData(text);
			expect(outcome.format).toBe('csv-timelinejs');
			expect(outcome.dataset).toBeUndefined();
			expect(outcome.fatal).toEqual([{ path, message }]);
		});
	});

	it('reads past columns it does not know, as TimelineJS does, and names them in a notice', () => {
		const outcome = importData(
			'Year,Headline,Alt Text,Location,My notes\n2021,A,,Paris,check this\n2022,B,,,'
		);
		expect(outcome.fatal).toEqual([]);
		expect(outcome.rejected).toEqual([]);
		expect(outcome.dataset?.events.map((e) => e.title)).toEqual(['A', 'B']);
		expect(outcome.notices).toEqual([
			{
				path: 'row 1',
				message: 'Eventline does not use these columns, so they were ignored: Location, My notes'
			}
		]);
	});

	it('reads older and other names of the columns', () => {
		const outcome = importData(
			'Year,Headline,Media,Caption,Credit,Alt,Tag\n2021,A,https://x.example/a.png,The river,J. Doe,A river at dawn,Nature'
		);
		expect(outcome.notices).toEqual([]);
		expect(outcome.dataset?.categories).toEqual([{ id: 'nature', label: 'Nature' }]);
		expect(outcome.dataset?.events[0]?.media).toEqual({
			kind: 'image',
			url: 'https://x.example/a.png',
			caption: 'The river',
			credit: 'J. Doe',
			alt: 'A river at dawn'
		});
	});

	it('ignores the columns that are only presentation', () => {
		const outcome = importData(
			'Year,Headline,Media Thumbnail,Background\n2021,A,https://x.example/t.png,#fff'
		);
		expect(outcome.fatal).toEqual([]);
		expect(outcome.dataset?.events).toEqual([{ id: 'a-0', title: 'A', start: '2021' }]);
	});
});
