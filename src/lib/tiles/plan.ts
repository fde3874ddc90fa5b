/**
 * What a view of a tiled timeline needs: the count tiles over the time on screen and, when the
 * counts say the view holds few enough events to draw one by one, the event tiles too. Also what
 * the coarsest counts tell of the whole set: where its data is, and how finely it is dated.
 */
import type { Precision } from '$lib/model/schema';
import { bucketsIn, type CountTile } from './counts';
import type { Manifest } from './manifest';
import {
	countLevel,
	countTiles,
	eventTiles,
	tilesOver,
	ancestor,
	keyOf,
	tileSpan,
	type Pyramid,
	type TileKey
} from './pyramid';

/**
 * Most events (in all lanes: an event tile holds every lane) a view fetches to draw one by one;
 * past it, lanes are drawn from counts. @default 2000
 */
export const EVENT_BUDGET = 2000;

/**
 * Most event tiles a view fetches at once: a set whose deepest tiles are short holds few events
 * in each, and a view over hundreds of them is drawn from counts until it narrows. @default 32
 */
export const EVENT_TILE_BUDGET = 32;

/**
 * Most events a view fetches in event tiles: a tile holds every event starting in it, so a view of
 * a few hundred may need a tile of thousands (a builder stops at tiles of 2,000 on average).
 * @default 16000
 */
export const EVENT_LOAD = 16_000;

/** Events stored in tiles longer than this many windows may be left out of a view (see `planTiles`). */
export const LONG_SHARE = 16;

/** Share of the time on screen fetched beyond each edge, so a short pan finds its tiles. */
export const MARGIN_SHARE = 0.25;

/** The window of time a view shows. */
export interface ViewWindow {
	/** The stretches of time on screen, without the breaks the scale compresses. */
	spans: readonly (readonly [number, number])[];
	/** Time one pixel shows (outside breaks). */
	msPerPixel: number;
	/** Width of the drawing, in pixels. */
	width: number;
}

/** The tiles a view needs. */
export interface TilePlan {
	/** The count level whose buckets are a few pixels wide here. */
	level: number;
	/** Count tiles of that level over the spans and their margin. */
	counts: TileKey[];
	/** Event tiles over the spans and their margin; empty when the view is drawn from counts. */
	events: TileKey[];
	/** Events the counts at hand put in the spans and their margin. */
	estimate: number;
	/**
	 * Set when the events are drawn one by one but the levels of events longer than this (ms)
	 * are left out: far longer than the window, and many.
	 */
	longerThan?: number;
}

/**
 * Plans a view from the count tiles at hand (`tiles`, by key): the level, its tiles, and the event
 * tiles when the counts at hand (sharp or standing in) put at most `budget` events in view and
 * the tiles hold at most `most`.
 */
export function planTiles(
	p: Pyramid,
	view: ViewWindow,
	tiles: ReadonlyMap<string, CountTile>,
	budget = EVENT_BUDGET,
	most = EVENT_LOAD
): TilePlan {
	const level = countLevel(p, view.msPerPixel);
	const margin = view.width * view.msPerPixel * MARGIN_SHARE;
	const counts = countTiles(p, level, view.spans, margin).filter(
		(key) => tiles.has(keyOf(key)) || !knownEmpty(p, tiles, key.z, ...tileSpan(p, key))
	);
	let estimate = 0;
	let known = view.spans.length > 0;
	for (const [from, to] of view.spans) {
		const window = bucketsIn({ pyramid: p, tiles, level }, from - margin, to + margin);
		if (!window.buckets.length && !window.sharp) known = false;
		for (const b of window.buckets) estimate += b.n;
	}
	const eventKeys =
		known && estimate <= budget
			? unique(view.spans.flatMap(([from, to]) => eventTiles(p, from - margin, to + margin)))
			: [];
	let events =
		eventKeys.length <= EVENT_TILE_BUDGET * 4
			? eventKeys.filter((key) => !eventTileEmpty(p, tiles, key))
			: [];
	// Counts place an event by its midpoint, so they do not see long events reaching in from far
	// away; the manifest says how many each level stores. Where those would be many, the levels
	// of events far longer than the window are left out (the reader is told) rather than fetched.
	const shown = view.spans.reduce((sum, [from, to]) => sum + (to - from), 0) + 2 * margin;
	// What an event tile holds: events starting in it, at most a tile long, so their midpoints are
	// in it or half a tile after; never more than its level stores.
	const holds = new Map<string, number>();
	for (const key of events) {
		const [start, end] = tileSpan(p, key);
		const near = bucketsIn({ pyramid: p, tiles, level }, start, end + (end - start) / 2);
		const n = near.buckets.reduce(
			(sum, b) => (b.start < end + (end - start) / 2 ? sum + b.n : sum),
			0
		);
		holds.set(keyOf(key), Math.min(n, p.levels[key.z]?.events ?? 0));
	}
	const load = (keys: TileKey[]) =>
		keys.reduce((sum, key) => sum + (holds.get(keyOf(key)) ?? 0), 0);
	let longerThan: number | undefined;
	for (const level of p.levels) {
		if (load(events) <= most || level.tileMs <= LONG_SHARE * shown) break;
		events = events.filter((key) => key.z !== level.z);
		longerThan = (p.levels[level.z + 1] ?? level).tileMs;
	}
	if (events.length > EVENT_TILE_BUDGET || load(events) > most) events = [];
	return {
		level,
		counts,
		events,
		estimate,
		...(longerThan && events.length ? { longerThan } : {})
	};
}

