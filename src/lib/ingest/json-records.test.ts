import { describe, expect, it } from 'vitest';
import { importData } from './import';
import { setAsideFile } from './set-aside';

// A class's own timeline format: a list of records with keys of its own.
const course = {
	events: [
		{ unit: 1, name: 'Printing press', begin: 1440, region: ['Europe'], kind: 'point' },
		{ unit: 2, name: 'Columbian exchange', begin: 1492, end: 1600, region: ['Americas', 'Europe'] },
		{ unit: 2, name: 'Lost date', begin: 'long ago' }
	]
};

describe('a JSON list of records in a shape of its own', () => {
	it('is offered the mapping step with a guess from its keys', () => {
		const outcome = importData(JSON.stringify(course), 'course.json');
		expect(outcome.dataset?.events ?? []).toEqual([]);
		expect(outcome.mapping?.header).toEqual(['unit', 'name', 'begin', 'region', 'kind', 'end']);
		expect(outcome.mapping?.guess).toMatchObject({ start: 'begin', end: 'end', title: 'name' });
		expect(outcome.mapping?.rows[1]).toEqual([
			'2',
			'Columbian exchange',
			'1492',
			'Americas; Europe',
			'',
			'1600'
		]);
	});

	it('loads through a mapping, naming problems by the record’s path and giving it back in place', () => {
		const map = { start: 'begin', end: 'end', title: 'name', place: 'region' };
		const outcome = importData(JSON.stringify(course), 'course.json', { map });
		expect(outcome.format).toBe('json-mapped');
		expect(outcome.dataset?.events.map((e) => [e.title, e.start, e.end, e.places])).toEqual([
			['Printing press', '1440', undefined, ['Europe']],
			['Columbian exchange', '1492', '1600', ['Americas; Europe']]
		]);
		expect(outcome.rejected.map((r) => [r.where, r.issues[0]?.path])).toEqual([
			['events[2]', 'events[2].begin']
		]);
		expect(outcome.notices[0]).toEqual({
			path: '',
			message: 'Columns not mapped to a field were left out: unit, kind'
		});
		const back = JSON.parse(setAsideFile(outcome, 'course.json')?.text ?? '{}');
		expect(back).toEqual({ events: [course.events[2]] });
	});

	it('is not offered for Eventline events that fail: those are the file’s problems to fix', () => {
		const file = { events: [{ id: 'a', title: 'A', start: '2024-13-40' }] };
		const outcome = importData(JSON.stringify(file));
		expect(outcome.rejected).toHaveLength(1);
		expect(outcome.mapping).toBeUndefined();
	});

	it('reads a bare list of records with no content field (a vis-timeline list drawn by a template)', () => {
		const list = [
			{ home: 'Lions', away: 'Bears', start: '2024-06-28T13:00', round: 'final' },
			{ home: 'Owls', away: 'Foxes', start: '2024-06-27T17:00', round: 'semi' }
		];
		const asked = importData(JSON.stringify(list), 'games.json');
		expect(asked.mapping?.guess.start).toBe('start');
		const outcome = importData(JSON.stringify(list), 'games.json', {
			map: { start: 'start', title: 'home', category: 'round' }
		});
		expect(outcome.dataset?.events.map((e) => e.start)).toEqual([
			'2024-06-28T13:00',
			'2024-06-27T17:00'
		]);
	});
});

describe('TimelineJS3’s early {timeline: {slides}} shape', () => {
	it('loads the dated slides as events and the first undated one as the title', () => {
		const file = {
			timeline: {
				slides: [
					{ text: { headline: 'Welcome' } },
					{ start_date: { year: '1888' }, text: { headline: 'First film' } },
					{ start_date: { year: '1902' }, text: { headline: 'A trip to the moon' } }
				]
			}
		};
		const outcome = importData(JSON.stringify(file));
		expect(outcome.format).toBe('timelinejs');
		expect(outcome.dataset?.title).toBe('Welcome');
		expect(outcome.dataset?.events.map((e) => e.start)).toEqual(['1888', '1902']);
	});
});
