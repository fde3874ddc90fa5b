/**
 * The tiles a tiled timeline keeps at hand: least recently used first out, within a budget of
 * bytes and of entries, so a long session of panning never holds the whole set. A few tiles (the
 * coarsest, which stand in for any missing one) can be kept outside the budget.
 */

/** Limits of a {@link TileCache}. */
export interface CacheBudget {
	/** Most bytes (of tile text) kept. @default 48 MiB */
	bytes: number;
	/** Most tiles kept. @default 600 */
	entries: number;
}

/** The defaults for {@link CacheBudget}. */
export const DEFAULT_BUDGET: CacheBudget = { bytes: 48 * 1024 * 1024, entries: 600 };

/** A least-recently-used map of tiles with a byte and entry budget. */
export class TileCache<T> {
	#entries = new Map<string, { value: T; bytes: number; kept: boolean }>();
	#bytes = 0;
	readonly budget: CacheBudget;

	constructor(budget: Partial<CacheBudget> = {}) {
		this.budget = { ...DEFAULT_BUDGET, ...budget };
	}

	/** The tile with `key`, now the most recently used; undefined if not at hand. */
	get(key: string): T | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		return entry.value;
	}

	/** True when `key` is at hand (without counting as a use). */
	has(key: string): boolean {
		return this.#entries.has(key);
	}

	/** The tile without counting as a use. */
	peek(key: string): T | undefined {
		return this.#entries.get(key)?.value;
	}

	/**
	 * Keeps a tile of `bytes`; `kept` tiles are never evicted and count against no budget. Evicts
	 * the least recently used others until the budget holds.
	 */
	set(key: string, value: T, bytes: number, kept = false) {
		const old = this.#entries.get(key);
		if (old && !old.kept) this.#bytes -= old.bytes;
		this.#entries.delete(key);
		this.#entries.set(key, { value, bytes, kept });
		if (!kept) this.#bytes += bytes;
		this.#evict();
	}

	/** Bytes and entries counted against the budget. */
	get size(): { bytes: number; entries: number } {
		let entries = 0;
		for (const entry of this.#entries.values()) if (!entry.kept) entries++;
		return { bytes: this.#bytes, entries };
	}

	/** Every tile at hand, oldest use first. */
	entries(): IterableIterator<[string, T]> {
		const all = [...this.#entries].map(([key, entry]) => [key, entry.value] as [string, T]);
		return all[Symbol.iterator]();
	}

	#evict() {
		let entries = this.size.entries;
		for (const [key, entry] of this.#entries) {
			if (this.#bytes <= this.budget.bytes && entries <= this.budget.entries) break;
			if (entry.kept) continue;
			this.#entries.delete(key);
			this.#bytes -= entry.bytes;
			entries--;
		}
	}
}