/**
 * True when the count tiles at hand (of level `z` or, standing in, coarser) say no event has its
 * midpoint in `[from, to)`: a tile there need not be fetched (the set does not even write it).
 */
export function knownEmpty(
	p: Pyramid,
	tiles: ReadonlyMap<string, CountTile>,
	z: number,
	from: number,
	to: number
): boolean {
	// A range ending where a tile starts does not need that tile.
	for (const key of tilesOver(p, z, from, Math.max(from, to - 1e-3))) {
		// Up to four levels up, a bucket is no longer than this tile, so it says where within it
		// events are; a coarser one says nothing about this tile alone.
		let source: CountTile | undefined;
		for (let up = key.z; up >= Math.max(0, key.z - 4) && !source; up--)
			source = tiles.get(keyOf(ancestor(key, up)));
		if (!source) return false;
		const bucketMs = p.levels[source.z]?.bucketMs ?? 0;
		const [start] = tileSpan(p, source);
		for (const row of source.rows) {
			const b0 = start + row.b * bucketMs;
			if (b0 < to && b0 + bucketMs > from) return false;
		}
	}
	return true;
}

/**
 * True when the counts at hand say event tile `key` is empty: its events start in the tile and
 * are at most one tile long, so their midpoints lie within the tile and half a tile after it.
 */
export function eventTileEmpty(
	p: Pyramid,
	tiles: ReadonlyMap<string, CountTile>,
	key: TileKey
): boolean {
	const [start, end] = tileSpan(p, key);
	return knownEmpty(p, tiles, key.z, start, end + (end - start) / 2);
}

const unique = (keys: TileKey[]) => {
	const seen = new Set<string>();
	return keys.filter(({ z, t }) => !seen.has(`${z}/${t}`) && seen.add(`${z}/${t}`));
};

/** The level whose counts tell where the data is: the second (a thousand buckets), or the only one. */
export const gapLevel = (p: Pyramid) => Math.min(1, p.levels.length - 1);

/** Every tile of the levels the page fetches first: the coarsest, up to {@link gapLevel}. */
export function overviewTiles(p: Pyramid): TileKey[] {
	const keys: TileKey[] = [];
	for (let z = 0; z <= gapLevel(p); z++) keys.push(...tilesOver(p, z, p.origin, p.extent[1]));
	return keys;
}

/**
 * Times at which events start or end, from count rows (each bucket's earliest start and latest
 * end): enough to find the long empty stretches of the whole set without its events.
 */
export function countTimes(tiles: readonly CountTile[]): Float64Array {
	const times: number[] = [];
	for (const tile of tiles)
		for (const row of tile.rows) {
			times.push(row.first, row.last);
		}
	return Float64Array.from(times);
}

/** Every bucket of `tiles` (all of one level) as a stretch of time with its count, all lanes together. */
export function countedSpans(
	p: Pyramid,
	tiles: readonly CountTile[]
): { start: number; end: number; count: number }[] {
	const spans: { start: number; end: number; count: number }[] = [];
	for (const tile of tiles) {
		const bucketMs = p.levels[tile.z]?.bucketMs ?? 0;
		const [start] = tileSpan(p, tile);
		for (const row of tile.rows)
			spans.push({
				start: start + row.b * bucketMs,
				end: start + (row.b + 1) * bucketMs,
				count: row.n
			});
	}
	return spans;
}

/** The finest precision any event has, from the counts' precision mix (`p`). */
export function finestOf(
	tiles: readonly CountTile[],
	precisions: Manifest['precisions']
): Precision | undefined {
	let finest = Infinity;
	for (const tile of tiles)
		for (const row of tile.rows) {
			const i = (row.p ?? []).findIndex((n) => n > 0);
			if (i !== -1) finest = Math.min(finest, i);
		}
	return Number.isFinite(finest) ? precisions[finest] : precisions[0];
}
