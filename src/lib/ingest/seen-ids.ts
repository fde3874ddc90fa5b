/**
 * The ids a file has used so far, each with where it was first seen, so that a later event reusing
 * one is rejected with the place of the first. A million ids in a `Map` cost about a second of a
 * worker's load in Chromium: the table and the id and place strings it holds live until the file is
 * read, so every collection on the way copies them again (docs/decisions.md, 33). Here the ids'
 * characters are copied into one typed array and found by their hash, and a place given as a
 * number is kept as a number and put into words only when a duplicate asks for it.
 */

/** Where an id was first seen: words ("row 14"), or a number that `describe` puts into words. */
export type Place = string | number;

const EMPTY = -1;

/** FNV-1a over the UTF-16 code units of `text`. */
function hashOf(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash | 0;
}

/** What the checks need of the ids a file has used so far ({@link SeenIds}). */
export interface IdsSeen {
	has(id: string): boolean;
	/** Where `id` was first seen, in words; undefined if it has not been seen. */
	get(id: string): string | undefined;
	/** Notes `id` as first seen at `place`; an id already seen keeps its first place. */
	set(id: string, place: Place): unknown;
}

/**
 * The ids of a file known to use no id twice ({@link allDifferent}): none is ever found again, so
 * none needs keeping.
 */
export const ALL_DIFFERENT: IdsSeen = {
	has: () => false,
	get: () => undefined,
	set: () => undefined
};

/** Bits of a hash that pick a bucket in {@link allDifferent}: 2 MB of marks, a few per cent shared at a million ids. */
const BUCKET_BITS = 24;

/**
 * Whether the `count` ids that `idAt` gives, empty ones aside, are all different. A whole table's
 * id column is known before its rows are checked: when no id repeats, the checks need not keep and
 * look up every id ({@link ALL_DIFFERENT}), which took a tenth of a million-record load
 * (docs/decisions.md, 37). Each id marks a bucket of its hash; only ids whose bucket another id
 * marked too are compared as text. `bits` sets the number of buckets (fewer, for tests).
 */
export function allDifferent(
	count: number,
	idAt: (i: number) => string,
	bits = BUCKET_BITS
): boolean {
	const mask = (1 << bits) - 1;
	const once = new Uint8Array(1 << Math.max(0, bits - 3));
	const twice = new Uint8Array(once.length);
	const hashes = new Int32Array(count);
	for (let i = 0; i < count; i++) {
		const id = idAt(i);
		if (!id) continue;
		const hash = hashOf(id);
		hashes[i] = hash;
		const bucket = hash & mask;
		const bit = 1 << (bucket & 7);
		const at = bucket >>> 3;
		if ((once[at] as number) & bit) twice[at] = (twice[at] as number) | bit;
		else once[at] = (once[at] as number) | bit;
	}
	const shared = new Set<string>();
	for (let i = 0; i < count; i++) {
		const bucket = (hashes[i] as number) & mask;
		if (!((twice[bucket >>> 3] as number) & (1 << (bucket & 7)))) continue;
		const id = idAt(i);
		if (!id) continue;
		if (shared.has(id)) return false;
		shared.add(id);
	}
	return true;
}

/** Ids seen so far in one file, with where each was first seen. */
export class SeenIds implements IdsSeen {
	/**
	 * The open-addressed table: per slot, the hash of the id held there and its number plus one (0
	 * when empty), side by side so that a probe reads one place in memory.
	 */
	#table = new Int32Array(2 << 10);
	/** Per id, in the order they were added: where its characters end in `#chars`. */
	#ends = new Uint32Array(1 << 9);
	#chars = new Uint16Array(1 << 12);
	/** Per id, the number of the place it was first seen; NaN when that place is words. */
	#places = new Float64Array(1 << 9);
	/** Places given as words, by the id's number (the few ids the full check notes). */
	#words = new Map<number, string>();
	#count = 0;
	/** The last id looked up, its hash, and the empty slot its probe ended at (-1 if it was found). */
	#lastId: string | undefined = undefined;
	#lastHash = 0;
	#lastFree = -1;
	readonly #describe: (place: number) => string;

