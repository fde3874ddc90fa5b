import { describe, expect, it } from 'vitest';
import { importData } from './import';
import { importNdjsonText, looksLikeNdjson, NdjsonReader } from './ndjson';
import type { TimelineEvent } from '$lib/model/schema';
import { batchReader, EventSender, type EventBatch } from './pack';

const line = (event: Record<string, unknown>) => JSON.stringify(event);
const a = { id: 'a', title: 'First', start: '2024-05-01' };
const b = { id: 'b', title: 'Second', start: '2024-05-02' };

describe('NDJSON', () => {
	it('reads one event per line, with CRLF, blank lines and no final line break', () => {
		const outcome = importNdjsonText(`${line(a)}\r\n\r\n${line(b)}`);
		expect(outcome.format).toBe('ndjson');
		expect(outcome.dataset?.events.map((e) => e.id)).toEqual(['a', 'b']);
		expect(outcome.total).toBe(2);
	});

	it('places problems by line: a line that is not JSON, and an event that is not valid', () => {
		const text = [
			line(a),
			'{"id": "x", "title": ',
			line({ id: 'c', title: 'Bad', start: 'May' }),
			line(b)
		];
		const outcome = importNdjsonText(text.join('\n'));
		expect(outcome.dataset?.events.map((e) => e.id)).toEqual(['a', 'b']);
		expect(outcome.total).toBe(4);
		expect(outcome.rejected.map((r) => [r.index, r.where])).toEqual([
			[1, 'line 2'],
			[2, 'line 3']
		]);
		expect(outcome.rejected[0]?.issues[0]?.message).toMatch(/^is not valid JSON/);
		expect(outcome.rejected[1]?.issues[0]?.path).toBe('line 3.start');
	});

	it('is told from a JSON file by content, whatever the name', () => {
		expect(looksLikeNdjson(`${line(a)}\n${line(b)}\n`)).toBe(true);
		expect(looksLikeNdjson(`${line({ events: [a] })}\n`)).toBe(false);
		expect(looksLikeNdjson(`{\n  "events": []\n}`)).toBe(false);
		expect(importData(`${line(a)}\n${line(b)}\n`, 'events.txt').format).toBe('ndjson');
		expect(importData(`${line({ events: [a] })}\n`, 'events.json').format).toBe('eventline');
	});

	it('finds a repeated id however far apart the two lines are', () => {
		const lines = Array.from({ length: 5000 }, (_, i) =>
			line({ id: `e${i}`, title: `Event ${i}`, start: '2024-05-01' })
		);
		lines.push(line({ id: 'e7', title: 'Again', start: '2024-05-02' }));
		const outcome = importNdjsonText(lines.join('\n'));
		expect(outcome.dataset?.events).toHaveLength(5000);
		expect(outcome.rejected).toEqual([
			expect.objectContaining({
				where: 'line 5001',
				issues: [{ path: 'line 5001.id', message: 'duplicate id "e7" (also line 8)' }]
			})
		]);
	});

	it('keeps an id for its first line when that line needs the full check and the next does not', () => {
		// A title past the quick check's length needs the full check, which still accepts it.
		const long = { id: 'a', title: 'Long '.repeat(60).trim(), start: '2024-05-01' };
		const outcome = importNdjsonText([line(long), line(a)].join('\n'));
		expect(outcome.dataset?.events).toEqual([long]);
		expect(outcome.rejected).toEqual([
			expect.objectContaining({
				where: 'line 2',
				issues: [{ path: 'line 2.id', message: 'duplicate id "a" (also line 1)' }]
			})
		]);
	});

	it('keeps events in file order when plain lines and lines needing a full check alternate', () => {
		const text = [
			line(a),
			// "description" is summary's other name: a line with it is read the long way.
			line({ id: 'd', title: 'Aliased', start: '2024-05-03', description: 'Said here' }),
			line(b),
			line({ id: 'a', title: 'Repeat of a line that passed as it was', start: '2024-05-04' }),
			line({ id: 'e', title: 'Ends before it starts', start: '2024-05-05', end: '2024-05-01' }),
			line({ id: 'f', title: 'Last', start: '2024-05-06', summary: 'Plain again' })
		];
		const outcome = importNdjsonText(text.join('\n'));
		expect(outcome.dataset?.events.map((e) => [e.id, e.summary])).toEqual([
			['a', undefined],
			['d', 'Said here'],
			['b', undefined],
			['f', 'Plain again']
		]);
		expect(outcome.rejected.map((r) => [r.where, r.issues.map((i) => i.message)])).toEqual([
			['line 4', ['duplicate id "a" (also line 1)']],
			['line 5', ['"2024-05-01" is before start "2024-05-05"']]
		]);
	});

	it('hands accepted events on while the file is read, in order, when asked to', () => {
		const handed: TimelineEvent[][] = [];
		const reader = new NdjsonReader((events) => handed.push(events));
		for (let i = 1; i <= 4500; i++) {
			const start = i === 3000 ? 'soon' : '2024-05-01';
			reader.add(line({ id: `e${i}`, title: `Event ${i}`, start }), i);
			// Lines are checked 2,000 at a time: the first batch is handed on before the file ends.
			if (i === 2000) expect(handed.flat()).toHaveLength(2000);
		}
		const outcome = reader.finish();
		const ids = handed.flat().map((e) => e.id);
		expect(ids).toHaveLength(4499);
		expect(ids.slice(2997, 3000)).toEqual(['e2998', 'e2999', 'e3001']);
		expect(outcome.dataset?.events).toEqual([]);
		expect(outcome.total).toBe(4500);
		expect(outcome.rejected.map((r) => r.where)).toEqual(['line 3000']);
	});

	it('streamed events reach the page as the whole file gives them, whatever their keys', () => {
		// Keys in any order, optional fields here and there, and lines only the full check passes.
		const events = [
			{ start: '2024-05-01', title: 'Keys out of order', id: 'k' },
			{
				id: 'e',
				title: 'Every quick field',
				summary: 'S',
				titleFrom: 'text',
				start: '2024-05-01',
				end: '2024-05-03',
				precision: 'day',
				approximate: true,
				timeZone: 'Europe/Kyiv',
				displayDate: 'Early May',
				category: 'c',
				actors: ['A', 'B'],
				places: ['P'],
				certainty: 'reported',
				attribution: 'Said by someone'
			},
			{
				id: 'p',
				title: 'Part of day',
				start: '2024-05-02',
				precision: 'part-of-day',
				partOfDay: 'evening'
			},
			{ id: 's', title: 'With a source', start: '2024-05-02', sources: [{ name: 'Wire' }] },
			{ id: 'l', title: 'Long '.repeat(60).trim(), start: '2024-05-04' }
		];
		const text = events.map(line).join('\n');
		const whole = importNdjsonText(text).dataset?.events ?? [];
		const batches: EventBatch[] = [];
		const sender = new EventSender(
			(batch) => batches.push(batch),
			() => {},
			{ batchSize: 2 }
		);
		const reader = new NdjsonReader((streamed) => sender.add(streamed));
		text.split('\n').forEach((l, i) => reader.add(l, i + 1));
		reader.finish();
		sender.flush();
		const rebuilt = batches.flatMap(batchReader());
		expect(rebuilt).toEqual(whole);
		expect(rebuilt.map((e) => Object.keys(e))).toEqual(whole.map((e) => Object.keys(e)));
		expect(whole).toHaveLength(5);
	});

	it('an empty file has no events', () => {
		expect(importNdjsonText('\n\n').fatal[0]?.message).toBe('The file has no events');
	});
});
