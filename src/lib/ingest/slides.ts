/**
 * TimelineJS slides, whether read from its JSON or from its spreadsheet, converted to Eventline events.
 * The readers collect each slide's raw values and where each one sits in the file; this module does the
 * mapping they share: headline → title, text → summary, group → category, media → source.
 */
import type { Category } from '$lib/model/schema';
import type { DataIssue } from './validate';
import type { Candidate } from './accept';
import { calendarDate, type DateField, type DateFields } from './calendar';
import { claimId, generatedId, slugify } from './ids';
import { preview } from './messages';
import { plainLine, plainText } from './plain-text';
import { isBlank, isHttpUrl, textOf } from './values';

/** The category era events are drawn in. */
export const ERA_CATEGORY: Category = { id: 'era', label: 'Eras' };

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
	start: 'start',
	precision: 'start',
	end: 'end',
	category: 'group',
	sources: 'media',
	notes: 'displayDate'
};

/** A slide's values as read from the file, none of them checked yet. */
export interface Slide {
	kind: 'event' | 'era';
	/** 0-based position in the file, as `RejectedEvent.index` counts it. */
	index: number;
	places: SlidePlaces;
	start?: DateFields;
	end?: DateFields;
	headline?: unknown;
	text?: unknown;
	group?: unknown;
	displayDate?: unknown;
	uniqueId?: unknown;
	mediaUrl?: unknown;
	mediaCredit?: unknown;
	mediaCaption?: unknown;
	/** Problems the reader already found (a slide that is not an object, an unreadable time...). */
	problems?: DataIssue[];
	/** Event fields the reader could not convert, so later complaints about them would repeat it. */
	failed?: Set<string>;
	/** True when nothing of the slide could be read, so only `problems` apply. */
	unreadable?: boolean;
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
	const explicit = (slide: Slide) => {
		const id = textOf(slide.uniqueId)?.trim();
		return id || undefined;
	};
	const taken = new Set<string>();
	for (const slide of slides) {
		const id = explicit(slide);
		if (id) taken.add(id);
	}
	const ids = new Map<Slide, string>();
	for (const slide of slides) {
		const title = plainLine(textOf(slide.headline) ?? '');
		ids.set(
			slide,
			explicit(slide) ?? generatedId(title, slide.index, taken, slide.kind === 'era' ? 'era-' : '')
		);
	}
	const categories = new Map<string, Category>();
	const categoryIds = new Set<string>();
	if (slides.some((slide) => slide.kind === 'era')) categoryIds.add(ERA_CATEGORY.id);
	for (const slide of slides) {
		const label = plainLine(textOf(slide.group) ?? '');
		if (slide.kind === 'era' || !label || categories.has(label)) continue;
		categories.set(label, { id: claimId(slugify(label) || 'group', categoryIds), label });
	}
	return { ids, categories };
}

/** Converts slides to events ready for validation, and the categories their groups name. */
export function slideCandidates(slides: readonly Slide[]): {
	candidates: Candidate[];
	categories: Category[];
} {
	const naming = nameSlides(slides);
	const candidates = slides.map((slide) => slideCandidate(slide, naming));
	const categories = [...naming.categories.values()];
	if (slides.some((slide) => slide.kind === 'era')) categories.push(ERA_CATEGORY);
	return { candidates, categories };
}

/** The event being built from a slide, and how to record a field that could not be converted. */
interface Draft {
	slide: Slide;
	event: Record<string, unknown>;
	fail: (fieldName: string, path: string, message: string) => void;
}

function slideCandidate(slide: Slide, naming: Naming): Candidate {
	const { places } = slide;
	const issues = [...(slide.problems ?? [])];
	const failed = new Set(slide.failed);
	const where = places.slide;
	const headline = textOf(slide.headline);
	const title = headline === undefined ? '' : plainLine(headline);
	const base = { index: slide.index, where, ...(title ? { title } : {}) };
	if (slide.unreadable) return { ...base, issues, locate: () => where };

	const draft: Draft = {
		slide,
		event: { id: naming.ids.get(slide) },
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
		if (!failed.has(which)) convertDate(draft, which);
	}
	const category =
		slide.kind === 'era'
			? ERA_CATEGORY
			: naming.categories.get(plainLine(textOf(slide.group) ?? ''));
	if (category) draft.event.category = category.id;
	convertNotesAndMedia(draft);

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

/** Headline → title and text → summary, as plain text. */
function convertText({ slide, event, fail }: Draft) {
	const { places } = slide;
	const headline = textOf(slide.headline);
	const title = headline === undefined ? '' : plainLine(headline);
	if (isBlank(slide.headline)) {
		fail('title', places.of('headline'), 'is required: every Eventline event needs a title');
	} else if (headline === undefined) {
		fail('title', places.of('headline'), `expected text, got ${preview(slide.headline)}`);
	} else if (!title) fail('title', places.of('headline'), 'has no text once its HTML is removed');
	else event.title = title;

	if (isBlank(slide.text)) return;
	const text = textOf(slide.text);
	if (text === undefined)
		fail('summary', places.of('text'), `expected text, got ${preview(slide.text)}`);
	else if (plainText(text)) event.summary = plainText(text);
}

/** A start or end date object → an ISO string at its own precision. */
function convertDate({ slide, event, fail }: Draft, which: 'start' | 'end') {
	const { places } = slide;
	const fields = slide[which];
	if (!fields) {
		if (which === 'start') fail('start', places.of('start'), 'is required');
		else if (slide.kind === 'era') fail('end', places.of('end'), 'is required for an era');
		return;
	}
	const date = calendarDate(fields);
	if (!date.ok) {
		for (const problem of date.problems) {
			fail(which, places.of({ which, field: problem.field }), problem.message);
		}
		return;
	}
	event[which] = date.iso;
	if (which === 'start' && date.precision) event.precision = date.precision;
}

/** Display date → a note; media → a source when its link is http(s), otherwise a note saying so. */
function convertNotesAndMedia({ slide, event }: Draft) {
	const notes: string[] = [];
	const display = plainLine(textOf(slide.displayDate) ?? '');
	if (display) notes.push(`Displayed date: ${display}`);
	if (!isBlank(slide.mediaUrl)) {
		const url = textOf(slide.mediaUrl)?.trim() ?? '';
		if (isHttpUrl(url)) {
			const name =
				plainLine(textOf(slide.mediaCredit) ?? '') ||
				plainLine(textOf(slide.mediaCaption) ?? '') ||
				'Media';
			event.sources = [{ name, url }];
		} else notes.push('A media link that was not http(s) was removed');
	}
	if (notes.length) event.notes = notes;
}
