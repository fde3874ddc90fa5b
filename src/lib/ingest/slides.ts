/**
 * TimelineJS slides, whether read from its JSON or from its spreadsheet, converted to Eventline events
 * and eras. The readers collect each slide's raw values and where each one sits in the file; this
 * module does the mapping they share: headline → title (or, as TimelineJS does, the text or the media
 * caption), text → structured text, group → category, display dates → the date readers see, media →
 * media, a quote or a note, eras → bands behind the lanes.
 */
import type { Category, Era, TimelineEvent } from '$lib/model/schema';
import type { DataIssue } from './validate';
import { acceptEvents, type Candidate } from './accept';
import { calendarDate, type DateField, type DateFields, type YearScale } from './calendar';
import { claimId, generatedId, slugify, timelineJsSlug } from './ids';
import { preview } from './messages';
import { plainLine, plainText } from './plain-text';
import { richText, type LinkResolver } from './rich-text';
import {
	convertDisplayDate,
	convertMedia,
	setBody,
	slideTitle,
	type SlideContent
} from './slide-content';
import type { RejectedEvent } from './outcome';
import { isBlank, textOf } from './values';

/** A field of a slide that a problem can be in; `start` and `end` stand for a whole date. */
export type SlideField =
	'headline' | 'text' | 'group' | 'displayDate' | 'uniqueId' | 'media' | 'start' | 'end';

/** A part of a slide that a problem can be in: a field, or one field of its start or end date. */
export type SlidePart = SlideField | { which: 'start' | 'end'; field: DateField };

/** Where a slide and its parts are in the file, in the words a reader of that file uses. */
export interface SlidePlaces {
	/** The slide as a whole: `events[3]`, `row 14`. */
	slide: string;
	/** A part of it: `events[3].start_date.month`, `row 14 (Month)`; worked out only when needed. */
	of: (part: SlidePart) => string;
}

/** Which part of a slide each field of the converted event comes from. */
const FIELD_PARTS: Record<string, SlideField> = {
	id: 'uniqueId',
	title: 'headline',
	summary: 'text',
	body: 'text',
	start: 'start',
	precision: 'start',
	end: 'end',
	category: 'group',
	media: 'media',
	quotes: 'media',
	displayDate: 'displayDate'
};

/** A slide's values as read from the file, none of them checked yet. */
export interface Slide extends SlideContent {
	kind: 'event' | 'era';
	/** 0-based position in the file, as `RejectedEvent.index` counts it. */
	index: number;
	places: SlidePlaces;
	start?: DateFields;
	end?: DateFields;
	group?: unknown;
	uniqueId?: unknown;
	/** Problems the reader already found (a slide that is not an object, an unreadable time...). */
	problems?: DataIssue[];
	/** Event fields the reader could not convert, so later complaints about them would repeat it. */
	failed?: Set<string>;
	/** True when nothing of the slide could be read, so only `problems` apply. */
	unreadable?: boolean;
}

/** How a file's slides are read: its year scale, and how its links are resolved. */
export interface SlideContext {
	scale: YearScale;
	resolve: LinkResolver;
}

/** A dataset's title and description from a TimelineJS title slide. */
export function titleSlide(
	headline: unknown,
	text: unknown
): { title?: string; description?: string } {
	const title = plainLine(textOf(headline) ?? '');
	const description = plainText(textOf(text) ?? '');
	return { ...(title ? { title } : {}), ...(description ? { description } : {}) };
}

/** The ids and categories slides get: unique, and the same for every import of the same file. */
interface Naming {
	ids: Map<Slide, string>;
	categories: Map<string, Category>;
}

function nameSlides(slides: readonly Slide[]): Naming {
	// TimelineJS makes every unique_id a slug, so "Event 1" and "event-1" name the same slide.
	const explicit = (slide: Slide) => {
		const id = textOf(slide.uniqueId)?.trim();
		return id ? timelineJsSlug(id) || undefined : undefined;
	};
	const taken = new Set<string>();
	for (const slide of slides) {
		const id = explicit(slide);
		if (id) taken.add(id);
	}
	const ids = new Map<Slide, string>();
	for (const slide of slides) {
		ids.set(slide, explicit(slide) ?? generatedId(slideTitle(slide).title, slide.index, taken));
	}
	const categories = new Map<string, Category>();
	const categoryIds = new Set<string>();
	for (const slide of slides) {
		const label = plainLine(textOf(slide.group) ?? '');
		if (!label || categories.has(label)) continue;
		categories.set(label, { id: claimId(slugify(label) || 'group', categoryIds), label });
	}
	return { ids, categories };
}

/** What converting a file's slides came to. */
export interface SlideResult {
	events: TimelineEvent[];
	eras: Era[];
	categories: Category[];
	rejected: RejectedEvent[];
	notices: DataIssue[];
}

/** Converts and validates slides: events and eras, with every problem located in the file. */
export function convertSlides(slides: readonly Slide[], context: SlideContext): SlideResult {
	const events = slides.filter((slide) => slide.kind === 'event');
	const eras = slides.filter((slide) => slide.kind === 'era');
	const naming = nameSlides(events);
	const allCategories = [...naming.categories.values()];
	const acceptedEvents = acceptEvents(
		events.map((slide) => slideCandidate(slide, naming, context)),
		{ categories: allCategories }
	);
	// Eras are checked as events (real dates, end after start) and kept as bands.
	const acceptedEras = acceptEvents(
		eras.map((slide) => eraCandidate(slide, context)),
		{}
	);
	const used = new Set(acceptedEvents.events.map((event) => event.category));
	const derived = acceptedEvents.events.filter((event) => event.titleFrom).length;
	return {
		events: acceptedEvents.events,
		eras: acceptedEras.events.map(({ title, start, end }) => ({
			...(title === UNTITLED_ERA ? {} : { title }),
			start,
			end: end ?? start
		})),
		categories: allCategories.filter((category) => used.has(category.id)),
		rejected: [...acceptedEvents.rejected, ...acceptedEras.rejected].sort(
			(a, b) => a.index - b.index
		),
		notices: [
			...(derived
				? [
						{
							path: '',
							message: `${derived} ${derived === 1 ? 'slide has' : 'slides have'} no headline: titled from the text or the media caption, as TimelineJS does`
						}
					]
				: []),
			...acceptedEvents.notices,
			...acceptedEras.notices
		]
	};
}

