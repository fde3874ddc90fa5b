import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { importData } from './import';
import { startImport, streamKind } from './stream-import';

const acled = readFileSync(
	new URL('../../../tests/fixtures/import/acled.csv', import.meta.url),
	'utf8'
);
const eventlineCsv = readFileSync(
	new URL('../../../tests/fixtures/import/eventline.csv', import.meta.url),
	'utf8'
);
const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Reads `bytes` as a file called `name`, cut into chunks at `cuts`; CSV is streamed from its first
 * byte unless `wholeCsvBytes` says otherwise.
 */
async function read(name: string, bytes: Uint8Array, cuts: number[] = [], wholeCsvBytes = 0) {
	const reader = startImport(name, {}, { wholeCsvBytes });
	let from = 0;
	for (const cut of [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort(
		(x, y) => x - y
	)) {
		reader.push(bytes.slice(from, cut));
		from = cut;
	}
	reader.push(bytes.slice(from));
	return (await reader.finish()).outcome;
}

/** A small Parquet file written here, never a real export. */
function parquet(columns: Record<string, (string | number | null)[]>) {
	return new Uint8Array(
		parquetWriteBuffer({
			columnData: Object.entries(columns).map(([name, data]) => ({
				name,
				data,
				type: typeof data.find((v) => v !== null) === 'number' ? 'INT32' : 'STRING'
			}))
		})
	);
}

describe('streamKind', () => {
	const PAR1 = utf8('PAR1');
	it.each([
		{ name: 'events.parquet', head: utf8('xxxx'), kind: 'parquet' },
		{ name: 'download', head: PAR1, kind: 'parquet' },
		{ name: 'events.ndjson', head: utf8('{"id'), kind: 'ndjson' },
		{ name: 'events.jsonl', head: utf8('{"id'), kind: 'ndjson' },
		{ name: '/data/acled.CSV?x=1', head: utf8('even'), kind: 'csv' },
		{ name: 'mislabelled.csv', head: utf8('\uFEFF{"e'), kind: 'text' },
		{ name: 'events.json', head: utf8('{"ev'), kind: 'text' }
	])('$name starting "$head" is read as $kind', ({ name, head, kind }) => {
		expect(streamKind(name, head)).toBe(kind);
	});
});

describe('startImport', () => {
	it('reads CSV as a stream exactly as the whole text, wherever the chunks are cut', async () => {
		const whole = importData(acled, 'acled.csv');
		await fc.assert(
			fc.asyncProperty(fc.array(fc.nat({ max: acled.length }), { maxLength: 8 }), async (cuts) => {
				expect(await read('acled.csv', utf8(acled), cuts)).toEqual(whole);
			}),
			{ numRuns: 30 }
		);
	});

	it('streams semicolon and tab separated files as the whole text reads them', async () => {
		for (const separator of [';', '\t']) {
			const text = eventlineCsv.replace(/,/g, separator);
			const whole = importData(text, 'events.csv');
			expect(whole.dataset?.events.length).toBeGreaterThan(0);
			expect(await read('events.csv', utf8(text), [3, 40])).toEqual(whole);
		}
	});

	it('reads a small Windows-1252 CSV whole, so its accents come out right', async () => {
		const text = 'titre;date\nFête du village;2024-06-21\n';
		const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
		const outcome = await read('fete.csv', bytes, [5], 1024);
		expect(outcome.mapping?.header ?? outcome.dataset?.events.map((e) => e.title)).toContain(
			outcome.mapping ? 'titre' : 'Fête du village'
		);
		const rows = outcome.mapping ? JSON.stringify(outcome) : '';
		expect(rows).not.toContain('\uFFFD');
	});

	it('reads an Eventline CSV with a byte order mark and CRLF as the whole text', async () => {
		const crlf = `\uFEFF${eventlineCsv.replace(/\n/g, '\r\n')}`;
		const outcome = await read('events.csv', utf8(crlf), [1, 2, 50]);
		expect(outcome).toEqual(importData(eventlineCsv, 'events.csv'));
	});

	it('reads NDJSON line by line, across chunks', async () => {
		const text = ['a', 'b', 'c']
			.map((id, i) => JSON.stringify({ id, title: `Événement ${id}`, start: `2024-05-0${i + 1}` }))
			.join('\r\n');
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.nat({ max: text.length + 10 }), { maxLength: 6 }),
				async (cuts) => {
					const outcome = await read('events.ndjson', utf8(text), cuts);
					expect(outcome.dataset?.events.map((e) => [e.id, e.title])).toEqual([
						['a', 'Événement a'],
						['b', 'Événement b'],
						['c', 'Événement c']
					]);
				}
			),
			{ numRuns: 30 }
		);
	});

	it('reads a Parquet file with Eventline columns, known by its magic bytes', async () => {
		const bytes = parquet({
			id: ['p1', 'p2', 'p3'],
			title: ['Parquet one', 'Parquet two', 'Parquet three'],
			start: ['2024-01-01', '2024-02', '2024-03-03T10:00'],
			category: ['x', 'y', null],
			actors: ['A; B', null, 'C']
		});
		const outcome = await read('download', bytes, [3, 100]);
		expect(outcome.format).toBe('parquet');
		expect(outcome.rejected).toEqual([]);
		expect(outcome.dataset?.events).toEqual([
			{ id: 'p1', title: 'Parquet one', start: '2024-01-01', category: 'x', actors: ['A', 'B'] },
			{ id: 'p2', title: 'Parquet two', start: '2024-02', category: 'y' },
			{ id: 'p3', title: 'Parquet three', start: '2024-03-03T10:00', actors: ['C'] }
		]);
	});

	it('reads an ACLED export saved as Parquet as it reads the CSV', async () => {
		const [header = [], ...rows] = acled.trim().split('\n').map(splitCsvLine);
		const numeric = new Set(['time_precision', 'fatalities', 'year', 'inter1', 'inter2']);
		const columns = Object.fromEntries(
			header.map((name, i) => [
				name,
				rows.map((row) => (numeric.has(name) ? Number(row[i]) : (row[i] ?? '')))
			])
		);
		const outcome = await read('acled.parquet', parquet(columns));
		const fromCsv = importData(acled, 'acled.csv');
		expect(outcome.format).toBe('acled');
		expect(outcome.dataset?.events).toEqual(fromCsv.dataset?.events);
	});

	it('says a file named .parquet that is not one could not be read', async () => {
		const outcome = await read('broken.parquet', utf8('not parquet at all'));
		expect(outcome.fatal[0]?.message).toMatch(/^This Parquet file could not be read/);
	});
});

/** Splits one line of the fixture (quoted cells without line breaks) into cells. */
function splitCsvLine(line: string): string[] {
	const cells: string[] = [];
	const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
	for (const match of line.matchAll(pattern)) {
		const raw = match[1] ?? '';
		cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
		if (match[2] === '') break;
	}
	return cells;
}
