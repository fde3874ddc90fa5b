/**
 * TimelineJS fields are HTML; Eventline shows plain text. These turn markup into the text a reader of
 * the TimelineJS page would have seen, without ever keeping a tag.
 */

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”'
};

/** Decodes the named and numeric character references of HTML text. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
		if (name.startsWith('#')) {
			const hex = name[1] === 'x' || name[1] === 'X';
			const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
			// Surrogates, NUL and values past Unicode cannot stand for a character.
			const usable = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
			return usable ? String.fromCodePoint(code) : whole;
		}
		return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] ?? whole) : whole;
	});
}

function stripTags(html: string): string {
	return (
		html
			.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
			.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
			.replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6]|blockquote|tr|ul|ol)\s*>/gi, '\n')
			// An unclosed `<a href=...` at the end is markup too: TimelineJS's browser would hide it.
			.replace(/<\/?[a-z][^>]*(?:>|$)|<[!?][^>]*(?:>|$)/gi, '')
	);
}

/**
 * Plain text of an HTML fragment: tags removed (a line break for `<br>` and the end of a block),
 * `<script>`/`<style>` dropped with their content, entities decoded, spaces collapsed, paragraphs kept.
 */
export function plainText(html: string): string {
	// Most values hold no markup at all; they skip the regular expressions.
	const text = /[<&]/.test(html) ? decodeEntities(stripTags(html)) : html;
	return text
		.split(/\r\n?|\n/)
		.map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** {@link plainText} on one line, for titles and labels. */
export function plainLine(html: string): string {
	return plainText(html).replace(/\s*\n\s*/g, ' ');
}
