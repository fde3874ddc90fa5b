/**
 * The tile builder on small files written here (NDJSON, Eventline CSV, Parquet and an ACLED export,
 * with rows that must be set aside): what the page reads from the tile set adds up to what the
 * importer accepted, every event is stored once where docs/tiles.md says, the top events follow
 * the rank, and the SQL DuckDB ran is tiles.sql as it is.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventTime } from '$lib/model/dates';
import type { TimelineEvent } from '$lib/model/schema';
import { PRECISION_ORDER } from '$lib/model/timeline';
import { TILES_SQL, buildTiles, type BuildResult, type Manifest } from './build';
import { CERTAINTY_RANK } from './stage';

const LANES = ['shelling', 'protest', 'diplomacy'];
const CERTAINTIES = ['confirmed', 'reported', 'alleged', undefined];

/** Deterministic varied events: three lanes, every precision, spans, certainties, sources, summaries. */
function fixtureEvents(
	prefix: string,
	count: number,
	offsetDays: number
): Record<string, unknown>[] {
	return Array.from({ length: count }, (_, i) => {
		const day = offsetDays + ((i * 7) % 23);
		const date = new Date(Date.UTC(2024, 2, 1 + day, (i * 5) % 24, (i * 13) % 60));
		const iso = date.toISOString();
		const kind = i % 6;
		const start =
			kind === 0
				? iso.slice(0, 16)
				: kind === 1
					? iso.slice(0, 13) + ':00'
					: kind === 4
						? iso.slice(0, 7)
						: iso.slice(0, 10);
		const certainty = CERTAINTIES[i % 4];
		return {
			id: `${prefix}-${i}`,
			title: `${prefix} event ${i}`,
			start,
			...(kind === 1 ? { precision: 'hour' } : {}),
			...(kind === 2 ? { precision: 'part-of-day', partOfDay: 'morning' } : {}),
			...(kind === 3 && i % 4 === 3
				? { end: new Date(date.getTime() + 5 * 86_400_000).toISOString().slice(0, 10) }
				: {}),
			category: LANES[i % 3],
			...(certainty ? { certainty } : {}),
			...(i % 5 ? { summary: 'x'.repeat((i * 11) % 40) } : {})
		};
	});
}

interface Written {
	dir: string;
	inputs: string[];
	/** Ids the importer should accept. */
	accepted: Set<string>;
}

/** Writes the four inputs; each holds good rows and rows that must be set aside. */
function writeInputs(): Written {
	const dir = mkdtempSync(join(tmpdir(), 'tiles-test-'));
	const accepted = new Set<string>();

	const ndjsonEvents = fixtureEvents('nd', 30, 0);
	ndjsonEvents.forEach((e) => accepted.add(String(e.id)));
	const ndjsonLines = ndjsonEvents.map((e) => JSON.stringify(e));
	// line 3: not JSON; line 6: blank (kept in the numbering); line 8: no title; line 10: a bad date
	ndjsonLines.splice(2, 0, '{"id": "broken", ');
	ndjsonLines.splice(5, 0, '');
	ndjsonLines.splice(7, 0, JSON.stringify({ id: 'untitled', start: '2024-03-02' }));
	ndjsonLines.splice(9, 0, JSON.stringify({ id: 'baddate', title: 'Bad', start: '2024-13-45' }));
	writeFileSync(join(dir, 'events.ndjson'), ndjsonLines.join('\n') + '\n');

	// Eventline CSV: row 4 has a bad date; row 6 repeats an id the NDJSON file already has.
	const csvEvents = fixtureEvents('csv', 12, 30);
	const csvRows = csvEvents.map((e) => {
		accepted.add(String(e.id));
		return [
			e.id,
			e.title,
			e.start,
			e.end ?? '',
			e.category,
			e.certainty ?? '',
			e.summary ?? '',
			`Source ${e.id}`
		];
	});
	csvRows.splice(2, 0, ['csv-bad', 'Bad date', 'yesterday', '', 'protest', '', '', '']);
	csvRows.splice(4, 0, ['nd-1', 'Repeated id', '2024-04-01', '', 'protest', '', '', '']);
	const csvText = [
		'id,title,start,end,category,certainty,summary,source',
		...csvRows.map((cells) => cells.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(','))
	].join('\n');
	writeFileSync(join(dir, 'events.csv'), csvText + '\n');

	// Parquet with Eventline's CSV columns; record 2 has no start.
	const parquetEvents = fixtureEvents('pq', 10, 45);
	parquetEvents.forEach((e) => accepted.add(String(e.id)));
	const records = [...parquetEvents];
	records.splice(1, 0, { id: 'pq-nostart', title: 'No start', category: 'protest' });
	const columns = [
		'id',
		'title',
		'start',
		'end',
		'precision',
		'partOfDay',
		'category',
		'certainty',
		'summary'
	];
	const columnData = columns.map((name) => ({
		name,
		type: 'STRING' as const,
		data: records.map((r) => (r[name] === undefined ? null : String(r[name])))
	}));
	writeFileSync(join(dir, 'events.parquet'), new Uint8Array(parquetWriteBuffer({ columnData })));

	// An ACLED export as Parquet: day, week and month precision; record 3 has an unknown code.
	const acled = [
		[
			'ACL1',
			'2024-03-20',
			'1',
			'Battles',
			'Armed clash',
			'Army',
			'Kharkiv',
			'Ukraine',
			'Clash reported',
			'Kyiv Independent; Reuters',
			'2'
		],
		[
			'ACL2',
			'2024-03-21',
			'2',
			'Protests',
			'Peaceful protest',
			'Protesters',
			'Lviv',
			'Ukraine',
			'',
			'Local media',
			'0'
		],
		[
			'ACL3',
			'2024-03-22',
			'7',
			'Protests',
			'Peaceful protest',
			'Protesters',
			'Lviv',
			'Ukraine',
			'',
			'Local media',
			'0'
		],
		[
			'ACL4',
			'2024-03-15',
			'3',
			'Battles',
			'Shelling',
			'Army',
			'Sumy',
			'Ukraine',
			'Shelling over the month',
			'OSINT',
			'1'
		]
	];
	const acledColumns = [
		'event_id_cnty',
		'event_date',
		'time_precision',
		'event_type',
		'sub_event_type',
		'actor1',
		'location',
		'country',
		'notes',
		'source',
		'fatalities'
	];
	accepted.add('ACL1').add('ACL2').add('ACL4');
	writeFileSync(
		join(dir, 'acled.parquet'),
		new Uint8Array(
			parquetWriteBuffer({
				columnData: acledColumns.map((name, i) => ({
					name,
					type: 'STRING' as const,
					data: acled.map((row) => row[i] ?? null)
				}))
			})
		)
	);
	return {
		dir,
		inputs: ['events.ndjson', 'events.csv', 'events.parquet', 'acled.parquet'].map((name) =>
			join(dir, name)
		),
		accepted
	};
}

