import fc from 'fast-check';
import { csvFormatRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { eventTime } from '$lib/model/dates';
import { validateDataset } from './validate';
import { importData, type ImportOutcome } from './import';

/** The promises every outcome keeps, whatever the input. */
function expectWellFormed(outcome: ImportOutcome) {
	const issues = [...outcome.fatal, ...outcome.rejected.flatMap((event) => event.issues)];
	for (const issue of issues) {
		expect(typeof issue.path).toBe('string');
		expect(issue.message.trim()).not.toBe('');
	}
	for (const event of outcome.rejected) expect(event.issues.length).toBeGreaterThan(0);
	if (outcome.fatal.length) {
		expect(outcome.dataset).toBeUndefined();
		return;
	}
	const { dataset } = outcome;
	expect(dataset).toBeDefined();
	if (!dataset) return;
	expect(dataset.events.length + outcome.rejected.length).toBe(outcome.total);
	const result = validateDataset(dataset);
	expect(result.ok ? [] : result.issues).toEqual([]);
	for (const event of dataset.events) {
		const time = eventTime(event, event.timeZone ?? dataset.timeZone ?? 'UTC');
		expect(time).toBeDefined();
		expect(Number.isFinite(time?.outer.start)).toBe(true);
		expect(Number.isFinite(time?.outer.end)).toBe(true);
	}
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const run = (text: string, fileName?: string) => {
	const outcome = importData(text, fileName);
	expectWellFormed(outcome);
};

const fileName = fc.option(fc.constantFrom('a.json', 'a.csv', 'a.txt', 'json', '.JSON'), {
	nil: undefined
});

/** Values that look like what the importers read, so the properties reach past the first check. */
const plausible = fc.oneof(
	fc.constantFrom('', ' ', '2024', '2024-02-30', '2024-05-01T09:30', '13', '25:00', '9:30 PM'),
	fc.constantFrom('yes', 'maybe', 'era', 'title', '__proto__', 'constructor', '<b>x</b>', '&amp;'),
	fc.constantFrom('javascript:alert(1)', 'https://example.org/a', 'Europe/Kyiv', 'part-of-day'),
	fc.integer({ min: -20_000, max: 20_000 }).map(String),
	fc.string({ maxLength: 12 })
);

const eventlineColumns = fc.constantFrom(
	'id',
	'title',
	'start',
	'end',
	'category',
	'description',
	'precision',
	'partOfDay',
	'approximate',
	'timeZone',
	'actors',
	'notes',
	'source',
	'sourceUrl'
);
const timelineColumns = fc.constantFrom(
	'Year',
	'Month',
	'Day',
	'Time',
	'End Year',
	'End Day',
	'Headline',
	'Text',
	'Media',
	'Media Credit',
	'Type',
	'Group',
	'Display Date'
);

/** A header that names `required` first, then some of `optional` (deduplicated). */
const headerWith = (required: string[], optional: fc.Arbitrary<string>) =>
	fc
		.uniqueArray(optional, { maxLength: 7 })
		.map((more) => [...required, ...more.filter((name) => !required.includes(name))]);

/** A CSV table: a header of known (and sometimes unknown) columns and rows of plausible cells. */
const table = fc
	.tuple(
		fc.oneof(
			headerWith(['title', 'start'], eventlineColumns),
			headerWith(['Year', 'Headline'], timelineColumns),
			headerWith([], fc.oneof(eventlineColumns, timelineColumns, fc.string({ maxLength: 6 })))
		),
		fc.array(fc.array(plausible, { maxLength: 9 }), { maxLength: 12 })
	)
	.map(([header, rows]) => csvFormatRows([header, ...rows]));

const dateObject = fc.record(
	{
		year: fc.oneof(fc.integer({ min: -100, max: 12_000 }), plausible, fc.double()),
		month: fc.oneof(fc.integer({ min: -1, max: 14 }), plausible),
		day: fc.oneof(fc.integer({ min: 0, max: 32 }), plausible),
		hour: fc.oneof(fc.integer({ min: -1, max: 25 }), plausible),
		minute: fc.integer({ min: -1, max: 61 })
	},
	{ requiredKeys: [] }
);

const timelineJsFile = fc.record(
	{
		title: fc.oneof(
			fc.jsonValue(),
			fc.record({ text: fc.record({ headline: plausible, text: plausible }) })
		),
		events: fc.array(
			fc.oneof(
				fc.jsonValue(),
				fc.record(
					{
						start_date: fc.oneof(dateObject, fc.jsonValue()),
						end_date: dateObject,
						text: fc.record({ headline: plausible, text: plausible }, { requiredKeys: [] }),
						group: plausible,
						unique_id: plausible,
						display_date: plausible,
						media: fc.record({ url: plausible, credit: plausible }, { requiredKeys: [] })
					},
					{ requiredKeys: [] }
				)
			),
			{ maxLength: 8 }
		),
		eras: fc.array(
			fc.record({ start_date: dateObject, end_date: dateObject, text: fc.jsonValue() }),
			{
				maxLength: 3
			}
		)
	},
	{ requiredKeys: ['events'] }
);

const eventlineFile = fc.record(
	{
		title: plausible,
		timeZone: plausible,
		categories: fc.array(fc.record({ id: plausible, label: plausible }), { maxLength: 3 }),
		events: fc.array(
			fc.oneof(
				fc.jsonValue(),
				fc.dictionary(
					fc.oneof(eventlineColumns, fc.constantFrom('summary', 'sources', '__proto__')),
					fc.oneof(plausible, fc.jsonValue())
				)
			),
			{ maxLength: 8 }
		)
	},
	{ requiredKeys: ['events'] }
);

describe('importData never throws and keeps its promises', () => {
	it('for any string', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fileName, run), {
			numRuns: 400
		});
	});

	it('for any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fileName, (value, name) =>
				run(JSON.stringify(value) ?? 'null', name)
			),
			{ numRuns: 400 }
		);
	});

	it('for CSV-ish tables', () => {
		fc.assert(fc.property(table, fileName, run), { numRuns: 400 });
	});

	it('for TimelineJS-shaped JSON', () => {
		fc.assert(
			fc.property(timelineJsFile, (file) => run(JSON.stringify(file))),
			{ numRuns: 300 }
		);
	});

	it('for Eventline-shaped JSON', () => {
		fc.assert(
			fc.property(eventlineFile, (file) => run(JSON.stringify(file))),
			{ numRuns: 300 }
		);
	});

	it('for huge numbers, deep nesting and prototype keys', () => {
		const hostile = [
			'{"events":[{"start_date":{"year":1e308,"month":1e-308}}]}',
			'{"events":[{"id":"a","title":"A","start":"2024","approximate":1e999}]}',
			`{"events":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
			'{"constructor":{"prototype":{"polluted":1}},"events":[{"id":"a","title":"A","start":"2024"}]}',
			'{"__proto__":{"polluted":1},"title":{"__proto__":{"polluted":1}},"events":[{"__proto__":{}}]}',
			'__proto__,constructor,title,start\n1,2,A,2024',
			'Year,Headline,__proto__\n2024,A,{"polluted":1}'
		];
		for (const text of hostile) run(text);
	});
});
