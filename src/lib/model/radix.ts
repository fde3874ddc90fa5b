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
 * 31). NaN sorts last; −0 and 0 are equal. Each pass moves the keys with their positions, 11 bits
 * at a time, so it reads them in order and writes to 2,048 places: reading keys through the
 * positions, 16 bits at a time, took half as long again.
 */
export function sortedPositions(keys: Float64Array): Uint32Array {
	const n = keys.length;
	const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
	const [low, high] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
	// The bits made to sort as unsigned integers: negatives reversed, positives above them.
	let lo = new Uint32Array(n);
	let hi = new Uint32Array(n);
	let at = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const key = keys[i] as number;
		let h = words[2 * i + high] as number;
		let l = words[2 * i + low] as number;
		if (key === 0) h = l = 0;
		else if (key !== key) [h, l] = [0x7ff80000, 0];
		const negative = (h & 0x80000000) !== 0;
		hi[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
		lo[i] = negative ? ~l >>> 0 : l;
		at[i] = i;
	}
	let lo2 = new Uint32Array(n);
	let hi2 = new Uint32Array(n);
	let at2 = new Uint32Array(n);
	const counts = new Uint32Array(DIGITS + 1);
	for (const [inHigh, shift] of PASSES) {
		const digits = inHigh ? hi : lo;
		counts.fill(0);
		for (let i = 0; i < n; i++) {
			const digit = ((digits[i] as number) >>> shift) & (DIGITS - 1);
			counts[digit + 1] = (counts[digit + 1] as number) + 1;
		}
		// A digit all keys share moves nothing.
		if (counts.includes(n)) continue;
		for (let d = 1; d <= DIGITS; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
		for (let i = 0; i < n; i++) {
			const digit = ((digits[i] as number) >>> shift) & (DIGITS - 1);
			const to = counts[digit] as number;
			counts[digit] = to + 1;
			lo2[to] = lo[i] as number;
			hi2[to] = hi[i] as number;
			at2[to] = at[i] as number;
		}
		[lo, lo2, hi, hi2, at, at2] = [lo2, lo, hi2, hi, at2, at];
	}
	return at;
}

/** Values of one digit: 11 bits. */
const DIGITS = 1 << 11;
/** The passes, least significant digit first: which word (high or low), and the digit's shift. */
const PASSES: readonly (readonly [boolean, number])[] = [
	[false, 0],
	[false, 11],
	[false, 22],
	[true, 0],
	[true, 11],
	[true, 22]
];
