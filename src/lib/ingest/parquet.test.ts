import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer/src/types.js';
import fc from 'fast-check';
import { parquetMetadata } from 'hyparquet';
import { sum } from 'd3-array';
import {
	importParquet,
	importParquetRecords,
	sharedSplit,
	stringFromBytes,
	type ParquetHelper
} from './parquet';

/** A small Parquet file written here: each column as hyparquet-writer stores it by default. */
function parquet(
	columnData: ColumnSource[],
	options: { rowGroupSize?: number | number[] } = {}
): ArrayBuffer {
	const bytes = parquetWriteBuffer({ columnData, ...options });
	return bytes.slice(0);
}

const text = (name: string, data: (string | null)[]): ColumnSource => ({
	name,
	data,
	type: 'STRING'
});

/** A schema element as the writer takes it. */
type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];

/** A column stored as its schema elements say: the column's own (`stored`) and those inside it. */
interface StoredColumn {
	name: string;
	data: unknown[];
	stored: Omit<SchemaElement, 'name'>;
	inside?: SchemaElement[];
}

/** A Parquet file whose columns are stored as each says, every one of them optional. */
function storedParquet(columns: StoredColumn[]): ArrayBuffer {
	const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }];
	for (const { name, stored, inside = [] } of columns) {
		schema.push({ name, repetition_type: 'OPTIONAL', ...stored }, ...inside);
	}
	const columnData = columns.map(({ name, data }) => ({ name, data }));
	return parquetWriteBuffer({ columnData, schema }).slice(0);
}

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8' } as const;
/** Parquet's LIST of optional strings, as data tools write lists. */
const LIST_OF_STRINGS = {
	stored: { num_children: 1, converted_type: 'LIST', logical_type: { type: 'LIST' } },
	inside: [
		{ name: 'list', repetition_type: 'REPEATED', num_children: 1 },
		{ name: 'element', repetition_type: 'OPTIONAL', ...STRING }
	]
} as const satisfies Omit<StoredColumn, 'name' | 'data'>;

