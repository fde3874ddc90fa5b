import { describe, expect, it } from 'vitest';
import { importData } from './import';
import { setAsideFile } from './set-aside';
import { legacyDate } from './timelinejs-legacy';

// A TimelineJS 2 file of the old shape, about a made-up harbour.
const v2 = {
	timeline: {
		headline: 'The harbour',
		type: 'default',
		text: '<p>Two centuries of a small port</p>',
		date: [
			{
				startDate: '1820',
				headline: 'Quay built',
				text: '<p>Stone from the <b>north</b> cliffs</p>',
				tag: 'Works',
				asset: {
					media: 'https://example.org/quay.jpg',
					credit: 'Town archive',
					caption: 'The quay'
				}
			},
			{ startDate: '1911,7,4', endDate: '1911,7,9', headline: 'Strike', tag: 'People' },
			{ startDate: '2011,12,10,07,02,10', headline: 'Ferry returns', classname: 'x' }
		],
		era: [{ startDate: '1900', endDate: '1950', headline: 'Steam' }]
	}
};

describe('TimelineJS 2 JSON', () => {
	it('loads every dated slide with its title, text, tag and dates', () => {
		const outcome = importData(JSON.stringify(v2), 'harbour.json');
		expect(outcome.format).toBe('timelinejs2');
		expect(outcome.rejected).toEqual([]);
		expect(outcome.dataset?.title).toBe('The harbour');
		const events = outcome.dataset?.events ?? [];
		const byTitle = new Map(events.map((e) => [e.title, e]));
		expect(byTitle.get('Quay built')).toMatchObject({
			start: '1820',
			summary: 'Stone from the north cliffs'
		});
		expect(byTitle.get('Strike')).toMatchObject({ start: '1911-07-04', end: '1911-07-09' });
		expect(byTitle.get('Ferry returns')?.start).toBe('2011-12-10T07:02:10');
		const lanes = new Map(outcome.dataset?.categories?.map((c) => [c.id, c.label]));
		expect(lanes.get(byTitle.get('Quay built')?.category ?? '')).toBe('Works');
		expect(outcome.total).toBe(4);
	});

	it('names the place of a bad date in the old file, and gives the slide back in the old shape', () => {
		const broken = {
			timeline: {
				...v2.timeline,
				date: [...v2.timeline.date, { startDate: 'the next spring', headline: 'Flood' }]
			}
		};
		const outcome = importData(JSON.stringify(broken), 'harbour.json');
		expect(outcome.rejected).toHaveLength(1);
		const [flood] = outcome.rejected;
		expect(flood?.where).toBe('timeline.date[3]');
		expect(flood?.issues[0]?.path).toBe('timeline.date[3].startDate');
		expect(flood?.issues[0]?.message).toMatch(/"the next spring" is not a date/);
		const back = JSON.parse(setAsideFile(outcome, 'harbour.json')?.text ?? '{}');
		expect(back.timeline.headline).toBe('The harbour');
		expect(back.timeline.date).toEqual([{ startDate: 'the next spring', headline: 'Flood' }]);
		expect(back.timeline.era).toEqual([]);
	});
});

describe('legacyDate', () => {
	const rows: { input: string; expected: object }[] = [
		{ input: '2011,12,10', expected: { year: 2011, month: 12, day: 10 } },
		{
			input: '2011,12,10,07,02,10',
			expected: { year: 2011, month: 12, day: 10, hour: 7, minute: 2, second: 10 }
		},
		{ input: '1820', expected: { year: 1820 } },
		{
			input: '1/12/2013 14:30:00.00',
			expected: { year: 2013, month: 1, day: 12, hour: 14, minute: 30 }
		},
		{ input: '1/12/2013', expected: { year: 2013, month: 1, day: 12 } },
		{
			input: '12/25/1913 3:45 PM',
			expected: { year: 1913, month: 12, day: 25, hour: 15, minute: 45 }
		}
	];
	for (const { input, expected } of rows) {
		it(`reads ${JSON.stringify(input)}`, () => expect(legacyDate(input)).toEqual(expected));
	}
	it('is nothing for a blank cell', () => expect(legacyDate('  ')).toBeUndefined());
});

// The first TimelineJS sheet template, US dates with fractional seconds, as Google Sheets wrote them.
const v1Csv = [
	'Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag,Notes',
	'1/12/2013,,A harbour story,Told from the quay,,,,,title,,',
	'1/12/2013 14:30:00.00,,Storm warning,Boats called in,https://example.org/flag.jpg,Harbour office,A red flag,,,Weather,ours',
	'1/13/2013 06:00:00.00,1/14/2013 18:00:00.00,Storm,,,,,,,Weather,',
	'2/1/2013,,Repairs begin,,,,,,,Works,',
	'1/1/2013,3/1/2013,Winter,,,,,,era,,'
].join('\n');

describe('the first TimelineJS sheet template', () => {
	it('loads every row with its US date and time, the title row as the heading, the era as an era', () => {
		const outcome = importData(v1Csv, 'harbour.csv');
		expect(outcome.format).toBe('csv-timelinejs-v1');
		expect(outcome.rejected).toEqual([]);
		expect(outcome.dataset?.title).toBe('A harbour story');
		const events = outcome.dataset?.events ?? [];
		expect(events.map((e) => [e.title, e.start, e.end])).toEqual(
			expect.arrayContaining([
				['Storm warning', '2013-01-12T14:30', undefined],
				['Storm', '2013-01-13T06:00', '2013-01-14T18:00'],
				['Repairs begin', '2013-02-01', undefined]
			])
		);
		expect(events.map((e) => e.title)).not.toContain('Winter');
		expect(outcome.dataset?.eras?.map((e) => [e.title, e.start, e.end])).toEqual([
			['Winter', '2013-01-01', '2013-03-01']
		]);
		expect(outcome.notices.map((n) => n.message)).toContain(
			'Columns Eventline does not read were left out: Notes'
		);
	});

	it('sets aside a row with a date it cannot read, naming the row and the column', () => {
		const text = `${v1Csv}\n13/45/2013,,Impossible,,,,,,,,`;
		const outcome = importData(text, 'harbour.csv');
		expect(outcome.rejected.map((r) => [r.where, r.issues.map((i) => i.path)])).toEqual([
			['row 7', ['row 7 (Start Date)']]
		]);
		const back = setAsideFile(outcome, 'harbour.csv')?.text ?? '';
		expect(back.split('\n')[1]).toBe('13/45/2013,,Impossible,,,,,,,,');
	});
});

describe('a TimelineJS 2 end date that cannot be read', () => {
	it('keeps the event without its end, and says so', () => {
		const file = {
			timeline: { date: [{ startDate: '1961,1,1', endDate: '196002152034', headline: 'Film' }] }
		};
		const outcome = importData(JSON.stringify(file));
		expect(outcome.dataset?.events.map((e) => [e.start, e.end])).toEqual([
			['1961-01-01', undefined]
		]);
		expect(outcome.notices).toContainEqual({
			path: 'timeline.date[0].endDate',
			message: '"196002152034" is not a date; the event is kept without an end'
		});
	});
});
