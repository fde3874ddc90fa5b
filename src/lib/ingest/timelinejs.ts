/**
 * TimelineJS3's JSON format: a title slide, events with date objects and HTML text, and eras.
 * https://timeline.knightlab.com/docs/json-format.html
 */
import { formatPath, type DataIssue } from './validate';
import { HUMAN_YEARS, wholeNumber, type DateFields, type YearScale } from './calendar';
import { urlResolver } from './media';
import { preview } from './messages';
import { field, isBlank, isRecord } from './values';
import { NO_EVENTS, fatalOutcome, type ImportOutcome } from './outcome';
import { coverMedia } from './slide-content';
import { convertSlides, titleSlide, type Slide, type SlideField, type SlidePlaces } from './slides';

const TIMELINEJS_KEYS = ['start_date', 'end_date', 'text', 'unique_id', 'media', 'display_date'];
const EVENTLINE_KEYS = ['start', 'end', 'title', 'id', 'summary', 'description'];

/**
 * True when a parsed JSON file looks like TimelineJS rather than Eventline: a title slide, eras with
 * date objects, or
 * more events spelt with TimelineJS's field names than with Eventline's.
 */
export function looksLikeTimelineJs(file: Record<string, unknown>): boolean {
	if (isRecord(field(file, 'title'))) return true;
	// Eventline files have eras too, with `start` and `end` rather than date objects.
	const eras = field(file, 'eras');
	if (Array.isArray(eras) && eras.some((era) => field(era, 'start') === undefined)) return true;
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

/** The keys TimelineJS3 reads, at each level of its JSON; any other key is ignored with a notice. */
const KNOWN_KEYS = {
	file: new Set(['title', 'events', 'eras', 'scale']),
	title: new Set(['text', 'media', 'unique_id']),
	slide: new Set(['start_date', 'end_date', 'text', 'media', 'group', 'display_date', 'unique_id']),
	text: new Set(['headline', 'text']),
	media: new Set(['url', 'caption', 'credit', 'alt']),
	date: new Set(['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond', 'display_date'])
} as const;

/** Counts the keys of a file that Eventline does not read, to name them in one notice. */
class IgnoredKeys {
	#counts = new Map<string, number>();

	check(value: unknown, known: ReadonlySet<string>, prefix = '') {
		if (!isRecord(value)) return;
		for (const key of Object.keys(value)) {
			if (known.has(key)) continue;
			const name = prefix + key;
			this.#counts.set(name, (this.#counts.get(name) ?? 0) + 1);
		}
	}

	notice(): DataIssue[] {
		if (!this.#counts.size) return [];
		const names = [...this.#counts].map(([key, n]) => (n > 1 ? `${key} (${n} times)` : key));
		return [
			{
				path: '',
				message: `Eventline does not use these keys, so they were ignored: ${names.join(', ')}`
			}
		];
	}
}

/** TimelineJS switches a whole file to its cosmological scale when any year is past a Date's range. */
function yearScale(file: Record<string, unknown>, slides: unknown[]): YearScale {
	if (field(file, 'scale') === 'cosmological') return 'cosmological';
	const beyond = slides.some((slide) => {
		const year = wholeNumber(field(field(slide, 'start_date'), 'year'));
		return year !== undefined && (year < HUMAN_YEARS[0] || year > HUMAN_YEARS[1]);
	});
	return beyond ? 'cosmological' : 'human';
}

/**
 * Imports a parsed TimelineJS3 JSON file. `address` is where the file was read from, if it was read
 * from the web: relative media links are resolved against it, as a browser showing TimelineJS would.
 */
export function importTimelineJs(file: Record<string, unknown>, address?: string): ImportOutcome {
	const fatal: DataIssue[] = [];
	const notices: DataIssue[] = [];
	const events = field(file, 'events') ?? [];
	const eras = field(file, 'eras') ?? [];
	let title = field(file, 'title');
	if (!Array.isArray(events)) fatal.push({ path: 'events', message: 'must be a list of events' });
	if (!Array.isArray(eras)) fatal.push({ path: 'eras', message: 'must be a list of eras' });
	if (!Array.isArray(events) || !Array.isArray(eras)) return fatalOutcome('timelinejs', fatal);
	if (!isBlank(title) && !isRecord(title) && typeof title !== 'string') {
		notices.push({
			path: 'title',
			message: `is not a title slide (an object with text.headline), so the timeline has no title: got ${preview(title)}`
		});
		title = undefined;
	}
	const total = events.length + eras.length;
	if (total === 0) return fatalOutcome('timelinejs', [NO_EVENTS]);

	const ignored = new IgnoredKeys();
	ignored.check(file, KNOWN_KEYS.file);
	// Of the title slide, Eventline shows the headline and text; its picture is named, not dropped.
	ignored.check(title, KNOWN_KEYS.title, 'title.');
	ignored.check(field(title, 'media'), KNOWN_KEYS.media, 'title.media.');
	const slides = [
		...events.map((raw, i) => readSlide(raw, 'event', i, ['events', i], ignored)),
		...eras.map((raw, i) => readSlide(raw, 'era', events.length + i, ['eras', i], ignored))
	];
	const resolve = urlResolver(address);
	const converted = convertSlides(slides, {
		scale: yearScale(file, [...events, ...eras]),
		resolve
	});
	const titleMedia = field(title, 'media');
	const media = coverMedia(
		{
			mediaUrl: field(titleMedia, 'url'),
			mediaCaption: field(titleMedia, 'caption'),
			mediaCredit: field(titleMedia, 'credit'),
			mediaAlt: field(titleMedia, 'alt')
		},
		resolve
	);
	const heading =
		typeof title === 'string'
			? titleSlide(title, undefined)
			: titleSlide(field(field(title, 'text'), 'headline'), field(field(title, 'text'), 'text'));
	return {
		format: 'timelinejs',
		dataset: {
			...heading,
			...(media ? { media } : {}),
			...(converted.categories.length ? { categories: converted.categories } : {}),
			...(converted.eras.length ? { eras: converted.eras } : {}),
			events: converted.events
		},
		fatal: [],
		rejected: converted.rejected,
		notices: [...notices, ...ignored.notice(), ...converted.notices],
		total
	};
}

function readSlide(
	raw: unknown,
	kind: Slide['kind'],
	index: number,
	at: readonly (string | number)[],
	ignored: IgnoredKeys
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
	const prefix = kind === 'era' ? 'eras[].' : 'events[].';
	ignored.check(raw, KNOWN_KEYS.slide, prefix);
	ignored.check(field(raw, 'text'), KNOWN_KEYS.text, `${prefix}text.`);
	ignored.check(field(raw, 'media'), KNOWN_KEYS.media, `${prefix}media.`);
	const problems: DataIssue[] = [];
	const failed = new Set<string>();
	const date = (which: 'start' | 'end'): DateFields | undefined => {
		const value = field(raw, `${which}_date`);
		if (value === undefined || value === null) return undefined;
		if (isRecord(value)) {
			ignored.check(value, KNOWN_KEYS.date, `${prefix}${which}_date.`);
			const parts: DateFields = {};
			for (const part of [
				'year',
				'month',
				'day',
				'hour',
				'minute',
				'second',
				'millisecond'
			] as const) {
				parts[part] = field(value, part);
			}
			// An all-blank date object (Knight Lab's own converter writes them) means no date there.
			return Object.values(parts).every(isBlank) ? undefined : parts;
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
		displayDate: field(raw, 'display_date'),
		startDisplay: field(field(raw, 'start_date'), 'display_date'),
		endDisplay: field(field(raw, 'end_date'), 'display_date'),
		uniqueId: field(raw, 'unique_id'),
		mediaUrl: field(media, 'url'),
		mediaCredit: field(media, 'credit'),
		mediaCaption: field(media, 'caption'),
		mediaAlt: field(media, 'alt'),
		problems,
		failed
	};
}
