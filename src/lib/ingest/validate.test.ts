import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bundled from '$lib/data/events.json';
import { datasetJsonSchema } from '../../../scripts/json-schema';
import { describeIssues, validateDataset, validateDatasetText } from './validate';

const good = {
	title: 'Test',
	timeZone: 'Europe/Kyiv',
	categories: [{ id: 'strike', label: 'Strikes' }],
	events: [
		{ id: 'a', title: 'First', start: '2024-11-17', category: 'strike' },
		{
			id: 'b',
			title: 'Second',
			start: '2024-11-17T07:00',
			end: '2024-11-17T09:00',
			category: 'strike'
		}
	]
};

/** A copy of `good` with its first event changed. */
const withEvent = (fields: Record<string, unknown>, index = 0) => ({
	...good,
	events: good.events.map((e, i) => (i === index ? { ...e, ...fields } : e))
});

describe('the bundled dataset', () => {
	it('passes validation', () => {
		const result = validateDataset(bundled);
		expect(result.ok ? [] : result.issues).toEqual([]);
	});
	it('names the generated JSON Schema, which is up to date with the valibot schema', () => {
		expect(bundled.$schema).toBe('./events.schema.json');
		const committed = readFileSync(new URL('../data/events.schema.json', import.meta.url), 'utf8');
		expect(committed, 'run `npm run schema` after changing src/lib/model/schema.ts').toBe(
			datasetJsonSchema()
		);
	});
});

describe('dates from deep time to the far future pass', () => {
	it.each(['-0043-03-15', '-0043', '-13800000000', '+12345', '-0271820-01-01T12:00Z'])(
		'%s',
		(start) => {
			const result = validateDataset(withEvent({ start }));
			expect(result.ok ? [] : result.issues).toEqual([]);
		}
	);
});

describe('a broken file fails, naming the path and the problem', () => {
	const rows: { name: string; input: unknown; path: string; message: RegExp }[] = [
		{
			name: 'impossible month and day',
			input: withEvent({ start: '2024-13-40' }),
			path: 'events[0].start',
			message: /not a real date|ISO 8601/
		},
		{
			name: 'February 30th',
			input: withEvent({ start: '2024-02-30' }),
			path: 'events[0].start',
			message: /"2024-02-30" is not a real date/
		},
		{
			name: 'a month of deep time, which no calendar can name',
			input: withEvent({ start: '-13800000000-03' }),
			path: 'events[0].start',
			message: /can only be a year/
		},
		{
			name: 'a BCE year without the expanded form',
			input: withEvent({ start: '-43' }),
			path: 'events[0].start',
			message: /-0043 \(44 BCE\)/
		},
		{
			name: 'free-text date',
			input: withEvent({ start: 'last Sunday' }),
			path: 'events[0].start',
			message: /ISO 8601/
		},
		{
			name: 'missing title',
			input: withEvent({ title: undefined }),
			path: 'events[0].title',
			message: /required/
		},
		{
			name: 'empty title',
			input: withEvent({ title: '   ' }),
			path: 'events[0].title',
			message: /empty/
		},
		{
			name: 'title is a number',
			input: withEvent({ title: 42 }, 1),
			path: 'events[1].title',
			message: /expected string, got 42/
		},
		{
			name: 'duplicate id',
			input: withEvent({ id: 'a' }, 1),
			path: 'events[1].id',
			message: /duplicate id "a"/
		},
		{
			name: 'end before start',
			input: withEvent({ end: '2024-11-16T23:00' }, 1),
			path: 'events[1].end',
			message: /before start/
		},
		{
			name: 'unknown category',
			input: withEvent({ category: 'weather' }),
			path: 'events[0].category',
			message: /"weather" is not one of/
		},
		{
			name: 'precision finer than the date',
			input: withEvent({ precision: 'minute' }),
			path: 'events[0].precision',
			message: /needs a start with a time/
		},
		{
			name: 'part of day without its name',
			input: withEvent({ precision: 'part-of-day' }),
			path: 'events[0].partOfDay',
			message: /required/
		},
		{
			name: 'unknown precision',
			input: withEvent({ precision: 'fortnight' }),
			path: 'events[0].precision',
			message: /expected/
		},
		{
			name: 'misspelled field',
			input: withEvent({ titel: 'x' }),
			path: 'events[0].titel',
			message: /not a field/
		},
		{
			name: 'unknown time zone',
			input: withEvent({ timeZone: 'Mars/Olympus' }),
			path: 'events[0].timeZone',
			message: /not a known IANA time zone/
		},
		{
			name: 'javascript: link',
			input: withEvent({ sources: [{ name: 'x', url: 'javascript:alert(1)' }] }),
			path: 'events[0].sources[0].url',
			message: /URL|http/
		},
		{
			name: 'certainty outside the list',
			input: withEvent({ certainty: 'definitely' }),
			path: 'events[0].certainty',
			message: /expected/
		},
		{
			name: 'events is not a list',
			input: { ...good, events: {} },
			path: 'events',
			message: /expected Array/
		},
		{
			name: 'quote without speaker',
			input: withEvent({ quotes: [{ text: 'hi' }] }),
			path: 'events[0].quotes[0].speaker',
			message: /required/
		}
	];
	for (const row of rows) {
		it(row.name, () => {
			const result = validateDataset(row.input);
			expect(result.ok).toBe(false);
			if (result.ok) return;
			const issue = result.issues.find((i) => i.path === row.path);
			expect(issue, `issues were: ${JSON.stringify(result.issues)}`).toBeDefined();
			expect(issue?.message).toMatch(row.message);
		});
	}

	it('accepts "early morning" on a day-precision date', () => {
		const result = validateDataset(
			withEvent({ precision: 'part-of-day', partOfDay: 'early-morning', start: '2024-11-17' })
		);
		expect(result.ok ? [] : result.issues).toEqual([]);
	});

	it.each([
		['0004-02-29', true],
		['0100-02-29', false],
		['2000-02-29', true],
		['1900-02-29', false]
	])('knows leap years, early ones too: %s', (start, ok) => {
		expect(validateDataset(withEvent({ start })).ok).toBe(ok);
	});

	it('accepts the simplest file a person could write', () => {
		const result = validateDataset({
			events: [{ id: '1', title: 'Something', start: '2024-11-17' }]
		});
		expect(result.ok).toBe(true);
	});
});

describe('JSON syntax errors give line and column', () => {
	it('points at the missing comma', () => {
		const result = validateDatasetText('{\n  "events": [\n    {"id": "a" "title": "x"}\n  ]\n}');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues[0]?.message).toMatch(/^Not valid JSON at line 3, column \d+/);
	});
	it('says when the file ends too early', () => {
		const result = validateDatasetText('{"events": [');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues[0]?.message).toMatch(/Not valid JSON at line 1/);
	});
});

describe('describeIssues', () => {
	it('shows the first few and counts the rest', () => {
		const issues = Array.from({ length: 14 }, (_, i) => ({
			path: `events[${i}].start`,
			message: 'bad'
		}));
		const text = describeIssues(issues, 10);
		expect(text).toContain('14 problems');
		expect(text).toContain('events[9].start: bad');
		expect(text).not.toContain('events[10].start');
		expect(text).toContain('…and 4 more');
	});
});
