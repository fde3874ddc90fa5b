/**
 * A tiled timeline (`?tiles=`) kept in step with its view: as the window moves, the tiles it needs
 * (see `$lib/tiles/plan`) are fetched, kept in a least-recently-used cache, and cancelled when the
 * view moves on before they arrive; what is at hand is handed to the view (events to draw one by
 * one, or counts to draw as density), a coarser tile standing in for one still on its way.
 * Loaded only for tile sets (a dynamic import), so the first paint does not carry it; `tiles.svelte.ts`
 * makes it follow the view.
 */
import { findBreaks } from '$lib/layout/breaks';
import type { TimeScale } from '$lib/layout/scale';
import type { TimelineEvent } from '$lib/model/schema';
import type { PreparedTimeline } from '$lib/model/timeline';
import { checkCountTile, emptyTile, type CountTile } from '$lib/tiles/counts';
import { tileDensity } from '$lib/tiles/density';
import { readEventTile, tiledLanes, tiledTimeline } from '$lib/tiles/events';
import { readManifest, tileUrl, type Manifest, type ManifestResult } from '$lib/tiles/manifest';
import {
	countedSpans,
	countTimes,
	finestOf,
	gapLevel,
	overviewTiles,
	planTiles,
	type ViewWindow
} from '$lib/tiles/plan';
import { countedBars } from '$lib/tiles/overview';
import { keyOf, type TileKey } from '$lib/tiles/pyramid';
import { TileCache } from './tile-cache';
import type { TimelineView } from './view.svelte';

/** A fetched tile: counts, or the events of an event tile. */
type Tile = { kind: 'counts'; tile: CountTile } | { kind: 'events'; events: TimelineEvent[] };

/** Fetches the manifest at `url` and checks it. */
export async function fetchManifest(url: string, signal?: AbortSignal): Promise<ManifestResult> {
	const absolute = new URL(url, location.href).href;
	let response: Response;
	try {
		response = await fetch(absolute, { signal });
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			issues: [{ path: '', message: `The manifest could not be fetched (${detail})` }]
		};
	}
	if (!response.ok)
		return {
			ok: false,
			issues: [{ path: '', message: `The server answered ${response.status} for the manifest` }]
		};
	return readManifest(await response.text(), absolute);
}

/** The stretches of `scale`'s window that are on screen, without the breaks it compresses. */
export function visibleSpans(scale: TimeScale): [number, number][] {
	const [d0, d1] = scale.domain().map(Number) as [number, number];
	const spans: [number, number][] = [];
	let from = d0;
	for (const b of scale.breaks()) {
		if (b.end <= from || b.start >= d1) continue;
		if (b.start > from) spans.push([from, b.start]);
		from = Math.max(from, b.end);
	}
	if (from < d1) spans.push([from, d1]);
	return spans;
}

/** A tiled timeline's tiles, fetched for its view as it moves. */
export class TiledTimeline {
	readonly manifest: Manifest;
	#view: TimelineView;
	#cache = new TileCache<Tile>();
	#pending = new Map<string, AbortController>();
	#overview: CountTile[] = [];
	#eventKeys = '';

	constructor(manifest: Manifest, view: TimelineView) {
		this.manifest = manifest;
		this.#view = view;
	}

