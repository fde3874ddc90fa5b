import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importData } from './import';

const fixture = readFileSync(
	new URL('../../../tests/fixtures/import/timelinejs.json', import.meta.url),
	'utf8'
);

/** A TimelineJS file with the given events (and eras). */
const file = (events: unknown[], extra: Record<string, unknown> = {}) =>
	JSON.stringify({ events, ...extra });

/** A minimal valid TimelineJS event, with fields changed. */
const slide = (fields: Record<string, unknown> = {}) => ({
	start_date: { year: 2021 },
	text: { headline: 'Something happened' },
	...fields
});

describe('TimelineJS JSON', () => {
	it('imports the sample: title slide, structured text, groups as lanes, media, an era band', () => {
		const outcome = importData(fixture, 'river.json');
		expect(outcome).toEqual({
			format: 'timelinejs',
			fatal: [],
			rejected: [],
			notices: [],
			total: 4,
			dataset: {
				title: 'The River Project',
				description: 'A short history of the river works & the people who built them.',
				// The title slide's picture is the timeline's own, shown under its title.
				media: {
					kind: 'image',
					url: 'https://example.org/cover.jpg',
					caption: 'Cover',
					credit: 'Archive'
				},
				categories: [
					{ id: 'construction', label: 'Construction' },
					{ id: 'weather', label: 'Weather' }
				],
				eras: [{ title: 'Phase one', start: '2021-05', end: '2022-12' }],
				events: [
					{
						id: 'ground-broken',
						title: 'Ground broken',
						summary: 'Work starts at the north bank.\n\nCrews of 40 <and growing>.',
						body: [
							{
								kind: 'p',
								spans: [
									{ text: 'Work starts at the ' },
									{ text: 'north', strong: true },
									{ text: ' bank.' }
								]
							},
							{ kind: 'p', spans: [{ text: 'Crews of 40 <and growing>.' }] }
						],
						start: '2021-05-12T09:30',
						category: 'construction',
						media: { kind: 'image', url: 'https://example.org/photo.jpg', credit: 'Photo: J. Doe' }
					},
					{
						id: 'first-flood-season-1',
						title: 'First flood season',
						start: '2021-06',
						end: '2021-08',
						displayDate: 'Summer 2021',
						category: 'weather'
					},
					{
						id: 'bridge-opens-2',
						title: 'Bridge opens',
						summary: 'Opened to foot traffic.',
						start: '2022',
						category: 'construction',
						notes: ['Media not shown: a link that is not http(s) (javascript:alert(1))']
					}
				]
			}
		});
	});

	describe('dates keep the precision they were given', () => {
		const rows: {
			name: string;
			start: Record<string, unknown>;
			start_: string;
			precision?: string;
		}[] = [
			{ name: 'year', start: { year: 2021 }, start_: '2021' },
			{ name: 'year as text', start: { year: '2021' }, start_: '2021' },
			{ name: 'month', start: { year: 2021, month: '05' }, start_: '2021-05' },
			{ name: 'day', start: { year: 2021, month: 5, day: 12 }, start_: '2021-05-12' },
			{
				name: 'minute',
				start: { year: 2021, month: 5, day: 12, hour: 9, minute: 30 },
				start_: '2021-05-12T09:30'
			},
			{
				name: 'hour',
				start: { year: 2021, month: 5, day: 12, hour: 9 },
				start_: '2021-05-12T09:00',
				precision: 'hour'
			},
			{
				name: 'blank strings are missing fields',
				start: { year: '2021', month: '', day: '', hour: '', millisecond: '', format: '' },
				start_: '2021'
			}
		];
		it.each(rows)('$name', ({ start, start_, precision }) => {
			const event = importData(file([slide({ start_date: start })])).dataset?.events[0];
			expect(event?.start).toBe(start_);
			expect(event?.precision).toBe(precision);
		});
	});

	describe('a broken event is rejected, naming its path in the file', () => {
		const rows: {
			name: string;
			events: unknown[];
			eras?: unknown[];
			path: string;
			message: string;
		}[] = [
			{
				name: 'month 13',
				events: [slide({ start_date: { year: 2021, month: 13 } })],
				path: 'events[0].start_date.month',
				message: '13 is not a month (1–12)'
			},
			{
				name: 'February 30th',
				events: [slide({ start_date: { year: '2024', month: '2', day: '30' } })],
				path: 'events[0].start_date.day',
				message: '"30" is not a day of February 2024 (1–29)'
			},
			{
				name: 'hour 25 in an end date',
				events: [slide({ end_date: { year: 2021, month: 1, day: 1, hour: 25 } })],
				path: 'events[0].end_date.hour',
				message: '25 is not an hour (0–23)'
			},
			{
				name: 'a year that is not a number',
				events: [slide({ start_date: { year: '1848?' } })],
				path: 'events[0].start_date.year',
				message: '"1848?" is not a year'
			},
			{
				name: 'no start date',
				events: [slide({ start_date: undefined })],
				path: 'events[0].start_date',
				message: 'is required'
			},
			{
				name: 'a start date that is not an object',
				events: [slide({ start_date: '2021-05-01' })],
				path: 'events[0].start_date',
				message: 'expected a date object such as {"year": 2021, "month": 5}, got "2021-05-01"'
			},
			{
				name: 'no headline, text or caption',
				events: [slide({ text: { headline: '' }, media: { url: 'https://a.example/x.png' } })],
				path: 'events[0].text.headline',
				message:
					'is required: the slide has no headline, text or media caption to take a title from'
			},
			{
				name: 'a headline that is only markup',
				events: [slide({ text: { headline: '<img src="x.png">' } })],
				path: 'events[0].text.headline',
				message: 'has no text once its HTML is removed'
			},
			{
				name: 'an end before the start',
				events: [slide({ start_date: { year: 2021 }, end_date: { year: 2020 } })],
				path: 'events[0].end_date',
				message: '"2020" is before start "2021"'
			},
			{
				name: 'a repeated unique_id',
				events: [slide({ unique_id: 'x' }), slide({ unique_id: 'x' })],
				path: 'events[1].unique_id',
				message: 'duplicate id "x" (also events[0])'
			},
			{
				name: 'two unique_ids that TimelineJS makes the same slug',
				events: [slide({ unique_id: 'Two words' }), slide({ unique_id: 'two_words' })],
				path: 'events[1].unique_id',
				message: 'duplicate id "two-words" (also events[0])'
			},
			{
				name: 'an event that is not an object',
				events: [slide(), 42],
				path: 'events[1]',
				message: 'expected an event (an object), got 42'
			},
			{
				name: 'an era without an end',
				events: [slide()],
				eras: [{ start_date: { year: 2020 }, text: { headline: 'Era' } }],
				path: 'eras[0].end_date',
				message: 'is required for an era'
			}
		];
		it.each(rows)('$name', ({ events, eras, path, message }) => {
			const outcome = importData(file(events, eras ? { eras } : {}));
			expect(outcome.fatal).toEqual([]);
			expect(outcome.rejected.flatMap((r) => r.issues)).toContainEqual({ path, message });
			expect(outcome.dataset?.events.length).toBe(outcome.total - outcome.rejected.length);
		});
	});

	it('lists every problem of a rejected event, with where it is and its title', () => {
		const outcome = importData(
			file([
				slide(),
				slide({ start_date: { year: 2021, month: 13, day: 40 }, text: { headline: '<b>Bad</b>' } })
			])
		);
		expect(outcome.rejected).toEqual([
			{
				index: 1,
				where: 'events[1]',
				title: 'Bad',
				issues: [
					{ path: 'events[1].start_date.month', message: '13 is not a month (1–12)' },
					{ path: 'events[1].start_date.day', message: '40 is not a day (1–31)' }
				],
				raw: { start_date: { year: 2021, month: 13, day: 40 }, text: { headline: '<b>Bad</b>' } }
			}
		]);
		expect(outcome.dataset?.events.map((e) => e.title)).toEqual(['Something happened']);
	});

	it('gives groups unique category ids and lists only the categories of accepted events', () => {
		const outcome = importData(
			file(
				[
					slide({ group: 'A b' }),
					slide({ group: 'a-b' }),
					slide({ group: 'Era' }),
					slide({ group: 'Lost', start_date: { year: 'x' } })
				],
				{
					eras: [{ start_date: { year: 2020 }, end_date: { year: 2022 }, text: { headline: 'E' } }]
				}
			)
		);
		expect(outcome.dataset?.categories).toEqual([
			{ id: 'a-b', label: 'A b' },
			{ id: 'a-b-2', label: 'a-b' },
			{ id: 'era', label: 'Era' }
		]);
		// Eras are bands behind the lanes, not events in a lane of their own.
		expect(outcome.dataset?.eras).toEqual([{ title: 'E', start: '2020', end: '2022' }]);
		expect(outcome.dataset?.events.map((e) => e.category)).toEqual(['a-b', 'a-b-2', 'era']);
	});

	describe('a file that cannot be used is fatal', () => {
		const rows: { name: string; input: unknown; path: string; message: RegExp }[] = [
			{
				name: 'events not a list',
				input: { title: {}, events: {} },
				path: 'events',
				message: /list/
			},
			{
				name: 'eras not a list',
				input: { events: [slide()], eras: 3 },
				path: 'eras',
				message: /list/
			},
			{ name: 'no events', input: { title: {}, events: [] }, path: '', message: /no events/ }
		];
		it.each(rows)('$name', ({ input, path, message }) => {
			const outcome = importData(JSON.stringify(input));
			expect(outcome.format).toBe('timelinejs');
			expect(outcome.dataset).toBeUndefined();
			expect(outcome.fatal).toEqual([{ path, message: expect.stringMatching(message) }]);
		});
	});
});
