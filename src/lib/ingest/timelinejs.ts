/**
 * TimelineJS3's JSON format: a title slide, events with date objects and HTML text, and eras.
 * https://timeline.knightlab.com/docs/json-format.html
 */
import { formatPath, type DataIssue } from './validate';
import { acceptEvents } from './accept';
import type { DateFields } from './calendar';
import { preview } from './messages';
import { field, isRecord } from './values';
import { NO_EVENTS, fatalOutcome, type ImportOutcome } from './outcome';
import {
	slideCandidates,
	titleSlide,
	type Slide,
	type SlideField,
	type SlidePlaces
} from './slides';

const TIMELINEJS_KEYS = ['start_date', 'end_date', 'text', 'unique_id', 'media', 'display_date'];
const EVENTLINE_KEYS = ['start', 'end', 'title', 'id', 'summary', 'description'];

/**
 * True when a parsed JSON file looks like TimelineJS rather than Eventline: a title slide, eras, or
 * more events spelt with TimelineJS's field names than with Eventline's.
 */
export function looksLikeTimelineJs(file: Record<string, unknown>): boolean {
	if (isRecord(field(file, 'title')) || Array.isArray(field(file, 'eras'))) return true;
	const events = field(file, 'events');
	if (!Array.isArray(events)) return false;
	let votes = 0;
	for (const event of events) {
		if (TIMELINEJS_KEYS.some((key) => field(event, key) !== undefined)) votes++;
		if (EVENTLINE_KEYS.some((key) => field(event, key) !== undefined)) votes--;
	}
	return votes > 0;
}

/** Where each part of a slide is in TimelineJS's JSON. */
const JSON_KEYS: Record<SlideField, string[]> = {
	headline: ['text', 'headline'],
	text: ['text', 'text'],
	group: ['group'],
	displayDate: ['display_date'],
	uniqueId: ['unique_id'],
	media: ['media', 'url'],
	start: ['start_date'],
	end: ['end_date']
};

/** Imports a parsed TimelineJS3 JSON file. */
export function importTimelineJs(file: Record<string, unknown>): ImportOutcome {
	const fatal: DataIssue[] = [];
	const events = field(file, 'events') ?? [];
	const eras = field(file, 'eras') ?? [];
	const title = field(file, 'title');
	if (!Array.isArray(events)) fatal.push({ path: 'events', message: 'must be a list of events' });
	if (!Array.isArray(eras)) fatal.push({ path: 'eras', message: 'must be a list of eras' });
	if (title !== undefined && title !== null && !isRecord(title) && typeof title !== 'string') {
		fatal.push({
			path: 'title',
			message: `expected a title slide (an object with text.headline), got ${preview(title)}`
		});
	}
	if (!Array.isArray(events) || !Array.isArray(eras) || fatal.length) {
		return fatalOutcome('timelinejs', fatal);
	}
	const total = events.length + eras.length;
	if (total === 0) return fatalOutcome('timelinejs', [NO_EVENTS]);

	const slides = [
		...events.map((raw, i) => readSlide(raw, 'event', i, ['events', i])),
		...eras.map((raw, i) => readSlide(raw, 'era', events.length + i, ['eras', i]))
	];
	const { candidates, categories } = slideCandidates(slides);
	const accepted = acceptEvents(candidates, { categories });
	const used = new Set(accepted.events.map((event) => event.category));
	const heading =
		typeof title === 'string'
			? titleSlide(title, undefined)
			: titleSlide(field(field(title, 'text'), 'headline'), field(field(title, 'text'), 'text'));
	const usedCategories = categories.filter((category) => used.has(category.id));
	return {
		format: 'timelinejs',
		dataset: {
			...heading,
			...(usedCategories.length ? { categories: usedCategories } : {}),
			events: accepted.events
		},
		fatal: [],
		rejected: accepted.rejected,
		notices: accepted.notices,
		total
	};
}

function readSlide(
	raw: unknown,
	kind: Slide['kind'],
	index: number,
	at: readonly (string | number)[]
): Slide {
	const places: SlidePlaces = {
		slide: formatPath(at),
		of: (part) =>
			formatPath([
				...at,
				...(typeof part === 'string' ? JSON_KEYS[part] : [`${part.which}_date`, part.field])
			])
	};
	if (!isRecord(raw)) {
		const noun = kind === 'era' ? 'an era' : 'an event';
		return {
			kind,
			index,
			places,
			unreadable: true,
			problems: [
				{ path: places.slide, message: `expected ${noun} (an object), got ${preview(raw)}` }
			]
		};
	}
	const problems: DataIssue[] = [];
	const failed = new Set<string>();
	const date = (which: 'start' | 'end'): DateFields | undefined => {
		const value = field(raw, `${which}_date`);
		if (value === undefined || value === null) return undefined;
		if (isRecord(value)) {
			const parts: DateFields = {};
			for (const part of ['year', 'month', 'day', 'hour', 'minute', 'second'] as const) {
				parts[part] = field(value, part);
			}
			return parts;
		}
		problems.push({
			path: places.of(which),
			message: `expected a date object such as {"year": 2021, "month": 5}, got ${preview(value)}`
		});
		failed.add(which);
		return undefined;
	};
	const text = field(raw, 'text');
	const media = field(raw, 'media');
	return {
		kind,
		index,
		places,
		start: date('start'),
		end: date('end'),
		headline: field(text, 'headline'),
		text: field(text, 'text'),
		group: field(raw, 'group'),
		displayDate: field(raw, 'display_date') ?? field(field(raw, 'start_date'), 'display_date'),
		uniqueId: field(raw, 'unique_id'),
		mediaUrl: field(media, 'url'),
		mediaCredit: field(media, 'credit'),
		mediaCaption: field(media, 'caption'),
		problems,
		failed
	};
}
