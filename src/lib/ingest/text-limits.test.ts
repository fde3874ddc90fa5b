import { describe, expect, it } from 'vitest';
import { importData } from './import';
import { ingest } from './ingest';
import { DEFAULT_TEXT_LIMIT, MAX_ID_LENGTH, TEXT_LIMITS } from './limits';

const MB = 1024 * 1024;
const event = (fields: Record<string, unknown> = {}) => ({
	id: 'a',
	title: 'A',
	start: '2024-05-01',
	...fields
});
const file = (fields: Record<string, unknown>, events = [event()]) =>
	JSON.stringify({ ...fields, events });

describe('text over its limit is cut, with a notice saying where', () => {
	it('a 30 MB title (which froze the tab for 11 s) keeps its first thousand characters', () => {
		const outcome = importData(file({ title: 'x'.repeat(30 * MB) }), 'big.json');
		const title = outcome.dataset?.title ?? '';
		expect(title.length).toBe((TEXT_LIMITS.title ?? 0) + 1);
		expect(title.endsWith('…')).toBe(true);
		expect(outcome.notices).toEqual([
			{ path: 'title', message: 'is 31,457,280 characters long; Eventline keeps the first 1,000' }
		]);
	});

	it('an event’s fields, named where they are in the file', () => {
		const long = 'y'.repeat(DEFAULT_TEXT_LIMIT + 5);
		const outcome = importData(
			file({}, [event(), event({ id: 'b', summary: 's'.repeat(50_000), actors: ['ok', long] })])
		);
		expect(outcome.notices.map((notice) => notice.path)).toEqual([
			'events[1].summary',
			'events[1].actors[1]'
		]);
		const [, second] = outcome.dataset?.events ?? [];
		expect(second?.summary?.length).toBe((TEXT_LIMITS.summary ?? 0) + 1);
		expect(second?.actors).toEqual(['ok', `${long.slice(0, DEFAULT_TEXT_LIMIT)}…`]);
	});

	it('in CSV, named by row and column', () => {
		const outcome = importData(`title,start\n${'t'.repeat(5000)},2024`, 'a.csv');
		expect(outcome.notices.map((notice) => notice.path)).toEqual(['row 2 (title)']);
	});

	it('never splits a character made of two code units', () => {
		const limit = TEXT_LIMITS.title ?? 0;
		const outcome = importData(file({}, [event({ title: `${'x'.repeat(limit - 1)}🚀🚀` })]));
		const title = outcome.dataset?.events[0]?.title ?? '';
		expect(title).toBe(`${'x'.repeat(limit - 1)}…`);
	});

	it('text within its limit is untouched, with no notice', () => {
		const outcome = importData(file({ title: 'x'.repeat(TEXT_LIMITS.title ?? 0) }));
		expect(outcome.notices).toEqual([]);
	});
});

describe('ids and links too long to keep are problems, not cut', () => {
	it('an event with a huge id is set aside', () => {
		const outcome = importData(file({}, [event(), event({ id: 'b'.repeat(MAX_ID_LENGTH + 1) })]));
		expect(outcome.dataset?.events).toHaveLength(1);
		expect(outcome.rejected[0]?.issues).toEqual([
			{ path: 'events[1].id', message: 'is 201 characters long; an id may have at most 200' }
		]);
	});

	it('a huge link is set aside rather than shortened to another address', () => {
		const url = `https://example.org/${'p'.repeat(9000)}`;
		const outcome = importData(file({}, [event({ sources: [{ name: 'S', url }] })]));
		expect(outcome.rejected[0]?.issues.map((issue) => issue.path)).toEqual([
			'events[0].sources[0].url'
		]);
	});
});

describe('ingest keeps what it sends to the page short', () => {
	it('a message quoting a huge value, and a huge title of a rejected event, are cut', () => {
		const huge = 'z'.repeat(MB);
		const result = ingest(file({}, [event(), event({ id: 'b', title: huge, timeZone: huge })]));
		const [rejected] = result.rejected;
		expect(rejected?.title?.length).toBeLessThanOrEqual(501);
		for (const issue of rejected?.issues ?? [])
			expect(issue.message.length).toBeLessThanOrEqual(501);
	});
});
