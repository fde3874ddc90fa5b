/**
 * Everything one timeline page needs, wired together: selection, filters, view, loader and theme,
 * the start-up sequence (?src=, then the view from the URL) and the URL kept in step. The full page
 * and the embed share it.
 */
import { replaceState } from '$app/navigation';
import { restoreFromUrl, urlForView } from './url-sync';
import type { PreparedTimeline } from '$lib/model/timeline';
import { FilterState } from './filters.svelte';
import { DataLoader } from './loader.svelte';
import { SelectionState } from './selection.svelte';
import { ThemeState } from './theme.svelte';
import { TimelineView } from './view.svelte';

/** `<html data-state>`: "ready" once loaded data is painted (two frames on), "error" if loading failed. */
function announceState(state: 'loading' | 'ready' | 'error') {
	const root = document.documentElement;
	if (state !== 'ready') root.dataset.state = state;
	else requestAnimationFrame(() => requestAnimationFrame(() => (root.dataset.state = 'ready')));
}

/** The state of a timeline page. */
export class TimelineApp {
	readonly selection = new SelectionState();
	readonly filters = new FilterState();
	readonly theme = new ThemeState();
	readonly view: TimelineView;
	readonly loader: DataLoader;
	/** False until the URL has been read, so the first URL write cannot erase what it said. */
	restored = $state(false);

	constructor(timeline: PreparedTimeline) {
		this.view = new TimelineView(timeline, this.selection, this.filters);
		this.loader = new DataLoader((loaded) => {
			this.selection.clear();
			this.filters.restore({});
			this.view.load(loaded);
		});
	}

	/** Loads data with `load`, announcing loading, then ready or error, on `<html>`. */
	async open(load: () => Promise<boolean>) {
		announceState('loading');
		announceState((await load()) ? 'ready' : 'error');
	}

	/** Runs once the page is in the browser: theme, `?src=`, then the view the URL describes. */
	async start(url: URL) {
		document.documentElement.classList.add('js');
		this.theme.restore();
		const src = url.searchParams.get('src');
		if (src) await this.open(() => this.loader.loadUrl(src));
		else announceState('ready');
		restoreFromUrl(url, this.view, this.selection, this.filters);
		this.restored = true;
	}

	/**
	 * Keeps the URL describing the view while the reader moves, without flooding history
	 * (replaceState, debounced). Call during component initialisation.
	 */
	syncUrl(currentUrl: () => URL) {
		$effect(() => {
			if (!this.restored) return;
			const next = urlForView(currentUrl(), this.view, this.selection, this.filters);
			const timer = setTimeout(() => {
				// Same page, only the query changes, so there is no route to resolve().
				// eslint-disable-next-line svelte/no-navigation-without-resolve
				if (next.href !== location.href) replaceState(next, {});
			}, 250);
			return () => clearTimeout(timer);
		});
	}
}
