import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '$lib/model/schema';
import { importData } from './import';

const full: Dataset = {
	$schema: './events.schema.json',
	title: 'Everything',
	description: 'Every field Eventline knows.',
	timeZone: 'Europe/Kyiv',
	source: { name: 'Archive', url: 'https://archive.example/', published: '2024-11-20' },
	categories: [
		{ id: 'strike', label: 'Strikes' },
		{ id: 'talks', label: 'Talks' }
	],
	events: [
		{
			id: 'a',
			title: 'First',
			summary: 'What happened.',
			start: '2024-11-17',
			end: '2024-11-18',
			precision: 'part-of-day',
			partOfDay: 'early-morning',
			approximate: true,
			timeZone: 'UTC',
			dateBasis: { kind: 'inferred', note: 'From the morning report' },
			category: 'strike',
			actors: ['Ann'],
			places: ['Kyiv'],
			certainty: 'reported',
			attribution: 'Officials',
			quotes: [{ text: 'It began.', speaker: 'Ann', role: 'Mayor', context: 'Briefing' }],
			sources: [{ name: 'Paper', url: 'https://paper.example/a', published: '2024-11-17' }],
			notes: ['One note']
		},
		{ id: 'b', title: 'Second', start: '2024-11-19T07:00:30+02:00', category: 'talks' },
		{ id: 'c', title: 'Third', start: '2025' }
	]
};

