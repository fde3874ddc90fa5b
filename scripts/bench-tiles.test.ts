import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { generateDataset, generateEvents } from './bench-data.js';
import { writeBenchParquet } from './bench-tiles.js';

describe('the bench events at tile-builder scale', () => {
	it('streams the same events the in-memory generator lists', () => {
		expect([...generateEvents(3_000, 7)]).toEqual(generateDataset(3_000, 7).events);
	});

	it('writes them to Parquet with the bench file columns, lists joined by ";"', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'bench-tiles-')), 'events.parquet');
		await writeBenchParquet(2_000, path);
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		const rows = (await connection.runAndReadAll(`SELECT * FROM '${path}'`)).getRowObjectsJS();
		connection.closeSync();
		instance.closeSync();
		const events = generateDataset(2_000).events;
		expect(rows).toHaveLength(events.length);
		const withActors = events.findIndex((e) => (e.actors?.length ?? 0) > 1);
		expect(rows[withActors]?.actors).toBe(events[withActors]?.actors?.join('; '));
		expect(rows.map((row) => row.start)).toEqual(events.map((e) => e.start));
		expect(rows.map((row) => row.end ?? undefined)).toEqual(events.map((e) => e.end));
	});
});
