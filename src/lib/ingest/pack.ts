/**
 * A prepared timeline in the shape that crosses from the data worker to the page cheaply. The times
 * and indexes are typed arrays ({@link TimelineTimes}), transferred without a copy. The events go as
 * columns in batches: their free text joined into one string per batch with its offsets, the
 * values that repeat (category, precision, actors, places…) as numbers into a table sent once, and
 * only the rare structured fields (quotes, sources, body…) as objects. Structured-cloning a
 * million event objects and rebuilding them took most of a million-event load; a string and a few
 * typed arrays per batch copy in a moment.
 */
import { EventSchema, type TimelineEvent } from '$lib/model/schema';
import {
	assembleTimeline,
	preparedEvents,
	prepareTimes,
	type TimelineTimes
} from '$lib/model/timeline-times';
import type { PreparedEvent, PreparedTimeline } from '$lib/model/timeline';
import type { Dataset } from '$lib/model/schema';

/** {@link TimelineTimes} without its events, which follow in {@link EventBatch}es. */
export interface PackedTimeline extends Omit<TimelineTimes, 'events'> {
	/** How many events the batches hold. */
	count: number;
}

/** A run of consecutive events, as columns. */
export interface EventBatch {
	/** Position of the first event of the batch in the timeline. */
	from: number;
	count: number;
	/** The text fields ({@link TEXT}) of every event, one after another. */
	text: string;
	/** Per event and text field: where the field ends in `text` (it starts where the one before ends). */
	ends: Uint32Array;
	/** Per event: bit f set when text field f is present (an empty string is present). */
	present: Uint32Array;
	/**
	 * Per event and coded field ({@link CODED}): the number of its value, 0 if absent. Values are
	 * numbered from 1 in the order they first appear, field by field.
	 */
	codes: Uint32Array;
	/** Per coded field, the values that first appear in this batch, in the order of their numbers. */
	added: unknown[][];
	/** The other fields (nested ones: quotes, sources, body…) of the events that have any, with their positions in the batch. */
	others: { at: number; fields: Record<string, unknown> }[];
}

type Field = keyof TimelineEvent;

/** Fields whose text differs from event to event. */
const TEXT: readonly Field[] = [
	'id',
	'title',
	'summary',
	'start',
	'end',
	'displayDate',
	'attribution'
];
/** Fields whose values repeat: each distinct value crosses once. */
const CODED: readonly Field[] = [
	'titleFrom',
	'precision',
	'partOfDay',
	'approximate',
	'timeZone',
	'category',
	'actors',
	'places',
	'certainty'
];
/** Every field in the schema's order, which is the order validation gives an event's keys. */
const FIELDS = Object.keys(EventSchema.entries) as Field[];
/** How each field of {@link FIELDS} is rebuilt: its place among the text or the coded fields, or neither. */
const PLAN = FIELDS.map((field) => ({
	field,
	text: TEXT.indexOf(field),
	coded: CODED.indexOf(field)
}));

/** Events per batch: a few milliseconds of rebuilding on the page. */
export const EVENT_BATCH = 20_000;
/** Most characters of text in one batch: far under the longest string an engine allows. */
const BATCH_CHARS = 1 << 26;

/** Where each field goes: its place among the text fields, or the bitwise complement of its place among the coded ones. */
const SLOTS = new Map<string, number>([
	...TEXT.map((field, i): [string, number] => [field, i]),
	...CODED.map((field, i): [string, number] => [field, ~i])
]);

/** The key a coded value is told apart by (within its field, whose values are all of one kind). */
function codeKey(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value))
		return value.length === 1 ? `\u0001${String(value[0])}` : JSON.stringify(value);
	return String(value);
}

/**
 * Prepares and packs a dataset; returns the timeline (post with {@link transferList}) and its
 * events in batches of at most `batchSize` (post each with {@link batchTransferList}). Batches are
 * packed as they are asked for, so the page can rebuild one while the next is packed.
 */
export function packTimeline(
	dataset: Dataset,
	batchSize = EVENT_BATCH
): { packed: PackedTimeline; batches: Generator<EventBatch> } {
	const { events, ...times } = prepareTimes(dataset);
	return { packed: { ...times, count: events.length }, batches: packBatches(events, batchSize) };
}

function* packBatches(events: readonly TimelineEvent[], batchSize: number): Generator<EventBatch> {
	const tables = CODED.map(() => new Map<string, number>());
	const values: unknown[][] = CODED.map(() => [undefined]);
	let from = 0;
	while (from < events.length) {
		const known = values.map((list) => list.length);
		const batch = packBatch(events, from, batchSize, tables, values);
		batch.added = values.map((list, f) => list.slice(known[f]));
		yield batch;
		from += batch.count;
	}
}