	/**
	 * Fetches the coarsest counts (which tell where the data is and stand in for any tile still on
	 * its way) and shows the whole set; then {@link follow} the view.
	 */
	async start(): Promise<void> {
		const results = await Promise.all(
			overviewTiles(this.manifest).map((key) => this.#fetch('counts', key, true))
		);
		this.#overview = results.flatMap((tile) => (tile?.kind === 'counts' ? [tile.tile] : []));
		const times = countTimes(this.#overview);
		const spans = countedSpans(
			this.manifest,
			this.#overview.filter((tile) => tile.z === gapLevel(this.manifest))
		);
		const { manifest } = this;
		this.#view.tiled = {
			gaps: times.length ? findBreaks(times) : findBreaks(manifest.extent),
			finest: finestOf(this.#overview, manifest.precisions),
			total: manifest.events,
			overview: (scale, height) => countedBars(spans, scale, height),
			counts: this.#density(gapLevel(manifest)),
			drawCounts: true,
			status: 'loading',
			problems: [],
			refine: tiledLanes
		};
		this.#view.load(tiledTimeline(manifest, []));
	}

	/** The window the view shows now. */
	windowOf(): ViewWindow {
		const { scale, width } = this.#view;
		return { spans: visibleSpans(scale), msPerPixel: msPerPixel(scale, width), width };
	}

	/** Follows the view to `window`: see {@link update}. */
	follow(window: ViewWindow) {
		this.#update(window);
	}

	/** Cancels every request on its way. */
	stop() {
		for (const controller of this.#pending.values()) controller.abort();
		this.#pending.clear();
	}

	#window: ViewWindow | undefined;

	/** Plans the view's tiles, cancels those no longer needed, fetches the missing, shows what is at hand. */
	#update(window: ViewWindow = this.#window ?? { spans: [], msPerPixel: 1, width: 1 }) {
		this.#window = window;
		const counts = this.#countsAtHand();
		const plan = planTiles(this.manifest, window, counts);
		const wanted = new Set([
			...plan.counts.map((key) => `counts:${keyOf(key)}`),
			...plan.events.map((key) => `events:${keyOf(key)}`)
		]);
		for (const [id, controller] of this.#pending) {
			if (wanted.has(id)) continue;
			controller.abort();
			this.#pending.delete(id);
		}
		for (const key of plan.counts) void this.#fetch('counts', key);
		for (const key of plan.events) void this.#fetch('events', key);

		const eventsAtHand = plan.events.every((key) => this.#cache.has(`events:${keyOf(key)}`));
		const countsAtHand = plan.counts.every((key) => this.#cache.has(`counts:${keyOf(key)}`));
		const drawEvents = plan.events.length > 0 && eventsAtHand;
		const sharp = countsAtHand && (plan.events.length === 0 || eventsAtHand);
		const view = this.#view;
		const tiled = view.tiled;
		if (!tiled) return;
		if (drawEvents) {
			const ids = plan.events.map(keyOf).join(',');
			if (ids !== this.#eventKeys || tiled.drawCounts) {
				this.#eventKeys = ids;
				view.source = this.#eventsTimeline(plan.events);
			}
			view.tiled = {
				...tiled,
				counts: this.#density(plan.level, counts),
				drawCounts: false,
				longerThan: plan.longerThan,
				status: sharp ? 'sharp' : 'loading'
			};
			return;
		}
		if (this.#eventKeys) {
			this.#eventKeys = '';
			view.source = tiledTimeline(this.manifest, []);
		}
		view.tiled = {
			...tiled,
			counts: this.#density(plan.level, counts),
			drawCounts: true,
			status: sharp ? 'sharp' : 'loading'
		};
	}

	/** The lanes' density at `level` from the count tiles at hand. */
	#density(level: number, tiles = this.#countsAtHand()) {
		return tileDensity({ pyramid: this.manifest, tiles, level }, this.manifest);
	}

	/** Every count tile at hand, by key. */
	#countsAtHand(): Map<string, CountTile> {
		const counts = new Map<string, CountTile>();
		for (const [id, tile] of this.#cache.entries())
			if (tile.kind === 'counts') counts.set(id.slice('counts:'.length), tile.tile);
		return counts;
	}

	/** The timeline of the events in `keys` (all at hand). */
	#eventsTimeline(keys: TileKey[]): PreparedTimeline {
		const events: TimelineEvent[] = [];
		for (const key of keys) {
			const tile = this.#cache.get(`events:${keyOf(key)}`);
			if (tile?.kind === 'events') for (const e of tile.events) events.push(e);
		}
		return tiledTimeline(this.manifest, events);
	}

	/**
	 * Fetches one tile unless it is at hand or on its way; a 404 is an empty tile (the set writes no
	 * empty tiles). `kept` tiles never leave the cache.
	 */
	async #fetch(kind: Tile['kind'], key: TileKey, kept = false): Promise<Tile | undefined> {
		const id = `${kind}:${keyOf(key)}`;
		const cached = this.#cache.get(id);
		if (cached || this.#pending.has(id)) return cached;
		const controller = new AbortController();
		this.#pending.set(id, controller);
		const template = kind === 'counts' ? this.manifest.counts : this.manifest.eventTiles;
		const url = tileUrl(this.manifest, template, key.z, key.t);
		let tile: Tile;
		let bytes = 0;
		try {
			const response = await fetch(url, { signal: controller.signal });
			const text = response.status === 404 ? '' : await response.text();
			if (!response.ok && response.status !== 404)
				throw new Error(`the server answered ${response.status}`);
			bytes = text.length;
			tile = kind === 'counts' ? this.#readCounts(text, key, url) : this.#readEvents(text, url);
		} catch (error) {
			if (controller.signal.aborted) return undefined;
			const detail = error instanceof Error ? error.message : String(error);
			this.#problem(`${url}: ${detail}`);
			tile = kind === 'counts' ? { kind, tile: emptyTile(key) } : { kind, events: [] };
		} finally {
			if (this.#pending.get(id) === controller) this.#pending.delete(id);
		}
		this.#cache.set(id, tile, bytes, kept);
		if (!kept && this.#view.tiled) this.#update();
		return tile;
	}

	/** Tells the reader a tile could not be read (it is drawn as empty). */
	#problem(message: string) {
		const tiled = this.#view.tiled;
		if (tiled) this.#view.tiled = { ...tiled, problems: [...tiled.problems, message] };
	}

	#readCounts(text: string, key: TileKey, url: string): Tile {
		if (!text) return { kind: 'counts', tile: emptyTile(key) };
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			throw new Error('is not valid JSON');
		}
		const checked = checkCountTile(json, key, this.manifest.buckets);
		if (!checked.ok) {
			const issue = checked.issues[0];
			throw new Error(
				`${issue?.path ? `${issue.path} ` : ''}${issue?.message ?? 'is not a count tile'}`
			);
		}
		void url;
		return { kind: 'counts', tile: checked.tile };
	}

	#readEvents(text: string, url: string): Tile {
		const { events, setAside } = readEventTile(text);
		if (setAside) this.#problem(`${url}: ${setAside} lines set aside`);
		return { kind: 'events', events };
	}
}

/** Time one pixel shows outside any break. */
function msPerPixel(scale: TimeScale, width: number): number {
	const [d0, d1] = scale.domain().map(Number) as [number, number];
	return scale.breaks().length ? 1 / scale.slope() : (d1 - d0) / Math.max(1, width);
}
