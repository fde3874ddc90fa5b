import { describe, expect, it } from 'vitest';
import { importData, type DataFormat } from './import';

const eventlineJson = '{"events":[{"id":"a","title":"A","start":"2024"}]}';
const timelineJson = '{"events":[{"start_date":{"year":2024},"text":{"headline":"A"}}]}';
const timelineCsv = 'Year,Headline\n2024,A';
const eventlineCsv = 'title,start\nA,2024';

describe('importData detects the format by content; the file name is only a hint', () => {
	const rows: { name: string; text: string; fileName?: string; format: DataFormat }[] = [
		{ name: 'Eventline JSON', text: eventlineJson, format: 'eventline' },
		{ name: 'TimelineJS JSON', text: timelineJson, format: 'timelinejs' },
		{ name: 'TimelineJS CSV', text: timelineCsv, format: 'csv-timelinejs' },
		{ name: 'Eventline CSV', text: eventlineCsv, format: 'csv-eventline' },
		{ name: 'JSON named .csv', text: eventlineJson, fileName: 'data.csv', format: 'eventline' },
		{ name: 'CSV named .json', text: eventlineCsv, fileName: 'data.json', format: 'csv-eventline' },
		{ name: 'Eventline CSV with semicolons', text: 'title;start\nA;2024', format: 'csv-eventline' },
		{ name: 'Eventline TSV', text: 'title\tstart\nA\t2024', format: 'csv-eventline' },
		{ name: 'a byte order mark', text: `\uFEFF${eventlineCsv}`, format: 'csv-eventline' },
		{
			name: 'a TimelineJS title slide with no events yet',
			text: '{"title":{"text":{"headline":"T"}},"events":[{"start_date":{"year":1}}]}',
			format: 'timelinejs'
		}
	];
	it.each(rows)('$name', ({ text, fileName, format }) => {
		const outcome = importData(text, fileName);
		expect(outcome.format).toBe(format);
		expect(outcome.total).toBe(1);
	});
});

describe('a file that cannot be read at all is fatal, with a message that says why', () => {
	const rows: { name: string; text: string; fileName?: string; path?: string; message: RegExp }[] =
		[
			{ name: 'empty', text: ' \n ', message: /The file is empty/ },
			{ name: 'binary', text: 'PK\u0003\u0004\u0000\u0000', message: /not a text file/ },
			{
				name: 'broken JSON, with line and column',
				text: '{\n  "events": [\n    {"id": "a",, }\n  ]\n}',
				message: /^Not valid JSON at line 3, column \d+/
			},
			{
				name: 'JSON cut short',
				text: '{"events": [',
				message: /^Not valid JSON at line 1, column \d+/
			},
			{
				name: 'not JSON although named .json',
				text: 'hello there',
				fileName: 'x.json',
				message: /^Not valid JSON at line 1, column 1/
			},
			{
				name: 'a JSON list',
				text: '[1, 2]',
				message: /Expected an object with an "events" list, got a list/
			},
			{
				name: 'a JSON number',
				text: '42',
				message: /Expected an object with an "events" list, got 42/
			},
			{
				name: 'an object without events',
				text: '{"title": "x"}',
				path: 'events',
				message: /is required/
			},
			{
				name: 'text that is neither',
				text: 'Dear diary,\ntoday nothing happened.',
				message: /cannot tell what kind of file this is/
			}
		];
	it.each(rows)('$name', ({ text, fileName, path = '', message }) => {
		const outcome = importData(text, fileName);
		expect(outcome.dataset).toBeUndefined();
		expect(outcome.rejected).toEqual([]);
		expect(outcome.fatal).toEqual([{ path, message: expect.stringMatching(message) }]);
	});
});

describe('broken JSON is located even where the engine gives no position', () => {
	const rows: { text: string; line: number; column: number }[] = [
		{ text: 'hello there', line: 1, column: 1 },
		{ text: '[1,,2]', line: 1, column: 4 },
		{ text: '{\n  "events": [\n    {"id": x}\n  ]\n}', line: 3, column: 12 },
		{ text: '{"a": "ünïcödé", "b": @}', line: 1, column: 23 }
	];
	it.each(rows)('$text', ({ text, line, column }) => {
		const [issue] = importData(text, 'data.json').fatal;
		expect(issue?.message).toMatch(
			new RegExp(`^Not valid JSON at line ${line}, column ${column}: `)
		);
		expect(issue?.message).not.toMatch(/is not valid JSON$/);
	});
});
