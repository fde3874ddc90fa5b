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
import { EventSchema, type PartOfDay, type Precision, type TimelineEvent } from '$lib/model/schema';
import { bisector } from 'd3-array';
import {
	assembleTimeline,
	resolveDates,
	resolveRun,
	TimesBuilder,
	type DatasetHeader,
	type DatedId,
	type ResolvedRun,
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
	/**
	 * The events' times, when the worker resolved them (in the zone it told the page): then the page
	 * copies them, and rebuilds an event only when it is asked for ({@link ResolvedRun}).
	 */
	resolved?: Pick<ResolvedRun, 'times' | 'flags' | 'order'>;
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

/** Every field that is neither text nor coded: the nested ones, which cross as objects. */
const OTHER: readonly Field[] = FIELDS.filter(
	(field) => !TEXT.includes(field) && !CODED.includes(field)
);

/** The key a coded value other than a string or a one-item list is told apart by, within its field. */
const codeKey = (value: unknown): string =>
	Array.isArray(value) ? JSON.stringify(value) : String(value);

/**
 * Packs events a run at a time, in batches of at most `batchSize`: each call yields the batches of
 * the events given, numbered on from the last call's, with the repeating values each first uses.
 */
export function eventPacker(
	batchSize = EVENT_BATCH
): (events: readonly TimelineEvent[]) => Generator<EventBatch> {
	const codes = new Codes();
	let from = 0;
	return function* (events) {
		let at = 0;
		while (at < events.length) {
			const known = codes.values.map((list) => list.length);
			const batch = packBatch(events, at, batchSize, codes);
			batch.added = codes.values.map((list, f) => list.slice(known[f]));
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
	#resolve: boolean;

	/**
	 * `resolve`: the sender also resolves each batch's times (in {@link EventSender.zone}), where the
	 * page has other workers to keep up with.
	 */
	constructor(
		post: (batch: EventBatch) => void,
		begin: (zone: string) => void,
		{ batchSize = EVENT_BATCH, resolve = false }: { batchSize?: number; resolve?: boolean } = {}
	) {
		this.#post = post;
		this.#begin = begin;
		this.#batchSize = batchSize;
		this.#resolve = resolve;
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
		for (const batch of this.#pack(this.#pending)) {
			if (this.#resolve) {
				const at = batch.from - this.#sent;
				batch.resolved = resolveRun(this.#pending.slice(at, at + batch.count), this.zone);
			}
			this.#post(batch);
		}
		this.#sent += this.#pending.length;
		this.#pending = [];
	}

	/** How many events have been sent. */
	get sent(): number {
		return this.#sent;
	}
}

/** The numbers given so far to the values of each coded field, across batches. */
class Codes {
	readonly tables = CODED.map(() => new Map<string, number>());
	/** Per coded field, the numbers of its one-item lists by their item: the common case, looked up without building a key. */
	readonly singles = CODED.map(() => new Map<unknown, number>());
	/** Per coded field, its values in the order of their numbers (0, absent, first). */
	readonly values: unknown[][] = CODED.map(() => [undefined]);
	/** Per coded field, the numbers of lists already seen, by the list itself: importers share one list between rows. */
	readonly #lists = CODED.map(() => new Map<unknown, number>());

	/** The number of `value` of coded field `f`: 0 when absent, a new one when first seen. */
	code(f: number, value: unknown): number {
		if (value === undefined) return 0;
		const lists = this.#lists[f];
		if (lists && Array.isArray(value) && value.length > 1) {
			const known = lists.get(value);
			if (known !== undefined) return known;
			const code = this.#coded(f, value);
			lists.set(value, code);
			return code;
		}
		return this.#coded(f, value);
	}

	#coded(f: number, value: unknown): number {
		const single = Array.isArray(value) && value.length === 1;
		const table = (single ? this.singles[f] : this.tables[f]) as Map<unknown, number>;
		const key: unknown = single ? value[0] : typeof value === 'string' ? value : codeKey(value);
		let code = table.get(key);
		if (code === undefined) {
			const known = this.values[f] as unknown[];
			code = known.length;
			known.push(value);
			table.set(key, code);
		}
		return code;
	}
}

/** The text columns of a batch as they are filled. */
class TextColumns {
	// Appending to one string is far quicker than joining an array of a million pieces.
	text = '';
	constructor(readonly ends: Uint32Array) {}

	/** Adds text field `f` of the event whose fields start at `row`; returns its bit in `present`. */
	put(row: number, f: number, value: string | undefined): number {
		if (value !== undefined) this.text += value;
		this.ends[row + f] = this.text.length;
		return value === undefined ? 0 : 1 << f;
	}
}

// Fields are read by name, one line each, rather than by walking each event's keys: with a
// million events of a few differing shapes, a walk over keys and a map look-up per key took
// seconds. A test holds TEXT and CODED to the order these lines follow.
function packBatch(
	events: readonly TimelineEvent[],
	from: number,
	batchSize: number,
	table: Codes
): EventBatch {
	const most = Math.min(batchSize, events.length - from);
	const text = new TextColumns(new Uint32Array(most * TEXT.length));
	const present = new Uint32Array(most);
	const codes = new Uint32Array(most * CODED.length);
	const others: EventBatch['others'] = [];
	let count = 0;
	while (count < most && (count === 0 || text.text.length < BATCH_CHARS)) {
		const e = events[from + count] as TimelineEvent;
		const row = count * TEXT.length;
		present[count] =
			text.put(row, 0, e.id) |
			text.put(row, 1, e.title) |
			text.put(row, 2, e.summary) |
			text.put(row, 3, e.start) |
			text.put(row, 4, e.end) |
			text.put(row, 5, e.displayDate) |
			text.put(row, 6, e.attribution);
		const at = count * CODED.length;
		codes[at] = table.code(0, e.titleFrom);
		codes[at + 1] = table.code(1, e.precision);
		codes[at + 2] = table.code(2, e.partOfDay);
		codes[at + 3] = table.code(3, e.approximate);
		codes[at + 4] = table.code(4, e.timeZone);
		codes[at + 5] = table.code(5, e.category);
		codes[at + 6] = table.code(6, e.actors);
		codes[at + 7] = table.code(7, e.places);
		codes[at + 8] = table.code(8, e.certainty);
		if (
			e.body !== undefined ||
			e.dateBasis !== undefined ||
			e.quotes !== undefined ||
			e.sources !== undefined ||
			e.media !== undefined ||
			e.notes !== undefined
		) {
			const fields: Record<string, unknown> = {};
			for (const field of OTHER) if (e[field] !== undefined) fields[field] = e[field];
			others.push({ at: count, fields });
		}
		count++;
	}
	return {
		from,
		count,
		text: text.text,
		ends: text.ends.subarray(0, count * TEXT.length),
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
	batch.codes.buffer,
	...(batch.resolved
		? [batch.resolved.times.buffer, batch.resolved.flags.buffer, batch.resolved.order.buffer]
		: [])
];

/**
 * Reads batches in the order they were packed: the events of each, as validation gave them (keys in
 * the schema's order). Values that repeat are shared between events: an `actors` list is one array
 * for every event naming the same actors.
 */
export function batchReader(): (batch: EventBatch) => TimelineEvent[] {
	const reader = new BatchReader();
	return (batch) => reader.events(reader.take(batch));
}

/** Where the category, actors, places and the date fields are among the coded fields. */
const [CATEGORY, ACTORS, PLACES, TIME_ZONE, PRECISION, PART_OF_DAY, APPROXIMATE] = (
	['category', 'actors', 'places', 'timeZone', 'precision', 'partOfDay', 'approximate'] as const
).map((field) => CODED.indexOf(field)) as [number, number, number, number, number, number, number];
/** Where the id and dates are among the text fields. */
const [ID, START, END] = (['id', 'start', 'end'] as const).map((field) => TEXT.indexOf(field)) as [
	number,
	number,
	number
];

/** Text field `f` of event `i` of `batch`, if present: it runs from where the field before it ends. */
function textField(batch: EventBatch, i: number, f: number): string | undefined {
	if (!((batch.present[i] ?? 0) & (1 << f))) return undefined;
	const at = i * TEXT.length + f;
	return batch.text.slice(at === 0 ? 0 : (batch.ends[at - 1] ?? 0), batch.ends[at]);
}

/** Reads one worker's batches, in the order they were packed. */
class BatchReader {
	/** Per coded field, its values by number, as the batches so far have added them. */
	readonly values: unknown[][] = CODED.map(() => [undefined]);

	/** Takes the next batch's new values: its events can then be read, now or later. */
	take(batch: EventBatch): EventBatch {
		batch.added.forEach((added, f) => this.values[f]?.push(...added));
		return batch;
	}

	/** Every event of a batch taken. */
	events(batch: EventBatch): TimelineEvent[] {
		const events = new Array<TimelineEvent>(batch.count);
		let other = 0;
		let at = 0;
		for (let i = 0; i < batch.count; i++) {
			const fields = batch.others[other]?.at === i ? batch.others[other++]?.fields : undefined;
			events[i] = this.#event(batch, i, at, fields);
			at = batch.ends[(i + 1) * TEXT.length - 1] ?? at;
		}
		return events;
	}

	/**
	 * The times of a batch taken, resolved in `zone` from its columns: each event's id and dates are
	 * read into one object, refilled row by row, and no event is made.
	 */
	resolve(batch: EventBatch, zone: string): NonNullable<EventBatch['resolved']> {
		const { codes } = batch;
		const [precisions, parts, approximates, zones] = [
			PRECISION,
			PART_OF_DAY,
			APPROXIMATE,
			TIME_ZONE
		].map((c) => this.values[c] as unknown[]) as [Precision[], PartOfDay[], boolean[], string[]];
		const dated: DatedId = { id: '', start: '' };
		return resolveDates(
			batch.count,
			(i) => {
				const coded = i * CODED.length;
				dated.id = textField(batch, i, ID) ?? '';
				dated.start = textField(batch, i, START) ?? '';
				dated.end = textField(batch, i, END);
				dated.precision = precisions[codes[coded + PRECISION] ?? 0];
				dated.partOfDay = parts[codes[coded + PART_OF_DAY] ?? 0];
				dated.approximate = approximates[codes[coded + APPROXIMATE] ?? 0];
				dated.timeZone = zones[codes[coded + TIME_ZONE] ?? 0];
				return dated;
			},
			zone
		);
	}

	/** A batch taken whose times the worker resolved, its events made one at a time when asked for. */
	run(batch: EventBatch, resolved: NonNullable<EventBatch['resolved']>): ResolvedRun {
		const { ends, codes, others } = batch;
		const start = (i: number) => (i === 0 ? 0 : (ends[i * TEXT.length - 1] ?? 0));
		const categories = this.values[CATEGORY] as unknown[];
		return {
			count: batch.count,
			...resolved,
			id: (i) => textField(batch, i, ID) ?? '',
			category: (i) => categories[codes[i * CODED.length + CATEGORY] ?? 0] as string | undefined,
			timeZone: (i) =>
				this.values[TIME_ZONE]?.[codes[i * CODED.length + TIME_ZONE] ?? 0] as string | undefined,
			listed: (i, field) => {
				const c = field === 'actors' ? ACTORS : PLACES;
				return this.values[c]?.[codes[i * CODED.length + c] ?? 0] as string[] | undefined;
			},
			event: (i) => {
				// The few events with other fields are listed by their place: found by a binary search.
				const k = bisector<{ at: number }, number>((other) => other.at).left(others, i);
				const fields = others[k]?.at === i ? others[k]?.fields : undefined;
				return this.#event(batch, i, start(i), fields);
			}
		};
	}

	/** Event `i` of `batch`, whose text starts at `at`, with its `fields` other than text and coded. */
	#event(
		batch: EventBatch,
		i: number,
		at: number,
		fields: Record<string, unknown> | undefined
	): TimelineEvent {
		const { text, ends, present, codes } = batch;
		const bits = present[i] ?? 0;
		const event: Record<string, unknown> = {};
		for (const { field, text: t, coded: c } of PLAN) {
			if (t !== -1) {
				const end = ends[i * TEXT.length + t] ?? at;
				if (bits & (1 << t)) event[field] = text.slice(at, end);
				at = end;
			} else if (c !== -1) {
				const code = codes[i * CODED.length + c] ?? 0;
				if (code) event[field] = this.values[c]?.[code];
			} else if (fields && fields[field] !== undefined) event[field] = fields[field];
		}
		return event as TimelineEvent;
	}
}

/**
 * The page's side: each batch rebuilt and its times resolved as it arrives (in `zone`, the one the
 * worker said), then, once the file is read, the events in time order with their lanes and indexes.
 */
export interface TimelineAssembler {
	/**
	 * The next batch from `source` (0 unless the file is shared between workers, each of which packs
	 * its own batches in order).
	 */
	add(batch: EventBatch, source?: number): void;
	/** Events added so far. */
	readonly count: number;
	/** All batches are in: the timeline of `header`, in time order and indexed, its events not yet prepared. */
	index(header: DatasetHeader): TimelineTimes;
}

export function timelineAssembler(zone: string): TimelineAssembler {
	const readers: BatchReader[] = [];
	const times = new TimesBuilder(zone);
	let count = 0;
	return {
		add(batch, source = 0) {
			const reader = (readers[source] ??= new BatchReader());
			reader.take(batch);
			// Resolved here, from the batch's columns, when the worker did not: events are made only
			// when read, so the page keeps tables rather than a million objects.
			const resolved = batch.resolved ?? reader.resolve(batch, zone);
			times.addResolved(reader.run(batch, resolved));
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
	return assembleTimeline(times);
}
