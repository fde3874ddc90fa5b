import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importData } from './import';
import { ingest, ingestMessage } from './ingest';
import { setAsideFile } from './set-aside';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url), 'utf8');

describe('set-aside events come back in the file’s own format', () => {
	it('CSV: the original rows, under the original header', () => {
		const outcome = importData(fixture('partly-broken.csv'), 'partly-broken.csv');
		const file = setAsideFile(outcome, 'partly-broken.csv');
		expect(file?.name).toBe('partly-broken-set-aside.csv');
		expect(file?.type).toBe('text/csv');
		const lines = fixture('partly-broken.csv').trim().split('\n');
		expect(file?.text).toBe([lines[0], lines[2], lines[5]].join('\n') + '\n');
	});

	it('CSV: cells with commas, quotes and line breaks survive', () => {
		const text = 'title,start\n"Says ""no"", then\nleaves",2024-02-30\nFine,2024\n';
		const file = setAsideFile(importData(text, 'a.csv'), 'a.csv');
		expect(csvParseRows(file?.text ?? '')).toEqual([
			['title', 'start'],
			['Says "no", then\nleaves', '2024-02-30']
		]);
	});

	it('Eventline JSON: the original objects, with the file’s other fields', () => {
		const bad = { id: 'b', title: 'Bad', start: '2024-13-01', note: 'kept as written' };
		const source = {
			title: 'T',
			categories: [{ id: 'c', label: 'C' }],
			events: [{ id: 'a', title: 'A', start: '2024', category: 'c' }, bad, 42]
		};
		const file = setAsideFile(importData(JSON.stringify(source), 'x.json'), 'x.json');
		expect(file?.name).toBe('x-set-aside.json');
		expect(JSON.parse(file?.text ?? '')).toEqual({
			title: 'T',
			categories: [{ id: 'c', label: 'C' }],
			events: [bad, 42]
		});
	});

	it('TimelineJS JSON: events and eras back in their own lists', () => {
		const era = { start_date: { year: 'x' }, text: { headline: 'Bad era' } };
		const event = { start_date: { year: 2021, month: 13 }, text: { headline: 'Bad' } };
		const source = {
			title: { text: { headline: 'River' } },
			events: [{ start_date: { year: 2021 }, text: { headline: 'Good' } }, event],
			eras: [era]
		};
		const file = setAsideFile(importData(JSON.stringify(source)), 'river.json');
		expect(JSON.parse(file?.text ?? '')).toEqual({
			title: source.title,
			events: [event],
			eras: [era]
		});
	});

	it('opening the set-aside file sets aside the same events again, for the same reasons', () => {
		const first = importData(fixture('partly-broken.csv'));
		const again = importData(setAsideFile(first, 'a.csv')?.text ?? '');
		expect(again.rejected.flatMap((r) => r.issues.map((issue) => issue.message))).toEqual(
			first.rejected.flatMap((r) => r.issues.map((issue) => issue.message))
		);
	});

	it('the page gets the file with the loaded events, and no raw values it does not need', () => {
		const result = ingest(fixture('partly-broken.csv'), 'partly-broken.csv');
		expect(result.timeline?.events).toHaveLength(4);
		expect(result.setAside?.name).toBe('partly-broken-set-aside.csv');
		const outcome = importData(fixture('partly-broken.csv'));
		const message = ingestMessage(outcome, 'partly-broken.csv', {
			sent: outcome.dataset?.events.length ?? 0
		});
		expect(message.count).toBe(4);
		expect(message.rejected.map((r) => r.where)).toEqual(['row 3', 'row 6']);
		expect(message.rejected.some((r) => 'raw' in r)).toBe(false);
	});

	it('there is none when nothing was set aside, or nothing loaded', () => {
		expect(setAsideFile(importData('title,start\nA,2024'), 'a.csv')).toBeUndefined();
		expect(ingest('title,start\nA,2024-02-30', 'a.csv').setAside).toBeUndefined();
	});
});
