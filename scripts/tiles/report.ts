/**
 * set-aside.ndjson: every row the importer set aside, written as it comes, and the events whose id
 * an earlier batch already had.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RejectedEvent } from '$lib/ingest/outcome';

/** The report's name beside the tiles. */
export const REPORT = 'set-aside.ndjson';

/** Set-aside report lines, written as they come. */
export class Report {
	#fd: number | undefined;
	count = 0;
	constructor(path: string) {
		this.#fd = openSync(path, 'w');
	}
	add(rejected: readonly RejectedEvent[]) {
		if (!rejected.length) return;
		const lines = rejected.map((r) =>
			JSON.stringify({ where: r.where, issues: r.issues, raw: r.raw ?? null })
		);
		if (this.#fd !== undefined) writeSync(this.#fd, `${lines.join('\n')}\n`);
		this.count += rejected.length;
	}
	close() {
		if (this.#fd !== undefined) closeSync(this.#fd);
		this.#fd = undefined;
	}
}

/** Sets aside events whose id an earlier event already has (across batches: the importer checks within one). */
export async function setAsideDuplicates(connection: DuckDBConnection, report: Report) {
	const found = await connection.runAndReadAll(`
		WITH repeated AS (SELECT id FROM events GROUP BY id HAVING count(*) > 1),
		firsts AS (
			SELECT id, min(ord) AS ord, arg_min(place, ord) AS place
			FROM events WHERE id IN (SELECT id FROM repeated) GROUP BY id
		)
		SELECT ev.ord, ev.id, ev.place, firsts.place AS first, ev.event
		FROM events ev JOIN firsts USING (id) WHERE ev.ord > firsts.ord ORDER BY ev.ord`);
	const rows = found.getRowObjectsJS();
	if (!rows.length) return;
	report.add(
		rows.map((r) => ({
			index: Number(r.ord),
			where: String(r.place),
			issues: [
				{
					path: String(r.place),
					message: `duplicate id "${String(r.id)}" (also ${String(r.first)})`
				}
			],
			// The event as the importer made it: the builder keeps no copy of every raw row.
			raw: JSON.parse(String(r.event)) as unknown
		}))
	);
	await connection.run(
		`DELETE FROM events WHERE ord IN (${rows.map((r) => String(r.ord)).join(', ')})`
	);
}
