/**
 * Opens a tile set (`?tiles=`) in a view and keeps its tiles following the view as it moves.
 * Loaded only for tile sets (a dynamic import), so the first paint does not carry it.
 */
import { untrack } from 'svelte';
import { fetchManifest, TiledTimeline } from './tiled';
import type { Manifest } from '$lib/tiles/manifest';
import type { TimelineApp } from './app.svelte';
import type { LoadOutcome } from './loader.svelte';
import type { TimelineView } from './view.svelte';

/**
 * Opens the tile set whose manifest is at `url` (`?tiles=`) in `app`: its manifest checked (else
 * the loader's failure says what is wrong and where), its coarsest counts fetched, then its tiles
 * following the view.
 */
export async function openTileSet(url: string, app: TimelineApp): Promise<LoadOutcome> {
	const checked = await fetchManifest(url);
	if (!checked.ok) {
		app.loader.failure = {
			source: url,
			summary: 'This is not a tile set Eventline can read: its manifest.json has problems',
			issues: checked.issues,
			rejected: []
		};
		return 'failed';
	}
	app.stopTiles?.();
	app.selection.clear();
	app.filters.restore({});
	app.stopTiles = await openTiled(checked.manifest, app.view);
	return 'loaded';
}

/** Shows the tile set of `manifest` in `view`; the returned function stops following it. */
export async function openTiled(manifest: Manifest, view: TimelineView): Promise<() => void> {
	const tiled = new TiledTimeline(manifest, view);
	await tiled.start();
	const stop = $effect.root(() => {
		$effect(() => {
			const window = tiled.windowOf();
			untrack(() => tiled.follow(window));
		});
	});
	return () => {
		stop();
		tiled.stop();
	};
}