describe('importParquet', () => {
	it('sets aside a bad record under its record number, with the same message as CSV gives', async () => {
		const outcome = await importParquet(
			parquet([
				text('title', ['First', 'Second', 'Third', 'Fourth']),
				text('start', ['2024-01-01', '2024-02-30', '2024-03-01', '2024-06-01']),
				text('end', [null, null, null, '2024-05-01']),
				text('approximate', ['yes', null, 'no', 'maybe'])
			])
		);
		expect(outcome.format).toBe('parquet');
		expect(outcome.total).toBe(4);
		expect(outcome.dataset?.events.map((e) => [e.id, e.title, e.approximate])).toEqual([
			['first-0', 'First', true],
			['third-2', 'Third', false]
		]);
		expect(outcome.rejected).toEqual([
			{
				index: 1,
				where: 'row 2',
				title: 'Second',
				issues: [{ path: 'row 2 (start)', message: '"2024-02-30" is not a real date' }],
				raw: ['Second', '2024-02-30', '', '']
			},
			{
				index: 3,
				where: 'row 4',
				title: 'Fourth',
				issues: [
					{
						path: 'row 4 (approximate)',
						message: '"maybe" is not true or false (write true/false, yes/no or 1/0)'
					},
					{ path: 'row 4 (end)', message: '"2024-05-01" is before start "2024-06-01"' }
				],
				raw: ['Fourth', '2024-06-01', '2024-05-01', 'maybe']
			}
		]);
		expect(outcome.frame).toEqual({
			kind: 'csv',
			header: ['title', 'start', 'end', 'approximate']
		});
	});

	it('numbers records across row groups, and names a duplicate id where it first was', async () => {
		const outcome = await importParquet(
			parquet(
				[
					text('id', ['a', 'b', 'c', 'a', 'e']),
					text('title', ['A', 'B', 'C', 'D', 'E']),
					text('start', ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', 'soon'])
				],
				{ rowGroupSize: 2 }
			)
		);
		expect(outcome.dataset?.events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
		expect(
			outcome.rejected.map((r) => [r.where, r.issues.map((i) => i.path + ': ' + i.message)])
		).toEqual([
			['row 4', ['row 4 (id): duplicate id "a" (also row 1)']],
			[
				'row 5',
				[
					'row 5 (start): must be an ISO 8601 date such as 2024-11-17, 2024-11-17T06:00, -0043 (44 BCE) or -13800000000',
					'row 5 (start): "soon" is not a real date'
				]
			]
		]);
	});

	it('hands accepted events on in file order as it checks them, with the same set-aside rows', async () => {
		const count = 12_001;
		const starts = Array.from({ length: count }, (_, i) =>
			i === 7_000 ? '2024-02-30' : `2024-01-${String((i % 28) + 1).padStart(2, '0')}`
		);
		const file = parquet([
			text(
				'id',
				starts.map((_, i) => `e${i}`)
			),
			text(
				'title',
				starts.map((_, i) => `Event ${i}`)
			),
			text('start', starts)
		]);
		const whole = await importParquet(file);
		const runs: string[][] = [];
		const streamed = await importParquet(file, (events) => runs.push(events.map((e) => e.id)));
		expect(runs.length).toBeGreaterThan(1);
		expect(runs.flat()).toEqual(whole.dataset?.events.map((e) => e.id));
		expect(runs.flat()).toHaveLength(count - 1);
		expect(streamed.dataset?.events).toEqual([]);
		expect(streamed.rejected).toEqual(whole.rejected);
		expect(streamed.rejected.map((r) => r.where)).toEqual(['row 7001']);
		expect(streamed.total).toBe(count);
	});

	it('reads DATE, TIMESTAMP and BOOLEAN columns as the dates and answers they hold', async () => {
		const outcome = await importParquet(
			storedParquet([
				{ name: 'title', data: ['Day', 'Moment'], stored: STRING },
				{
					name: 'start',
					data: [new Date('2024-01-02T00:00:00Z'), new Date('2024-01-02T10:30:00Z')],
					stored: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }
				},
				{
					name: 'end',
					data: [new Date('2024-01-05T00:00:00Z'), null],
					stored: { type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } }
				},
				{ name: 'approximate', data: [true, null], stored: { type: 'BOOLEAN' } }
			])
		);
		expect(outcome.rejected).toEqual([]);
		expect(outcome.dataset?.events).toEqual([
			{ id: 'day-0', title: 'Day', start: '2024-01-02', end: '2024-01-05', approximate: true },
			{ id: 'moment-1', title: 'Moment', start: '2024-01-02T10:30:00Z' }
		]);
	});

	it('reads list columns, Parquet LIST or JSON, as the lists of people and places', async () => {
		const outcome = await importParquet(
			storedParquet([
				{ name: 'title', data: ['One', 'Two', 'Three'], stored: STRING },
				{ name: 'start', data: ['2024-01-01', '2024-01-02', '2024-01-03'], stored: STRING },
				{ name: 'actors', data: [['Ann', ' Bo '], null, []], ...LIST_OF_STRINGS },
				{
					name: 'places',
					data: [null, ['Kyiv', ''], ['Lviv']],
					stored: { type: 'BYTE_ARRAY', converted_type: 'JSON' }
				}
			])
		);
		expect(outcome.rejected).toEqual([]);
		expect(outcome.dataset?.events.map((e) => [e.actors, e.places])).toEqual([
			[['Ann', 'Bo'], undefined],
			[undefined, ['Kyiv']],
			[undefined, ['Lviv']]
		]);
	});

	it('asks which column holds what when the columns are not Eventline’s', async () => {
		const outcome = await importParquet(
			parquet([text('label', ['A', 'B']), text('occurred', ['2024-01-01', '2024-01-02'])])
		);
		expect(outcome.dataset).toBeUndefined();
		expect(outcome.mapping?.header).toEqual(['label', 'occurred']);
		expect(outcome.fatal[0]?.message).toMatch(
			/^its columns \(label, occurred\) are not Eventline's/
		);
	});

	it('says which column is missing when one Eventline needs is not there', async () => {
		const outcome = await importParquet(parquet([text('title', ['A']), text('category', ['x'])]));
		expect(outcome.dataset).toBeUndefined();
		expect(outcome.fatal).toContainEqual({ path: 'row 0', message: 'needs a "start" column' });
	});
});

describe('stringFromBytes', () => {
	const decoder = new TextDecoder();
	it('gives the text TextDecoder gives, for any bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				expect(stringFromBytes(bytes)).toBe(decoder.decode(bytes));
			}),
			{ numRuns: 2000 }
		);
	});

	it('reads back any text, short or long, ASCII or not', () => {
		const encoder = new TextEncoder();
		fc.assert(
			fc.property(
				fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 400 })),
				(text) => {
					expect(stringFromBytes(encoder.encode(text))).toBe(text);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it("keeps a Parquet file's non-ASCII titles as they were written", async () => {
		const outcome = await importParquet(
			parquet([text('title', ['Żółta łódź', 'Plain']), text('start', ['2024-01-01', '2024-01-02'])])
		);
		expect(outcome.dataset?.events.map((e) => e.title)).toEqual(['Żółta łódź', 'Plain']);
	});
});