/** An event as the page places it: outer start and end (UTC, which is these files' wall clock). */
function placed(event: TimelineEvent) {
	const time = eventTime(event, event.timeZone ?? 'UTC');
	if (!time) throw new Error(`${event.id} has no time`);
	return { event, s: time.outer.start, e: time.outer.end, precision: time.precision };
}

interface CountRow {
	lane: string;
	b: number;
	n: number;
	p: number[];
	first: number;
	last: number;
	top: TimelineEvent[];
}

function readTiles(out: string, manifest: Manifest) {
	const counts = new Map<number, { t: number; rows: CountRow[] }[]>();
	const stored: { z: number; t: number; event: TimelineEvent; line: number }[] = [];
	for (const level of manifest.levels) {
		const countDir = join(out, 'counts', String(level.z));
		const tiles = readdirSync(countDir).map((name) => {
			const tile = JSON.parse(readFileSync(join(countDir, name), 'utf8')) as {
				z: number;
				t: number;
				rows: CountRow[];
			};
			expect(`${tile.t}.json`).toBe(name);
			expect(tile.z).toBe(level.z);
			return tile;
		});
		expect(tiles.length).toBe(level.tiles);
		counts.set(level.z, tiles);
		let events = 0;
		for (const name of readdirSync(join(out, 'events')).includes(String(level.z))
			? readdirSync(join(out, 'events', String(level.z)))
			: []) {
			const lines = readFileSync(join(out, 'events', String(level.z), name), 'utf8')
				.trimEnd()
				.split('\n');
			lines.forEach((line, i) =>
				stored.push({
					z: level.z,
					t: Number(name.replace('.ndjson', '')),
					event: JSON.parse(line) as TimelineEvent,
					line: i
				})
			);
			events += lines.length;
		}
		expect(events).toBe(level.events);
	}
	return { counts, stored };
}

