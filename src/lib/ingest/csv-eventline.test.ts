import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importData } from './import';
import type { CsvTable } from './csv';
import { importEventlineRows, type CellRows } from './csv-eventline';
import { batchReader, EventSender, type EventBatch } from './pack';

const read = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url), 'utf8');

describe('Eventline CSV', () => {
	it('imports the sample with every kind of column', () => {
		const outcome = importData(read('eventline.csv'), 'events.csv');
		expect(outcome).toEqual({
			format: 'csv-eventline',
			fatal: [],
			rejected: [],
			notices: [],
			total: 3,
			dataset: {
				events: [
					{
						id: 'launch',
						title: 'Launch of the first thing',
						summary: 'The very first thing.',
						start: '2021-03-01',
						approximate: false,
						category: 'work',
						certainty: 'confirmed',
						actors: ['Alice', 'Bob'],
						places: ['Kyiv'],
						sources: [{ name: 'City Hall', url: 'https://example.org/launch' }]
					},
					{
						id: 'morning-meeting-1',
						title: 'Morning meeting',
						start: '2021-05-12',
						precision: 'part-of-day',
						partOfDay: 'morning',
						approximate: true,
						timeZone: 'Europe/Kyiv',
						category: 'work',
						certainty: 'reported',
						attribution: 'Press office',
						notes: ['Time from a press release']
					},
					{ id: 'third', title: 'Third thing lasts a while', start: '2021-06', end: '2021-08' }
				]
			}
		});
	});

	it('keeps the good rows of a file with two bad ones and says what is wrong with those', () => {
		const outcome = importData(read('partly-broken.csv'));
		expect(outcome.total).toBe(6);
		expect(outcome.dataset?.events.map((e) => e.title)).toEqual([
			'First',
			'Third',
			'Fourth',
			'Sixth'
		]);
		expect(outcome.rejected).toEqual([
			{
				index: 1,
				where: 'row 3',
				title: 'Second',
				issues: [{ path: 'row 3 (start)', message: '"2024-02-30" is not a real date' }],
				raw: ['Second', '2024-02-30', '', 'a', '']
			},
			{
				index: 4,
				where: 'row 6',
				title: 'Fifth',
				issues: [
					{
						path: 'row 6 (approximate)',
						message: '"maybe" is not true or false (write true/false, yes/no or 1/0)'
					},
					{ path: 'row 6 (end)', message: '"2024-05-01" is before start "2024-06-01"' }
				],
				raw: ['Fifth', '2024-06-01', '2024-05-01', 'a', 'maybe']
			}
		]);
		expect(outcome.frame).toEqual({
			kind: 'csv',
			header: ['title', 'start', 'end', 'category', 'approximate']
		});
	});

	describe('reads values spreadsheets write', () => {
		const rows: { name: string; text: string; expected: Record<string, unknown> }[] = [
			{
				name: 'yes/no, 1/0 and TRUE for approximate',
				text: 'title,start,approximate\nA,2021,YES\nB,2021,0\nC,2021,TRUE',
				expected: { approximate: [true, false, true] }
			},
			{
				name: 'lists separated by semicolons',
				text: 'title,start,actors,places\nA,2021, Ann ; Bo;; ,Kyiv',
				expected: { actors: [['Ann', 'Bo']], places: [['Kyiv']] }
			},
			{
				name: 'description as summary',
				text: 'title,start,Description\nA,2021,About A',
				expected: { summary: ['About A'] }
			},
			{
				name: 'loosely spelt column names',
				text: 'Title,Start,Part of day,time_zone,precision\nA,2021-05-01,evening,UTC,part-of-day',
				expected: { partOfDay: ['evening'], timeZone: ['UTC'] }
			},
			{
				name: 'a source link without a name, named by its host',
				text: 'title,start,sourceUrl\nA,2021,https://news.example/a',
				expected: { sources: [[{ name: 'news.example', url: 'https://news.example/a' }]] }
			},
			{
				name: 'a non-http source link, dropped with a note',
				text: 'title,start,source,source url\nA,2021,Paper,javascript:alert(1)',
				expected: {
					sources: [[{ name: 'Paper' }]],
					notes: [['A source link that was not http(s) was removed']]
				}
			},
			{
				name: 'generated ids that never clash with given ones',
				text: 'id,title,start\na-1,A,2021\n,A,2021\n,Київ,2021',
				expected: { id: ['a-1', 'a-1-2', 'event-2'] }
			}
		];
		it.each(rows)('$name', ({ text, expected }) => {
			const outcome = importData(text);
			expect(outcome.rejected).toEqual([]);
			for (const [key, values] of Object.entries(expected)) {
				expect(outcome.dataset?.events.map((e) => e[key as keyof typeof e])).toEqual(values);
			}
		});
	});

	describe('a broken row is rejected, naming its row and column', () => {
		const rows: { name: string; text: string; path: string; message: string }[] = [
			{
				name: 'a date that is not ISO',
				text: 'title,start\nA,17/11/2024',
				path: 'row 2 (start)',
				message:
					'must be an ISO 8601 date such as 2024-11-17, 2024-11-17T06:00, -0043 (44 BCE) or -13800000000'
			},
			{
				name: 'no title',
				text: 'title,start\n,2024',
				path: 'row 2 (title)',
				message: 'is required'
			},
			{
				name: 'a precision finer than the date',
				text: 'title,start,precision\nA,2024-05-01,minute',
				path: 'row 2 (precision)',
				message: '"minute" needs a start with a time, but start is "2024-05-01"'
			},
			{
				name: 'an unknown time zone',
				text: 'title,start,timeZone\nA,2024,Mars/Olympus',
				path: 'row 2 (timeZone)',
				message: '"Mars/Olympus" is not a known IANA time zone'
			},
			{
				name: 'an id Eventline cannot use',
				text: 'id,title,start\nbad id,A,2024',
				path: 'row 2 (id)',
				message: 'must start with a letter or digit and use only letters, digits and . _ : -'
			},
			{
				name: 'a duplicate id',
				text: 'id,title,start\nx,A,2024\nx,B,2024',
				path: 'row 3 (id)',
				message: 'duplicate id "x" (also row 2)'
			},
			{
				name: 'an unknown certainty',
				text: 'title,start,certainty\nA,2024,sure',
				path: 'row 2 (certainty)',
				message: 'expected ("confirmed" | "reported" | "alleged"), got "sure"'
			}
		];
		it.each(rows)('$name', ({ text, path, message }) => {
			const outcome = importData(text);
			expect(outcome.fatal).toEqual([]);
			expect(outcome.rejected.flatMap((r) => r.issues)).toContainEqual({ path, message });
		});
	});

	describe('a header Eventline cannot use is fatal', () => {
		const rows: { name: string; text: string; path: string; message: RegExp }[] = [
			{
				name: 'no start column',
				text: 'title,end\nA,2024',
				path: 'row 1',
				message: /needs a "start" column/
			},
			{
				name: 'a misspelt column',
				text: 'title,start,sumary\nA,2024,x',
				path: 'row 1 (sumary)',
				message: /"sumary" is not a column Eventline knows/
			},
			{
				name: 'summary and description both',
				text: 'title,start,summary,description\nA,2024,x,y',
				path: 'row 1 (description)',
				message: /same column as "summary"/
			},
			{
				name: 'an unnamed column with data',
				text: 'title,start,\nA,2024,x',
				path: 'row 1 (column 3)',
				message: /has no name/
			},
			{
				name: 'a column named __proto__',
				text: 'title,start,__proto__\nA,2024,x',
				path: 'row 1 (__proto__)',
				message: /not a column/
			}
		];
		it.each(rows)('$name', ({ text, path, message }) => {
			const outcome = importData(text);
			expect(outcome.format).toBe('csv-eventline');
			expect(outcome.dataset).toBeUndefined();
			expect(outcome.fatal).toEqual([{ path, message: expect.stringMatching(message) }]);
		});
	});
});

