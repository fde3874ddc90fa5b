/**
 * Keeps the URL in step with the view, and the view with the URL on arrival. The URL holds UTC
 * instants; the view works in display wall-clock time.
 */
import { fromWallClock, toWallClock } from '$lib/model/dates';
import { findEvent, type PreparedTimeline } from '$lib/model/timeline';
import type { FilterState } from './filters.svelte';
import type { SelectionState } from './selection.svelte';
import type { TimelineView } from './view.svelte';
import { readUrlView, writeUrlView, type KnownValues } from './url';

/** A lookup of every value one list field takes in `timeline`, built on the first question. */
function valuesOf(timeline: PreparedTimeline, field: 'actors' | 'places') {
	let values: Set<string> | undefined;
	return {
		has(value: string) {
			values ??= new Set(timeline.events.flatMap((e) => e.event[field] ?? []));
			return values.has(value);
		}
	};
}

/** What the filters can be set to in `timeline`: its lanes, and the actors and places its events name. */
function knownValues(timeline: PreparedTimeline): KnownValues {
	return {
		categories: new Set(timeline.lanes.map((lane) => lane.id)),
		actors: valuesOf(timeline, 'actors'),
		places: valuesOf(timeline, 'places')
	};
}

/** Applies `?from=&to=&event=`, `breaks=` and the filters from `url` to the view; ignores what does not make sense. */
export function restoreFromUrl(
	url: URL,
	view: TimelineView,
	selection: SelectionState,
	filters: FilterState
) {
	// Looked up only when the URL names an event: a set of 100,000 ids would delay the first paint.
	const state = readUrlView(
		url.searchParams,
		{ has: (id) => findEvent(view.source, id) !== undefined },
		knownValues(view.source)
	);
	filters.restore(state);
	// Before the window: the same dates sit elsewhere on a scale with or without breaks.
	if (state.skipGaps !== undefined) view.setSkipGaps(state.skipGaps);
	const zone = view.timeline.zone;
	if (state.domain) {
		view.showDomain(
			[toWallClock(state.domain[0], zone), toWallClock(state.domain[1], zone)],
			false
		);
	}
	if (state.event) {
		selection.pinned = state.event;
		if (!state.domain) view.reveal(state.event, false);
	}
}

/**
 * The URL that describes the data (`src`, the address it came from, or `tiles`, the manifest of the
 * tile set on screen, or none) and the current view
 * (full extent means no `from`/`to`).
 */
export function urlForView(
	url: URL,
	src: string | undefined,
	view: TimelineView,
	selection: SelectionState,
	filters: FilterState,
	tiles?: string
): URL {
	const zone = view.timeline.zone;
	const zoomed = view.transform.k > 1.0001;
	const params = writeUrlView(url.searchParams, {
		domain: zoomed
			? [fromWallClock(view.domain[0], zone), fromWallClock(view.domain[1], zone)]
			: undefined,
		event: selection.pinned,
		query: filters.query.trim(),
		groupBy: filters.groupBy,
		categories: [...filters.categories],
		actors: [...filters.actors],
		places: [...filters.places],
		skipGaps: view.skipGaps
	});
	if (src) params.set('src', src);
	else params.delete('src');
	if (tiles) params.set('tiles', tiles);
	else params.delete('tiles');
	const next = new URL(url);
	next.search = params.toString();
	return next;
}
