/**
 * Events from tiles, read by the app's own importer: an event tile is Eventline NDJSON, a count
 * row's `top` a list of Eventline events, so every rule a loaded file obeys applies to them too
 * (checked, text limited, never markup). Then the timeline a tiled view draws: the events at hand
 * in the manifest's lanes, over the manifest's extent.
 */
import { acceptEvents } from '$lib/ingest/accept';
import { eventCandidate } from '$lib/ingest/eventline-json';
import { importNdjsonText } from '$lib/ingest/ndjson';
import type { RefineOptions } from '$lib/model/refine';
import type { TimelineEvent } from '$lib/model/schema';
import {
	indexTimeline,
	prepareTimeline,
	type PreparedEvent,
	type PreparedTimeline
} from '$lib/model/timeline';
import type { CountBar, CountRow } from './counts';
import type { Manifest } from './manifest';

/** The events of an event tile's text, and how many of its lines were set aside. */
export function readEventTile(text: string): { events: TimelineEvent[]; setAside: number } {
	if (!text.trim()) return { events: [], setAside: 0 };
	const outcome = importNdjsonText(text);
	return {
		events: outcome.dataset?.events ?? [],
		setAside: outcome.rejected.length + outcome.fatal.length
	};
}

/** The parts of a manifest a tiled timeline is made from. */
export type TimelineHead = Pick<
	Manifest,
	'title' | 'description' | 'timeZone' | 'source' | 'lanes' | 'extent'
>;

/**
 * The timeline of `events` (already checked, each once) in the manifest's lanes, every lane kept
 * even when none of its events is at hand (its counts draw it), over the manifest's whole extent.
 */
export function tiledTimeline(head: TimelineHead, events: TimelineEvent[]): PreparedTimeline {
	const lanes = head.lanes.map(({ id, label }) => ({ id, label }));
	const prepared = prepareTimeline({
		title: head.title,
		description: head.description,
		...(head.timeZone ? { timeZone: head.timeZone } : {}),
		...(head.source ? { source: head.source } : {}),
		categories: lanes,
		events
	});
	const known = new Set(lanes.map((lane) => lane.id));
	const extra = prepared.lanes.filter((lane) => !known.has(lane.id));
	return {
		...prepared,
		...indexTimeline(prepared.events, [...lanes, ...extra]),
		extent: [head.extent[0], head.extent[1]]
	};
}

const samples = new WeakMap<CountRow, PreparedEvent[]>();

/** A count row's top events, checked and prepared once (a row is kept while its tile is cached). */
function rowSample(row: CountRow, head: TimelineHead): PreparedEvent[] {
	let sample = samples.get(row);
	if (!sample) {
		const { events } = acceptEvents(
			(row.top ?? []).map((raw, i) => eventCandidate(raw, i)),
			{}
		);
		sample = prepareTimeline({
			...(head.timeZone ? { timeZone: head.timeZone } : {}),
			events
		}).events;
		samples.set(row, sample);
	}
	return sample;
}

/** Up to `count` events a bar's tooltip names: the top events of its first buckets. */
export function barSample(bar: CountBar, head: TimelineHead, count = 3): PreparedEvent[] {
	const sample: PreparedEvent[] = [];
	for (const row of bar.rows) {
		for (const event of rowSample(row, head)) {
			if (sample.length >= count) return sample;
			sample.push(event);
		}
	}
	return sample;
}

/**
 * A tiled timeline keeps every lane the filters allow, even one with no event at hand (its counts
 * draw it); lanes by actor or place come from the events at hand only.
 */
export function tiledLanes(
	refined: PreparedTimeline,
	source: PreparedTimeline,
	options: RefineOptions
): PreparedTimeline {
	if (options.groupBy !== 'category') return refined;
	const wanted = options.categories;
	const lanes = source.lanes.filter((lane) => wanted.size === 0 || wanted.has(lane.id));
	if (lanes.length === refined.lanes.length) return refined;
	return { ...refined, ...indexTimeline(refined.events, lanes), extent: refined.extent };
}
