/**
 * Opens a tile set (`?tiles=`) in a view and keeps its tiles following the view as it moves.
 * Loaded only for tile sets (a dynamic import), so the first paint does not carry it.
 */
import { untrack } from 'svelte';
import { fetchManifest, TiledTimeline } from './tiled';
import type { Manifest } from '$lib/tiles/manifest';
import type { DataLoader } from './loader.svelte';
import type { TimelineView } from './view.svelte';

/**
 * Opens the tile set whose manifest is at `url` in `view`: undefined, with the loader's failure
 * saying what is wrong with the manifest and where, if it cannot be read; else the function that
 * stops it following the view.
 */
export async function openTileSet(
	url: string,
	view: TimelineView,
	loader: DataLoader
): Promise<(() => void) | undefined> {
	const checked = await fetchManifest(url);
	if (!checked.ok) {
		loader.failure = {
			source: url,
			summary: 'This is not a tile set Eventline can read: its manifest.json has problems',
			issues: checked.issues,
			rejected: []
		};
		return undefined;
	}
	return openTiled(checked.manifest, view);
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