	/**
	 * `describe` puts a place given as a number into words (by default the number itself);
	 * `expected`, the number of ids a file will bring when it is known, sizes the table once rather
	 * than growing it through a dozen copies.
	 */
	constructor(describe: (place: number) => string = String, expected = 0) {
		this.#describe = describe;
		if (expected > 0) {
			// Room for `expected` ids at most half full: a power of two slots, two numbers each.
			let slots = 1 << 10;
			while (slots < expected * 2) slots *= 2;
			this.#table = new Int32Array(2 * slots);
			this.#ends = new Uint32Array(expected);
			this.#places = new Float64Array(expected);
		}
	}

	get size(): number {
		return this.#count;
	}

	has(id: string): boolean {
		return this.#find(id) !== EMPTY;
	}

	/** Where `id` was first seen, in words; undefined if it has not been seen. */
	get(id: string): string | undefined {
		const at = this.#find(id);
		if (at === EMPTY) return undefined;
		return this.#words.get(at) ?? this.#describe(this.#places[at] as number);
	}

	/** Notes `id` as first seen at `place`; an id already seen keeps its first place. */
	set(id: string, place: Place): this {
		// After `has(id)` said no, the free slot its probe ended at is known (any `set` clears it).
		const known = id === this.#lastId && this.#lastFree >= 0;
		if (!known && this.#find(id) !== EMPTY) return this;
		const slot = this.#lastFree;
		const at = this.#count++;
		if (at >= this.#ends.length) this.#growEntries();
		const start = at === 0 ? 0 : (this.#ends[at - 1] as number);
		if (start + id.length > this.#chars.length) {
			this.#chars = grown(this.#chars, Math.max(start + id.length, this.#chars.length * 2));
		}
		for (let i = 0; i < id.length; i++) this.#chars[start + i] = id.charCodeAt(i);
		this.#ends[at] = start + id.length;
		if (typeof place === 'number') this.#places[at] = place;
		else {
			this.#places[at] = NaN;
			this.#words.set(at, place);
		}
		this.#table[2 * slot] = this.#lastHash;
		this.#table[2 * slot + 1] = at + 1;
		this.#lastId = undefined;
		// Kept at most half full, so a probe ends soon.
		if (this.#count * 4 > this.#table.length) this.#rehash(this.#table.length * 2);
		return this;
	}

	/** The number of the id `id`, or {@link EMPTY}, noting the free slot a miss ended at. */
	#find(id: string): number {
		if (id !== this.#lastId) {
			this.#lastId = id;
			this.#lastHash = hashOf(id);
		}
		const hash = this.#lastHash;
		const table = this.#table;
		const mask = (table.length >> 1) - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const entry = table[2 * slot + 1] as number;
			if (entry === 0) {
				this.#lastFree = slot;
				return EMPTY;
			}
			if (table[2 * slot] === hash && this.#holds(entry - 1, id)) {
				this.#lastFree = -1;
				return entry - 1;
			}
		}
	}

	/** Whether id number `at` is `id`, character for character. */
	#holds(at: number, id: string): boolean {
		const start = at === 0 ? 0 : (this.#ends[at - 1] as number);
		if ((this.#ends[at] as number) - start !== id.length) return false;
		for (let i = 0; i < id.length; i++) {
			if (this.#chars[start + i] !== id.charCodeAt(i)) return false;
		}
		return true;
	}

	#growEntries() {
		const size = this.#ends.length * 2;
		this.#ends = grown(this.#ends, size);
		this.#places = grown(this.#places, size);
	}

	#rehash(size: number) {
		const old = this.#table;
		const table = new Int32Array(size);
		const mask = (size >> 1) - 1;
		for (let s = 0; s < old.length; s += 2) {
			const entry = old[s + 1] as number;
			if (entry === 0) continue;
			const hash = old[s] as number;
			let slot = hash & mask;
			while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
			table[2 * slot] = hash;
			table[2 * slot + 1] = entry;
		}
		this.#table = table;
	}
}

/** A copy of `array` in a larger one of the same kind. */
function grown<T extends Uint32Array | Uint16Array | Float64Array>(array: T, size: number): T {
	const next = new (array.constructor as new (size: number) => T)(size);
	next.set(array);
	return next;
}
