import { describe, expect, it } from 'vitest';
import { importData } from './import';
import { setAsideFile } from './set-aside';
import { visDate } from './vis-timeline';

// A small library's opening hours and works, written the ways vis-timeline examples write items.
const items = [
	{ id: 1, content: 'Library opens', start: '2024-04-20' },
	{ id: 2, content: '<b>Reading</b> week', start: '2024-04-14', end: '2024-04-19', type: 'range' },
	{ id: 'talk-3', content: 'Author talk', start: '2024-04-18T18:30:00', type: 'point' },
	{ id: 4, content: 'Roof repair', start: 1713571200000, end: 1713830400000, group: 'b' },
	{
		id: 5,
		content: 'Closed for holiday',
		start: '2024-04-01',
		end: '2024-04-02',
		type: 'background'
	},
	{
		id: 6,
		content: 'Book fair',
		start: '/Date(1714003200000)/',
		title: 'In the <i>main</i> hall',
		className: 'red'
	}
];

describe('vis-timeline items', () => {
	it('loads a bare item list with every item, its dates and its text', () => {
		const outcome = importData(JSON.stringify(items), 'items.json');
		expect(outcome.format).toBe('vis-timeline');
		expect(outcome.rejected).toEqual([]);
		const events = outcome.dataset?.events ?? [];
		expect(events.map((e) => [e.id, e.title, e.start, e.end])).toEqual([
			['1', 'Library opens', '2024-04-20', undefined],
			['2', 'Reading week', '2024-04-14', '2024-04-19'],
			['talk-3', 'Author talk', '2024-04-18T18:30:00', undefined],
			['4', 'Roof repair', '2024-04-20T00:00Z', '2024-04-23T00:00Z'],
			['6', 'Book fair', '2024-04-25T00:00Z', undefined]
		]);
		expect(events[4]?.summary).toBe('In the main hall');
		expect(outcome.notices.map((n) => n.message)).toEqual([
			'Item fields that Eventline does not read were left out: className'
		]);
	});

	it('makes background items eras behind the lanes, and groups without a list lanes named by id', () => {
		const outcome = importData(JSON.stringify(items));
		const events = outcome.dataset?.events ?? [];
		expect(events.find((e) => e.id === '5')).toBeUndefined();
		expect(outcome.dataset?.eras).toEqual([
			{ title: 'Closed for holiday', start: '2024-04-01', end: '2024-04-02' }
		]);
		expect(events.find((e) => e.id === '4')?.category).toBe('b');
		expect(outcome.dataset?.categories).toEqual([{ id: 'b', label: 'b' }]);
	});

	it('keeps a background item with no end as an event in a lane of its own', () => {
		const outcome = importData(
			JSON.stringify([{ id: 'x', content: 'Closed', start: '2024-04-01', type: 'background' }])
		);
		expect(outcome.dataset?.eras).toBeUndefined();
		expect(outcome.dataset?.events.map((e) => e.category)).toEqual(['background']);
	});

	it('reads a DataSet with groups as lanes labelled by their content', () => {
		const file = {
			groups: [
				{ id: 1, content: 'Front desk' },
				{ id: 2, content: '<span>Archive</span>' }
			],
			items: [
				{ id: 'a', content: 'Desk staffed', start: '2024-05-01 09:00', group: 1 },
				{ id: 'b', content: 'Archive audit', start: '2024-05-02', end: '2024-05-09', group: 2 }
			]
		};
		const outcome = importData(JSON.stringify(file));
		expect(outcome.format).toBe('vis-timeline');
		expect(outcome.dataset?.categories).toEqual([
			{ id: '1', label: 'Front desk' },
			{ id: '2', label: 'Archive' }
		]);
		expect(outcome.dataset?.events.map((e) => [e.category, e.start])).toEqual([
			['1', '2024-05-01T09:00'],
			['2', '2024-05-02']
		]);
	});

	it('ignores the end of a box or a point, as vis-timeline does', () => {
		const outcome = importData(
			JSON.stringify([
				{ id: 1, content: 'Box', start: '2024-01-02', end: '2024-01-01', type: 'box' }
			])
		);
		expect(outcome.dataset?.events[0]?.end).toBeUndefined();
	});

	it('sets aside an item it cannot read, says where, and gives it back as a vis item list', () => {
		const file = [
			{ id: 1, content: 'Good', start: '2024-01-01' },
			{ id: 2, content: 'Bad date', start: 'someday' },
			{ id: 3, content: '', start: '2024-01-03' }
		];
		const outcome = importData(JSON.stringify(file), 'mine.json');
		expect(outcome.dataset?.events.map((e) => e.id)).toEqual(['1']);
		expect(outcome.rejected.map((r) => [r.where, r.issues[0]?.path])).toEqual([
			['[1]', '[1].start'],
			['[2]', '[2].content']
		]);
		const back = setAsideFile(outcome, 'mine.json');
		expect(back?.name).toBe('mine-set-aside.json');
		expect(JSON.parse(back?.text ?? '')).toEqual([file[1], file[2]]);
	});
});

describe('visDate', () => {
	const rows: { input: unknown; iso: string }[] = [
		{ input: '2014-04-20', iso: '2014-04-20' },
		{ input: '2013-04-20 12:00', iso: '2013-04-20T12:00' },
		{ input: '2013-04-20T12:00:00.000Z', iso: '2013-04-20T12:00:00.000Z' },
		{ input: '2013-04-20T12:00:00+02:00', iso: '2013-04-20T12:00:00+02:00' },
		{ input: 0, iso: '1970-01-01T00:00Z' },
		{ input: 1366459200123, iso: '2013-04-20T12:00:00.123Z' },
		{ input: '/Date(1366459200000)/', iso: '2013-04-20T12:00Z' },
		{ input: 'Sat Apr 20 2013 14:00:00 GMT+0200', iso: '2013-04-20T12:00Z' }
	];
	for (const { input, iso } of rows) {
		it(`reads ${JSON.stringify(input)}`, () =>
			expect(visDate(input)).toMatchObject({ ok: true, iso }));
	}
	it('refuses what is not a date', () => {
		expect(visDate('tomorrow').ok).toBe(false);
		expect(visDate(null).ok).toBe(false);
	});
});
