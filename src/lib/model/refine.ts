/**
 * What the reader asked to see: events filtered by category, actor and place, and lanes grouped by
 * category, actor, place or not at all. A pure step between the loaded timeline and the layout.
 */
import { indexTimeline, type PreparedEvent, type PreparedTimeline } from './timeline';
import type { Category } from './schema';

/** How lanes are formed. */
export const GROUPINGS = ['category', 'actor', 'place', 'none'] as const;
/** One of {@link GROUPINGS}. */
export type Grouping = (typeof GROUPINGS)[number];

/** Filters and grouping; an empty filter set means "all". */
export interface RefineOptions {
	groupBy: Grouping;
	categories: ReadonlySet<string>;
	actors: ReadonlySet<string>;
	places: ReadonlySet<string>;
}

/** An immutable set of the given values. */
export const setOf = (values: Iterable<string> = []): ReadonlySet<string> => new Set(values);

/** A copy of `set` with `value` added, or removed if it was there. */
export function toggled(set: ReadonlySet<string>, value: string): ReadonlySet<string> {
	const next = new Set(set);
	if (!next.delete(value)) next.add(value);
	return next;
}

/** No filters, lanes by category. */
export const NO_REFINEMENT: RefineOptions = {
	groupBy: 'category',
	categories: setOf(),
	actors: setOf(),
	places: setOf()
};

/** Most lanes an actor or place grouping makes; the rest share an "Other" lane. */
export const MAX_GROUP_LANES = 10;

const matchesAny = (wanted: ReadonlySet<string>, values: readonly string[] | undefined) =>
	wanted.size === 0 || (values ?? []).some((value) => wanted.has(value));

/**
 * `e` drawn in another lane. Every field is named: an event rebuilt from the worker's arrays reads
 * its fields through getters, which a spread would drop.
 */
const withLane = (e: PreparedEvent, lane: string): PreparedEvent => ({
	id: e.id,
	order: e.order,
	lane,
	zone: e.zone,
	precision: e.precision,
	instant: e.instant,
	uncertain: e.uncertain,
	outer: e.outer,
	...(e.core ? { core: e.core } : {}),
	wall: e.wall,
	...(e.wallCore ? { wallCore: e.wallCore } : {}),
	// Read through, so a loaded event is made only when something reads it.
	get event() {
		return e.event;
	},
	...(e.listed ? { listed: (field: 'actors' | 'places') => e.listed?.(field) } : {})
});

/** True when nothing is filtered and lanes are the dataset's categories. */
export const isUnrefined = (options: RefineOptions) =>
	options.groupBy === 'category' &&
	options.categories.size + options.actors.size + options.places.size === 0;

/** An event's actors or places, without making a loaded event to read them. */
const listed = (e: PreparedEvent, field: 'actors' | 'places'): readonly string[] | undefined =>
	e.listed ? e.listed(field) : e.event[field];

/** Every actor (or place) in the timeline with how many events name it, most frequent first. */
export function facetCounts(
	events: readonly PreparedEvent[],
	field: 'actors' | 'places'
): { value: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const e of events)
		for (const value of listed(e, field) ?? []) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts]
		.map(([value, count]) => ({ value, count }))
		.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function groupLanes(
	events: PreparedEvent[],
	field: 'actors' | 'places',
	none: string
): { events: PreparedEvent[]; lanes: Category[] } {
	const top = facetCounts(events, field).slice(0, MAX_GROUP_LANES);
	const laneIds = new Map(top.map(({ value }) => [value, `${field}:${value}`]));
	const other = `${field}:*other`;
	const missing = `${field}:*none`;
	const regrouped = events.map((e) => {
		const values = listed(e, field);
		const first = (values ?? []).find((value) => laneIds.has(value));
		const lane = first ? (laneIds.get(first) ?? other) : values?.length ? other : missing;
		return lane === e.lane ? e : withLane(e, lane);
	});
	const used = new Set(regrouped.map((e) => e.lane));
	const lanes: Category[] = [
		...top.map(({ value }) => ({ id: laneIds.get(value) ?? value, label: value })),
		{ id: other, label: `Other ${field}` },
		{ id: missing, label: none }
	].filter((lane) => used.has(lane.id));
	return { events: regrouped, lanes };
}

/** The timeline as filtered and grouped by `options`; the input itself is returned when nothing applies. */
export function refineTimeline(base: PreparedTimeline, options: RefineOptions): PreparedTimeline {
	if (isUnrefined(options)) return base;
	const filtered = base.events.filter(
		(e) =>
			(options.categories.size === 0 || options.categories.has(e.event.category ?? e.lane)) &&
			matchesAny(options.actors, listed(e, 'actors')) &&
			matchesAny(options.places, listed(e, 'places'))
	);
	let events = filtered;
	let lanes: Category[];
	if (options.groupBy === 'actor')
		({ events, lanes } = groupLanes(filtered, 'actors', 'No actor named'));
	else if (options.groupBy === 'place')
		({ events, lanes } = groupLanes(filtered, 'places', 'No place named'));
	else if (options.groupBy === 'none') {
		events = filtered.map((e) => (e.lane === 'all' ? e : withLane(e, 'all')));
		lanes = [{ id: 'all', label: 'All events' }];
	} else {
		const used = new Set(filtered.map((e) => e.lane));
		lanes = base.lanes.filter((lane) => used.has(lane.id));
	}
	return { ...base, ...indexTimeline(events, lanes), extent: base.extent };
}