describe('Eventline JSON', () => {
	it('round-trips: a dataset serialised with JSON.stringify imports to an equal dataset', () => {
		const outcome = importData(JSON.stringify(full), 'data.json');
		expect(outcome).toEqual({
			format: 'eventline',
			dataset: full,
			fatal: [],
			rejected: [],
			notices: [],
			total: 3
		});
	});

	it('round-trips the existing sample files', () => {
		const text = readFileSync(
			new URL('../../../tests/fixtures/simple.json', import.meta.url),
			'utf8'
		);
		expect(importData(text).dataset).toEqual(JSON.parse(text));
	});

	it('takes description on an event as summary', () => {
		const text = readFileSync(
			new URL('../../../tests/fixtures/import/minimal.json', import.meta.url),
			'utf8'
		);
		expect(importData(text).dataset).toEqual({
			events: [
				{
					id: 'first',
					title: 'Launch',
					start: '2021-03-01',
					end: '2021-03-02',
					category: 'work',
					summary: 'The first thing.'
				}
			]
		});
	});

	it('keeps the valid events of a file with invalid ones', () => {
		const outcome = importData(
			JSON.stringify({
				...full,
				events: [...full.events, { id: 'd', title: 'Bad', start: '2024-02-30' }, 'junk']
			})
		);
		expect(outcome.dataset?.events).toEqual(full.events);
		expect(outcome.total).toBe(5);
		expect(outcome.rejected).toEqual([
			{
				index: 3,
				where: 'events[3]',
				title: 'Bad',
				issues: [{ path: 'events[3].start', message: '"2024-02-30" is not a real date' }],
				raw: { id: 'd', title: 'Bad', start: '2024-02-30' }
			},
			{
				index: 4,
				where: 'events[4]',
				issues: [{ path: 'events[4]', message: 'expected an event (an object), got "junk"' }],
				raw: 'junk'
			}
		]);
		const fields = Object.fromEntries(Object.entries(full).filter(([key]) => key !== 'events'));
		expect(outcome.frame).toEqual({ kind: 'json', fields });
	});

	describe('a broken event names its JSON path', () => {
		const base = { id: 'x', title: 'X', start: '2024-05-01' };
		const rows: { name: string; event: unknown; path: string; message: string }[] = [
			{
				name: 'description as well as summary',
				event: { ...base, summary: 'a', description: 'b' },
				path: 'events[0].description',
				message: 'is another name for "summary", which is also given: keep one'
			},
			{
				name: 'description that is not text',
				event: { ...base, description: 5 },
				path: 'events[0].description',
				message: 'expected string, got 5'
			},
			{
				name: 'an unknown field',
				event: { ...base, colour: 'red' },
				path: 'events[0].colour',
				message: 'is not a field Eventline knows (check its spelling)'
			},
			{
				name: 'a field named like an Object method',
				event: { ...base, constructor: 'x' },
				path: 'events[0].constructor',
				message: 'is not a field Eventline knows (check its spelling)'
			},
			{
				name: 'a category the file does not list',
				event: { ...base, category: 'other' },
				path: 'events[0].category',
				message: '"other" is not one of the file\'s categories (strike, talks)'
			},
			{
				name: 'a javascript: link',
				event: { ...base, sources: [{ name: 'x', url: 'javascript:alert(1)' }] },
				path: 'events[0].sources[0].url',
				message: 'only http(s) links are allowed'
			}
		];
		it.each(rows)('$name', ({ event, path, message }) => {
			const outcome = importData(JSON.stringify({ categories: full.categories, events: [event] }));
			expect(outcome.fatal).toEqual([]);
			expect(outcome.rejected[0]?.issues).toContainEqual({ path, message });
		});

		it('a title nested 100,000 lists deep', () => {
			const deep = '['.repeat(100_000) + ']'.repeat(100_000);
			const outcome = importData(`{"events":[{"id":"x","title":${deep},"start":"2024"}]}`);
			expect(outcome.rejected[0]?.issues).toEqual([
				{ path: 'events[0].title', message: 'expected string, got a list' }
			]);
		});
	});

	describe('invalid top-level fields are fatal', () => {
		const rows: { name: string; input: Record<string, unknown>; path: string; message: string }[] =
			[
				{
					name: 'an unknown time zone',
					input: { timeZone: 'Nowhere/City' },
					path: 'timeZone',
					message: '"Nowhere/City" is not a known IANA time zone'
				},
				{
					name: 'an unknown field',
					input: { author: 'me' },
					path: 'author',
					message: 'is not a field Eventline knows (check its spelling)'
				},
				{
					name: 'a duplicate category id',
					input: { categories: [full.categories?.[0], full.categories?.[0]] },
					path: 'categories[1].id',
					message: 'duplicate category id "strike"'
				},
				{ name: 'no events', input: { events: [] }, path: '', message: 'The file has no events' },
				{
					name: 'events not a list',
					input: { events: 'many' },
					path: 'events',
					message: 'must be a list of events'
				}
			];
		it.each(rows)('$name', ({ input, path, message }) => {
			const outcome = importData(JSON.stringify({ events: full.events, ...input }));
			expect(outcome.format).toBe('eventline');
			expect(outcome.dataset).toBeUndefined();
			expect(outcome.fatal).toEqual([{ path, message }]);
		});
	});

	it('treats __proto__ keys as unknown fields and pollutes nothing', () => {
		const text =
			'{"__proto__":{"polluted":1},"events":[{"id":"a","title":"A","start":"2024",' +
			'"__proto__":{"polluted":2},"sources":[{"name":"n","__proto__":{"polluted":3}}]}]}';
		const outcome = importData(text);
		expect(outcome.fatal).toEqual([
			{ path: '__proto__', message: 'is not a field Eventline knows (check its spelling)' }
		]);
		const events = importData(text.replace('"__proto__":{"polluted":1},', ''));
		expect(events.rejected[0]?.issues).toEqual([
			{
				path: 'events[0].__proto__',
				message: 'is not a field Eventline knows (check its spelling)'
			},
			{
				path: 'events[0].sources[0].__proto__',
				message: 'is not a field Eventline knows (check its spelling)'
			}
		]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('reads eras, and refuses one that ends before it starts', () => {
		const events = [{ id: 'a', title: 'A', start: '2024' }];
		const good = importData(
			JSON.stringify({ eras: [{ title: 'Then', start: '2020', end: '2025' }], events })
		);
		expect(good.format).toBe('eventline');
		expect(good.dataset?.eras).toEqual([{ title: 'Then', start: '2020', end: '2025' }]);
		const bad = importData(JSON.stringify({ eras: [{ start: '2020', end: '2019' }], events }));
		expect(bad.fatal).toEqual([{ path: 'eras[0].end', message: '"2019" is before start "2020"' }]);
	});
});
