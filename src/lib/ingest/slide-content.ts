/**
 * What a TimelineJS slide shows besides its dates, in Eventline's terms: the title (or the one
 * TimelineJS derives), the structured text, the date label readers saw, and the media as an image,
 * a captioned link, a quotation or a note saying why it could not be kept.
 */
import type { Block, Media, TimelineEvent } from '$lib/model/schema';
import { describeDate } from '$lib/format/describe';
import { readMedia } from './media';
import { plainLine, plainText } from './plain-text';
import { blocksText, isStructured, type LinkResolver } from './rich-text';
import { isBlank, textOf } from './values';

/** A slide's raw values that this module reads. */
export interface SlideContent {
	headline?: unknown;
	text?: unknown;
	/** The slide's own display date, which TimelineJS shows instead of the whole date. */
	displayDate?: unknown;
	/** The start and end dates' own display dates, each shown instead of that date. */
	startDisplay?: unknown;
	endDisplay?: unknown;
	mediaUrl?: unknown;
	mediaCredit?: unknown;
	mediaCaption?: unknown;
	mediaAlt?: unknown;
}

/** Longest title taken from a slide's text, as TimelineJS's time markers cut it. */
const DERIVED_TITLE_CHARS = 80;

/**
 * The title a slide is shown with: its headline, else (as TimelineJS does) the start of its text,
 * else its media caption; with where it came from when it was not the headline.
 */
export function slideTitle(slide: SlideContent): {
	title: string;
	from?: TimelineEvent['titleFrom'];
} {
	const headline = plainLine(textOf(slide.headline) ?? '');
	if (headline) return { title: headline };
	const text = plainLine(textOf(slide.text) ?? '');
	if (text) return { title: shorten(text), from: 'text' };
	const caption = plainLine(textOf(slide.mediaCaption) ?? '');
	if (caption) return { title: shorten(caption), from: 'media caption' };
	return { title: '' };
}

function shorten(text: string): string {
	if (text.length <= DERIVED_TITLE_CHARS) return text;
	const cut = text.slice(0, DERIVED_TITLE_CHARS);
	const space = cut.lastIndexOf(' ');
	return `${(space > DERIVED_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Sets the summary (plain text) and, when the text has more than that, the structured body. */
export function setBody(event: Record<string, unknown>, blocks: Block[]) {
	const summary = blocksText(blocks);
	if (summary) event.summary = summary;
	if (isStructured(blocks)) event.body = blocks;
	else delete event.body;
}

/**
 * The date readers of the TimelineJS page saw: the slide's display date, or the start's and end's
 * own display dates, each standing in for that date (TimelineJS joins them with a dash).
 */
export function convertDisplayDate(slide: SlideContent, event: Record<string, unknown>) {
	const whole = plainLine(textOf(slide.displayDate) ?? '');
	if (whole) {
		event.displayDate = whole;
		return;
	}
	const start = plainLine(textOf(slide.startDisplay) ?? '');
	const end = plainLine(textOf(slide.endDisplay) ?? '');
	if (!start && !end) return;
	const written = (label: string, iso: unknown) =>
		label || (typeof iso === 'string' ? describeDate(iso, undefined, undefined) : '');
	const startText = written(start, event.start);
	const endText = event.end === undefined ? '' : written(end, event.end);
	const label = endText ? `${startText} – ${endText}` : startText;
	if (label) event.displayDate = label;
}

/** Media → an image or captioned link, a quote, or a note saying why it could not be kept. */
export function convertMedia(
	slide: SlideContent,
	event: Record<string, unknown>,
	resolve: LinkResolver
) {
	if (isBlank(slide.mediaUrl)) return;
	const raw = textOf(slide.mediaUrl) ?? '';
	const caption = plainLine(textOf(slide.mediaCaption) ?? '');
	const credit = plainLine(textOf(slide.mediaCredit) ?? '');
	const alt = plainLine(textOf(slide.mediaAlt) ?? '');
	const media = readMedia(raw, resolve);
	if (media.type === 'link') {
		const shownCaption = caption || plainLine(media.text ?? '');
		event.media = {
			kind: media.kind,
			url: media.url,
			...(shownCaption ? { caption: shownCaption } : {}),
			...(credit ? { credit } : {}),
			...(alt ? { alt } : {})
		};
		return;
	}
	if (media.type === 'quote') {
		const text = plainText(media.text);
		const speaker = credit || plainLine(media.cite ?? '');
		if (!text) return;
		if (speaker) {
			event.quotes = [{ text, speaker, ...(caption ? { context: caption } : {}) }];
		} else {
			const existing = Array.isArray(event.body) ? (event.body as Block[]) : [];
			const before: Block[] =
				existing.length || typeof event.summary !== 'string'
					? existing
					: [{ kind: 'p', spans: [{ text: event.summary }] }];
			const quote: Block = { kind: 'quote', spans: [{ text }] };
			setBody(event, [...before, quote, ...(caption ? [paragraph(caption)] : [])]);
		}
		return;
	}
	const notes = Array.isArray(event.notes) ? (event.notes as string[]) : [];
	event.notes = [...notes, `Media not shown: ${media.reason}`];
}

const paragraph = (text: string): Block => ({ kind: 'p', spans: [{ text }] });

/** The title slide's media as the timeline's own picture or link, when it is one. */
export function coverMedia(slide: SlideContent, resolve: LinkResolver): Media | undefined {
	const cover: Record<string, unknown> = {};
	convertMedia(slide, cover, resolve);
	return cover.media as Media | undefined;
}
