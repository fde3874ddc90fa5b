/**
 * A stable sort of positions by number, by radix, for the large timelines a file brings: loaded with
 * the importers, out of the first paint (docs/decisions.md, 31).
 */
/** Whether this machine stores numbers little end first (every browser's does; checked, not assumed). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The positions of `keys` in ascending order, equal keys in their order (a stable sort), by a radix
 * sort of the numbers' bits: at a million midpoints, `Array.prototype.sort` with a comparison
 * function took most of a second where this takes a few tens of milliseconds (docs/decisions.md,
 * 31). NaN sorts last; −0 and 0 are equal.
 */
export function sortedPositions(keys: Float64Array): Uint32Array {
	const n = keys.length;
	const values = new Float64Array(n);
	for (let i = 0; i < n; i++) values[i] = (keys[i] as number) + 0;
	const words = new Uint32Array(values.buffer);
	const [low, high] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
	// The bits made to sort as unsigned integers: negatives reversed, positives above them.
	const lo = new Uint32Array(n);
	const hi = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const h = words[2 * i + high] as number;
		const l = words[2 * i + low] as number;
		const negative = (h & 0x80000000) !== 0;
		hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
		lo[i] = negative ? ~l >>> 0 : l;
	}
	let order = new Uint32Array(n);
	for (let i = 0; i < n; i++) order[i] = i;
	let next = new Uint32Array(n);
	const counts = new Uint32Array(0x10001);
	for (const [word, shift] of [
		[lo, 0],
		[lo, 16],
		[hi, 0],
		[hi, 16]
	] as const) {
		counts.fill(0);
		for (let i = 0; i < n; i++) {
			const digit = ((word[order[i] as number] as number) >>> shift) & 0xffff;
			counts[digit + 1] = (counts[digit + 1] as number) + 1;
		}
		// A digit all keys share moves nothing.
		if (counts.includes(n)) continue;
		for (let d = 1; d <= 0x10000; d++)
			counts[d] = (counts[d] as number) + (counts[d - 1] as number);
		for (let i = 0; i < n; i++) {
			const at = order[i] as number;
			const digit = ((word[at] as number) >>> shift) & 0xffff;
			const to = counts[digit] as number;
			next[to] = at;
			counts[digit] = to + 1;
		}
		[order, next] = [next, order];
	}
	return order;
}
