/** Counts as people write them. */

/**
 * `n` and the noun, singular for one: "1 event", "1,204 events".
 * @default plural the noun with an "s"
 */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
	return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}
