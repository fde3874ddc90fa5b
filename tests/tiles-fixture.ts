/**
 * Small tile sets for tests, written by the rules of docs/tiles.md from events whose times are
 * exact minutes in UTC (so their outer interval is their start and end as written): the manifest,
 * a count tile per non-empty tile of each level, and each event once in the event tile of its level.
 * Independent of the app's tile code, so the page is tested against the format, not against itself.
 */
import type { Page } from '@playwright/test';

/** An event for a fixture tile set: exact-minute times (ms, UTC). */
export interface FixtureEvent {
	id: string;
	title: string;
	lane: string;
	start: number;
	/** Absent for an instant. */
	end?: number;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** The event as an Eventline NDJSON line would hold it. */
export const eventJson = (e: FixtureEvent) => ({
	id: e.id,
	title: e.title,
	start: iso(e.start),
	...(e.end !== undefined ? { end: iso(e.end) } : {}),
	category: e.lane
});

/** Writes a tile set: every file by its path relative to the manifest. */
export function writeTileSet(
	events: FixtureEvent[],
	{ levels = 7, lanes }: { levels?: number; lanes: { id: string; label: string }[] }
): Map<string, string> {
	const buckets = 256;
	const starts = events.map((e) => e.start);
	const ends = events.map((e) => e.end ?? e.start);
	const extent: [number, number] = [Math.min(...starts), Math.max(...ends)];
	const origin = extent[0];
	// Level 0: one tile over the whole extent (a little more, so the extent's end is inside it).
	const tile0 = Math.max(60_000 * buckets, (extent[1] - origin) * 1.01);
	const tileMs = Array.from({ length: levels }, (_, z) => tile0 / 4 ** z);
	const files = new Map<string, string>();
	const sorted = [...events].sort(
		(a, b) => a.start - b.start || (a.end ?? a.start) - (b.end ?? b.start) || (a.id < b.id ? -1 : 1)
	);
	const counts: Map<
		string,
		Map<string, { n: number; first: number; last: number; top: FixtureEvent[] }>
	>[] = tileMs.map(() => new Map());
	const stored: Map<number, FixtureEvent[]>[] = tileMs.map(() => new Map());
	for (const e of sorted) {
		const end = e.end ?? e.start;
		const mid = (e.start + end) / 2;
		tileMs.forEach((ms, z) => {
			const t = Math.floor((mid - origin) / ms);
			const b = Math.floor(((mid - origin) % ms) / (ms / buckets));
			const tile = counts[z]?.get(String(t)) ?? new Map();
			counts[z]?.set(String(t), tile);
			const rowKey = `${e.lane}:${b}`;
			const row = tile.get(rowKey) ?? { n: 0, first: Infinity, last: -Infinity, top: [] };
			row.n++;
			row.first = Math.min(row.first, e.start);
			row.last = Math.max(row.last, end);
			if (row.top.length < 3) row.top.push(e);
			tile.set(rowKey, row);
		});
		let level = 0;
		for (let z = levels - 1; z >= 0; z--)
			if ((tileMs[z] ?? 0) >= end - e.start) {
				level = z;
				break;
			}
		const t = Math.floor((e.start - origin) / (tileMs[level] ?? 1));
		const list = stored[level]?.get(t) ?? [];
		list.push(e);
		stored[level]?.set(t, list);
	}
	counts.forEach((tiles, z) => {
		for (const [t, rows] of tiles) {
			files.set(
				`counts/${z}/${t}.json`,
				JSON.stringify({
					z,
					t: Number(t),
					rows: [...rows].map(([key, row]) => {
						const [lane, b] = key.split(':');
						return {
							lane,
							b: Number(b),
							n: row.n,
							p: [row.n, 0, 0, 0, 0, 0],
							first: row.first,
							last: row.last,
							top: row.top.map(eventJson)
						};
					})
				})
			);
		}
	});
	stored.forEach((tiles, z) => {
		for (const [t, list] of tiles)
			files.set(
				`events/${z}/${t}.ndjson`,
				list.map((e) => JSON.stringify(eventJson(e))).join('\n') + '\n'
			);
	});
	files.set(
		'manifest.json',
		JSON.stringify({
			format: 'eventline-tiles',
			version: 1,
			title: 'Tiled fixture',
			description: 'A small tile set written by the tests',
			timeZone: 'UTC',
			source: { name: 'Eventline tests' },
			lanes: lanes.map((lane) => ({
				...lane,
				events: events.filter((e) => e.lane === lane.id).length
			})),
			events: events.length,
			setAside: 0,
			report: 'set-aside.ndjson',
			extent,
			origin,
			buckets,
			levels: tileMs.map((ms, z) => ({
				z,
				tileMs: ms,
				bucketMs: ms / buckets,
				tiles: counts[z]?.size ?? 0,
				events: [...(stored[z]?.values() ?? [])].reduce((sum, list) => sum + list.length, 0)
			})),
			counts: 'counts/{z}/{t}.json',
			eventTiles: 'events/{z}/{t}.ndjson',
			top: 3,
			rank: 'id',
			precisions: ['minute', 'hour', 'part-of-day', 'day', 'month', 'year']
		})
	);
	return files;
}

/** A seeded generator of numbers in [0, 1), so fixtures are the same on every run. */
export function seeded(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Serves a tile set at `/tiles/<name>/…` (404 for a tile it does not have). */
export async function serveTiles(
	page: Page,
	name: string,
	files: Map<string, string>,
	{ delay }: { delay?: (path: string) => Promise<void> } = {}
) {
	const prefix = `/tiles/${name}/`;
	await page.route(
		(url) => url.pathname.startsWith(prefix),
		async (route) => {
			const path = new URL(route.request().url()).pathname.slice(prefix.length);
			await delay?.(path);
			const body = files.get(path);
			try {
				await route.fulfill(
					body === undefined
						? { status: 404, body: 'not found' }
						: {
								status: 200,
								contentType: path.endsWith('.json') ? 'application/json' : 'application/x-ndjson',
								body
							}
				);
			} catch {
				// The page cancelled the request while it waited: nothing to answer.
			}
		}
	);
	return `${prefix}manifest.json`;
}
