/**
 * TimelineJS slide media: a URL (absolute, relative to the data file, or protocol-relative), or HTML
 * (a `<blockquote>`, an `<iframe>` embed). Eventline never embeds anyone's code: an image is shown
 * with its alt text, a quotation becomes a quote, and everything else a captioned link.
 */
import type { MediaKind } from '$lib/model/schema';
import { safeHref } from '$lib/model/links';
import { decodeEntities } from './plain-text';

/** Resolves a link against the data file's own address, when the file was read from one. */
export function urlResolver(base: string | undefined): (href: string) => string | undefined {
	const baseUrl = base && /^https?:\/\//i.test(base) ? base : undefined;
	return (href) => {
		const trimmed = href.trim();
		if (/^mailto:/i.test(trimmed)) return trimmed;
		try {
			// Protocol-relative links take https when there is no page to take the scheme from.
			const url = new URL(
				trimmed,
				baseUrl ?? (trimmed.startsWith('//') ? 'https://protocol-relative.invalid/' : undefined)
			);
			return /^https?:$/.test(url.protocol) ? (safeHref(url.href) ?? undefined) : undefined;
		} catch {
			return undefined;
		}
	};
}

/** What a slide's media value turned out to be. */
export type MediaValue =
	/** `text`: what an embedded post said, for a caption when the slide gives none. */
	| { type: 'link'; kind: MediaKind; url: string; text?: string }
	| { type: 'quote'; text: string; cite?: string }
	/** A relative link in a file read from disk, or a scheme other than http(s). */
	| { type: 'unusable'; reason: string };

const IMAGE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp)(?:[?#]|$)/i;
const KINDS: [RegExp, MediaKind][] = [
	[
		/(?:youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com|dai\.ly|twitch\.tv|\.(?:mp4|webm|ogv|mov)(?:[?#]|$))/i,
		'video'
	],
	[/(?:soundcloud\.com|spotify\.com|\.(?:mp3|wav|ogg|m4a)(?:[?#]|$))/i, 'audio'],
	[
		/(?:twitter\.com|x\.com|instagram\.com|bsky\.app|threads\.net|facebook\.com|tiktok\.com)\//i,
		'post'
	],
	[/(?:google\.[a-z.]+\/maps|maps\.google\.|openstreetmap\.org)/i, 'map'],
	[/(?:documentcloud\.org|docs\.google\.com|\.pdf(?:[?#]|$))/i, 'document'],
	[
		/(?:upload\.wikimedia\.org|imgur\.com\/\w+\.|flickr\.com\/photos|flic\.kr|staticflickr\.com)/i,
		'image'
	]
];

/** The kind of media an address is, by its host and file ending (as TimelineJS's MediaType does). */
export function mediaKind(url: string): MediaKind {
	if (IMAGE.test(url)) return 'image';
	for (const [pattern, kind] of KINDS) if (pattern.test(url)) return kind;
	return 'link';
}

/** Reads a slide's media value: a quotation, an embed's address, or a link resolved against `resolve`. */
export function readMedia(raw: string, resolve: (href: string) => string | undefined): MediaValue {
	const value = raw.trim();
	// A post's embed code (Twitter's, Instagram's...) is a blockquote around a link to the post.
	if (/^<blockquote\b[^>]*class\s*=\s*["'][^"']*(?:tweet|instagram|tiktok|bluesky)/i.test(value)) {
		const links = [...value.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)]
			.map((m) => resolve(decodeEntities(m[1] ?? m[2] ?? '')))
			.filter((url): url is string => url !== undefined);
		const url = links.find((link) => /\/(?:status|p|post|video)\//.test(link)) ?? links.at(-1);
		const text = /<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(value)?.[1];
		if (url) return { type: 'link', kind: 'post', url, ...(text ? { text } : {}) };
	}
	if (/^<blockquote\b/i.test(value)) {
		const cite = /<cite\b[^>]*>([\s\S]*?)<\/cite>/i.exec(value)?.[1];
		const withoutCite = value.replace(/<cite\b[^>]*>[\s\S]*?<\/cite>/gi, '');
		return { type: 'quote', text: withoutCite, ...(cite ? { cite } : {}) };
	}
	if (value.startsWith('<')) {
		const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(value);
		const address = src?.[1] ?? src?.[2];
		const url = address === undefined ? undefined : resolve(decodeEntities(address));
		return url
			? { type: 'link', kind: 'embed', url }
			: { type: 'unusable', reason: 'embedded code without an http(s) address' };
	}
	const url = resolve(value);
	if (url) return { type: 'link', kind: mediaKind(url), url };
	const relative = !/^[a-z][a-z0-9+.-]*:/i.test(value);
	return {
		type: 'unusable',
		reason: relative
			? `a relative link (${value}) with no web address of the file to resolve it against`
			: `a link that is not http(s) (${value.slice(0, 40)})`
	};
}
