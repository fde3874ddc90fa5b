/**
 * Which tiles a view needs (docs/tiles.md): the count level whose buckets are a few pixels wide,
 * the count tiles over the stretches of time on screen (plus a margin), and the event tiles that
 * hold every event overlapping them. Pure arithmetic on the manifest; no fetching.
 */
import type { Manifest } from './manifest';

/** The fields of a manifest the tile arithmetic reads. */
export type Pyramid = Pick<Manifest, 'origin' | 'extent' | 'levels' | 'buckets'>;

/** A tile of one level: `z/t`. */
export interface TileKey {
	z: number;
	t: number;
}

/** The cache and request key of a tile. */
export const keyOf = ({ z, t }: TileKey) => `${z}/${t}`;

/**
 * Widest a count bucket may be on screen, in pixels: a few, so a bar (a few buckets) keeps its
 * place in time; not fewer, or a view needs more (and larger) tiles. @default 8
 */
export const BUCKET_PX = 8;

/** The deepest level of the pyramid. */
export const deepest = (p: Pyramid) => p.levels.length - 1;

/** The last tile index of level `z` (tiles past the extent hold nothing). */
export function lastTile(p: Pyramid, z: number): number {
	const level = p.levels[z];
	return level ? Math.max(0, Math.floor((p.extent[1] - p.origin) / level.tileMs)) : 0;
}

/**
 * The count level for a view showing `msPerPixel`: the coarsest whose buckets are at most
 * `bucketPx` pixels wide (between a quarter of that and that, as each level is four times finer),
 * or the deepest when even its buckets are wider.
 */
export function countLevel(p: Pyramid, msPerPixel: number, bucketPx = BUCKET_PX): number {
	const z = p.levels.findIndex((level) => level.bucketMs <= bucketPx * msPerPixel);
	return z === -1 ? deepest(p) : z;
}

/** The tiles of level `z` meeting `[from, to]`, within the extent. */
export function tilesOver(p: Pyramid, z: number, from: number, to: number): TileKey[] {
	const level = p.levels[z];
	if (!level || to < from) return [];
	const first = Math.max(0, Math.floor((from - p.origin) / level.tileMs));
	const last = Math.min(lastTile(p, z), Math.floor((to - p.origin) / level.tileMs));
	const keys: TileKey[] = [];
	for (let t = first; t <= last; t++) keys.push({ z, t });
	return keys;
}

/**
 * The count tiles of level `z` for the stretches of time on screen (`spans`: the window without
 * the breaks it compresses, so a break over a year does not fetch the year), each widened by
 * `margin` ms on both sides. Each tile once, in time order.
 */
export function countTiles(
	p: Pyramid,
	z: number,
	spans: readonly (readonly [number, number])[],
	margin: number
): TileKey[] {
	const wanted = new Set<number>();
	for (const [from, to] of spans)
		for (const key of tilesOver(p, z, from - margin, to + margin)) wanted.add(key.t);
	return [...wanted].sort((a, b) => a - b).map((t) => ({ z, t }));
}

/**
 * The event tiles holding every event that overlaps `[from, to]`: at each level that stores
 * events, from the tile one tile-length before `from` (an event stored there is at most one tile
 * long, so it may reach in) to the tile holding `to`.
 */
export function eventTiles(p: Pyramid, from: number, to: number): TileKey[] {
	return p.levels.flatMap((level, z) =>
		level.events > 0 ? tilesOver(p, z, from - level.tileMs, to) : []
	);
}

/** The tile of level `up` (coarser, `up < z`) that holds tile `key`. */
export function ancestor(key: TileKey, up: number): TileKey {
	return { z: up, t: Math.floor(key.t / 4 ** (key.z - up)) };
}

/** Start and end (exclusive) of a tile, as wall-clock ms. */
export function tileSpan(p: Pyramid, key: TileKey): [number, number] {
	const ms = p.levels[key.z]?.tileMs ?? 0;
	return [p.origin + key.t * ms, p.origin + (key.t + 1) * ms];
}