/** Stands in for an era without a headline while it is checked; such an era has no label. */
const UNTITLED_ERA = '\u0000untitled era';

function eraCandidate(slide: Slide, context: SlideContext): Candidate {
	const { places } = slide;
	const issues = [...(slide.problems ?? [])];
	const where = places.slide;
	const title = slideTitle(slide).title;
	const base = { index: slide.index, where, ...(title ? { title } : {}) };
	if (slide.unreadable) return { ...base, issues, locate: () => where };
	const failed = new Set(slide.failed);
	const event: Record<string, unknown> = { id: `era-${slide.index}`, title: title || UNTITLED_ERA };
	const fail = (fieldName: string, path: string, message: string) => {
		issues.push({ path, message });
		failed.add(fieldName);
	};
	for (const which of ['start', 'end'] as const) {
		if (failed.has(which)) continue;
		if (!slide[which]) fail(which, places.of(which), `is required for an era`);
		else convertDate(slide, event, fail, which, context.scale);
	}
	return {
		...base,
		event,
		issues,
		failed,
		locate: ([key]) => {
			const part = typeof key === 'string' && Object.hasOwn(FIELD_PARTS, key) && FIELD_PARTS[key];
			return part ? places.of(part) : where;
		}
	};
}

/** The event being built from a slide, and how to record a field that could not be converted. */
interface Draft {
	slide: Slide;
	event: Record<string, unknown>;
	context: SlideContext;
	fail: (fieldName: string, path: string, message: string) => void;
}

function slideCandidate(slide: Slide, naming: Naming, context: SlideContext): Candidate {
	const { places } = slide;
	const issues = [...(slide.problems ?? [])];
	const failed = new Set(slide.failed);
	const where = places.slide;
	const { title } = slideTitle(slide);
	const base = { index: slide.index, where, ...(title ? { title } : {}) };
	if (slide.unreadable) return { ...base, issues, locate: () => where };

	const draft: Draft = {
		slide,
		event: { id: naming.ids.get(slide) },
		context,
		fail: (fieldName, path, message) => {
			issues.push({ path, message });
			failed.add(fieldName);
		}
	};
	if (!isBlank(slide.uniqueId) && textOf(slide.uniqueId) === undefined) {
		draft.fail('id', places.of('uniqueId'), `expected text, got ${preview(slide.uniqueId)}`);
	}
	convertText(draft);
	for (const which of ['start', 'end'] as const) {
		if (failed.has(which)) continue;
		if (slide[which]) convertDate(slide, draft.event, draft.fail, which, context.scale);
		else if (which === 'start') draft.fail('start', places.of('start'), 'is required');
	}
	const category = naming.categories.get(plainLine(textOf(slide.group) ?? ''));
	if (category) draft.event.category = category.id;
	convertDisplayDate(slide, draft.event);
	convertMedia(slide, draft.event, context.resolve);

	const explicitId = textOf(slide.uniqueId) !== undefined;
	return {
		...base,
		event: draft.event,
		issues,
		failed,
		locate: ([key]) => {
			const part = typeof key === 'string' && Object.hasOwn(FIELD_PARTS, key) && FIELD_PARTS[key];
			return part && (part !== 'uniqueId' || explicitId) ? places.of(part) : where;
		}
	};
}

/** Headline → title (or the fallback TimelineJS uses), text → summary and structured body. */
function convertText({ slide, event, fail, context }: Draft) {
	const { places } = slide;
	const headline = slide.headline;
	if (!isBlank(headline) && textOf(headline) === undefined) {
		fail('title', places.of('headline'), `expected text, got ${preview(headline)}`);
	} else {
		const { title, from } = slideTitle(slide);
		if (title) {
			event.title = title;
			if (from) event.titleFrom = from;
		} else if (isBlank(headline)) {
			fail(
				'title',
				places.of('headline'),
				'is required: the slide has no headline, text or media caption to take a title from'
			);
		} else fail('title', places.of('headline'), 'has no text once its HTML is removed');
	}

	if (isBlank(slide.text)) return;
	const text = textOf(slide.text);
	if (text === undefined) {
		fail('summary', places.of('text'), `expected text, got ${preview(slide.text)}`);
		return;
	}
	const blocks = richText(text, context.resolve);
	setBody(event, blocks);
}

/** A start or end date object → an ISO string at its own precision. */
function convertDate(
	slide: Slide,
	event: Record<string, unknown>,
	fail: Draft['fail'],
	which: 'start' | 'end',
	scale: YearScale
) {
	const fields = slide[which];
	if (!fields) return;
	const date = calendarDate(fields, scale);
	if (!date.ok) {
		for (const problem of date.problems) {
			fail(which, slide.places.of({ which, field: problem.field }), problem.message);
		}
		return;
	}
	event[which] = date.iso;
	if (which === 'start' && date.precision) event.precision = date.precision;
}
