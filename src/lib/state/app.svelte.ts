/**
 * Everything one timeline page needs, wired together: selection, filters, view, loader and theme,
 * the start-up sequence (?src=, then the view from the URL) and the URL kept in step. The full page
 * and the embed share it.
 */
import { replaceState } from '$app/navigation';
import { restoreFromUrl, urlForView } from './url-sync';
import type { PreparedTimeline } from '$lib/model/timeline';
import { FilterState } from './filters.svelte';
import { endLoadPhase } from './load-timing';
import { DataLoader, type LoadOutcome } from './loader.svelte';
import { SelectionState } from './selection.svelte';
import { ThemeState } from './theme.svelte';
import { TimelineView } from './view.svelte';

/** The state of a timeline page. */
export class TimelineApp {
	readonly selection = new SelectionState();
	readonly filters = new FilterState();
	readonly theme = new ThemeState();
	readonly view: TimelineView;
	readonly loader: DataLoader;
	/** False until the URL has been read, so the first URL write cannot erase what it said. */
	restored = $state(false);
	/**
	 * The address the URL names (`?src=`): that of the data on screen, or of the address the page was
	 * opened with while its error is on screen (so a reload tries it again). Undefined for the bundled
	 * data and for a file from the disk.
	 */
	src: string | undefined = $state();
	/** The manifest address (`?tiles=`) of the tile set on screen, or that failed to open. */
	tiles: string | undefined = $state();
	/** The address of the timeline on screen. */
	#shown: string | undefined;
	/** Counts announcements, so that a late "ready" from an older load cannot overwrite a newer state. */
	#announced = 0;

	constructor(timeline: PreparedTimeline) {
		this.view = new TimelineView(timeline, this.selection, this.filters);
		this.loader = new DataLoader((loaded, origin) => {
			this.stopTiles?.();
			this.stopTiles = this.tiles = undefined;
			this.view.tiled = undefined;
			this.selection.clear();
			this.filters.restore({});
			this.view.load(loaded);
			this.#shown = this.src = origin.url;
		});
	}

	/**
	 * `<html data-state>`: "loading", then "ready" once loaded data is painted (two frames on), or
	 * "error" if loading failed. Only the latest call counts. `drawn`: new data is on screen, which
	 * ends the load's last timed phase.
	 */
	#announce(state: 'loading' | 'ready' | 'error', drawn = false) {
		const root = document.documentElement;
		const ticket = ++this.#announced;
		if (state !== 'ready') root.dataset.state = state;
		else {
			requestAnimationFrame(() =>
				requestAnimationFrame(() => {
					if (ticket !== this.#announced) return;
					if (drawn) endLoadPhase('draw');
					root.dataset.state = 'ready';
				})
			);
		}
	}

	/**
	 * Loads data with `load`, announcing loading, then ready or error, on `<html>`. A load overtaken by
	 * a newer one announces nothing: the newer one will. A cancelled load leaves the timeline as it
	 * was, which is ready. `keepSrc` is for the page's own `?src=` load, which the URL already names.
	 */
	async open(load: () => Promise<LoadOutcome>, keepSrc = false): Promise<LoadOutcome> {
		// The error of a failed address is replaced by this load's progress: the URL names the data.
		if (!keepSrc) this.src = this.#shown;
		this.#announce('loading');
		const outcome = await load();
		if (outcome !== 'superseded') {
			this.#announce(outcome === 'failed' ? 'error' : 'ready', outcome === 'loaded');
		}
		return outcome;
	}

	/** Stops the tile set on screen (`?tiles=`) following the view. */
	stopTiles: (() => void) | undefined;

	/** Runs once the page is in the browser: theme, `?src=` or `?tiles=`, then the view the URL describes. */
	async start(url: URL) {
		document.documentElement.classList.add('js');
		this.theme.restore();
		const tiles = (this.tiles = url.searchParams.get('tiles') ?? undefined);
		const src = tiles ? undefined : (url.searchParams.get('src') ?? undefined);
		// Until a load replaces it, the URL's address is what the page shows (or failed to show).
		this.src = src;
		// A tile set's code is loaded only for one.
		const outcome = tiles
			? await this.open(async () => (await import('./tiles.svelte')).openTileSet(tiles, this), true)
			: src
				? await this.open(() => this.loader.loadUrl(src), true)
				: 'loaded';
		if (!src && !tiles) this.#announce('ready');
		if (outcome === 'cancelled') this.src = this.#shown;
		// The view in the URL describes the data it names, not a file the reader opened meanwhile.
		if (outcome === 'loaded' || outcome === 'failed') {
			restoreFromUrl(url, this.view, this.selection, this.filters);
		}
		this.restored = true;
	}

	/**
	 * Keeps the URL describing the data and the view while the reader moves, without flooding history
	 * (replaceState, debounced). Call during component initialisation.
	 */
	syncUrl(currentUrl: () => URL) {
		$effect(() => {
			if (!this.restored) return;
			const next = urlForView(
				currentUrl(),
				this.src,
				this.view,
				this.selection,
				this.filters,
				this.tiles
			);
			const timer = setTimeout(() => {
				// Same page, only the query changes, so there is no route to resolve().
				// eslint-disable-next-line svelte/no-navigation-without-resolve
				if (next.href !== location.href) replaceState(next, {});
			}, 250);
			return () => clearTimeout(timer);
		});
	}
}
