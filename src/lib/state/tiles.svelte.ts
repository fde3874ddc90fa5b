/**
 * Opens a tile set (`?tiles=`) in a view and keeps its tiles following the view as it moves.
 * Loaded only for tile sets (a dynamic import), so the first paint does not carry it.
 */
import { untrack } from 'svelte';
import { TiledTimeline } from './tiled';
import type { Manifest } from '$lib/tiles/manifest';
import type { TimelineView } from './view.svelte';

export { fetchManifest } from './tiled';

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
