/**
 * A prepared timeline in the shape that crosses from the data worker to the page cheaply. Copying
 * 100,000 prepared events as objects (each with its intervals) took longer than preparing them; here
 * the times and the indexes travel as typed arrays, transferred without a copy, and only the events
 * as the file gave them are copied. The page rebuilds just the prepared event objects.
 */
import type { Category, Dataset, TimelineEvent } from '$lib/model/schema';
import type { MidpointIndex, TimeIndex } from '$lib/model/time-index';
import {
	PRECISION_ORDER,
	UNCATEGORISED,
	type PreparedEra,
	type PreparedEvent,
	type PreparedTimeline
} from '$lib/model/timeline';

/** {@link PreparedTimeline} flattened for `postMessage`. Absent intervals are NaN. */
export interface PackedTimeline {
	title: string;
	description: string;
	media?: Dataset['media'];
	zone: string;
	floating?: boolean;
	source?: Dataset['source'];
	lanes: Category[];
	eras?: PreparedEra[];
	/** The events, in time order. */
	events: TimelineEvent[];
	/** Per event: outer start and end, core start and end (UTC ms), then the same on the wall clock. */
	times: Float64Array;
	/** Per event: precision's index in {@link PRECISION_ORDER}, +8 if instant, +16 if uncertain. */
	flags: Uint8Array;
	index: TimeIndex;
	/** Per lane: its events' positions in `events`, and its indexes. */
	byLane: { positions: Uint32Array; index: TimeIndex; mids: MidpointIndex }[];
	extent?: [number, number];
}

const FIELDS = 8;
const INSTANT = 8;
const UNCERTAIN = 16;

/** Flattens `timeline`; post the result with `transferList(packed)`. */
export function packTimeline(timeline: PreparedTimeline): PackedTimeline {
	const n = timeline.events.length;
	const times = new Float64Array(n * FIELDS);
	const flags = new Uint8Array(n);
	timeline.events.forEach((e, i) => {
		const at = i * FIELDS;
		times[at] = e.outer.start;
		times[at + 1] = e.outer.end;
		times[at + 2] = e.core?.start ?? NaN;
		times[at + 3] = e.core?.end ?? NaN;
		times[at + 4] = e.wall.start;
		times[at + 5] = e.wall.end;
		times[at + 6] = e.wallCore?.start ?? NaN;
		times[at + 7] = e.wallCore?.end ?? NaN;
		flags[i] =
			PRECISION_ORDER.indexOf(e.precision) +
			(e.instant ? INSTANT : 0) +
			(e.uncertain ? UNCERTAIN : 0);
	});
	return {
		title: timeline.title,
		description: timeline.description,
		...(timeline.media ? { media: timeline.media } : {}),
		zone: timeline.zone,
		...(timeline.floating ? { floating: true } : {}),
		...(timeline.source ? { source: timeline.source } : {}),
		lanes: timeline.lanes,
		...(timeline.eras ? { eras: timeline.eras } : {}),
		events: timeline.events.map((e) => e.event),
		times,
		flags,
		index: timeline.index,
		byLane: timeline.byLane.map((lane) => ({
			positions: Uint32Array.from(lane.events, (e) => e.order),
			index: lane.index,
			mids: lane.mids
		})),
		extent: timeline.extent
	};
}

/** The buffers to transfer rather than copy. */
export const transferList = (packed: PackedTimeline): Transferable[] => [
	packed.times.buffer,
	packed.flags.buffer,
	packed.index.starts.buffer,
	...packed.byLane.flatMap((lane) => [
		lane.positions.buffer,
		lane.index.starts.buffer,
		lane.mids.mids.buffer,
		lane.mids.order.buffer
	])
];

/**
 * Rebuilds the prepared events of `events`, a slice of the packed events starting at `offset`, so
 * that a large timeline can be rebuilt a batch at a time as its events arrive.
 */
export function unpackEvents(
	packed: Pick<PackedTimeline, 'times' | 'flags' | 'zone'>,
	events: readonly TimelineEvent[],
	offset = 0
): PreparedEvent[] {
	const { times, flags, zone } = packed;
	const interval = (at: number) =>
		Number.isNaN(times[at]) ? undefined : { start: times[at] ?? 0, end: times[at + 1] ?? 0 };
	return events.map((event, j): PreparedEvent => {
		const i = offset + j;
		const at = i * FIELDS;
		const flag = flags[i] ?? 0;
		return {
			outer: { start: times[at] ?? 0, end: times[at + 1] ?? 0 },
			core: interval(at + 2),
			instant: (flag & INSTANT) !== 0,
			uncertain: (flag & UNCERTAIN) !== 0,
			precision: PRECISION_ORDER[flag & 7] ?? 'day',
			id: event.id,
			order: i,
			lane: event.category ?? UNCATEGORISED.id,
			zone: event.timeZone ?? zone,
			wall: { start: times[at + 4] ?? 0, end: times[at + 5] ?? 0 },
			wallCore: interval(at + 6),
			event
		};
	});
}

/** The prepared timeline of `packed`, given all its events already rebuilt by {@link unpackEvents}. */
export function assembleTimeline(
	packed: Omit<PackedTimeline, 'events'>,
	events: PreparedEvent[]
): PreparedTimeline {
	return {
		title: packed.title,
		description: packed.description,
		...(packed.media ? { media: packed.media } : {}),
		zone: packed.zone,
		...(packed.floating ? { floating: true } : {}),
		source: packed.source,
		lanes: packed.lanes,
		...(packed.eras ? { eras: packed.eras } : {}),
		events,
		index: packed.index,
		byLane: packed.byLane.map((lane) => ({
			events: Array.from(lane.positions, (i) => events[i] as PreparedEvent),
			index: lane.index,
			mids: lane.mids
		})),
		extent: packed.extent
	};
}

/** Rebuilds the prepared timeline {@link packTimeline} flattened. */
export function unpackTimeline(packed: PackedTimeline): PreparedTimeline {
	return assembleTimeline(packed, unpackEvents(packed, packed.events));
}