describe('rows that pass as they are', () => {
	// Per column, values a file might hold: good ones, blanks, and each way a cell goes wrong.
	const VALUES: Record<string, string[]> = {
		id: ['a', 'b', 'c', '', ' a ', 'bad id', 'x'.repeat(201)],
		title: ['Strike', '', '  Padded  ', 'Café', 'x'.repeat(300)],
		start: ['2024-11-17', '2024-11-17T06:30', '2024-11', '-0044-03-15', '2024-02-30', 'soon', ''],
		end: ['', '2024-11-18', '2024-11-16', 'later'],
		precision: ['', 'day', 'month', 'minute', 'part-of-day', 'fortnight'],
		partOfDay: ['', 'morning', 'teatime'],
		approximate: ['', 'true', 'No', '1', 'perhaps'],
		timeZone: ['', 'Europe/Kyiv', 'Mars/Olympus'],
		category: ['', 'strike', ' x '],
		actors: ['', 'Russia', 'Russia; Ukraine', ';', 'A;;B'],
		places: ['', 'Kyiv', 'Kyiv; Lviv'],
		certainty: ['', 'confirmed', 'alleged', 'maybe'],
		summary: ['', 'What happened', 's'.repeat(500)],
		notes: ['', 'A note', ';'],
		source: ['', 'Reuters'],
		sourceUrl: ['', 'https://example.org/a', 'javascript:alert(1)']
	};
	const HEADER = Object.keys(VALUES);
	const row = fc.tuple(...HEADER.map((column) => fc.constantFrom(...(VALUES[column] ?? ['']))));

	it('come out exactly as the full check of every row gives them', () => {
		fc.assert(
			fc.property(
				fc.array(row, { minLength: 1, maxLength: 40 }),
				fc.shuffledSubarray(HEADER, { minLength: 2 }),
				(cells, columns) => {
					const kept = ['title', 'start', ...columns.filter((c) => c !== 'title' && c !== 'start')];
					const table: CsvTable = {
						header: kept,
						headerRow: 1,
						rows: cells.map((values, i) => ({
							row: i + 2,
							cells: kept.map((column) => values[HEADER.indexOf(column)] ?? '')
						}))
					};
					const rows: CellRows = {
						length: table.rows.length,
						rowNumber: (i) => table.rows[i]?.row ?? 0,
						cell: (i, column) => table.rows[i]?.cells[column] ?? ''
					};
					const quick = importEventlineRows(table, rows);
					const full = importEventlineRows(table, rows, undefined, { asIs: false });
					expect(quick).toEqual(full);
					// The same events, key for key in the same order, as the page packs them.
					quick.dataset?.events.forEach((event, i) =>
						expect(Object.keys(event)).toEqual(Object.keys(full.dataset?.events[i] ?? {}))
					);
					// Streamed, as the worker reads a file: the page rebuilds the same events.
					const batches: EventBatch[] = [];
					const sender = new EventSender(
						(batch) => batches.push(batch),
						() => {},
						{ batchSize: 7 }
					);
					const streamed = importEventlineRows(table, rows, (events) => sender.add(events));
					sender.flush();
					const read = batchReader();
					const rebuilt = batches.flatMap(read);
					expect(rebuilt).toEqual(full.dataset?.events);
					rebuilt.forEach((event, i) =>
						expect(Object.keys(event)).toEqual(Object.keys(full.dataset?.events[i] ?? {}))
					);
					expect({ ...streamed, dataset: undefined }).toEqual({ ...full, dataset: undefined });
				}
			),
			{ numRuns: 300 }
		);
	});
});
