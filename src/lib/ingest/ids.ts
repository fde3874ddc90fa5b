/**
 * Ids for events and categories that a file does not name: readable, the same on every import of the
 * same file, and never clashing with an id the file does give.
 */

/** Lower-case ASCII words joined by `-`: "Żółta Łódź!" → "zolta-lodz"; empty when no letter is left. */
export function slugify(text: string, maxLength = 48): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ł/g, 'l')
		.replace(/Ł/g, 'L')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, maxLength)
		.replace(/^-+|-+$/g, '');
}

/**
 * A TimelineJS `unique_id` as TimelineJS makes it a slug: trimmed, lower case, accents dropped,
 * `· / _ , : ;` and spaces turned into `-`, other signs removed, dashes collapsed. Unlike TimelineJS it
 * does not put `_` before a leading digit, since Eventline ids may start with one, and it trims dashes
 * at the ends, where an Eventline id cannot have them.
 */
export function timelineJsSlug(text: string): string {
	return text
		.trim()
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[·/_,:;]/g, '-')
		.replace(/[^a-z0-9 -]/g, '')
		.replace(/\s+/g, '-')
		.replace(/-+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`... whichever is not yet in `taken`; the result is added to `taken`. */
export function claimId(base: string, taken: Set<string>): string {
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}

/**
 * An id for an event the file gives none: the slug of its title and its position, e.g. `flood-3`, kept
 * apart from the ids in `taken` (the file's own ids and those handed out before).
 */
export function generatedId(title: string, index: number, taken: Set<string>, prefix = ''): string {
	return claimId(`${prefix}${slugify(title) || 'event'}-${index}`, taken);
}
