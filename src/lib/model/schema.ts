/**
 * The one definition of Eventline's data format. TypeScript types are inferred from it, the JSON
 * Schema in `src/lib/data/events.schema.json` is generated from it (`npm run schema`), and every
 * load validates against it.
 */
import * as v from 'valibot';
import { CALENDAR_YEARS } from './civil';
import { fitsCalendar, ISO_DATE_PATTERN, isRealDate } from './iso';

export { ISO_DATE_PATTERN, isRealDate };

/** How finely an event's date is known, from finest to coarsest. */
export const PRECISIONS = ['minute', 'hour', 'part-of-day', 'day', 'month', 'year'] as const;
/** Named parts of a day, for events reported as "early morning", "evening" and the like. */
export const PARTS_OF_DAY = [
	'night',
	'early-morning',
	'morning',
	'midday',
	'afternoon',
	'evening'
] as const;
/** How certain the reporting is that the event happened as described. */
export const CERTAINTIES = ['confirmed', 'reported', 'alleged'] as const;
/** Whether the source states the date or it was worked out from other wording or reporting. */
export const DATE_BASIS_KINDS = ['stated', 'inferred'] as const;

const knownZones = new Map<string, boolean>();

/** True when the runtime knows the IANA time zone name (answers cached: files repeat their zones). */
export function isTimeZone(zone: string): boolean {
	let known = knownZones.get(zone);
	if (known === undefined) {
		try {
			new Intl.DateTimeFormat('en', { timeZone: zone });
			known = true;
		} catch {
			known = false;
		}
		if (knownZones.size < 1000) knownZones.set(zone, known);
	}
	return known;
}

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

const isoDate = v.pipe(
	v.string(),
	v.regex(
		ISO_DATE_PATTERN,
		'must be an ISO 8601 date such as 2024-11-17, 2024-11-17T06:00, -0043 (44 BCE) or -13800000000'
	),
	v.check(isRealDate, (issue) => `${JSON.stringify(issue.input)} is not a real date`),
	v.check(
		fitsCalendar,
		(issue) =>
			`${JSON.stringify(issue.input)}: a date before the year ${CALENDAR_YEARS.min} or after ${CALENDAR_YEARS.max} can only be a year`
	)
);

const timeZone = v.pipe(
	v.string(),
	v.check(isTimeZone, (issue) => `${JSON.stringify(issue.input)} is not a known IANA time zone`)
);

const httpUrl = v.pipe(
	v.string(),
	v.url('must be an absolute URL'),
	v.regex(/^https?:\/\//i, 'only http(s) links are allowed')
);

/** Words someone said, attributed to them. */
export const QuoteSchema = v.strictObject({
	text,
	speaker: text,
	role: v.optional(text),
	context: v.optional(text)
});

/** Where an event (or the whole dataset) was reported. */
export const SourceSchema = v.strictObject({
	name: text,
	url: v.optional(httpUrl),
	published: v.optional(isoDate)
});

/** How the date of an event was established. */
export const DateBasisSchema = v.strictObject({
	kind: v.picklist(DATE_BASIS_KINDS),
	note: text
});

/** One reported event with its date, its precision and its evidence. */
export const EventSchema = v.strictObject({
	id: v.pipe(
		v.string(),
		v.regex(
			/^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
			'must start with a letter or digit and use only letters, digits and . _ : -'
		)
	),
	title: text,
	summary: v.optional(v.string()),
	start: isoDate,
	end: v.optional(isoDate),
	precision: v.optional(v.picklist(PRECISIONS)),
	partOfDay: v.optional(v.picklist(PARTS_OF_DAY)),
	approximate: v.optional(v.boolean()),
	timeZone: v.optional(timeZone),
	dateBasis: v.optional(DateBasisSchema),
	category: v.optional(text),
	actors: v.optional(v.array(text)),
	places: v.optional(v.array(text)),
	certainty: v.optional(v.picklist(CERTAINTIES)),
	attribution: v.optional(text),
	quotes: v.optional(v.array(QuoteSchema)),
	sources: v.optional(v.array(SourceSchema)),
	notes: v.optional(v.array(text))
});

/** A lane of related events, with the label a reader sees. */
export const CategorySchema = v.strictObject({
	id: text,
	label: text
});

/** A whole Eventline data file. */
export const DatasetSchema = v.strictObject({
	$schema: v.optional(v.string()),
	title: v.optional(text),
	description: v.optional(v.string()),
	timeZone: v.optional(timeZone),
	source: v.optional(SourceSchema),
	categories: v.optional(v.array(CategorySchema)),
	events: v.array(EventSchema)
});

/** One event as written in a data file. */
export type TimelineEvent = v.InferOutput<typeof EventSchema>;
/** A data file after schema validation. */
export type Dataset = v.InferOutput<typeof DatasetSchema>;
/** A category as written in a data file. */
export type Category = v.InferOutput<typeof CategorySchema>;
/** A quote as written in a data file. */
export type Quote = v.InferOutput<typeof QuoteSchema>;
/** A source as written in a data file. */
export type Source = v.InferOutput<typeof SourceSchema>;
/** One of {@link PRECISIONS}. */
export type Precision = (typeof PRECISIONS)[number];
/** One of {@link PARTS_OF_DAY}. */
export type PartOfDay = (typeof PARTS_OF_DAY)[number];
/** One of {@link CERTAINTIES}. */
export type Certainty = (typeof CERTAINTIES)[number];