describe('a large file shared with a helper', () => {
	/**
	 * A helper on this thread, as the second data worker would be: it reads its records with the
	 * same importer, its events kept apart (as the page keeps them, from its own port).
	 */
	function helperOnThisThread({ fails = false } = {}) {
		const log = { mine: [] as string[], theirs: [] as string[], discarded: 0, released: 0 };
		const helper: ParquetHelper = {
			read(bytes, from, to) {
				const outcome = fails
					? Promise.reject(new Error('the helper stopped'))
					: importParquetRecords(bytes, from, to, (events) =>
							log.theirs.push(...events.map((e) => e.id))
						).then((read) => ({ outcome: read, sent: log.theirs.length }));
				return { started: Promise.resolve(), outcome };
			},
			discard() {
				log.discarded++;
				log.mine = [];
				log.theirs = [];
			},
			release() {
				log.released++;
			}
		};
		return { helper, log };
	}

	/** A file of `count` events in row groups of 100, with `change` applied to its columns. */
	type Columns = Record<'id' | 'title' | 'start' | 'actors', string[]>;
	function eventsFile(count: number, change: (columns: Columns) => void = () => {}) {
		const columns: Columns = {
			id: Array.from({ length: count }, (_, i) => `e${i}`),
			title: Array.from({ length: count }, (_, i) => `Event ${i}`),
			start: Array.from(
				{ length: count },
				(_, i) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 10}`
			),
			actors: Array.from({ length: count }, (_, i) => (i % 3 ? 'Army; Police' : 'Militia'))
		};
		change(columns);
		return parquet(
			Object.entries(columns).map(([name, data]) => text(name, data)),
			{ rowGroupSize: 100 }
		);
	}

	/** The file read on one thread, and shared, with what each sent. */
	async function bothWays(file: ArrayBuffer, { fails = false } = {}) {
		const alone: string[] = [];
		const whole = await importParquet(file, (events) => alone.push(...events.map((e) => e.id)));
		const { helper, log } = helperOnThisThread({ fails });
		const shared = await importParquet(
			file,
			(events) => log.mine.push(...events.map((e) => e.id)),
			{
				helper,
				records: 10
			}
		);
		return { whole, alone, shared, log };
	}

	it('comes to the same outcome as reading it alone: events, set-aside rows and their cells', async () => {
		const file = eventsFile(1000, (columns) => {
			columns.start[12] = 'someday';
			columns.start[700] = '2024-13-01';
			columns.id[701] = 'e700';
			columns.title[999] = '';
		});
		const { whole, alone, shared, log } = await bothWays(file);
		expect(log.discarded).toBe(0);
		expect(log.released).toBe(1);
		// Both threads had a share.
		expect(log.mine.length).toBeGreaterThan(300);
		expect(log.theirs.length).toBeGreaterThan(300);
		expect([...log.mine, ...log.theirs]).toEqual(alone);
		expect(shared).toEqual(whole);
		expect(shared.rejected.map((r) => r.where)).toEqual([
			'row 13',
			'row 701',
			'row 702',
			'row 1000'
		]);
		expect(shared.rejected[2]?.raw).toEqual(['e700', 'Event 701', '2024-06-11', 'Army; Police']);
	});

	it('reads the file again alone when an id is used on both sides of the split', async () => {
		const file = eventsFile(1000, (columns) => (columns.id[900] = 'e3'));
		const { whole, alone, shared, log } = await bothWays(file);
		expect(log.discarded).toBe(1);
		expect(log.mine).toEqual(alone);
		expect(log.theirs).toEqual([]);
		expect(shared).toEqual(whole);
		expect(shared.rejected[0]?.issues.map((issue) => issue.message)).toEqual([
			'duplicate id "e3" (also row 4)'
		]);
	});

	it('reads the file again alone when a row has no id (made ids depend on every id of the file)', async () => {
		for (const row of [5, 950]) {
			const file = eventsFile(1000, (columns) => (columns.id[row] = ' '));
			const { whole, alone, shared, log } = await bothWays(file);
			expect(log.discarded).toBe(1);
			expect(log.mine).toEqual(alone);
			expect(shared).toEqual(whole);
		}
	});

	it('reads the file alone when the helper fails', async () => {
		const { whole, alone, shared, log } = await bothWays(eventsFile(500), { fails: true });
		expect(log.discarded).toBe(1);
		expect(log.mine).toEqual(alone);
		expect(shared).toEqual(whole);
	});

	it('is not shared when small, in one row group, or not of Eventline columns', async () => {
		const header = ['id', 'title', 'start'];
		const metadata = (groups: number[]) =>
			parquetMetadata(
				parquet(
					header.map((name) =>
						text(
							name,
							Array.from({ length: sum(groups) }, () => 'x')
						)
					),
					{ rowGroupSize: groups }
				)
			);
		expect(sharedSplit(metadata([100, 100]), header, 10)).toBe(100);
		expect(sharedSplit(metadata([100, 100]), header, 1000)).toBeUndefined();
		expect(sharedSplit(metadata([200]), header, 10)).toBeUndefined();
		expect(sharedSplit(metadata([100, 100]), ['title', 'start'], 10)).toBeUndefined();
		expect(
			sharedSplit(metadata([100, 100]), ['event_id_cnty', 'event_date', 'event_type'], 10)
		).toBeUndefined();
		// The boundary nearest a little under half of the records.
		expect(
			sharedSplit(metadata([100, 100, 100, 100, 100, 100, 100, 100, 100, 100]), header, 10)
		).toBe(500);
		expect(sharedSplit(metadata([300, 300, 400]), header, 10)).toBe(600);
	});
});