function packBatch(
	events: readonly TimelineEvent[],
	from: number,
	batchSize: number,
	tables: Map<string, number>[],
	values: unknown[][]
): EventBatch {
	const most = Math.min(batchSize, events.length - from);
	const ends = new Uint32Array(most * TEXT.length);
	const present = new Uint32Array(most);
	const codes = new Uint32Array(most * CODED.length);
	const others: EventBatch['others'] = [];
	const pieces: string[] = [];
	const texts: string[] = TEXT.map(() => '');
	let chars = 0;
	let count = 0;
	while (count < most && (count === 0 || chars < BATCH_CHARS)) {
		const event = events[from + count] as TimelineEvent;
		let bits = 0;
		let fields: Record<string, unknown> | undefined;
		// One pass over the keys the event has, rather than a look-up of every field it might have.
		for (const field in event) {
			const value = event[field as Field];
			if (value === undefined || !Object.hasOwn(event, field)) continue;
			const slot = SLOTS.get(field);
			if (slot === undefined) (fields ??= {})[field] = value;
			else if (slot >= 0) {
				bits |= 1 << slot;
				texts[slot] = value as string;
			} else {
				const f = ~slot;
				const key = codeKey(value);
				const table = tables[f] as Map<string, number>;
				let code = table.get(key);
				if (code === undefined) {
					const known = values[f] as unknown[];
					code = known.length;
					known.push(value);
					table.set(key, code);
				}
				codes[count * CODED.length + f] = code;
			}
		}
		for (let f = 0; f < TEXT.length; f++) {
			if (bits & (1 << f)) {
				const value = texts[f] as string;
				pieces.push(value);
				chars += value.length;
			}
			ends[count * TEXT.length + f] = chars;
		}
		present[count] = bits;
		if (fields) others.push({ at: count, fields });
		count++;
	}
	return {
		from,
		count,
		text: pieces.join(''),
		ends: ends.subarray(0, count * TEXT.length),
		present: present.subarray(0, count),
		codes: codes.subarray(0, count * CODED.length),
		added: [],
		others
	};
}

/** The buffers of a packed timeline to transfer rather than copy. */
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

/** The buffers of a batch to transfer rather than copy. */
export const batchTransferList = (batch: EventBatch): Transferable[] => [
	batch.ends.buffer,
	batch.present.buffer,
	batch.codes.buffer
];

/**
 * Reads batches in the order they were packed: the events of each, as validation gave them (keys in
 * the schema's order). Values that repeat are shared between events: an `actors` list is one array
 * for every event naming the same actors.
 */
export function batchReader(): (batch: EventBatch) => TimelineEvent[] {
	const values: unknown[][] = CODED.map(() => [undefined]);
	return (batch) => {
		batch.added.forEach((added, f) => values[f]?.push(...added));
		return unpackBatch(values, batch);
	};
}

function unpackBatch(values: readonly unknown[][], batch: EventBatch): TimelineEvent[] {
	const { text, ends, present, codes, others } = batch;
	const events = new Array<TimelineEvent>(batch.count);
	let other = 0;
	let at = 0;
	for (let i = 0; i < batch.count; i++) {
		const fields = others[other]?.at === i ? others[other++]?.fields : undefined;
		const bits = present[i] ?? 0;
		const event: Record<string, unknown> = {};
		for (const { field, text: t, coded: c } of PLAN) {
			if (t !== -1) {
				const end = ends[i * TEXT.length + t] ?? at;
				if (bits & (1 << t)) event[field] = text.slice(at, end);
				at = end;
			} else if (c !== -1) {
				const code = codes[i * CODED.length + c] ?? 0;
				if (code) event[field] = values[c]?.[code];
			} else if (fields && fields[field] !== undefined) event[field] = fields[field];
		}
		events[i] = event as TimelineEvent;
	}
	return events;
}

/** Reads batches in the order they were packed, as prepared events of `packed`. */
export function preparedReader(packed: PackedTimeline): (batch: EventBatch) => PreparedEvent[] {
	const read = batchReader();
	return (batch) => preparedEvents(packed, read(batch), batch.from);
}

/** Rebuilds, on one thread, the prepared timeline {@link packTimeline} packed. */
export function unpackTimeline(
	packed: PackedTimeline,
	batches: Iterable<EventBatch>
): PreparedTimeline {
	const read = preparedReader(packed);
	return assembleTimeline(
		packed,
		[...batches].flatMap((batch) => read(batch))
	);
}