const rankKey = (e: TimelineEvent) => {
	const certainty = CERTAINTY_RANK.indexOf(e.certainty as (typeof CERTAINTY_RANK)[number]);
	return [certainty === -1 ? 3 : certainty, -(e.sources?.length ?? 0), -(e.summary?.length ?? 0)];
};
function byRank(a: TimelineEvent, b: TimelineEvent) {
	const x = rankKey(a);
	const y = rankKey(b);
	for (let i = 0; i < x.length; i++)
		if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

describe('npm run tiles', () => {
	let written: Written;
	let out: string;
	let result: BuildResult;
	let manifest: Manifest;
	let tiles: ReturnType<typeof readTiles>;
	let events: ReturnType<typeof placed>[];

	beforeAll(async () => {
		written = writeInputs();
		out = join(written.dir, 'tiles');
		// A handful of events per tile at the deepest level, so the pyramid has several levels.
		result = await buildTiles({
			inputs: written.inputs,
			out,
			maxTileEvents: 4,
			minTileEvents: 1,
			queryLog: true,
			threads: 1
		});
		if (!result.manifest) throw new Error('no manifest');
		manifest = result.manifest;
		tiles = readTiles(out, manifest);
		events = tiles.stored.map(({ event }) => placed(event));
	}, 120_000);

	it('accepts what the importer accepts and sets the rest aside, each with its place', () => {
		expect(new Set(tiles.stored.map((s) => s.event.id))).toEqual(written.accepted);
		expect(manifest.events).toBe(written.accepted.size);
		const report = readFileSync(join(out, manifest.report), 'utf8')
			.trimEnd()
			.split('\n')
			.map(
				(line) =>
					JSON.parse(line) as {
						where: string;
						issues: { path: string; message: string }[];
						raw: unknown;
					}
			);
		expect(manifest.setAside).toBe(report.length);
		const where = report.map((r) => r.where).sort();
		expect(where).toEqual(
			[
				'events.ndjson line 3',
				'events.ndjson line 8',
				'events.ndjson line 10',
				'events.csv row 4',
				'events.csv row 6',
				'events.parquet row 2',
				'acled.parquet row 3'
			].sort()
		);
		const find = (place: string) => report.find((r) => r.where === place);
		expect(find('events.ndjson line 3')?.issues[0]?.message).toMatch(/not valid JSON/);
		expect(find('events.ndjson line 3')?.raw).toBe('{"id": "broken", ');
		expect(
			find('events.ndjson line 8')
				?.issues.map((i) => i.path)
				.join()
		).toMatch(/title/);
		expect(find('events.csv row 6')?.issues[0]?.message).toBe(
			'duplicate id "nd-1" (also events.ndjson line 2)'
		);
		expect(find('events.csv row 4')?.raw).toEqual([
			'csv-bad',
			'Bad date',
			'yesterday',
			'',
			'protest',
			'',
			'',
			''
		]);
		expect(find('acled.parquet row 3')?.issues[0]?.path).toBe(
			'acled.parquet row 3 (time_precision)'
		);
	});

	it('maps the ACLED export as the page does: week code over seven days, month code over the month', () => {
		const week = events.find((e) => e.event.id === 'ACL2');
		const month = events.find((e) => e.event.id === 'ACL4');
		expect(week && (week.e - week.s) / 86_400_000).toBe(7);
		expect(month?.event.start).toBe('2024-03');
		expect(events.find((e) => e.event.id === 'ACL1')?.event.category).toBe('Battles');
	});

	it('counts every accepted event once at every level, lane by lane', () => {
		const perLane = new Map<string, number>();
		for (const e of events)
			perLane.set(
				e.event.category ?? 'uncategorised',
				(perLane.get(e.event.category ?? 'uncategorised') ?? 0) + 1
			);
		expect(Object.fromEntries(manifest.lanes.map((l) => [l.id, l.events]))).toEqual(
			Object.fromEntries(perLane)
		);
		expect(manifest.levels.length).toBeGreaterThan(2);
		for (const level of manifest.levels) {
			const rows = (tiles.counts.get(level.z) ?? []).flatMap((tile) => tile.rows);
			expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(manifest.events);
			for (const [lane, n] of perLane) {
				expect(rows.filter((row) => row.lane === lane).reduce((sum, row) => sum + row.n, 0)).toBe(
					n
				);
			}
		}
	});

	it('puts each event in the bucket of its midpoint, with the precision mix, ends and top events by rank', () => {
		const { origin, buckets } = manifest;
		for (const level of manifest.levels) {
			for (const tile of tiles.counts.get(level.z) ?? []) {
				for (const row of tile.rows) {
					const from = origin + (tile.t * buckets + row.b) * level.bucketMs;
					const inBucket = events.filter((e) => {
						const mid = (e.s + e.e) / 2;
						return (
							(e.event.category ?? 'uncategorised') === row.lane &&
							mid >= from &&
							mid < from + level.bucketMs
						);
					});
					expect(row.n).toBe(inBucket.length);
					expect(row.p).toEqual(
						PRECISION_ORDER.map((p) => inBucket.filter((e) => e.precision === p).length)
					);
					expect(row.first).toBe(Math.min(...inBucket.map((e) => e.s)));
					expect(row.last).toBe(Math.max(...inBucket.map((e) => e.e)));
					const expected = inBucket
						.map((e) => e.event)
						.sort(byRank)
						.slice(0, manifest.top);
					expect(row.top).toEqual(expected);
				}
			}
		}
	});

	it('stores every event once, at the deepest level whose tiles are as long as it is, in the tile of its start', () => {
		const deepest = manifest.levels.length - 1;
		expect(tiles.stored.length).toBe(manifest.events);
		for (const { z, t, event } of tiles.stored) {
			const { s, e } = placed(event);
			const fits = manifest.levels.filter((level) => level.tileMs >= e - s).map((level) => level.z);
			expect(z).toBe(Math.min(deepest, Math.max(0, ...fits)));
			const level = manifest.levels[z];
			expect(t).toBe(Math.floor((s - manifest.origin) / (level?.tileMs ?? NaN)));
		}
	});

	it('writes each event tile in time order (start, end, id)', () => {
		const tileOf = new Map<string, ReturnType<typeof placed>[]>();
		for (const { z, t, event } of tiles.stored) {
			const key = `${z}/${t}`;
			tileOf.set(key, [...(tileOf.get(key) ?? []), placed(event)]);
		}
		for (const list of tileOf.values()) {
			const sorted = [...list].sort(
				(a, b) => a.s - b.s || a.e - b.e || (a.event.id < b.event.id ? -1 : 1)
			);
			expect(list.map((e) => e.event.id)).toEqual(sorted.map((e) => e.event.id));
		}
	});

	it('writes a manifest that says what the tile set is and how it was built', () => {
		expect(manifest).toMatchObject({
			format: 'eventline-tiles',
			version: 1,
			buckets: 256,
			top: 3,
			report: 'set-aside.ndjson'
		});
		expect(manifest.extent).toEqual([
			Math.min(...events.map((e) => e.s)),
			Math.max(...events.map((e) => e.e))
		]);
		expect(manifest.levels[0]?.tiles).toBe(1);
		manifest.levels.forEach((level, z) => {
			expect(level.tileMs).toBe((manifest.levels[0]?.tileMs ?? 0) / 4 ** z);
			expect(level.bucketMs).toBe(level.tileMs / 256);
		});
		expect(manifest.build.engine).toMatch(/^DuckDB \d+\.\d+\.\d+/);
		expect(manifest.build.bytes).toBeGreaterThan(0);
		const onDisk = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
		expect(onDisk).toEqual(manifest);
	});

	it('runs exactly the statements of scripts/tiles/tiles.sql, in order', () => {
		const sql = readFileSync(TILES_SQL, 'utf8');
		// DuckDB logs each statement as the text between the file's semicolons.
		expect(result.queryLog.length).toBeGreaterThan(5);
		expect(result.queryLog.join(';')).toBe(sql);
	});
});

describe('npm run tiles --staging', () => {
	it('writes the accepted events as tiles.sql takes them, for another engine to tile', async () => {
		const written = writeInputs();
		const staging = join(written.dir, 'staging.parquet');
		const result = await buildTiles({
			inputs: written.inputs,
			out: join(written.dir, 'report'),
			staging,
			threads: 1
		});
		expect(result.manifest).toBeUndefined();
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		const rows = (
			await connection.runAndReadAll(`SELECT id, lane, s, e, event FROM '${staging}' ORDER BY ord`)
		).getRowObjectsJS();
		connection.closeSync();
		instance.closeSync();
		expect(new Set(rows.map((row) => row.id))).toEqual(written.accepted);
		const acl2 = rows.find((row) => row.id === 'ACL2');
		expect(acl2?.lane).toBe('Protests');
		expect((Number(acl2?.e) - Number(acl2?.s)) / 86_400_000).toBe(7);
		expect(JSON.parse(String(acl2?.event))).toMatchObject({ id: 'ACL2', approximate: true });
	}, 120_000);
});

describe('how deep the levels go', () => {
	it('stops before tiles hold fewer events on average than --min-tile-events', async () => {
		const written = writeInputs();
		const deep = await buildTiles({
			inputs: written.inputs,
			out: join(written.dir, 'deep'),
			maxTileEvents: 4,
			minTileEvents: 1,
			threads: 1
		});
		const shallow = await buildTiles({
			inputs: written.inputs,
			out: join(written.dir, 'shallow'),
			maxTileEvents: 4,
			minTileEvents: 10,
			threads: 1
		});
		const levels = (result: BuildResult) => result.manifest?.levels ?? [];
		expect(levels(shallow).length).toBeLessThan(levels(deep).length);
		// The deepest level kept still stores at least 10 events an event tile on average.
		const last = levels(shallow).at(-1);
		const files = readdirSync(join(written.dir, 'shallow', 'events', String(last?.z))).length;
		expect((last?.events ?? 0) / files).toBeGreaterThanOrEqual(10);
		expect(levels(shallow).reduce((sum, level) => sum + level.events, 0)).toBe(
			written.accepted.size
		);
	}, 120_000);
});
