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

/** Kinds of media an event can point to; only images are shown in place, the rest as links. */
export const MEDIA_KINDS = [
	'image',
	'video',
	'audio',
	'post',
	'map',
	'document',
	'embed',
	'link'
] as const;

/**
 * A picture, clip or page that goes with an event (TimelineJS's slide media): never embedded, an
 * image is shown with its alt text and everything else is a captioned link.
 */
export const MediaSchema = v.strictObject({
	kind: v.picklist(MEDIA_KINDS),
	url: httpUrl,
	caption: v.optional(text),
	credit: v.optional(text),
	alt: v.optional(text)
});

/** Where a title was taken from when the file gave none (TimelineJS titles such slides itself). */
export const TITLE_SOURCES = ['text', 'media caption'] as const;

/** A run of text with its emphasis and link; `\n` in `text` is a line break. */
export const SpanSchema = v.strictObject({
	text: v.string(),
	em: v.optional(v.literal(true)),
	strong: v.optional(v.literal(true)),
	href: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^(https?:\/\/|mailto:)/i, 'only http(s) and mailto links are allowed')
		)
	)
});

/** A block of structured text: a paragraph, a quotation, or a list whose items are runs of text. */
export const BlockSchema = v.variant('kind', [
	v.strictObject({ kind: v.picklist(['p', 'quote']), spans: v.array(SpanSchema) }),
	v.strictObject({ kind: v.picklist(['ul', 'ol']), items: v.array(v.array(SpanSchema)) })
]);

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
	/** The summary with its paragraphs, lists, emphasis and links, when it has them. */
	body: v.optional(v.array(BlockSchema)),
	/** Set when the file gave no title and it was taken from the event's text or media caption. */
	titleFrom: v.optional(v.picklist(TITLE_SOURCES)),
	start: isoDate,
	end: v.optional(isoDate),
	precision: v.optional(v.picklist(PRECISIONS)),
	partOfDay: v.optional(v.picklist(PARTS_OF_DAY)),
	approximate: v.optional(v.boolean()),
	timeZone: v.optional(timeZone),
	dateBasis: v.optional(DateBasisSchema),
	/** The date as the file's authors wrote it for readers ("Spring 1848"); `start` still places it. */
	displayDate: v.optional(text),
	category: v.optional(text),
	actors: v.optional(v.array(text)),
	places: v.optional(v.array(text)),
	certainty: v.optional(v.picklist(CERTAINTIES)),
	attribution: v.optional(text),
	quotes: v.optional(v.array(QuoteSchema)),
	sources: v.optional(v.array(SourceSchema)),
	media: v.optional(MediaSchema),
	notes: v.optional(v.array(text))
});

/** A named stretch of time drawn behind the lanes (an era, a reign, a war); not an event. */
export const EraSchema = v.strictObject({
	title: v.optional(text),
	start: isoDate,
	end: isoDate
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
	/** A picture or link for the whole timeline (TimelineJS's title slide media). */
	media: v.optional(MediaSchema),
	timeZone: v.optional(timeZone),
	source: v.optional(SourceSchema),
	categories: v.optional(v.array(CategorySchema)),
	eras: v.optional(v.array(EraSchema)),
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
/** Media as written in a data file. */
export type Media = v.InferOutput<typeof MediaSchema>;
/** One of {@link MEDIA_KINDS}. */
export type MediaKind = (typeof MEDIA_KINDS)[number];
/** A run of structured text. */
export type Span = v.InferOutput<typeof SpanSchema>;
/** A block of structured text. */
export type Block = v.InferOutput<typeof BlockSchema>;
/** An era as written in a data file. */
export type Era = v.InferOutput<typeof EraSchema>;
/** One of {@link PRECISIONS}. */
export type Precision = (typeof PRECISIONS)[number];
/** One of {@link PARTS_OF_DAY}. */
export type PartOfDay = (typeof PARTS_OF_DAY)[number];
/** One of {@link CERTAINTIES}. */
export type Certainty = (typeof CERTAINTIES)[number];
