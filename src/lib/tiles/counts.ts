/**
 * Count tiles (docs/tiles.md) read and merged for a view: the buckets over a window of time, taken
 * from the sharpest tile at hand (a coarser one stands in until the sharper arrives, so a lane is
 * never blank while it loads), then merged into bars a few buckets wide that layout draws as
 * clusters or density.
 */
import * as v from 'valibot';
import { formatPath, type DataIssue } from '$lib/ingest/validate';
import { schemaIssues } from './manifest';
import { ancestor, keyOf, tilesOver, tileSpan, type Pyramid, type TileKey } from './pyramid';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const RowSchema = v.object({
	lane: v.string(),
	b: count,
	n: v.pipe(count, v.minValue(1)),
	p: v.optional(v.array(count)),
	first: v.pipe(v.number(), v.finite()),
	last: v.pipe(v.number(), v.finite()),
	top: v.optional(v.array(v.unknown()))
});

const CountTileSchema = v.object({ z: count, t: count, rows: v.array(RowSchema) });

/** One lane's bucket of a count tile: how many events have their midpoint in it. */
export type CountRow = v.InferOutput<typeof RowSchema>;

/** A count tile: its level, index and non-empty buckets. */
export type CountTile = v.InferOutput<typeof CountTileSchema>;

/** An empty tile: what a tile the set does not have (a 404) stands for. */
export const emptyTile = ({ z, t }: TileKey): CountTile => ({ z, t, rows: [] });

/** Checks a count tile fetched as `key`: its shape, and that it is the tile asked for. */
export function checkCountTile(
	input: unknown,
	key: TileKey,
	buckets: number
): { ok: true; tile: CountTile } | { ok: false; issues: DataIssue[] } {
	const parsed = v.safeParse(CountTileSchema, input);
	if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.issues) };
	const tile = parsed.output;
	if (tile.z !== key.z || tile.t !== key.t)
		return {
			ok: false,
			issues: [{ path: 'z', message: `is tile ${tile.z}/${tile.t}, not ${keyOf(key)}` }]
		};
	const bad = tile.rows.findIndex((row) => row.b >= buckets);
	if (bad !== -1)
		return {
			ok: false,
			issues: [
				{
					path: formatPath(['rows', bad, 'b']),
					message: `is past the last bucket (${buckets - 1})`
				}
			]
		};
	return { ok: true, tile };
}

/** The count data a view draws from: tiles at hand and the level it wants. */
export interface TileCounts {
	pyramid: Pyramid;
	/** Count tiles fetched so far (or known empty), by {@link keyOf}. */
	tiles: ReadonlyMap<string, CountTile>;
	/** The level whose buckets suit the view (see `countLevel`). */
	level: number;
}

/** A stretch of one lane's time and the events counted in it. */
interface CountSpan {
	lane: string;
	/** The stretch (whole buckets), as wall-clock ms. */
	start: number;
	end: number;
	n: number;
	/** Earliest start and latest end of its events. */
	first: number;
	last: number;
}

/** A bucket placed in time. */
export interface CountBucket extends CountSpan {
	row: CountRow;
}

/** Buckets over a window, and whether every one came from the level wanted. */
export interface WindowCounts {
	buckets: CountBucket[];
	/** False while some part of the window is drawn from a coarser tile (or from none). */
	sharp: boolean;
	/** False when some part of the window has no tile at hand at any level. */
	covered: boolean;
}

/**
 * The buckets of every lane meeting `[from, to]`, in time order: from the wanted level's tiles, or
 * where one has not arrived, from the nearest coarser tile that has. Each bucket once, however
 * many missing tiles share a coarser one.
 */
export function bucketsIn(counts: TileCounts, from: number, to: number): WindowCounts {
	const { pyramid: p, tiles, level } = counts;
	const buckets: CountBucket[] = [];
	const used = new Set<CountRow>();
	let sharp = true;
	let covered = true;
	for (const key of tilesOver(p, level, from, to)) {
		let source: CountTile | undefined;
		for (let z = key.z; z >= 0 && !source; z--) source = tiles.get(keyOf(ancestor(key, z)));
		if (!source) {
			sharp = covered = false;
			continue;
		}
		if (source.z !== key.z) sharp = false;
		// A coarser tile stands in only for this tile's stretch: the buckets starting in it (a
		// bucket longer than the tile goes with the tile it starts in).
		const [spanStart, spanEnd] = tileSpan(p, key);
		const bucketMs = p.levels[source.z]?.bucketMs ?? 0;
		const [tileStart] = tileSpan(p, source);
		for (const row of source.rows) {
			const start = tileStart + row.b * bucketMs;
			const end = start + bucketMs;
			if (end < from || start > to || used.has(row)) continue;
			if (
				source !== undefined &&
				source.z !== key.z &&
				(start < spanStart - 1e-6 || start >= spanEnd - 1e-6)
			)
				continue;
			used.add(row);
			buckets.push({ lane: row.lane, start, end, n: row.n, first: row.first, last: row.last, row });
		}
	}
	buckets.sort((a, b) => a.start - b.start);
	return { buckets, sharp, covered };
}

/** Events with their midpoint in `[from, to]`, by lane, from the buckets meeting it. */
export function countsByLane(buckets: readonly CountBucket[]): Map<string, number> {
	const totals = new Map<string, number>();
	for (const b of buckets) totals.set(b.lane, (totals.get(b.lane) ?? 0) + b.n);
	return totals;
}

/** Buckets of one lane merged into one bar of a density profile. */
export interface CountBar extends CountSpan {
	/** The rows merged, in time order (their `top` events name the bar's). */
	rows: CountRow[];
}

/**
 * Merges one lane's buckets (in time order) into bars `sliceMs` long, counted from `origin`, so a
 * bar's edges are bucket edges when `sliceMs` is a whole number of buckets and bars stay put while
 * the reader pans. A bucket longer than a slice (from a coarser tile standing in) is a bar alone.
 */
export function mergeBars(
	buckets: readonly CountBucket[],
	origin: number,
	sliceMs: number
): CountBar[] {
	const bars: CountBar[] = [];
	let current: (CountBar & { key: number }) | undefined;
	const flush = () => {
		if (current) {
			const { key, ...bar } = current;
			void key;
			bars.push(bar);
		}
		current = undefined;
	};
	for (const b of buckets) {
		const wide = b.end - b.start > sliceMs * (1 + 1e-9);
		const key = wide ? NaN : Math.floor((b.start - origin) / sliceMs + 1e-9);
		if (current && current.key === key) {
			current.n += b.n;
			current.first = Math.min(current.first, b.first);
			current.last = Math.max(current.last, b.last);
			current.end = Math.max(current.end, wide ? b.end : origin + (key + 1) * sliceMs);
			current.rows.push(b.row);
			continue;
		}
		flush();
		current = {
			key,
			lane: b.lane,
			start: wide ? b.start : origin + key * sliceMs,
			end: wide ? b.end : origin + (key + 1) * sliceMs,
			n: b.n,
			first: b.first,
			last: b.last,
			rows: [b.row]
		};
		// A coarse bucket may overlap the slice after it: no later bucket joins it.
		if (wide) flush();
	}
	flush();
	return bars;
}

/**
 * The slice length for bars about `px` pixels wide at `msPerPixel`, as a whole number of the
 * level's buckets, so no bucket is split between two bars.
 */
export function sliceFor(bucketMs: number, msPerPixel: number, px: number): number {
	return bucketMs * Math.max(1, Math.round((px * msPerPixel) / bucketMs));
}
