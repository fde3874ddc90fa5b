/**
 * TimelineJS text is HTML. This reads the part of it a reader of the slide would notice (paragraphs,
 * line breaks, lists, quotations, emphasis, links) into a small typed tree that the page renders as
 * text nodes; every other tag is dropped and keeps only its text. No markup ever reaches the page.
 */
import type { Block, Span } from '$lib/model/schema';
import { decodeEntities } from './plain-text';

/** Turns a link as written (maybe relative) into an absolute http(s) or mailto address, or nothing. */
export type LinkResolver = (href: string) => string | undefined;

const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section']);
const EM_TAGS = new Set(['em', 'i', 'cite']);
const STRONG_TAGS = new Set(['strong', 'b']);
const TOKEN =
	/<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-z][a-z0-9]*)\b([^>]*)(?:>|$)|<[!?][^>]*(?:>|$)|[^<]+|</g;

interface Marks {
	em: number;
	strong: number;
	href: (string | undefined)[];
}

/** Builds blocks while the tokens arrive: the open block, list and marks. */
class TreeBuilder {
	blocks: Block[] = [];
	#spans: Span[] = [];
	#kind: 'p' | 'quote' = 'p';
	#quoteDepth = 0;
	#list: { kind: 'ul' | 'ol'; items: Span[][] } | undefined;
	#marks: Marks = { em: 0, strong: 0, href: [] };

	text(raw: string) {
		const text = decodeEntities(raw).replace(/[ \t\r\n\f\v]+/g, ' ');
		if (!text) return;
		const href = this.#marks.href.at(-1);
		const span: Span = {
			text,
			...(this.#marks.em ? { em: true as const } : {}),
			...(this.#marks.strong ? { strong: true as const } : {}),
			...(href ? { href } : {})
		};
		const last = this.#spans.at(-1);
		if (last && last.em === span.em && last.strong === span.strong && last.href === span.href) {
			this.#spans[this.#spans.length - 1] = { ...last, text: last.text + text };
		} else this.#spans.push(span);
	}

	lineBreak() {
		const last = this.#spans.at(-1);
		if (last) this.#spans[this.#spans.length - 1] = { ...last, text: `${last.text}\n` };
	}

	/** Ends the open paragraph or list item. */
	flush() {
		const spans = tidy(this.#spans);
		this.#spans = [];
		if (!spans.length) return;
		if (this.#list) this.#list.items.push(spans);
		else this.blocks.push({ kind: this.#kind, spans });
	}

	startList(kind: 'ul' | 'ol') {
		this.flush();
		this.endList();
		this.#list = { kind, items: [] };
	}

	endList() {
		this.flush();
		if (this.#list?.items.length) this.blocks.push(this.#list);
		this.#list = undefined;
	}

	quote(open: boolean) {
		this.flush();
		this.#quoteDepth = Math.max(0, this.#quoteDepth + (open ? 1 : -1));
		this.#kind = this.#quoteDepth ? 'quote' : 'p';
	}

	mark(tag: string, closing: boolean, attrs: string, resolve: LinkResolver) {
		const m = this.#marks;
		if (EM_TAGS.has(tag)) m.em = Math.max(0, m.em + (closing ? -1 : 1));
		else if (STRONG_TAGS.has(tag)) m.strong = Math.max(0, m.strong + (closing ? -1 : 1));
		else if (tag === 'a') {
			if (closing) m.href.pop();
			else m.href.push(linkOf(attrs, resolve));
		}
	}
}

/** Trims a run of spans at its ends; drops empty spans. */
function tidy(spans: Span[]): Span[] {
	const out = spans.map((span) => ({ ...span, text: span.text.replace(/ *\n */g, '\n') }));
	const first = out[0];
	if (first) first.text = first.text.replace(/^[\s]+/, '');
	const last = out.at(-1);
	if (last) last.text = last.text.replace(/[\s]+$/, '');
	return out.filter((span) => span.text !== '');
}

function linkOf(attrs: string, resolve: LinkResolver): string | undefined {
	const m = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
	const raw = m?.[1] ?? m?.[2] ?? m?.[3];
	return raw === undefined ? undefined : resolve(decodeEntities(raw).trim());
}

/** Keeps absolute http(s) and mailto links as they are; refuses everything else. */
export const absoluteLinksOnly: LinkResolver = (href) =>
	/^(https?:\/\/|mailto:)/i.test(href) ? href : undefined;

/**
 * The structured text of an HTML fragment: paragraphs (`<p>`, `<div>`, headings, or text between
 * blocks), line breaks, `<ul>`/`<ol>` lists, `<blockquote>` quotations, emphasis, strong text and
 * links that `resolve` accepts. Comments, scripts and styles go with their content.
 */
export function richText(html: string, resolve: LinkResolver = absoluteLinksOnly): Block[] {
	const tree = new TreeBuilder();
	for (const m of html.matchAll(TOKEN)) {
		const [token, dropped, slash, rawTag, attrs = ''] = m;
		if (dropped || token.startsWith('<!') || token.startsWith('<?')) continue;
		if (rawTag === undefined) {
			tree.text(token);
			continue;
		}
		const tag = rawTag.toLowerCase();
		const closing = slash === '/';
		if (tag === 'br') tree.lineBreak();
		else if (BLOCK_TAGS.has(tag)) tree.flush();
		else if (tag === 'ul' || tag === 'ol') {
			if (closing) tree.endList();
			else tree.startList(tag);
		} else if (tag === 'li') tree.flush();
		else if (tag === 'blockquote') tree.quote(!closing);
		else tree.mark(tag, closing, attrs, resolve);
	}
	tree.endList();
	return tree.blocks;
}

/** The plain text of blocks: paragraphs apart by a blank line, list items on lines of their own. */
export function blocksText(blocks: readonly Block[]): string {
	const spansText = (spans: readonly Span[]) => spans.map((span) => span.text).join('');
	return blocks
		.map((block) =>
			'items' in block
				? block.items
						.map((item, i) => `${block.kind === 'ol' ? `${i + 1}.` : '•'} ${spansText(item)}`)
						.join('\n')
				: spansText(block.spans)
		)
		.join('\n\n');
}

/** True when blocks say more than their plain text: links, emphasis, lists, quotes or paragraphs. */
export function isStructured(blocks: readonly Block[]): boolean {
	return (
		blocks.length > 1 ||
		blocks.some(
			(block) =>
				'items' in block ||
				block.kind !== 'p' ||
				block.spans.some((span) => span.em || span.strong || span.href || span.text.includes('\n'))
		)
	);
}
