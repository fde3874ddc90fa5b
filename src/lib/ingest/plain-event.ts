/**
 * A quick test that a converted event is plainly well formed, so that a million of them are not
 * each run through valibot (docs/decisions.md, 25). It says yes only when valibot's `EventSchema`
 * would pass the event unchanged and the text limits would cut nothing: every key known, every
 * value of the right kind, text already trimmed and short, dates real. On anything else (a nested
 * field such as quotes or sources, a long text, the first doubt) it says no, and the full check
 * runs and words the problems as always, so messages never depend on this test.
 */
import {
	CERTAINTIES,
	EventSchema,
	isTimeZone,
	PARTS_OF_DAY,
	PRECISIONS,
	TITLE_SOURCES,
	type TimelineEvent
} from '$lib/model/schema';
import { fitsCalendar, isRealDate } from '$lib/model/iso';
import { MAX_ID_LENGTH } from './limits';

/** Longer text goes through the full check and the text limits (whose smallest limit this is under). */
const SHORT = MAX_ID_LENGTH;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

const text = (value: unknown) =>
	typeof value === 'string' && value.length > 0 && value.length <= SHORT && value.trim() === value;
// A date that starts with a digit has a four-digit year, which always fits the calendar.
const date = (value: unknown) =>
	typeof value === 'string' &&
	value.length <= SHORT &&
	isRealDate(value) &&
	(value.charCodeAt(0) <= 0x39 && value.charCodeAt(0) >= 0x30 ? true : fitsCalendar(value));
const oneOf = (choices: readonly string[]) => (value: unknown) =>
	typeof value === 'string' && choices.includes(value);
const texts = (value: unknown) => Array.isArray(value) && value.every(text);

/** The fields this test knows how to check; any other (nested) field sends the event to valibot. */
const CHECKS: Partial<Record<keyof TimelineEvent, (value: unknown) => boolean>> = {
	id: (value) => typeof value === 'string' && value.length <= SHORT && ID.test(value),
	title: text,
	summary: (value) => typeof value === 'string' && value.length <= SHORT,
	titleFrom: oneOf(TITLE_SOURCES),
	start: date,
	end: date,
	precision: oneOf(PRECISIONS),
	partOfDay: oneOf(PARTS_OF_DAY),
	approximate: (value) => typeof value === 'boolean',
	timeZone: (value) => typeof value === 'string' && value.length <= SHORT && isTimeZone(value),
	displayDate: text,
	category: text,
	actors: texts,
	places: texts,
	certainty: oneOf(CERTAINTIES),
	attribution: text
};

/** Each field's place in the schema (the order valibot writes an event's keys in), and its check. */
const FIELDS = new Map(
	Object.keys(EventSchema.entries).flatMap((key, rank) => {
		const check = CHECKS[key as keyof TimelineEvent];
		return check ? [[key, { rank, check }] as const] : [];
	})
);
/**
 * The quick test of one field's value, for importers that build events field by field in the
 * schema's order (`ingest/csv-eventline.ts`); undefined for a field only the full check knows.
 */
export const plainFieldCheck = (field: string): ((value: unknown) => boolean) | undefined =>
	FIELDS.get(field)?.check;

/** The schema's order of fields. */
const ORDER = Object.keys(EventSchema.entries);

/**
 * The event as valibot would give it back, when it is plainly well formed and needs no cutting;
 * undefined when the full check must decide. `streamed`: the event goes to the packer only, and
 * comes back as a {@link StreamedEvent}.
 */
export function plainEvent(
	event: Record<string, unknown>,
	{ streamed = false }: { streamed?: boolean } = {}
): TimelineEvent | undefined {
	// A streamed event is given back as a StreamedEvent, its fields copied in as they are checked.
	const into = streamed ? (new StreamedEvent() as unknown as Record<string, unknown>) : undefined;
	let last = -1;
	let ordered = true;
	for (const key in event) {
		if (!Object.hasOwn(event, key)) return undefined;
		// One look-up a key: a million events have millions of keys.
		const field = FIELDS.get(key);
		if (!field || !field.check(event[key])) return undefined;
		if (into) into[key] = event[key];
		if (field.rank < last) ordered = false;
		last = field.rank;
	}
	if (typeof event.id !== 'string' || typeof event.title !== 'string') return undefined;
	if (typeof event.start !== 'string') return undefined;
	if (into) return into as unknown as TimelineEvent;
	if (ordered) return event as TimelineEvent;
	// valibot writes keys in the schema's order; so does this copy.
	const copy: Record<string, unknown> = {};
	for (const key of ORDER) if (Object.hasOwn(event, key)) copy[key] = event[key];
	return copy as TimelineEvent;
}

/**
 * A plainly well formed event on its way to the packer only (a file read as a stream, whose events
 * the worker packs and never keeps): every field the quick check knows, in the schema's order,
 * undefined when absent. Every event has this one shape, where events of a dozen shapes (as files
 * give them) made each field read in the checks and the packer slow: at a million rows, half a
 * second and more of the worker's load. The packer sends only the fields present, and the page
 * rebuilds each event with those alone.
 */
export class StreamedEvent {
	id: unknown = undefined;
	title: unknown = undefined;
	summary: unknown = undefined;
	titleFrom: unknown = undefined;
	start: unknown = undefined;
	end: unknown = undefined;
	precision: unknown = undefined;
	partOfDay: unknown = undefined;
	approximate: unknown = undefined;
	timeZone: unknown = undefined;
	displayDate: unknown = undefined;
	category: unknown = undefined;
	actors: unknown = undefined;
	places: unknown = undefined;
	certainty: unknown = undefined;
	attribution: unknown = undefined;
}
