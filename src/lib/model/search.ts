/**
 * Search over what an event says: title, summary, actors, places, notes (an ACLED event's
 * fatalities among them), quotes and who said them.
 * Case and accents are ignored ("sikorski" finds "Sikorski", "sybiha" finds "Sybiha").
 */
import type { PreparedEvent } from './timeline';

/** Lower case without diacritics, for forgiving comparison. */
export const fold = (text: string) =>
	text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();

const haystacks = new WeakMap<PreparedEvent, string>();

function haystack(item: PreparedEvent): string {
	let text = haystacks.get(item);
	if (text === undefined) {
		const e = item.event;
		text = fold(
			[
				e.title,
				e.summary ?? '',
				...(e.actors ?? []),
				...(e.places ?? []),
				...(e.notes ?? []),
				...(e.quotes ?? []).flatMap((q) => [q.text, q.speaker])
			].join('\n')
		);
		haystacks.set(item, text);
	}
	return text;
}

/** Ids of the events matching every word of `query`, or undefined when there is no query. */
export function searchEvents(
	events: readonly PreparedEvent[],
	query: string
): ReadonlySet<string> | undefined {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return undefined;
	const matches = new Set<string>();
	for (const item of events) {
		const text = haystack(item);
		if (words.every((word) => text.includes(word))) matches.add(item.id);
	}
	return matches;
}
