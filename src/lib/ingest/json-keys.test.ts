import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeys } from './json-keys';
import { importData } from './import';

describe('duplicateKeys finds every repeated key with its JSON path', () => {
	const rows: { name: string; json: string; paths: string[] }[] = [
		{ name: 'none', json: '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}', paths: [] },
		{
			name: 'two events lists',
			json: '{"events":[1],"title":"T","events":[2]}',
			paths: ['events']
		},
		{
			name: 'inside an event',
			json: '{"events":[{"id":"a"},{"id":"b","title":"x","title":"y"}]}',
			paths: ['events[1].title']
		},
		{
			name: 'deep, after nested lists and strings full of brackets and quotes',
			json: '{"events":[{"quotes":[{"text":"}]\\",{[","text":"again"}]}]}',
			paths: ['events[0].quotes[0].text']
		},
		{ name: 'keys written with escapes', json: '{"a":1,"\\u0061":2}', paths: ['a'] },
		{
			name: 'keys that need quoting in a path',
			json: '{"my key":1,"my key":2}',
			paths: ['["my key"]']
		},
		{ name: 'a list at the top', json: '[{"x":1,"x":2},{"x":3}]', paths: ['[0].x'] },
		{ name: 'whitespace everywhere', json: ' {\n "a" : 1 ,\r\n\t"a" : [ ] } ', paths: ['a'] },
		{ name: 'the same key in sibling objects is fine', json: '[{"a":1},{"a":1}]', paths: [] }
	];
	it.each(rows)('$name', ({ json, paths }) => {
		JSON.parse(json);
		expect(duplicateKeys(json).map((issue) => issue.path)).toEqual(paths);
	});

	it('finds none in anything JSON.stringify writes', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				expect(duplicateKeys(JSON.stringify(value) ?? 'null')).toEqual([]);
			})
		);
	});

	it('stops at the limit', () => {
		const json = `{${Array.from({ length: 50 }, () => '"k":1').join(',')}}`;
		expect(duplicateKeys(json, 5)).toHaveLength(5);
	});
});

describe('a file with a repeated key is refused, with the key’s path', () => {
	it('two events lists: the first is not silently dropped', () => {
		const file = JSON.stringify({ events: [{ id: 'a', title: 'A', start: '2024' }] }).replace(
			/}$/,
			',"events":[{"id":"b","title":"B","start":"2025"}]}'
		);
		const outcome = importData(file, 'data.json');
		expect(outcome.dataset).toBeUndefined();
		expect(outcome.fatal).toEqual([
			{ path: 'events', message: expect.stringMatching(/appears twice/) }
		]);
	});

	it('a repeated field of an event', () => {
		const outcome = importData(
			'{"events":[{"id":"a","title":"A","start":"2024","start":"2025"}]}',
			'data.json'
		);
		expect(outcome.fatal.map((issue) => issue.path)).toEqual(['events[0].start']);
	});

	it('TimelineJS files too', () => {
		const outcome = importData(
			'{"title":{"text":{"headline":"T","headline":"U"}},"events":[{"start_date":{"year":2020}}]}'
		);
		expect(outcome.format).toBe('timelinejs');
		expect(outcome.fatal.map((issue) => issue.path)).toEqual(['title.text.headline']);
	});
});
