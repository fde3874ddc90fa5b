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

/** Ids seen so far in one file, with where each was first seen. */
export class SeenIds {
	/** Per slot of the open-addressed table: the number of the id held there, or {@link EMPTY}. */
	#slots = new Int32Array(1 << 10).fill(EMPTY);
	/** Per id, in the order they were added: its hash, and where its characters end in `#chars`. */
	#hashes = new Int32Array(1 << 9);
	#ends = new Uint32Array(1 << 9);
	#chars = new Uint16Array(1 << 12);
	/** Per id, the number of the place it was first seen; NaN when that place is words. */
	#places = new Float64Array(1 << 9);
	/** Places given as words, by the id's number (the few ids the full check notes). */
	#words = new Map<number, string>();
	#count = 0;
	/** The last id looked up and its hash: `set` after `has` of the same id hashes it once. */
	#lastId: string | undefined = undefined;
	#lastHash = 0;
	readonly #describe: (place: number) => string;

	/** `describe` puts a place given as a number into words (by default the number itself). */
	constructor(describe: (place: number) => string = String) {
		this.#describe = describe;
	}

	get size(): number {
		return this.#count;
	}

	has(id: string): boolean {
		return this.#find(id, this.#hashOf(id)) !== EMPTY;
	}

	#hashOf(id: string): number {
		if (id !== this.#lastId) {
			this.#lastId = id;
			this.#lastHash = hashOf(id);
		}
		return this.#lastHash;
	}

	/** Where `id` was first seen, in words; undefined if it has not been seen. */
	get(id: string): string | undefined {
		const at = this.#find(id, this.#hashOf(id));
		if (at === EMPTY) return undefined;
		return this.#words.get(at) ?? this.#describe(this.#places[at] as number);
	}

	/** Notes `id` as first seen at `place`; an id already seen keeps its first place. */
	set(id: string, place: Place): this {
		const hash = this.#hashOf(id);
		if (this.#find(id, hash) !== EMPTY) return this;
		const at = this.#count++;
		if (at >= this.#hashes.length) this.#growEntries();
		const start = at === 0 ? 0 : (this.#ends[at - 1] as number);
		if (start + id.length > this.#chars.length) {
			this.#chars = grown(this.#chars, Math.max(start + id.length, this.#chars.length * 2));
		}
		for (let i = 0; i < id.length; i++) this.#chars[start + i] = id.charCodeAt(i);
		this.#ends[at] = start + id.length;
		this.#hashes[at] = hash;
		if (typeof place === 'number') this.#places[at] = place;
		else {
			this.#places[at] = NaN;
			this.#words.set(at, place);
		}
		// Kept at most half full, so a probe ends soon.
		if (this.#count * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
		else this.#slots[this.#slotFor(hash)] = at;
		return this;
	}

	/** The number of the id `id` (whose hash is `hash`), or {@link EMPTY}. */
	#find(id: string, hash: number): number {
		const mask = this.#slots.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const at = this.#slots[slot] as number;
			if (at === EMPTY) return EMPTY;
			if (this.#hashes[at] === hash && this.#holds(at, id)) return at;
		}
	}

	/** The first free slot for `hash`. */
	#slotFor(hash: number): number {
		const mask = this.#slots.length - 1;
		let slot = hash & mask;
		while (this.#slots[slot] !== EMPTY) slot = (slot + 1) & mask;
		return slot;
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
		const size = this.#hashes.length * 2;
		this.#hashes = grown(this.#hashes, size);
		this.#ends = grown(this.#ends, size);
		this.#places = grown(this.#places, size);
	}

	#rehash(size: number) {
		this.#slots = new Int32Array(size).fill(EMPTY);
		for (let at = 0; at < this.#count; at++) {
			this.#slots[this.#slotFor(this.#hashes[at] as number)] = at;
		}
	}
}

/** A copy of `array` in a larger one of the same kind. */
function grown<T extends Int32Array | Uint32Array | Uint16Array | Float64Array>(
	array: T,
	size: number
): T {
	const next = new (array.constructor as new (size: number) => T)(size);
	next.set(array);
	return next;
}
