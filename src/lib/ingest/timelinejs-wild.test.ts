/**
 * Structures found in public TimelineJS files (the corpus of issue 12), each reproduced in a fixture
 * of our own: what TimelineJS shows of them, Eventline must load.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importData, type ImportOutcome } from './import';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url), 'utf8');

const ADDRESS = 'https://port.example/data/wild.json';
const wild = importData(fixture('timelinejs-wild.json'), ADDRESS);
const event = (title: string) => wild.dataset?.events.find((e) => e.title.startsWith(title));

describe('structures of TimelineJS files in the wild', () => {
	it('loads every slide TimelineJS shows, and says what it ignored', () => {
		expect(wild.fatal).toEqual([]);
		expect(wild.rejected).toEqual([]);
		expect(wild.dataset?.events).toHaveLength(9);
		expect(wild.notices).toEqual([
			{
				path: 'title',
				message:
					'is not a title slide (an object with text.headline), so the timeline has no title: got 42'
			},
			{
				path: '',
				message:
					'Eventline does not use these keys, so they were ignored: events[].type, events[].media.thumb, events[].start_date.format, events[].end_date.format, events[].location, events[].background, events[].media.link, events[].media.link_target'
			},
			{
				path: '',
				message:
					'2 slides have no headline: titled from the text or the media caption, as TimelineJS does'
			}
		]);
	});

	it('reads an all-blank end date object as no end, and keeps milliseconds', () => {
		const e = event('A blank end date object');
		expect(e?.start).toBe('1901-02-03T04:05:06.007');
		expect(e?.end).toBeUndefined();
	});

	it('titles a slide without a headline from its text, then its media caption, and says so', () => {
		expect(event('A slide with text')).toMatchObject({
			title: 'A slide with text and no headline, whose title TimelineJS takes from the text…',
			titleFrom: 'text'
		});
		expect(event('Only a caption')).toMatchObject({
			title: 'Only a caption names this slide',
			titleFrom: 'media caption'
		});
	});

	it('shows a display date as written, even a lone "."', () => {
		expect(event('A placeholder')?.displayDate).toBe('.');
	});

	it('resolves relative and protocol-relative links against the file', () => {
		expect(event('Relative media')?.media?.url).toBe('https://port.example/data/img/1913.jpg');
		expect(event('Relative media')?.body?.[1]).toEqual({
			kind: 'p',
			spans: [
				{ text: 'Second, with a ' },
				{ text: 'relative link', href: 'https://port.example/data/notes/1913.html' },
				{ text: '.' }
			]
		});
		expect(event('A unique_id')?.media).toEqual({
			kind: 'image',
			url: 'https://cdn.example/ferry.png',
			caption: 'The ferry',
			credit: 'Port archive',
			alt: 'A ferry at the quay'
		});
	});

	it('keeps embeds and posts as captioned links and quotations as quotes', () => {
		expect(event('An embed')?.media).toEqual({
			kind: 'embed',
			url: 'https://maps.example/embed?q=harbour',
			caption: 'Map of the harbour'
		});
		expect(event('An embedded post')?.media).toEqual({
			kind: 'post',
			url: 'https://twitter.com/h/status/77',
			caption: 'Fog again today.'
		});
		expect(event('A quotation')?.quotes).toEqual([
			{ text: 'The tide waits for no one.', speaker: 'A ferryman' }
		]);
		// Nothing of any embed code is kept.
		expect(JSON.stringify(wild.dataset)).not.toMatch(/<iframe|<blockquote|<script/);
	});

	it('makes unique_id a slug as TimelineJS does', () => {
		expect(event('A unique_id')?.id).toBe('evenement-17-depart');
	});

	it('draws eras as bands, not events, an era without a headline unlabelled', () => {
		expect(wild.dataset?.eras).toEqual([
			{ title: 'Sail', start: '1900', end: '1912' },
			{ start: '1912', end: '1920' }
		]);
		expect(wild.dataset?.categories).toEqual([{ id: 'ships', label: 'Ships' }]);
	});
});

describe("the current Google template's sheet", () => {
	const sheet = importData(fixture('timelinejs-sheet-new.csv'), 'ferries.csv');
	it('loads every row, reads Alt Text and every time format, and names the column it ignored', () => {
		expect(sheet.fatal).toEqual([]);
		expect(sheet.rejected).toEqual([]);
		expect(sheet.dataset?.title).toBe('Ferry lines');
		expect(sheet.dataset?.events.map((e) => [e.title, e.start, e.end])).toEqual([
			['First crossing', '1921-03-04T14:30', undefined],
			['Second crossing', '1921-03-05T09:30', undefined],
			['Long crossing', '1921-03-06T12:30:45.5', '1921-03-06T15:45'],
			['Only text names this row', '1921-04', undefined]
		]);
		expect(sheet.dataset?.events[0]?.media?.alt).toBe('A ferry leaving at dawn');
		expect(sheet.dataset?.events[2]?.displayDate).toBe('Midday');
		expect(sheet.dataset?.eras).toEqual([{ title: 'The ferry years', start: '1920', end: '1925' }]);
		expect(sheet.notices[0]).toEqual({
			path: 'row 1',
			message: 'Eventline does not use this column, so it was ignored: Editor notes'
		});
	});
});

/**
 * The start an event was given: loaded, or (while the model cannot yet place years outside 0–9999)
 * as the set-aside event's problem quotes it. Either way it is the string the importer wrote.
 */
function emittedStart(outcome: ImportOutcome, title: string): string | undefined {
	const loaded = outcome.dataset?.events.find((e) => e.title === title);
	if (loaded) return loaded.start;
	const rejected = outcome.rejected.find((r) => r.title === title);
	return rejected?.issues
		.filter((i) => i.path.endsWith('start_date'))
		.map((i) => /^"([^"]+)"/.exec(i.message)?.[1])
		.find((quoted) => quoted !== undefined);
}

describe('deep time', () => {
	it('writes BCE years astronomically: TimelineJS shows year -44 as 44 BCE', () => {
		const bce = importData(fixture('timelinejs-bce.json'));
		expect(emittedStart(bce, 'Bronze working spreads')).toBe('-3299');
		expect(emittedStart(bce, 'A senate meeting ends badly')).toBe('-0043-03-15');
		expect(emittedStart(bce, 'Across the turn of the era')).toBe('0000');
	});

	it('writes cosmological years as counts of years, never refusing them', () => {
		const cosmo = importData(fixture('timelinejs-cosmological.json'));
		expect(emittedStart(cosmo, 'Everything begins')).toBe('-13800000000');
		expect(emittedStart(cosmo, 'A star ignites')).toBe('-4600000000');
		expect(emittedStart(cosmo, 'A long winter')).toBe('-66000000');
		// TimelineJS shows -300 as "300 BCE" in such a file too.
		expect(emittedStart(cosmo, 'A geometer writes on light')).toBe('-0299');
		expect(cosmo.rejected.flatMap((r) => r.issues).map((i) => i.message)).not.toContainEqual(
			expect.stringContaining('outside the years')
		);
		expect(cosmo.dataset?.events.find((e) => e.title === 'Today')?.displayDate).toBe('Now');
	});
});
