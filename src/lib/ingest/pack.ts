/**
 * Events on their way from the data worker to the page, cheaply. The worker packs the events it
 * accepts, in file order, into batches of columns as it reads (NDJSON while the file still
 * arrives): their free text joined into one string per batch with its offsets, the values that
 * repeat (category, precision, actors, places…) as numbers into a table sent once, and only the
 * rare structured fields (quotes, sources, body…) as objects. The page rebuilds each batch and
 * resolves its times while the worker reads on, then orders and indexes the whole timeline
 * ({@link timelineAssembler}). Structured-cloning a million event objects took most of a load; a
 * string and a few typed arrays per batch copy in a moment.
 */
import { EventSchema, type TimelineEvent } from '$lib/model/schema';
import {
	assembleTimeline,
	preparedEvents,
	TimesBuilder,
	type DatasetHeader,
	type TimelineTimes
} from '$lib/model/timeline-times';
import type { PreparedTimeline } from '$lib/model/timeline';

/** A run of consecutive events, as columns. */
export interface EventBatch {
	/** Position of the first event of the batch among the file's accepted events. */
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
 * Packs events a run at a time, in batches of at most `batchSize`: each call yields the batches of
 * the events given, numbered on from the last call's, with the repeating values each first uses.
 */
export function eventPacker(
	batchSize = EVENT_BATCH
): (events: readonly TimelineEvent[]) => Generator<EventBatch> {
	const tables = CODED.map(() => new Map<string, number>());
	const values: unknown[][] = CODED.map(() => [undefined]);
	let from = 0;
	return function* (events) {
		let at = 0;
		while (at < events.length) {
			const known = values.map((list) => list.length);
			const batch = packBatch(events, at, batchSize, tables, values);
			batch.added = values.map((list, f) => list.slice(known[f]));
			batch.from = from;
			yield batch;
			at += batch.count;
			from += batch.count;
		}
	};
}

/**
 * The worker's side: events as they are accepted, gathered into batches of `batchSize`, packed and
 * handed to `post` (each with {@link batchTransferList}). `begin` hears, before the first batch,
 * the zone the page should read their dates in (call {@link EventSender.zone} before that, if not UTC).
 */
export class EventSender {
	#pending: TimelineEvent[] = [];
	#sent = 0;
	#pack: (events: readonly TimelineEvent[]) => Generator<EventBatch>;
	#begun = false;
	/** The zone the events' dates are read in (the dataset's), told to the page before any batch. */
	zone = 'UTC';

	#post: (batch: EventBatch) => void;
	#begin: (zone: string) => void;
	#batchSize: number;

	constructor(
		post: (batch: EventBatch) => void,
		begin: (zone: string) => void,
		batchSize = EVENT_BATCH
	) {
		this.#post = post;
		this.#begin = begin;
		this.#batchSize = batchSize;
		this.#pack = eventPacker(batchSize);
	}

	/** The next accepted events, in file order. */
	add(events: readonly TimelineEvent[]): void {
		for (const event of events) this.#pending.push(event);
		if (this.#pending.length >= this.#batchSize) this.flush();
	}

	/** Sends what is waiting. */
	flush(): void {
		if (!this.#pending.length) return;
		if (!this.#begun) {
			this.#begun = true;
			this.#begin(this.zone);
		}
		for (const batch of this.#pack(this.#pending)) this.#post(batch);
		this.#sent += this.#pending.length;
		this.#pending = [];
	}

	/** How many events have been sent. */
	get sent(): number {
		return this.#sent;
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

/**
 * The page's side: each batch rebuilt and its times resolved as it arrives (in `zone`, the one the
 * worker said), then, once the file is read, the events in time order with their lanes and indexes.
 */
export interface TimelineAssembler {
	add(batch: EventBatch): void;
	/** Events added so far. */
	readonly count: number;
	/** All batches are in: the timeline of `header`, in time order and indexed, its events not yet prepared. */
	index(header: DatasetHeader): TimelineTimes;
}

export function timelineAssembler(zone: string): TimelineAssembler {
	const read = batchReader();
	const times = new TimesBuilder(zone);
	let count = 0;
	return {
		add(batch) {
			times.add(read(batch));
			count += batch.count;
		},
		get count() {
			return count;
		},
		index: (header) => times.finish(header)
	};
}

/** Rebuilds, on one thread, the prepared timeline of `header` from the batches its events were sent in. */
export function unpackTimeline(
	header: DatasetHeader,
	batches: Iterable<EventBatch>,
	zone = header.timeZone ?? 'UTC'
): PreparedTimeline {
	const assembler = timelineAssembler(zone);
	for (const batch of batches) assembler.add(batch);
	const times = assembler.index(header);
	return assembleTimeline(times, preparedEvents(times, times.events));
}
